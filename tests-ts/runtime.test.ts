// Loading the core. This file runs in its own process, so the first test sees no core.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { init, backend, random } from '../wrapper/index.ts';
import { core } from '../wrapper/runtime/core.ts';
import { simdSupported } from '../wrapper/runtime/simd.ts';

describe('init and backend', () => {
  it('refuses to work before init() with a clear message', () => {
    assert.throws(() => backend(), /not initialized: call `await init\(\)` first/);
    assert.throws(() => random.normal(random.key(0)), /not initialized/);
  });

  it('shares one load between concurrent calls and is idempotent', async () => {
    const a = init(), b = init();
    assert.equal(a, b);
    await Promise.all([a, b]);
    const ex = core().ex;
    await init();
    assert.equal(core().ex, ex);
  });

  it('picks the SIMD build where the runtime validates SIMD', async () => {
    await init();
    assert.equal(simdSupported(), true);
    assert.equal(backend(), 'wasm-simd');
    assert.equal(WebAssembly.validate(readFileSync('build/probasm.simd.wasm')), simdSupported());
  });

  it('switches builds on request', async () => {
    await init({ simd: false });
    assert.equal(backend(), 'wasm-scalar');
    await init({ simd: true });
    assert.equal(backend(), 'wasm-simd');
  });

  it('accepts a precompiled WebAssembly.Module and bytes, and tells the builds apart', async () => {
    const scalar = new WebAssembly.Module(readFileSync('build/probasm.scalar.wasm'));
    await init({ module: scalar });
    assert.equal(backend(), 'wasm-scalar');
    await init({ module: readFileSync('build/probasm.simd.wasm') });
    assert.equal(backend(), 'wasm-simd');
    await assert.rejects(init({ module: scalar, simd: true }), /module given is the scalar build/);
    assert.equal(random.normal(random.key(0)).item(), Math.fround(-0.20584226));
  });

  it('rejects bad options and modules that are not the core', async () => {
    await assert.rejects(init({ simd: 'yes' as never }), /simd must be true or false/);
    await assert.rejects(init({ module: 42 as never }), /module must be a WebAssembly.Module/);
    const empty = new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
    await assert.rejects(init({ module: empty }), /not a probasm core/);
    await init();
  });

  it('imports nothing from the host in either build', () => {
    for (const b of ['simd', 'scalar']) {
      const m = new WebAssembly.Module(readFileSync(`build/probasm.${b}.wasm`));
      assert.deepEqual(WebAssembly.Module.imports(m), [], b);
    }
  });

  it('keeps linear memory bounded over many draws (workspace is released)', async () => {
    await init();
    const { ws } = core();
    random.normal(random.key(0), [100_000]);
    const size = ws.memoryBytes;
    for (let i = 0; i < 2000; i++) random.normal(random.foldIn(random.key(0), i), [1000]);
    assert.equal(ws.used, 0);
    assert.equal(ws.memoryBytes, size);
  });
});
