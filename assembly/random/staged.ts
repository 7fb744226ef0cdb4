/**
 * Scalar (no v128) staged bodies of normalF32 and exponentialF32, used by the scalar
 * build (the SIMD build runs the v128 twins in normal.ts, exponential.ts, xla_math.ts).
 *
 * The math is that of `normal32` / `exponential32` operation for operation: XLA's float32
 * log1p (special/xla_log.ts) and erf_inv (special/erfinv.ts), values carried as f32 in
 * f64, every fused multiply-add by the exact `fma32` (special/fma.ts), every other f32
 * operation as one f64 operation rounded by `r32` (exact for a product of two f32 values;
 * for a sum, quotient or square root the double rounding is innocuous). Two fused steps
 * are plain rounded sums because their product is an exact f32 value: fma(1, x, DEN1)
 * and fma(LQ2, e, r) (LQ2 has 9 significant bits, e is an integer below 2^5), so the
 * correctly rounded fma is the correctly rounded sum of two f32 values. Hence the output
 * is bit-identical to the per-element reference for every input; no recompute pass.
 *
 * Why stages: one element is ~35 dependent roundings. Run as one loop body, that chain
 * bounds the speed; split into loops over a block of NB elements with 3-4 dependent steps
 * each, the out-of-order core overlaps many elements. Intermediates live in static scratch
 * (indices in list order after the |x| < sqrt(2)-1 split). Domains (finite, no NaN/inf
 * handling needed): as xla_math.log1pBlocks; erf_inv's sqrt branch (w >= 5, about 0.3% of
 * normals) is done per element by `erfinv32` at the end.
 */
import { fma32Exact, r32 } from "../special/fma";
import { L1P_NUM, L1P_DEN, LOG1P_SMALL32, SQRTHF, LP0, LP1, LP2, LP3, LP4, LP5, LP6, LP7, LP8, LQ1, LQ2 } from "../special/xla_log";
import { EI32_LT5, erfinv32 } from "../special/erfinv";
import { u01f32 } from "./uniform";

const NB: u32 = 256;
const SMALL: usize = memory.data(NB << 2, 16); // element indices, |x| < sqrt(2)-1
const LARGE: usize = memory.data(NB << 2, 16); // the others
const XS: usize = memory.data(NB << 3, 16); // the log1p argument per element (f64)
const W: usize = memory.data(NB << 3, 16); // -log1p per element (f64)
const U: usize = memory.data(NB << 3, 16); // normal: u per element
const S0: usize = memory.data(NB << 3, 16); // scratch, list order or element order
const S1: usize = memory.data(NB << 3, 16);
const S2: usize = memory.data(NB << 3, 16);
const S3: usize = memory.data(NB << 3, 16);
const S4: usize = memory.data(NB << 3, 16);
const S5: usize = memory.data(NB << 3, 16);
const S6: usize = memory.data(NB << 3, 16);
const MIXED: usize = memory.data(NB << 2, 16); // normal: elements with w >= 5

const DEN1: f64 = <f32>1.5062909083469192043167e1;

/**
 * fma32 for these domains: the correctly rounded f32 fma, taking `fma32Exact` when the f64
 * sum sits on an f32 midpoint. fma32's other slow-path test, a sum in the f32 subnormal
 * range, cannot hit on these domains (the argument is in xla_math.ts: every c is 0, a
 * constant >= 2^-26 or a value > 2^-13, so a non-zero sum stays above 2^-75).
 */
// @ts-ignore: decorator
@inline function fma32(a: f64, b: f64, c: f64): f64 {
  const s = a * b + c;
  return (reinterpret<u64>(s) & 0x1fffffff) == 0x10000000 ? fma32Exact(a, b, c) : r32(s);
}

// @ts-ignore: decorator
@inline function num(i: i32): f64 { return <f64><f32>unchecked(L1P_NUM[i]); }
// @ts-ignore: decorator
@inline function den(i: i32): f64 { return <f64><f32>unchecked(L1P_DEN[i]); }
// @ts-ignore: decorator
@inline function ld(a: usize, i: u32): f64 { return load<f64>(a + (<usize>i << 3)); }
// @ts-ignore: decorator
@inline function st(a: usize, i: u32, v: f64): void { store<f64>(a + (<usize>i << 3), v); }
// @ts-ignore: decorator
@inline function idx(list: usize, k: u32): u32 { return load<u32>(list + (<usize>k << 2)); }

/** Appends j to the small or the large list; returns the counts as (small | large << 16). */
// @ts-ignore: decorator
@inline function split(x: f64, j: u32, counts: u32): u32 {
  const cs = counts & 0xffff, cl = counts >>> 16;
  store<u32>(SMALL + (<usize>cs << 2), j);
  store<u32>(LARGE + (<usize>cl << 2), j);
  const s = <u32>(abs(x) < LOG1P_SMALL32);
  return (cs + s) | ((cl + 1 - s) << 16);
}

/** W[j] = -log1p32(XS[j]) for the listed elements (see the domains in the file comment). */
function log1pStages(counts: u32): void {
  const cs = counts & 0xffff, cl = counts >>> 16;
  // rational, |x| < sqrt(2)-1: B1 (x^2, three steps of p and of q), B2 (three more, p/q), B3
  for (let k: u32 = 0; k < cs; k++) {
    const x = ld(XS, idx(SMALL, k));
    let p = fma32(num(0), x, num(1));
    let q = r32(x + DEN1); // fma(1, x, DEN1)
    p = fma32(p, x, num(2)); q = fma32(q, x, den(2));
    p = fma32(p, x, num(3)); q = fma32(q, x, den(3));
    st(S0, k, p); st(S1, k, q);
  }
  for (let k: u32 = 0; k < cs; k++) {
    const x = ld(XS, idx(SMALL, k));
    let p = ld(S0, k), q = ld(S1, k);
    p = fma32(p, x, num(4)); q = fma32(q, x, den(4));
    p = fma32(p, x, num(5)); q = fma32(q, x, den(5));
    p = fma32(p, x, num(6)); q = fma32(q, x, den(6));
    st(S0, k, r32(p / q));
  }
  for (let k: u32 = 0; k < cs; k++) {
    const j = idx(SMALL, k);
    const x = ld(XS, j);
    const x2 = r32(x * x);
    const small = r32(r32(r32(x * x2) * ld(S0, k)) - 0.5 * x2);
    st(W, j, -r32(x + small));
  }
  // log(1 + x) otherwise: C1 (reduction, r^2, r^3, first steps), C2 (the rest)
  for (let k: u32 = 0; k < cl; k++) {
    const t = <f32>(1 + ld(XS, idx(LARGE, k))); // a normal f32 in [2^-23, 0.586]
    const bits = reinterpret<u32>(t);
    const m: f64 = reinterpret<f32>((bits & 0x007fffff) | 0x3f000000);
    const lt = m < SQRTHF; // branch-free: this is a coin flip per element
    const e: f64 = <f64>(<i32>(bits >>> 23) - 126 - <i32>lt);
    const r = select<f64>(m + m, m, lt) - 1; // 2m - 1 or m - 1, both exact
    const r2 = r32(r * r);
    const r3 = r32(r2 * r);
    let y = fma32(fma32(r, LP0, LP1), r, LP2);
    const y1 = fma32(fma32(r, LP3, LP4), r, LP5);
    const y2 = fma32(fma32(r, LP6, LP7), r, LP8);
    st(S0, k, fma32(y, r3, y1));
    st(S1, k, y2); st(S2, k, r3); st(S3, k, r32(LQ1 * e));
    st(S4, k, r32(r - 0.5 * r2)); // fused in XLA; 0.5*r2 is exact
    st(S5, k, e);
  }
  for (let k: u32 = 0; k < cl; k++) {
    const r3 = ld(S2, k);
    let y = fma32(ld(S0, k), r3, ld(S1, k));
    y = fma32(y, r3, ld(S3, k));
    const r = r32(ld(S4, k) + y);
    st(W, idx(LARGE, k), -r32(LQ2 * ld(S5, k) + r)); // fma(LQ2, e, r), LQ2*e exact
  }
}

/** normalF32 of the scalar build (contract in ../random/normal.ts). */
export function normalF32Staged(inp: usize, out: usize, n: u32, lo: f64, sqrt2: f64): void {
  for (let base: u32 = 0; base < n; base += NB) {
    const nb = min(NB, n - base);
    const src = inp + (<usize>base << 2), dst = out + (<usize>base << 2);
    let counts: u32 = 0;
    for (let j: u32 = 0; j < nb; j++) {
      const u = u01f32(load<u32>(src + (<usize>j << 2))) * 2.0 + lo; // exact, u > lo
      const x2 = r32(u * u);
      st(U, j, u); st(XS, j, -x2);
      counts = split(x2, j, counts);
    }
    log1pStages(counts);
    // erf_inv, w < 5 branch for all (D1-D3); w >= 5 elements are redone below
    let nmixed: u32 = 0;
    for (let j: u32 = 0; j < nb; j++) {
      const w = ld(W, j);
      store<u32>(MIXED + (<usize>nmixed << 2), j);
      nmixed += <u32>!(w < 5);
      const ww = r32(w - 2.5);
      let p = fma32(unchecked(EI32_LT5[0]), ww, unchecked(EI32_LT5[1]));
      p = fma32(p, ww, unchecked(EI32_LT5[2]));
      p = fma32(p, ww, unchecked(EI32_LT5[3]));
      st(S0, j, ww); st(S1, j, p);
    }
    for (let j: u32 = 0; j < nb; j++) {
      const ww = ld(S0, j);
      let p = fma32(ld(S1, j), ww, unchecked(EI32_LT5[4]));
      p = fma32(p, ww, unchecked(EI32_LT5[5]));
      p = fma32(p, ww, unchecked(EI32_LT5[6]));
      st(S1, j, p);
    }
    for (let j: u32 = 0; j < nb; j++) {
      const ww = ld(S0, j);
      let p = fma32(ld(S1, j), ww, unchecked(EI32_LT5[7]));
      p = fma32(p, ww, unchecked(EI32_LT5[8]));
      store<f32>(dst + (<usize>j << 2), <f32>(sqrt2 * r32(p * ld(U, j))));
    }
    for (let k: u32 = 0; k < nmixed; k++) {
      const j = idx(MIXED, k);
      store<f32>(dst + (<usize>j << 2), <f32>(sqrt2 * erfinv32(ld(U, j))));
    }
  }
}

/** exponentialF32 of the scalar build (contract in ../random/exponential.ts). */
export function exponentialF32Staged(inp: usize, out: usize, n: u32): void {
  for (let base: u32 = 0; base < n; base += NB) {
    const nb = min(NB, n - base);
    const src = inp + (<usize>base << 2), dst = out + (<usize>base << 2);
    let counts: u32 = 0;
    for (let j: u32 = 0; j < nb; j++) {
      const u01 = u01f32(load<u32>(src + (<usize>j << 2)));
      st(XS, j, -u01);
      counts = split(u01, j, counts);
    }
    log1pStages(counts);
    for (let j: u32 = 0; j < nb; j++) store<f32>(dst + (<usize>j << 2), <f32>ld(W, j));
  }
}
