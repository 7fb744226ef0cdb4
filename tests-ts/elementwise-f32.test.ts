// float32 exp and log (assembly/special/expf.ts, logf.ts; f32x4 bodies in assembly/simd/):
// (1) the SIMD and scalar builds agree bit for bit on 2^22 random bit patterns (all
// exponents, subnormals, NaN, inf) and on every length 0..37 (vector tails);
// (2) error against the correctly rounded float32 result, taken as fround(Math.exp(x)) /
// fround(Math.log(x)) computed in float64 (V8's fdlibm: within 1 ulp of float64, so the
// reference can differ from the true correctly rounded float32 only when the exact value
// lies within ~2^-29 relative of a float32 rounding boundary): integer ulp distance,
// budget <= 1 ulp (the documented budget is 2; measured 1) for normal outputs, and <= 1
// subnormal ulp (2^-149) for subnormal outputs; (3) specials. Speed is measured in
// bench/ops.ts (npm run bench:ops), not here.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { init, np, Tensor } from '../wrapper/index.ts';
import { core } from '../wrapper/runtime/core.ts';
import { firstDiff, words, ord32 } from './helpers.ts';

const EXP = 3, LOG = 4; // Un.Exp, Un.Log in assembly/kernels/elementwise.ts

/** Runs the raw kernel unaryF32(op) on xs in the given build. */
async function kernel(simd: boolean, op: number, xs: Float32Array): Promise<Uint32Array> {
  await init({ simd });
  const c = core();
  return c.ws.scoped(() => {
    const n = xs.length, p = c.ws.alloc(Math.max(4, n * 4));
    new Float32Array(c.ex.memory.buffer, p, n).set(xs);
    c.ex.unaryF32(op, p, p, n);
    return new Uint32Array(c.ex.memory.buffer.slice(p, p + n * 4));
  });
}



const SPECIAL_BITS = [0x00000000, 0x80000000, 0x7f800000, 0xff800000, 0x7fc00000, 0xffc00000,
  0x7f800001, 0x7fa00000, 0x00000001, 0x80000001, 0x007fffff, 0x00800000, 0x7f7fffff, 0xff7fffff,
  0x3f800000, 0xbf800000, 0x42b17217, 0x42b17218, 0xc2cff1b4, 0xc2cff1b5, 0xc2ce8ed0, 0xc2aeac4f, 0xc2aeac50];

/** Maps float32 bits to a signed integer ordered like the values (ulp distance = difference). */
const ord = ord32;
const MIN_NORMAL = 1.1754943508222875e-38;

/** Max ulp distance to fround(ref(x)) over bit patterns lo, lo + stride, ... < hi. */
async function sweep(op: number, ref: (x: number) => number, lo: number, hi: number, stride: number) {
  const bits = new Uint32Array(Math.ceil((hi - lo) / stride));
  for (let i = 0, b = lo; b < hi; b += stride) bits[i++] = b;
  const xs = new Float32Array(bits.buffer);
  const got = await kernel(true, op, xs);
  const rb = new Uint32Array(1), rf = new Float32Array(rb.buffer);
  let normal = 0, sub = 0, worst = NaN, n = 0;
  for (let i = 0; i < xs.length; i++) {
    rf[0] = ref(xs[i]);
    const u = Math.abs(ord(got[i]) - ord(rb[0]));
    if (Math.abs(rf[0]) < MIN_NORMAL) sub = Math.max(sub, u);
    else if (u > normal) { normal = u; worst = xs[i]; }
    n++;
  }
  return { normal, sub, worst, n };
}

describe('float32 exp/log: SIMD and scalar builds agree bit for bit', () => {
  for (const [name, op] of [['exp', EXP], ['log', LOG]] as const) {
    it(`${name} on 2^22 random bit patterns (all exponents, subnormals, NaN, inf)`, async () => {
      const w = words(1 << 22, op === EXP ? 20261123 : 77031);
      w.set(SPECIAL_BITS);
      // Half the words get an exponent in exp's interesting range |x| < 128.
      if (op === EXP) for (let i = SPECIAL_BITS.length; i < w.length; i += 2) w[i] = (w[i] & 0x807fffff) | ((0x60 + (w[i] >>> 23) % 0x26) << 23);
      const xs = new Float32Array(w.buffer);
      const a = await kernel(true, op, xs), b = await kernel(false, op, xs);
      const i = firstDiff(a, b);
      assert.equal(i, -1, `${name}(${xs[i]}) bits ${a[i]?.toString(16)} (simd) vs ${b[i]?.toString(16)} (scalar)`);
    });
    it(`${name} on every length 0..37 (tails)`, async () => {
      for (let n = 0; n <= 37; n++) {
        const xs = new Float32Array(n);
        for (let i = 0; i < n; i++) xs[i] = op === EXP ? (i - 18) * 5.37 + 0.113 : Math.exp((i - 18) * 4.91 + 0.07);
        const a = await kernel(true, op, xs), b = await kernel(false, op, xs);
        assert.equal(firstDiff(a, b), -1, `${name} length ${n}`);
        const want = Float32Array.from(xs, (x) => (op === EXP ? Math.exp(x) : Math.log(x)));
        const wb = new Uint32Array(want.buffer);
        for (let i = 0; i < n; i++) assert.ok(Math.abs(ord(a[i]) - ord(wb[i])) <= 1, `${name}(${xs[i]}) length ${n}`);
      }
    });
  }
});

describe('float32 exp/log: error vs the correctly rounded result (budget: 2 ulp documented, 1 measured)', () => {
  it('exp over [-104, 89], both signs, every 97th float32', async () => {
    for (const [lo, hi] of [[0, 0x42b20000], [0x80000000, 0xc2d00000]]) {
      const r = await sweep(EXP, Math.exp, lo, hi, 97);
      assert.ok(r.normal <= 1, `exp: ${r.normal} ulp at ${r.worst}`);
      assert.ok(r.sub <= 1, `exp: ${r.sub} subnormal ulps`);
    }
  });
  it('exp for |x| in [2^-25, 2^-11] (every 29th) and near the overflow / underflow thresholds, every float32', async () => {
    for (const [lo, hi, stride] of [[0x33000000, 0x3a100000, 29], [0xb3000000, 0xba100000, 29], [0x42b00000, 0x42b20000, 1],
      [0xc2ae0000, 0xc2b00000, 1], [0xc2ce0000, 0xc2d00000, 1]]) {
      const r = await sweep(EXP, Math.exp, lo, hi, stride);
      assert.ok(r.normal <= 1, `exp: ${r.normal} ulp at ${r.worst}`);
      assert.ok(r.sub <= 1, `exp: ${r.sub} subnormal ulps`);
    }
  });
  it('log over all positive float32 (every 97th, subnormals included) and every float32 in [0.5, 2)', async () => {
    for (const [lo, hi, stride] of [[0, 0x7f800000, 97], [0x3f000000, 0x40000000, 1], [0, 0x00800000, 1031]]) {
      const r = await sweep(LOG, Math.log, lo, hi, stride);
      assert.ok(r.normal <= 1, `log: ${r.normal} ulp at ${r.worst}`);
    }
  });
});

describe('float32 exp/log: specials (C99/IEEE) in both builds', () => {
  const f32 = (xs: number[]) => new Tensor(Float32Array.from(xs), [xs.length]);
  for (const simd of [true, false]) {
    it(`${simd ? 'SIMD' : 'scalar'} build`, async () => {
      await init({ simd });
      const e = np.exp(f32([-Infinity, Infinity, NaN, 0, -0, 88.72283172607422, 88.72283935546875, 100, -87.33654022216797,
        -103.97207641601562, -103.97208404541016, -200, 1e-30, -1e-30])).data();
      assert.equal(e[0], 0); assert.equal(e[1], Infinity); assert.ok(Number.isNaN(e[2]));
      assert.equal(e[3], 1); assert.equal(e[4], 1);
      assert.equal(e[5], Math.fround(Math.exp(88.72283172607422))); assert.ok(e[5] < Infinity); // largest finite
      assert.equal(e[6], Infinity); assert.equal(e[7], Infinity);
      assert.equal(e[8], Math.fround(Math.exp(-87.33654022216797))); // near 2^-126
      assert.equal(e[9], 2 ** -149); // smallest subnormal
      assert.equal(e[10], 0); assert.equal(e[11], 0);
      assert.equal(e[12], 1); assert.equal(e[13], 1);
      // Subnormal results: rounded once, within 1 subnormal ulp of exact.
      const xs = Array.from({ length: 200 }, (_, i) => Math.fround(-87.4 - i * 0.083));
      const s = np.exp(f32(xs)).data();
      xs.forEach((x, i) => assert.ok(Math.abs(s[i] - Math.exp(x)) <= 2 ** -149, `exp(${x}) = ${s[i]}`));
      const l = np.log(f32([0, -0, -1, -Infinity, Infinity, NaN, 1, 2 ** -149, 2 ** -126, 3.4028234663852886e38, Math.E, 2 ** -140 * 1.37])).data();
      assert.equal(l[0], -Infinity); assert.equal(l[1], -Infinity);
      assert.ok(Number.isNaN(l[2])); assert.ok(Number.isNaN(l[3]));
      assert.equal(l[4], Infinity); assert.ok(Number.isNaN(l[5])); assert.ok(Object.is(l[6], 0));
      assert.equal(l[7], Math.fround(Math.log(2 ** -149))); assert.equal(l[8], Math.fround(Math.log(2 ** -126)));
      assert.equal(l[9], Math.fround(Math.log(3.4028234663852886e38)));
      assert.ok(Math.abs(l[10] - 1) <= 2 ** -23);
      assert.equal(l[11], Math.fround(Math.log(Math.fround(2 ** -140 * 1.37))));
      // NaN inputs come back quieted with their payload and sign; log(<0) is 0x7fc00000.
      const nb = await kernel(simd, LOG, new Float32Array(Uint32Array.from([0xffa00001, 0x7fc00005, 0xbf800000]).buffer));
      assert.deepEqual([...nb], [0xffe00001, 0x7fc00005, 0x7fc00000]);
      const eb = await kernel(simd, EXP, new Float32Array(Uint32Array.from([0xffa00001, 0x7f800001]).buffer));
      assert.deepEqual([...eb], [0xffe00001, 0x7fc00001]);
    });
  }
});
