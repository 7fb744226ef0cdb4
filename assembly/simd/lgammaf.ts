/**
 * f32x4 body of the float32 lgamma: the same IEEE operations, in the same order, as
 * `lgammaf32` in ../special/lgammaf.ts (algorithm, constants and error there), on four lanes,
 * so every lane equals the scalar result bit for bit: the scalar branches become lane
 * selects (both polynomials share one Horner pass with per-lane coefficients; one log on the
 * per-lane argument; the shift-down loop becomes six masked factors, skipped when no lane
 * needs it), a block whose lanes are all x >= 8 takes only the Stirling branch, and lanes
 * that are not x > 0 are overwritten with the same float64 fallback the scalar loop uses.
 * The main loop does two vectors at a time with their statements interleaved
 * (lgammaPosF32x4x2, log body inlined): the one-vector body is latency bound (two long
 * Horner chains), and the interleave took 10^6 elements from ~14 ms to ~7 ms. Only referenced from inside `if (ASC_FEATURE_SIMD)`
 * guards (nothing at the top level mentions v128).
 */
import { lgamma } from "../special/lgamma";
import { logF32x4 } from "./logf";
import {
  LOGF_C1, LOGF_C2, LOGF_Q0, LOGF_Q1, LOGF_Q2, LOGF_Q3, LOGF_Q4, LOGF_Q5, LOGF_Q6,
  LOGF_Q7, LOGF_Q8, LOGF_MINNORM, LOGF_TWO23, LOGF_BIAS, LOGF_SQRTH,
} from "../special/logf";
import {
  LGF_T, LGF_P0, LGF_P1, LGF_P2, LGF_P3, LGF_P4, LGF_P5, LGF_P6, LGF_P7, LGF_P8, LGF_P9, LGF_P10,
  LGF_Q0, LGF_Q1, LGF_Q2, LGF_Q3, LGF_Q4, LGF_Q5, LGF_Q6, LGF_Q7, LGF_Q8, LGF_Q9, LGF_Q10,
  LGF_LS, LGF_S0, LGF_S1, LGF_S2,
} from "../special/lgammaf";

// @ts-ignore: decorator
@inline function cf(q: f32, p: f32, n1: v128): v128 {
  return v128.bitselect(f32x4.splat(q), f32x4.splat(p), n1);
}

// @ts-ignore: decorator
@inline function step(p: v128, t: v128, q: f32, pc: f32, n1: v128): v128 {
  return f32x4.add(f32x4.mul(p, t), cf(q, pc, n1));
}

/** The x >= 8 branch (Stirling) given l = logF32x4(x). */
// @ts-ignore: decorator
@inline function stirlingF32x4(x: v128, l: v128): v128 {
  const one = f32x4.splat(1.0);
  const w = f32x4.div(one, x);
  const w2 = f32x4.mul(w, w);
  let s = f32x4.add(f32x4.mul(f32x4.splat(LGF_S2), w2), f32x4.splat(LGF_S1));
  s = f32x4.add(f32x4.mul(s, w2), f32x4.splat(LGF_S0));
  s = f32x4.mul(w, s);
  return f32x4.add(
    f32x4.mul(f32x4.sub(x, f32x4.splat(0.5)), f32x4.sub(l, one)),
    f32x4.add(f32x4.splat(LGF_LS), s));
}

/** lgamma on four float32 lanes, valid for lanes with x > 0 (bit-identical to lgammaf32). */
// @ts-ignore: decorator
@inline export function lgammaPosF32x4(x: v128): v128 {
  const one = f32x4.splat(1.0);
  const big = f32x4.ge(x, f32x4.splat(LGF_T));
  // Every lane x >= 8: only the Stirling branch (same lane operations, less work).
  if (i32x4.all_true(big)) return stirlingF32x4(x, logF32x4(x));
  const lo = f32x4.lt(x, f32x4.splat(0.75));
  const n1 = v128.andnot(f32x4.lt(x, f32x4.splat(1.5)), lo);
  const mid = v128.not(v128.or(v128.or(lo, n1), big));
  // x < 0.75: shift up.
  const lt5 = f32x4.lt(x, f32x4.splat(0.5));
  const tl = v128.bitselect(x, f32x4.sub(x, one), lt5);
  const zl = v128.bitselect(f32x4.mul(x, f32x4.add(x, one)), x, lt5);
  // 1.5 <= x < 8: shift down, branch-free (other lanes use xm = 2, which never shifts).
  // The scalar loop multiplies z by tx = x - 1, x - 2, ... while the previous tx > 2.5, i.e.
  // by the factors f_j = x - j > 1.5 (exact: x minus a small integer), in this order; here
  // every j <= 6 is visited and inactive factors are 1 (z * 1 = z exactly), and the final
  // tx = x - max(ceil(x - 2.5), 0) (x - 2.5 and x - k exact; the max for x = 1.5) equals the
  // loop's tx.
  const xm = v128.bitselect(x, f32x4.splat(2.0), mid);
  let z = one;
  if (v128.any_true(mid)) {
    const lim = f32x4.splat(1.5);
    let fj = f32x4.sub(xm, one);
    z = f32x4.mul(z, v128.bitselect(fj, one, f32x4.gt(fj, lim)));
    fj = f32x4.sub(xm, f32x4.splat(2.0));
    z = f32x4.mul(z, v128.bitselect(fj, one, f32x4.gt(fj, lim)));
    fj = f32x4.sub(xm, f32x4.splat(3.0));
    z = f32x4.mul(z, v128.bitselect(fj, one, f32x4.gt(fj, lim)));
    fj = f32x4.sub(xm, f32x4.splat(4.0));
    z = f32x4.mul(z, v128.bitselect(fj, one, f32x4.gt(fj, lim)));
    fj = f32x4.sub(xm, f32x4.splat(5.0));
    z = f32x4.mul(z, v128.bitselect(fj, one, f32x4.gt(fj, lim)));
    fj = f32x4.sub(xm, f32x4.splat(6.0));
    z = f32x4.mul(z, v128.bitselect(fj, one, f32x4.gt(fj, lim)));
  }
  const tx = f32x4.sub(xm, f32x4.max(f32x4.ceil(f32x4.sub(xm, f32x4.splat(2.5))), f32x4.splat(0)));
  let t = v128.bitselect(tl, f32x4.sub(tx, f32x4.splat(2.0)), lo);
  t = v128.bitselect(f32x4.sub(x, one), t, n1);
  let la = v128.bitselect(zl, z, lo);
  la = v128.bitselect(x, la, big);
  la = v128.bitselect(one, la, n1);
  // t P(t) or t Q(t), per lane.
  let p = f32x4.add(f32x4.mul(cf(LGF_Q0, LGF_P0, n1), t), cf(LGF_Q1, LGF_P1, n1));
  p = step(p, t, LGF_Q2, LGF_P2, n1); p = step(p, t, LGF_Q3, LGF_P3, n1);
  p = step(p, t, LGF_Q4, LGF_P4, n1); p = step(p, t, LGF_Q5, LGF_P5, n1);
  p = step(p, t, LGF_Q6, LGF_P6, n1); p = step(p, t, LGF_Q7, LGF_P7, n1);
  p = step(p, t, LGF_Q8, LGF_P8, n1); p = step(p, t, LGF_Q9, LGF_P9, n1);
  p = step(p, t, LGF_Q10, LGF_P10, n1);
  p = f32x4.mul(p, t);
  const l = logF32x4(la);
  const small = f32x4.add(p, v128.bitselect(f32x4.neg(l), l, lo));
  const st = stirlingF32x4(x, l);
  return v128.bitselect(st, small, big);
}

/** lgamma on 2 x 4 float32 lanes (x0, x1), valid for lanes with x > 0; results stored at
 * out and out + 16. The statements of the two vectors are interleaved one by one (more
 * independent work in flight: the body is latency bound); each lane performs exactly the
 * operations of lgammaf32 / logf32 (generated from one template, so the two copies agree). */
// @ts-ignore: decorator
@inline function lgammaPosF32x4x2(x0: v128, x1: v128, out: usize): void {
  const one = f32x4.splat(1.0);
  const lim = f32x4.splat(1.5);
  const big0 = f32x4.ge(x0, f32x4.splat(LGF_T));
  const big1 = f32x4.ge(x1, f32x4.splat(LGF_T));
  let l0: v128;
  let l1: v128;
  if (i32x4.all_true(v128.and(big0, big1))) {
    l0 = logF32x4(x0);
    l1 = logF32x4(x1);
    v128.store(out + 0, stirlingF32x4(x0, l0));
    v128.store(out + 16, stirlingF32x4(x1, l1));
    return;
  }
  const lo0 = f32x4.lt(x0, f32x4.splat(0.75));
  const lo1 = f32x4.lt(x1, f32x4.splat(0.75));
  const n10 = v128.andnot(f32x4.lt(x0, f32x4.splat(1.5)), lo0);
  const n11 = v128.andnot(f32x4.lt(x1, f32x4.splat(1.5)), lo1);
  const mid0 = v128.not(v128.or(v128.or(lo0, n10), big0));
  const mid1 = v128.not(v128.or(v128.or(lo1, n11), big1));
  const lt50 = f32x4.lt(x0, f32x4.splat(0.5));
  const lt51 = f32x4.lt(x1, f32x4.splat(0.5));
  const tl0 = v128.bitselect(x0, f32x4.sub(x0, one), lt50);
  const tl1 = v128.bitselect(x1, f32x4.sub(x1, one), lt51);
  const zl0 = v128.bitselect(f32x4.mul(x0, f32x4.add(x0, one)), x0, lt50);
  const zl1 = v128.bitselect(f32x4.mul(x1, f32x4.add(x1, one)), x1, lt51);
  const xm0 = v128.bitselect(x0, f32x4.splat(2.0), mid0);
  const xm1 = v128.bitselect(x1, f32x4.splat(2.0), mid1);
  let z0 = one;
  let z1 = one;
  if (v128.any_true(v128.or(mid0, mid1))) {
    let fj0 = f32x4.sub(xm0, one);
    let fj1 = f32x4.sub(xm1, one);
    z0 = f32x4.mul(z0, v128.bitselect(fj0, one, f32x4.gt(fj0, lim)));
    z1 = f32x4.mul(z1, v128.bitselect(fj1, one, f32x4.gt(fj1, lim)));
    fj0 = f32x4.sub(xm0, f32x4.splat(2.0));
    fj1 = f32x4.sub(xm1, f32x4.splat(2.0));
    z0 = f32x4.mul(z0, v128.bitselect(fj0, one, f32x4.gt(fj0, lim)));
    z1 = f32x4.mul(z1, v128.bitselect(fj1, one, f32x4.gt(fj1, lim)));
    fj0 = f32x4.sub(xm0, f32x4.splat(3.0));
    fj1 = f32x4.sub(xm1, f32x4.splat(3.0));
    z0 = f32x4.mul(z0, v128.bitselect(fj0, one, f32x4.gt(fj0, lim)));
    z1 = f32x4.mul(z1, v128.bitselect(fj1, one, f32x4.gt(fj1, lim)));
    fj0 = f32x4.sub(xm0, f32x4.splat(4.0));
    fj1 = f32x4.sub(xm1, f32x4.splat(4.0));
    z0 = f32x4.mul(z0, v128.bitselect(fj0, one, f32x4.gt(fj0, lim)));
    z1 = f32x4.mul(z1, v128.bitselect(fj1, one, f32x4.gt(fj1, lim)));
    fj0 = f32x4.sub(xm0, f32x4.splat(5.0));
    fj1 = f32x4.sub(xm1, f32x4.splat(5.0));
    z0 = f32x4.mul(z0, v128.bitselect(fj0, one, f32x4.gt(fj0, lim)));
    z1 = f32x4.mul(z1, v128.bitselect(fj1, one, f32x4.gt(fj1, lim)));
    fj0 = f32x4.sub(xm0, f32x4.splat(6.0));
    fj1 = f32x4.sub(xm1, f32x4.splat(6.0));
    z0 = f32x4.mul(z0, v128.bitselect(fj0, one, f32x4.gt(fj0, lim)));
    z1 = f32x4.mul(z1, v128.bitselect(fj1, one, f32x4.gt(fj1, lim)));
  }
  const tx0 = f32x4.sub(xm0, f32x4.max(f32x4.ceil(f32x4.sub(xm0, f32x4.splat(2.5))), f32x4.splat(0)));
  const tx1 = f32x4.sub(xm1, f32x4.max(f32x4.ceil(f32x4.sub(xm1, f32x4.splat(2.5))), f32x4.splat(0)));
  let t0 = v128.bitselect(tl0, f32x4.sub(tx0, f32x4.splat(2.0)), lo0);
  let t1 = v128.bitselect(tl1, f32x4.sub(tx1, f32x4.splat(2.0)), lo1);
  t0 = v128.bitselect(f32x4.sub(x0, one), t0, n10);
  t1 = v128.bitselect(f32x4.sub(x1, one), t1, n11);
  let la0 = v128.bitselect(zl0, z0, lo0);
  let la1 = v128.bitselect(zl1, z1, lo1);
  la0 = v128.bitselect(x0, la0, big0);
  la1 = v128.bitselect(x1, la1, big1);
  la0 = v128.bitselect(one, la0, n10);
  la1 = v128.bitselect(one, la1, n11);
  // logF32x4(la) (../simd/logf.ts), statement by statement.
  const sub0 = f32x4.lt(la0, f32x4.splat(LOGF_MINNORM));
  const sub1 = f32x4.lt(la1, f32x4.splat(LOGF_MINNORM));
  const xs0 = v128.bitselect(f32x4.mul(la0, f32x4.splat(LOGF_TWO23)), la0, sub0);
  const xs1 = v128.bitselect(f32x4.mul(la1, f32x4.splat(LOGF_TWO23)), la1, sub1);
  const eadj0 = v128.and(sub0, i32x4.splat(-23));
  const eadj1 = v128.and(sub1, i32x4.splat(-23));
  const ix0 = i32x4.add(xs0, i32x4.splat(<i32>LOGF_BIAS));
  const ix1 = i32x4.add(xs1, i32x4.splat(<i32>LOGF_BIAS));
  const e0 = i32x4.add(i32x4.sub(i32x4.shr_u(ix0, 23), i32x4.splat(127)), eadj0);
  const e1 = i32x4.add(i32x4.sub(i32x4.shr_u(ix1, 23), i32x4.splat(127)), eadj1);
  const f0 = f32x4.sub(i32x4.add(v128.and(ix0, i32x4.splat(0x007fffff)), i32x4.splat(<i32>LOGF_SQRTH)), f32x4.splat(1.0));
  const f1 = f32x4.sub(i32x4.add(v128.and(ix1, i32x4.splat(0x007fffff)), i32x4.splat(<i32>LOGF_SQRTH)), f32x4.splat(1.0));
  const fe0 = f32x4.convert_i32x4_s(e0);
  const fe1 = f32x4.convert_i32x4_s(e1);
  const zz0 = f32x4.mul(f0, f0);
  const zz1 = f32x4.mul(f1, f1);
  let p0 = f32x4.add(f32x4.mul(cf(LGF_Q0, LGF_P0, n10), t0), cf(LGF_Q1, LGF_P1, n10));
  let p1 = f32x4.add(f32x4.mul(cf(LGF_Q0, LGF_P0, n11), t1), cf(LGF_Q1, LGF_P1, n11));
  let y0 = f32x4.add(f32x4.mul(f32x4.splat(LOGF_Q0), f0), f32x4.splat(LOGF_Q1));
  let y1 = f32x4.add(f32x4.mul(f32x4.splat(LOGF_Q0), f1), f32x4.splat(LOGF_Q1));
  p0 = step(p0, t0, LGF_Q2, LGF_P2, n10);
  p1 = step(p1, t1, LGF_Q2, LGF_P2, n11);
  y0 = f32x4.add(f32x4.mul(y0, f0), f32x4.splat(LOGF_Q2));
  y1 = f32x4.add(f32x4.mul(y1, f1), f32x4.splat(LOGF_Q2));
  p0 = step(p0, t0, LGF_Q3, LGF_P3, n10);
  p1 = step(p1, t1, LGF_Q3, LGF_P3, n11);
  y0 = f32x4.add(f32x4.mul(y0, f0), f32x4.splat(LOGF_Q3));
  y1 = f32x4.add(f32x4.mul(y1, f1), f32x4.splat(LOGF_Q3));
  p0 = step(p0, t0, LGF_Q4, LGF_P4, n10);
  p1 = step(p1, t1, LGF_Q4, LGF_P4, n11);
  y0 = f32x4.add(f32x4.mul(y0, f0), f32x4.splat(LOGF_Q4));
  y1 = f32x4.add(f32x4.mul(y1, f1), f32x4.splat(LOGF_Q4));
  p0 = step(p0, t0, LGF_Q5, LGF_P5, n10);
  p1 = step(p1, t1, LGF_Q5, LGF_P5, n11);
  y0 = f32x4.add(f32x4.mul(y0, f0), f32x4.splat(LOGF_Q5));
  y1 = f32x4.add(f32x4.mul(y1, f1), f32x4.splat(LOGF_Q5));
  p0 = step(p0, t0, LGF_Q6, LGF_P6, n10);
  p1 = step(p1, t1, LGF_Q6, LGF_P6, n11);
  y0 = f32x4.add(f32x4.mul(y0, f0), f32x4.splat(LOGF_Q6));
  y1 = f32x4.add(f32x4.mul(y1, f1), f32x4.splat(LOGF_Q6));
  p0 = step(p0, t0, LGF_Q7, LGF_P7, n10);
  p1 = step(p1, t1, LGF_Q7, LGF_P7, n11);
  y0 = f32x4.add(f32x4.mul(y0, f0), f32x4.splat(LOGF_Q7));
  y1 = f32x4.add(f32x4.mul(y1, f1), f32x4.splat(LOGF_Q7));
  p0 = step(p0, t0, LGF_Q8, LGF_P8, n10);
  p1 = step(p1, t1, LGF_Q8, LGF_P8, n11);
  y0 = f32x4.add(f32x4.mul(y0, f0), f32x4.splat(LOGF_Q8));
  y1 = f32x4.add(f32x4.mul(y1, f1), f32x4.splat(LOGF_Q8));
  p0 = step(p0, t0, LGF_Q9, LGF_P9, n10);
  p1 = step(p1, t1, LGF_Q9, LGF_P9, n11);
  y0 = f32x4.mul(f32x4.mul(y0, f0), zz0);
  y1 = f32x4.mul(f32x4.mul(y1, f1), zz1);
  p0 = step(p0, t0, LGF_Q10, LGF_P10, n10);
  p1 = step(p1, t1, LGF_Q10, LGF_P10, n11);
  y0 = f32x4.add(y0, f32x4.mul(fe0, f32x4.splat(LOGF_C2)));
  y1 = f32x4.add(y1, f32x4.mul(fe1, f32x4.splat(LOGF_C2)));
  p0 = f32x4.mul(p0, t0);
  p1 = f32x4.mul(p1, t1);
  y0 = f32x4.add(y0, f32x4.mul(f32x4.splat(-0.5), zz0));
  y1 = f32x4.add(y1, f32x4.mul(f32x4.splat(-0.5), zz1));
  l0 = f32x4.add(f32x4.add(f0, y0), f32x4.mul(fe0, f32x4.splat(LOGF_C1)));
  l1 = f32x4.add(f32x4.add(f1, y1), f32x4.mul(fe1, f32x4.splat(LOGF_C1)));
  // la > 0 on every lane whose result is used; of the log specials only +inf (x = +inf) can occur.
  l0 = v128.bitselect(la0, l0, f32x4.eq(la0, f32x4.splat(Infinity)));
  l1 = v128.bitselect(la1, l1, f32x4.eq(la1, f32x4.splat(Infinity)));
  const small0 = f32x4.add(p0, v128.bitselect(f32x4.neg(l0), l0, lo0));
  const small1 = f32x4.add(p1, v128.bitselect(f32x4.neg(l1), l1, lo1));
  const st0 = stirlingF32x4(x0, l0);
  const st1 = stirlingF32x4(x1, l1);
  v128.store(out + 0, v128.bitselect(st0, small0, big0));
  v128.store(out + 16, v128.bitselect(st1, small1, big1));
}


/** float32 lgamma over n4 = n & ~3 elements (pairs of vectors, then one vector); returns n4
 * (the caller's scalar loop does the rest). */
export function lgammaSimdF32(a: usize, out: usize, n: u32): u32 {
  const n8 = n & ~7, n4 = n & ~3;
  let i: u32 = 0;
  for (; i < n8; i += 8) {
    const o = <usize>i << 2;
    const x0 = v128.load(a + o), x1 = v128.load(a + o + 16);
    lgammaPosF32x4x2(x0, x1, out + o);
    const zero = f32x4.splat(0);
    if (v128.any_true(v128.not(v128.and(f32x4.gt(x0, zero), f32x4.gt(x1, zero))))) {
      // The scalar loop's fallback for NaN, +-0, negatives, -inf (element by element; x0, x1
      // are in registers, so in-place calls are fine).
      fixLane(f32x4.extract_lane(x0, 0), out + o);
      fixLane(f32x4.extract_lane(x0, 1), out + o + 4);
      fixLane(f32x4.extract_lane(x0, 2), out + o + 8);
      fixLane(f32x4.extract_lane(x0, 3), out + o + 12);
      fixLane(f32x4.extract_lane(x1, 0), out + o + 16);
      fixLane(f32x4.extract_lane(x1, 1), out + o + 20);
      fixLane(f32x4.extract_lane(x1, 2), out + o + 24);
      fixLane(f32x4.extract_lane(x1, 3), out + o + 28);
    }
  }
  for (; i < n4; i += 4) {
    const o = <usize>i << 2;
    const x = v128.load(a + o);
    v128.store(out + o, lgammaPosF32x4(x));
    if (v128.any_true(v128.not(f32x4.gt(x, f32x4.splat(0))))) {
      fixLane(f32x4.extract_lane(x, 0), out + o);
      fixLane(f32x4.extract_lane(x, 1), out + o + 4);
      fixLane(f32x4.extract_lane(x, 2), out + o + 8);
      fixLane(f32x4.extract_lane(x, 3), out + o + 12);
    }
  }
  return n4;
}

/** Stores the float64-kernel result for a lane that is not x > 0 (as lgammaf32 does). */
// @ts-ignore: decorator
@inline function fixLane(v: f32, p: usize): void {
  if (!(v > 0)) store<f32>(p, <f32>lgamma(<f64>v));
}
