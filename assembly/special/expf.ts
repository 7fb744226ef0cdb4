/**
 * Float32 exp as a fixed sequence of f32 operations (no fused multiply-add), shared by the
 * scalar loop and the f32x4 body (../simd/expf.ts), which performs the identical IEEE
 * operations in the same order per lane, so the two builds agree bit for bit.
 *
 * Algorithm (Cephes expf, S. L. Moshier): clamp x to [-104, 89] (exp(89) overflows and
 * exp(-104) < 2^-150 underflows to 0, so the clamp gives inf / 0 for everything beyond,
 * including +-inf), k = nearest(x * log2(e)), r = (x - k*C1) - k*C2 with ln2 = C1 + C2
 * split so that k*C1 and x - k*C1 are exact, exp(r) = 1 + r + r^2 P(r) with a degree-5 P,
 * then the result is scaled by 2^k as two exact powers of two 2^(k>>1) * 2^(k - (k>>1))
 * (both normal for k in [-150, 128]): the first product is exact and the second rounds
 * once, so overflow gives inf and subnormal results are rounded once, correctly from y.
 * NaN returns the input, quieted. Error: <= 1 ulp measured (see tests-ts/elementwise-f32).
 */
export const EXPF_LO: f32 = -104.0;
export const EXPF_HI: f32 = 89.0;
export const EXPF_LOG2E: f32 = 1.44269504088896341;
export const EXPF_C1: f32 = 0.693359375;
export const EXPF_C2: f32 = -2.12194440e-4;
export const EXPF_P0: f32 = 1.9875691500e-4;
export const EXPF_P1: f32 = 1.3981999507e-3;
export const EXPF_P2: f32 = 8.3334519073e-3;
export const EXPF_P3: f32 = 4.1665795894e-2;
export const EXPF_P4: f32 = 1.6666665459e-1;
export const EXPF_P5: f32 = 5.0000001201e-1;

/** exp for float32 (the scalar twin of expF32x4). */
// @ts-ignore: decorator
@inline export function expf32(x: f32): f32 {
  if (x != x) return reinterpret<f32>(reinterpret<u32>(x) | 0x00400000);
  const xc = min<f32>(max<f32>(x, EXPF_LO), EXPF_HI);
  const kf = nearest<f32>(xc * EXPF_LOG2E);
  const r = (xc - kf * EXPF_C1) - kf * EXPF_C2;
  const z = r * r;
  let p = EXPF_P0 * r + EXPF_P1;
  p = p * r + EXPF_P2;
  p = p * r + EXPF_P3;
  p = p * r + EXPF_P4;
  p = p * r + EXPF_P5;
  const y = (p * z + r) + <f32>1.0;
  const k = <i32>kf;
  const k1 = k >> 1;
  const k2 = k - k1;
  return (y * reinterpret<f32>((k1 + 127) << 23)) * reinterpret<f32>((k2 + 127) << 23);
}
