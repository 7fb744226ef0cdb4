// The SIMD and scalar builds must produce identical bits: integer Threefry trivially, and
// the float transforms because every fused multiply-add is emulated exactly in both.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { init, backend, config, random, Tensor } from '../wrapper/index.ts';
import { firstDiff } from './helpers.ts';

async function onBoth(f: () => Tensor): Promise<[Uint32Array, Uint32Array]> {
  await init({ simd: true });
  assert.equal(backend(), 'wasm-simd');
  const a = f().data();
  await init({ simd: false });
  assert.equal(backend(), 'wasm-scalar');
  const b = f().data();
  return [new Uint32Array(a.buffer), new Uint32Array(b.buffer)];
}


const N = 1_000_000;
for (const layout of ['classic', 'partitionable'] as const) {
  describe(`SIMD and scalar builds agree bit for bit (${layout} layout)`, () => {
    const k = () => random.key(20261123, { partitionable: layout === 'partitionable' });
    it(`on 10^6 bits`, async () => {
      const [a, b] = await onBoth(() => random.bits(k(), [N]));
      assert.equal(firstDiff(a, b), -1);
    });
    it(`on 10^6 float32 normals`, async () => {
      const [a, b] = await onBoth(() => random.normal(k(), [N]));
      assert.equal(firstDiff(a, b), -1);
    });
    it(`on 10^6 float32 uniforms with a non-power-of-two span`, async () => {
      const [a, b] = await onBoth(() => random.uniform(k(), [N], 'float32', -2, 5));
      assert.equal(firstDiff(a, b), -1);
    });
    it(`on 10^6 float32 exponentials and gumbels`, async () => {
      const [a, b] = await onBoth(() => random.exponential(k(), [N]));
      assert.equal(firstDiff(a, b), -1);
      const [c, d] = await onBoth(() => random.gumbel(k(), [N]));
      assert.equal(firstDiff(c, d), -1);
    });
    it('on float64 normals and uniforms', async () => {
      const [a, b] = await onBoth(() => random.normal(k(), [100_001], 'float64'));
      assert.equal(firstDiff(a, b), -1);
      const [c, d] = await onBoth(() => random.uniform(k(), [100_001], 'float64', -3, 7));
      assert.equal(firstDiff(c, d), -1);
    });
    it('on every size from 0 to 40 (vector tails)', async () => {
      for (let n = 0; n <= 40; n++) {
        const [a, b] = await onBoth(() => random.normal(k(), [n]));
        assert.equal(firstDiff(a, b), -1, `size ${n}`);
        const [c, d] = await onBoth(() => random.split(k(), n));
        assert.equal(firstDiff(c, d), -1, `split ${n}`);
      }
    });
  });
}

describe('config switches', () => {
  it('reject unknown names and non-boolean values', () => {
    assert.throws(() => (config.update as any)('jax_nope', true), /unknown option 'jax_nope'|unknown option "jax_nope"/);
    assert.throws(() => (config.update as any)('jax_enable_x64', 1), /must be true or false/);
  });
});

describe('the float32 transforms agree on every possible input', () => {
  // normal/exponential read only bits >>> 9: 2^23 distinct inputs, all checked (with the
  // ignored low bits set differently in each build, which must not matter).
  async function transformAll(simd: boolean, kernel: 'normalF32' | 'exponentialF32' | 'uniformF32', low: number): Promise<Uint32Array> {
    await init({ simd });
    const { core } = await import('../wrapper/runtime/core.ts');
    const { ex, ws } = core();
    const n = 1 << 23;
    return ws.scoped(() => {
      const p = ws.alloc(4 * n);
      const bits = ws.u32(p, n);
      for (let i = 0; i < n; i++) bits[i] = (i << 9) | low;
      if (kernel === 'uniformF32') ex.uniformF32(p, p, n, -2, 5);
      else ex[kernel](p, p, n);
      return ws.u32(p, n).slice();
    });
  }
  for (const kernel of ['normalF32', 'exponentialF32', 'uniformF32'] as const) {
    it(`${kernel}: SIMD == scalar on all 2^23 inputs`, async () => {
      const a = await transformAll(true, kernel, 0x1ff);
      const b = await transformAll(false, kernel, 0);
      assert.equal(firstDiff(a, b), -1);
    });
  }
});
