/**
 * Float32 natural log as a fixed sequence of f32 operations (no fused multiply-add),
 * shared by the scalar loop and the f32x4 body (../simd/logf.ts), which performs the
 * identical IEEE operations in the same order per lane: the two builds agree bit for bit.
 *
 * Algorithm (Cephes logf, S. L. Moshier; reduction as in musl logf): subnormals are
 * scaled by 2^23 first (exact); then integer bit arithmetic gives x = 2^e * m with
 * m in [sqrt(1/2), sqrt(2)), f = m - 1 (exact, Sterbenz), and
 *   log x = f - f^2/2 + f^3 P(f) + e*C2 + e*C1,  ln2 = C1 + C2 (C1 = 0.693359375 exact),
 * P of degree 8, summed in Cephes's order. Specials as C99: log(NaN) = NaN (input
 * quieted), log(<0) = NaN (0x7fc00000), log(+-0) = -inf, log(+inf) = +inf.
 * Error: <= 1 ulp measured (see tests-ts/elementwise-f32).
 */
export const LOGF_C1: f32 = 0.693359375;
export const LOGF_C2: f32 = -2.12194440e-4;
export const LOGF_Q0: f32 = 7.0376836292e-2;
export const LOGF_Q1: f32 = -1.1514610310e-1;
export const LOGF_Q2: f32 = 1.1676998740e-1;
export const LOGF_Q3: f32 = -1.2420140846e-1;
export const LOGF_Q4: f32 = 1.4249322787e-1;
export const LOGF_Q5: f32 = -1.6668057665e-1;
export const LOGF_Q6: f32 = 2.0000714765e-1;
export const LOGF_Q7: f32 = -2.4999993993e-1;
export const LOGF_Q8: f32 = 3.3333331174e-1;
/** Smallest normal float32, 2^-126. */
export const LOGF_MINNORM: f32 = 1.17549435e-38;
export const LOGF_TWO23: f32 = 8388608.0;
/** Bit offsets of the reduction: m = bits(x) re-biased so that m is in [sqrt(1/2), sqrt(2)). */
export const LOGF_BIAS: u32 = 0x3f800000 - 0x3f3504f3;
export const LOGF_SQRTH: u32 = 0x3f3504f3;

/** log for float32 (the scalar twin of logF32x4). */
// @ts-ignore: decorator
@inline export function logf32(x: f32): f32 {
  if (x != x) return reinterpret<f32>(reinterpret<u32>(x) | 0x00400000);
  if (x < 0) return reinterpret<f32>(0x7fc00000);
  if (x == 0) return -Infinity;
  if (x == Infinity) return x;
  let xs = x;
  let eadj: i32 = 0;
  if (x < LOGF_MINNORM) { xs = x * LOGF_TWO23; eadj = -23; }
  const ix = reinterpret<u32>(xs) + LOGF_BIAS;
  const e = (<i32>(ix >> 23) - 127) + eadj;
  const f = reinterpret<f32>((ix & 0x007fffff) + LOGF_SQRTH) - <f32>1.0;
  const fe = <f32>e;
  const z = f * f;
  let y = LOGF_Q0 * f + LOGF_Q1;
  y = y * f + LOGF_Q2;
  y = y * f + LOGF_Q3;
  y = y * f + LOGF_Q4;
  y = y * f + LOGF_Q5;
  y = y * f + LOGF_Q6;
  y = y * f + LOGF_Q7;
  y = y * f + LOGF_Q8;
  y = (y * f) * z;
  y = y + fe * LOGF_C2;
  y = y + <f32>-0.5 * z;
  return (f + y) + fe * LOGF_C1;
}
