import { defineConfig } from 'tsup';
import { copyFileSync } from 'node:fs';

export default defineConfig({
  entry: { index: 'wrapper/index.ts', workerd: 'wrapper/index.workerd.ts' },
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'wrapper/index.ts' } },
  target: 'es2022',
  platform: 'neutral',
  sourcemap: false,
  splitting: false,
  clean: true,
  shims: true,
  removeNodeProtocol: false,
  // Class names are API (TFP reprs, error messages, joint-distribution part names): keep
  // them when esbuild renames a self-referencing class (`class _Independent`).
  keepNames: true,
  external: [/\.wasm$/],
  async onSuccess() {
    copyFileSync('build/probasm.simd.wasm', 'dist/probasm.simd.wasm');
    copyFileSync('build/probasm.scalar.wasm', 'dist/probasm.scalar.wasm');
  },
});
