import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));

/** Reads a JSON fixture under tests-ts/fixtures. */
export function fixture<T = any>(path: string): T {
  return JSON.parse(readFileSync(join(here, 'fixtures', path), 'utf8')) as T;
}

/** float32 bit pattern of a number, as '0x3f800000'. */
export function f32hex(x: number): string {
  const v = new DataView(new ArrayBuffer(4));
  v.setFloat32(0, x);
  return '0x' + v.getUint32(0).toString(16).padStart(8, '0');
}

/** Both builds, for suites that must pass on each. */
export const BUILDS = [
  { simd: true, name: 'wasm-simd' },
  { simd: false, name: 'wasm-scalar' },
] as const;
