/**
 * XLA:CPU's float32 `log` and `log1p`, reproduced to the bit (shared/golden/PRNG-NOTES.md
 * section 2.10), and the float64 `log1p` of XLA's elemental emitter.
 *
 * log32 (XLA GenerateVF32Log, after Cephes/Eigen plog): range reduction to m in
 * [sqrt(1/2), sqrt(2)), a degree-8 polynomial in three interleaved parts, every
 * multiply-add fused. Specials: log(+0) = -inf, log(+inf) = +inf, log(x<0) = log(NaN) =
 * NaN, subnormal x is treated as 2^-126 (as XLA does). Error: about 1 ulp against the
 * true log (it is XLA's, not a correctly rounded one: matching XLA is the point).
 *
 * log1p32 (XLA elemental emitter, mid-2020 onwards): for |x| < sqrt(2)-1 the Cephes
 * rational x - x^2/2 + x^3 P(x)/Q(x), else log32(1 + x). Each Horner step is an FMA;
 * x^2 is rounded once. log1p(-1) = -inf, log1p(x < -1) = NaN.
 *
 * All values are float32 numbers carried in f64; every operation rounds to f32 exactly
 * where XLA's float32 code rounds.
 */
import { fma32, r32, fma64 } from "./fma";

// Cephes logf polynomial (as float32 constants).
export const LP0: f64 = <f32>7.0376836292e-2;
export const LP1: f64 = <f32>-1.1514610310e-1;
export const LP2: f64 = <f32>1.1676998740e-1;
export const LP3: f64 = <f32>-1.2420140846e-1;
export const LP4: f64 = <f32>1.4249322787e-1;
export const LP5: f64 = <f32>-1.6668057665e-1;
export const LP6: f64 = <f32>2.0000714765e-1;
export const LP7: f64 = <f32>-2.4999993993e-1;
export const LP8: f64 = <f32>3.3333331174e-1;
export const LQ1: f64 = <f32>-2.12194440e-4;
export const LQ2: f64 = <f32>0.693359375;
export const SQRTHF: f64 = <f32>0.707106781186547524;
const MIN_NORMAL32: f32 = 1.17549435082228750797e-38;

/** XLA:CPU float32 log (x is an f32 value in f64). */
export function log32(x: f64): f64 {
  if (!(x > 0)) return x == 0 ? -Infinity : NaN;
  if (x == Infinity) return Infinity;
  let t = <f32>x;
  if (t < MIN_NORMAL32) t = MIN_NORMAL32;
  const bits = reinterpret<u32>(t);
  let e: f64 = <f64>(<i32>(bits >>> 23) - 126);
  const m: f64 = reinterpret<f32>((bits & 0x007fffff) | 0x3f000000);
  let r: f64;
  if (m < SQRTHF) { e -= 1; r = m + m - 1; } else { r = m - 1; } // both exact
  const r2 = r32(r * r);
  const r3 = r32(r2 * r);
  let y = fma32(fma32(r, LP0, LP1), r, LP2);
  const y1 = fma32(fma32(r, LP3, LP4), r, LP5);
  const y2 = fma32(fma32(r, LP6, LP7), r, LP8);
  y = fma32(y, r3, y1);
  y = fma32(y, r3, y2);
  y = fma32(y, r3, r32(LQ1 * e));
  r = r32(r - 0.5 * r2); // fused in XLA; 0.5*r2 is exact, so one rounding either way
  r = r32(r + y);
  return fma32(LQ2, e, r);
}

// Cephes log1p rational, numerator and denominator in Horner order.
// @ts-ignore: decorator
@lazy export const L1P_NUM: StaticArray<f64> = [
  4.5270000862445199635215e-5, 4.9854102823193375972212e-1, 6.5787325942061044846969,
  2.9911919328553073277375e1, 6.0949667980987787057556e1, 5.7112963590585538103336e1,
  2.0039553499201281259648e1,
];
// @ts-ignore: decorator
@lazy export const L1P_DEN: StaticArray<f64> = [
  1.0, 1.5062909083469192043167e1, 8.3047565967967209469434e1,
  2.2176239823732856465394e2, 3.0909872225312059774938e2, 2.1642788614495947685003e2,
  6.0118660497603843919306e1,
];
export const LOG1P_SMALL: f64 = 0.41421356237309504880; // sqrt(2) - 1
export const LOG1P_SMALL32: f64 = <f32>0.41421356237309504880;

/** XLA:CPU float32 log1p (x is an f32 value in f64). */
export function log1p32(x: f64): f64 {
  if (abs(x) < LOG1P_SMALL32) {
    const x2 = r32(x * x);
    let p: f64 = r32(unchecked(L1P_NUM[0]));
    let q: f64 = 1.0;
    for (let i = 1; i < 7; i++) {
      p = fma32(p, x, r32(unchecked(L1P_NUM[i])));
      q = fma32(q, x, r32(unchecked(L1P_DEN[i])));
    }
    const small = r32(r32(r32(x * x2) * r32(p / q)) - 0.5 * x2); // -0.5*x2 exact
    return r32(x + small);
  }
  return log32(r32(1 + x));
}

/**
 * float64 log1p as XLA's elemental emitter builds it: the same Cephes rational with
 * fused Horner steps for |x| < sqrt(2)-1, else log(1 + x). The log here is musl's
 * (AssemblyScript's NativeMath, < 1 ulp); XLA calls the host libm, so the large-|x|
 * branch can differ from JAX in the last ulp. Not verified against published output.
 */
export function log1p64(x: f64): f64 {
  if (abs(x) < LOG1P_SMALL) {
    const x2 = x * x;
    let p: f64 = unchecked(L1P_NUM[0]);
    let q: f64 = 1.0;
    for (let i = 1; i < 7; i++) {
      p = fma64(p, x, unchecked(L1P_NUM[i]));
      q = fma64(q, x, unchecked(L1P_DEN[i]));
    }
    return x + ((x * x2) * (p / q) - 0.5 * x2);
  }
  return Math.log(1 + x);
}
