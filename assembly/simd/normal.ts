/**
 * v128 body of normalF32 (contract in ../random/normal.ts): bit for bit the float32
 * operations of `normal32`, z = r32(sqrt2 * erf_inv(u)) with XLA's erf_inv (special/
 * erfinv.ts, Giles' polynomials) and log1p (special/xla_log.ts); exactness argument for
 * each kind of operation in xla_math.ts (plain f32 operations as f32x4, fused steps on
 * f64x2 with midpoint flags).
 *
 * Staged over blocks of NB elements so that every loop has short, independent iterations
 * (one element is ~35 dependent roundings; run as one loop body, that chain, not the
 * arithmetic, bounds the speed):
 *   A   bits -> u = fma(u01, 2, lo): exact (u is an odd multiple of 2^-24), so an f32x4
 *       add; x2 = u*u, a = -x2; lists for |a| < sqrt(2)-1 or not;
 *   B,C w = -log1p(a) (xla_math.log1pBlocks);
 *   D1  ww = w - 2.5, steps 1-3 of erf_inv's w < 5 polynomial; groups of four with some
 *       w >= 5 (about 1.3% of groups) are listed for the fix-up below;
 *   D2  steps 4-6;  D3 steps 7-8, p*u and sqrt2 * that (f32x4) to the output;
 *   fix-ups: listed w >= 5 groups through both polynomials, selected per lane (sqrt
 *   branch); then every element a stage flagged (about 1 in 600 on random input) is
 *   recomputed by the exact scalar `normal32` from a copy of its input word, so `inp`
 *   may equal `out`.
 * Output is finite (|z| <= 5.42); u is never +-1, so erf_inv's +-inf case cannot occur
 * and no NaN can arise.
 */
import { r32x, u01x4, split4, log1pBlocks, fmaT, rnd, mid, pin, halfUlp, precMask, redo4, lowHalf, highHalf, join, NB, REDO }
  from "./xla_math";
import { normal32, NORMAL_LO32 } from "../random/normal";

const BITS: usize = memory.data(NB << 2, 16); // copy of the block's input words
const U: usize = memory.data(NB << 2, 16); // u (f32)
const A: usize = memory.data(NB << 2, 16); // a = -r32(u*u) (f32)
const W: usize = memory.data(NB << 2, 16); // w = -log1p(a) (f32)
const WW: usize = memory.data(NB << 3, 16); // ww = r32(w - 2.5) (f64)
const P: usize = memory.data(NB << 3, 16); // polynomial partial sums (f64)
const MIXED: usize = memory.data(NB, 16); // groups (index j) with some w >= 5

// erf_inv coefficients (EI32_LT5, then EI32_GE5 of special/erfinv.ts), each splatted (f64).
const KE: usize = memory.data<f64>([
  <f32>2.81022636e-08, <f32>2.81022636e-08, <f32>3.43273939e-07, <f32>3.43273939e-07,
  <f32>-3.5233877e-06, <f32>-3.5233877e-06, <f32>-4.39150654e-06, <f32>-4.39150654e-06,
  <f32>0.00021858087, <f32>0.00021858087, <f32>-0.00125372503, <f32>-0.00125372503,
  <f32>-0.00417768164, <f32>-0.00417768164, <f32>0.246640727, <f32>0.246640727,
  <f32>1.50140941, <f32>1.50140941,
  <f32>-0.000200214257, <f32>-0.000200214257, <f32>0.000100950558, <f32>0.000100950558,
  <f32>0.00134934322, <f32>0.00134934322, <f32>-0.00367342844, <f32>-0.00367342844,
  <f32>0.00573950773, <f32>0.00573950773, <f32>-0.0076224613, <f32>-0.0076224613,
  <f32>0.00943887047, <f32>0.00943887047, <f32>1.00167406, <f32>1.00167406,
  <f32>2.83297682, <f32>2.83297682,
  5.0, 5.0, 2.5, 2.5, 3.0, 3.0, // 288, 304, 320
], 16);
const K_GE5: usize = 144;
const K_FIVE: usize = 288;
const K_2P5: usize = 304;
const K_THREE: usize = 320;
const K4: usize = memory.data<f32>([
  5.0, 5.0, 5.0, 5.0, 2.5, 2.5, 2.5, 2.5, // 0, 16
  <f32>1.41421356237309504880, <f32>1.41421356237309504880, // 32: SQRT2_32
  <f32>1.41421356237309504880, <f32>1.41421356237309504880,
], 16);

// @ts-ignore: decorator
@inline function ke(off: usize): v128 { return v128.load(KE + off); }

/** z = r32(sqrt2 * r32(p * u)) for four lanes (p as two f64x2, u as f32x4): f32 products. */
// @ts-ignore: decorator
@inline function finish(p0: v128, p1: v128, u: v128): v128 {
  return f32x4.mul(v128.load(K4, 32), f32x4.mul(join(p0, p1), u));
}

/** erf_inv's polynomial with both branches selected per lane (pairs with some w >= 5). */
function polyMixed(w: v128, flagp: usize): v128 {
  const H = halfUlp(), M = precMask();
  const lt = f64x2.lt(w, ke(K_FIVE));
  const ww = v128.bitselect(
    r32x(f64x2.sub(w, ke(K_2P5))),
    r32x(f64x2.sub(r32x(f64x2.sqrt(w)), ke(K_THREE))), lt); // f64 sqrt -> f32 is the f32 sqrt
  let p = v128.bitselect(ke(0), ke(K_GE5), lt);
  let bad = i64x2.splat(0);
  for (let i: usize = 16; i < 144; i += 16) {
    const t = fmaT(p, ww, v128.bitselect(v128.load(KE + i), v128.load(KE + K_GE5 + i), lt), H);
    p = rnd(t, M); bad = v128.or(bad, mid(t, p));
  }
  v128.store(flagp, bad);
  return p;
}
const FL: usize = memory.data(32, 16); // flag slots of polyMixed

export function normalF32Simd(inp: usize, out: usize, n: u32): u32 {
  const n4 = n & ~3;
  const H = halfUlp(), M = precMask();
  for (let base: u32 = 0; base < n4; base += NB) {
    const nb = min(NB, n4 - base);
    const src = inp + (<usize>base << 2), dst = out + (<usize>base << 2);
    // A
    let counts: u32 = 0;
    for (let j: u32 = 0; j < nb; j += 4) {
      const o4 = <usize>j << 2;
      const b = v128.load(src + o4);
      v128.store(BITS + o4, b);
      const u01 = u01x4(b);
      const u = f32x4.add(f32x4.add(u01, u01), f32x4.splat(<f32>NORMAL_LO32)); // exact
      const x2 = f32x4.mul(u, u);
      v128.store(U + o4, u);
      v128.store(A + o4, f32x4.neg(x2));
      counts = split4(x2, j, counts);
    }
    // B, C
    let nredo = log1pBlocks(A, W, counts, 0);
    // D1
    let nmixed: u32 = 0;
    for (let j: u32 = 0; j < nb; j += 4) {
      const o4 = <usize>j << 2, o8 = <usize>j << 3;
      const w = v128.load(W + o4);
      if (!i32x4.all_true(f32x4.lt(w, v128.load(K4)))) {
        store<u32>(MIXED + (<usize>nmixed << 2), j);
        nmixed++;
      }
      const ww = f32x4.sub(w, v128.load(K4, 16));
      const ww0 = lowHalf(ww), ww1 = highHalf(ww);
      v128.store(WW + o8, ww0);
      v128.store(WW + o8, ww1, 16);
      let t0 = fmaT(ke(0), ww0, ke(16), H), t1 = fmaT(ke(0), ww1, ke(16), H);
      let p0 = rnd(t0, M), p1 = rnd(t1, M);
      let bad = v128.or(mid(t0, p0), mid(t1, p1));
      t0 = fmaT(p0, ww0, ke(32), H); t1 = fmaT(p1, ww1, ke(32), H);
      p0 = rnd(t0, M); p1 = rnd(t1, M);
      bad = v128.or(bad, v128.or(mid(t0, p0), mid(t1, p1))); pin(bad);
      t0 = fmaT(p0, ww0, ke(48), H); t1 = fmaT(p1, ww1, ke(48), H);
      p0 = rnd(t0, M); p1 = rnd(t1, M);
      bad = v128.or(bad, v128.or(mid(t0, p0), mid(t1, p1))); pin(bad);
      v128.store(P + o8, p0);
      v128.store(P + o8, p1, 16);
      if (v128.any_true(bad)) nredo = redo4(nredo, j);
    }
    // D2
    for (let j: u32 = 0; j < nb; j += 4) {
      const o8 = <usize>j << 3;
      const ww0 = v128.load(WW + o8), ww1 = v128.load(WW + o8, 16);
      let p0 = v128.load(P + o8), p1 = v128.load(P + o8, 16);
      let t0 = fmaT(p0, ww0, ke(64), H), t1 = fmaT(p1, ww1, ke(64), H);
      p0 = rnd(t0, M); p1 = rnd(t1, M);
      let bad = v128.or(mid(t0, p0), mid(t1, p1));
      t0 = fmaT(p0, ww0, ke(80), H); t1 = fmaT(p1, ww1, ke(80), H);
      p0 = rnd(t0, M); p1 = rnd(t1, M);
      bad = v128.or(bad, v128.or(mid(t0, p0), mid(t1, p1))); pin(bad);
      t0 = fmaT(p0, ww0, ke(96), H); t1 = fmaT(p1, ww1, ke(96), H);
      p0 = rnd(t0, M); p1 = rnd(t1, M);
      bad = v128.or(bad, v128.or(mid(t0, p0), mid(t1, p1))); pin(bad);
      v128.store(P + o8, p0);
      v128.store(P + o8, p1, 16);
      if (v128.any_true(bad)) nredo = redo4(nredo, j);
    }
    // D3
    for (let j: u32 = 0; j < nb; j += 4) {
      const o4 = <usize>j << 2, o8 = <usize>j << 3;
      const ww0 = v128.load(WW + o8), ww1 = v128.load(WW + o8, 16);
      let p0 = v128.load(P + o8), p1 = v128.load(P + o8, 16);
      let t0 = fmaT(p0, ww0, ke(112), H), t1 = fmaT(p1, ww1, ke(112), H);
      p0 = rnd(t0, M); p1 = rnd(t1, M);
      let bad = v128.or(mid(t0, p0), mid(t1, p1));
      t0 = fmaT(p0, ww0, ke(128), H); t1 = fmaT(p1, ww1, ke(128), H);
      p0 = rnd(t0, M); p1 = rnd(t1, M);
      bad = v128.or(bad, v128.or(mid(t0, p0), mid(t1, p1))); pin(bad);
      v128.store(dst + o4, finish(p0, p1, v128.load(U + o4)));
      if (v128.any_true(bad)) nredo = redo4(nredo, j);
    }
    // fix-ups: groups with some w >= 5, then flagged elements
    for (let k: u32 = 0; k < nmixed; k++) {
      const j = load<u32>(MIXED + (<usize>k << 2));
      const o4 = <usize>j << 2;
      const w = v128.load(W + o4);
      const p0 = polyMixed(lowHalf(w), FL);
      const p1 = polyMixed(highHalf(w), FL + 16);
      v128.store(dst + o4, finish(p0, p1, v128.load(U + o4)));
      if (v128.any_true(v128.or(v128.load(FL), v128.load(FL, 16)))) nredo = redo4(nredo, j);
    }
    for (let k: u32 = 0; k < nredo; k++) {
      const o4 = <usize>load<u32>(REDO + (<usize>k << 2));
      store<f32>(dst + o4, <f32>normal32(load<u32>(BITS + o4)));
    }
  }
  return n4;
}
