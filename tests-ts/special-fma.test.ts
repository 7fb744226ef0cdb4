// The exact fused multiply-add emulations the XLA-exact kernels rest on, checked against
// exact rational arithmetic (BigInt) on random and adversarial (midpoint) inputs.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { init } from '../wrapper/index.ts';
import { core } from '../wrapper/runtime/core.ts';

/** x = m * 2^e exactly, m a BigInt. */
function decompose(x: number): [bigint, number] {
  if (x === 0) return [0n, 0];
  const v = new DataView(new ArrayBuffer(8));
  v.setFloat64(0, x);
  const bits = v.getBigUint64(0);
  const sign = bits >> 63n ? -1n : 1n;
  const ex = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & ((1n << 52n) - 1n);
  return ex === 0 ? [sign * frac, -1074] : [sign * (frac | (1n << 52n)), ex - 1075];
}

/** Round m * 2^e to `p` significant bits, ties to even (normal range only). */
function roundExact(m: bigint, e: number, p: number): number {
  if (m === 0n) return 0;
  const neg = m < 0n;
  let a = neg ? -m : m;
  const len = a.toString(2).length;
  const shift = len - p;
  if (shift > 0) {
    const q = a >> BigInt(shift);
    const r = a - (q << BigInt(shift));
    const half = 1n << BigInt(shift - 1);
    a = r > half || (r === half && (q & 1n) === 1n) ? q + 1n : q;
    e += shift;
  }
  const v = Number(a) * 2 ** e;
  return neg ? -v : v;
}

function exactFma(a: number, b: number, c: number, p: number): number {
  const [ma, ea] = decompose(a), [mb, eb] = decompose(b), [mc, ec] = decompose(c);
  const ep = ea + eb, mp = ma * mb;
  const e = Math.min(ep, ec);
  const m = (mp << BigInt(ep - e)) + (mc << BigInt(ec - e));
  return roundExact(m, e, p);
}

describe('fused multiply-add emulation', () => {
  before(() => init());

  it('fma32Exact is the correctly rounded float32 fma on random float32 inputs', () => {
    const { ex } = core();
    const f32 = fc.float({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true, minExcluded: false })
      .filter((x) => x === 0 || Math.abs(x) > 1e-20);
    fc.assert(fc.property(f32, f32, f32, (a, b, c) => {
      const got = ex.fma32Exact(a, b, c);
      const want = exactFma(a, b, c, 24);
      return Object.is(got, want) || (got === 0 && want === 0);
    }), { numRuns: 3000, seed: 42 });
  });

  it('fma32Exact rounds f64-midpoint sums the way a hardware f32 fma does', () => {
    const { ex } = core();
    // 2665 * 402905 = 2^30 + 1, so a*b + c = 1 + 2^-24 + 2^-54 exactly: f64 rounds it to
    // the f32 midpoint 1 + 2^-24, then f32 ties-to-even gives 1; the true fma is 1 + 2^-23.
    const a = 2665, b = 402905 * 2 ** -54, c = 1;
    const want = exactFma(a, b, c, 24);
    assert.equal(want, 1 + 2 ** -23);
    assert.equal(ex.fma32Exact(a, b, c), want);
    assert.notEqual(Math.fround(a * b + c), want, 'the naive double-rounded value differs here');
  });

  for (const simd of [true, false]) {
    it(`fma32Batch (the kernels' fast path with midpoint detection) is exact on the ${simd ? 'SIMD' : 'scalar'} build`, async () => {
      await init({ simd });
      const { ex, ws } = core();
      const rnd = fc.sample(fc.tuple(fc.float({ min: -1e4, max: 1e4, noNaN: true }), fc.float({ min: -1e4, max: 1e4, noNaN: true }), fc.float({ min: -1e4, max: 1e4, noNaN: true })), { numRuns: 4000, seed: 3 });
      // adversarial: a*b = 2^-24 + 2^-54 scaled, c = 1 (f64 lands on the f32 midpoint), both signs
      const adv: [number, number, number][] = [];
      for (let s = 0; s < 64; s++) {
        const sg = s % 2 ? -1 : 1;
        adv.push([2665, sg * 402905 * 2 ** -54, sg], [2665 * 2 ** (s % 7), sg * 402905 * 2 ** (-54 - (s % 7)), sg]);
      }
      const all = [...rnd, ...adv];
      const n = all.length;
      const got = ws.scoped(() => {
        const pa = ws.alloc(4 * n), pb = ws.alloc(4 * n), pc = ws.alloc(4 * n), po = ws.alloc(4 * n);
        ws.f32(pa, n).set(all.map((t) => t[0])); ws.f32(pb, n).set(all.map((t) => t[1])); ws.f32(pc, n).set(all.map((t) => t[2]));
        ex.fma32Batch(pa, pb, pc, po, n);
        return Array.from(ws.f32(po, n));
      });
      for (let i = 0; i < n; i++) {
        const [a, b, c] = all[i].map(Math.fround);
        const want = exactFma(a, b, c, 24);
        assert.ok(Object.is(got[i], Math.fround(want)) || (got[i] === 0 && want === 0), `fma(${a}, ${b}, ${c}) = ${got[i]}, want ${want}`);
      }
    });
  }

  it('fma64 is the correctly rounded float64 fma on random doubles', () => {
    const { ex } = core();
    const f64 = fc.double({ min: -1e100, max: 1e100, noNaN: true, noDefaultInfinity: true })
      .filter((x) => x === 0 || Math.abs(x) > 1e-100);
    fc.assert(fc.property(f64, f64, f64, (a, b, c) => {
      const got = ex.fma64(a, b, c);
      const want = exactFma(a, b, c, 53);
      return Object.is(got, want) || (got === 0 && want === 0);
    }), { numRuns: 3000, seed: 7 });
  });

  it('fma64 handles products that cancel c almost exactly', () => {
    const { ex } = core();
    for (const [a, b] of [[0.1, 10], [1 / 3, 3], [Math.PI, 1 / Math.PI], [1 + 2 ** -30, 1 - 2 ** -30]]) {
      const c = -(a * b);
      assert.equal(ex.fma64(a, b, c), exactFma(a, b, c, 53), `${a} * ${b}`);
    }
  });
});
