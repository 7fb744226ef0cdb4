/**
 * Fused Gamma(concentration c, rate r) log-density and partials in one pass.
 *
 * Math (TFP's `Gamma._log_prob`):
 *   lp = xlogy(c - 1, x) - r x - (lgamma(c) - c log r)
 * with JAX's xlogy convention (the first term is 0 wherever c = 1, whatever x is);
 * partials (output pointer 0: not wanted):
 *   d/dx = (c - 1)/x - r  (-r where c = 1),  d/dc = log x + log r - digamma(c),
 *   d/dr = c/r - x.
 * Invalid parameters (c <= 0, r <= 0 or NaN) give NaN for the value and every partial
 * (TFP's formula would give a finite meaningless value for c < 0). x < 0 gives NaN unless
 * c = 1 (then -r x - log-normalizer, as the formula says); x = 0 gives -inf (c > 1),
 * +inf (c < 1) or log r (c = 1).
 *
 * Layout as ../kernels/normal.ts: each input one value (stride 0) or n values (stride 1).
 *
 * Numerics. float64: the formula's f64 operations in its order (xlogy = c1 * Math.log(x),
 * lgamma ../special/lgamma.ts, <= 4 ulp): equal to the np-op formula bit for bit.
 * float32: the parameter-only terms (lgamma(c) - c log r, log r - digamma(c), c/r) are
 * computed in f64 and rounded once (per element when a parameter has stride 1, once
 * otherwise); the x terms are f32 operations, log is logf32 (<= 1 ulp):
 * (c - 1) * logf32(x) - r * x - L. Against the np-op formula in float32 (which rounds
 * lgamma and c log r separately) the difference is within 4 eps32 (|(c-1) log x| + |r x| +
 * |lgamma(c)| + |c log r|) (tests-ts/distributions-fused.test.ts).
 * SIMD build: f32x4 body (../simd/gamma_log_prob.ts) when c and r are single values, the
 * same f32 operations lane for lane; builds agree bit for bit. float64 is a scalar loop.
 * Provenance: TFP gamma.py (formula), digamma/lgamma as in ../special.
 */
import { logf32 } from "../special/logf";
import { lgamma } from "../special/lgamma";
import { digamma } from "../special/digamma";
import { gammaLogProbSimdF32 } from "../simd/gamma_log_prob";

/** -(log normalizer) = c log r - lgamma(c) in f64 (parameters already checked). */
// @ts-ignore: decorator
@inline export function gammaNegLogNorm(c: f64, r: f64): f64 {
  return c * Math.log(r) - lgamma(c);
}

export function gammaLogProbF32(
  px: usize, sx: u32, pc: usize, sc: u32, pr: usize, sr: u32,
  out: usize, dx: usize, dc: usize, dr: usize, n: u32,
): void {
  let i: u32 = 0;
  if (ASC_FEATURE_SIMD) i = gammaLogProbSimdF32(px, sx, pc, sc, pr, sr, out, dx, dc, dr, n);
  const mx: u32 = sx ? 0xffffffff : 0, mc: u32 = sc ? 0xffffffff : 0, mr: u32 = sr ? 0xffffffff : 0;
  const per = (sc | sr) != 0;
  let c1: f32 = 0, r: f32 = 0, nl: f32 = 0, kc: f32 = 0, cr: f32 = 0;
  for (let first = true; i < n; i++) {
    if (per || first) {
      first = false;
      let cf = load<f32>(pc + (<usize>(i & mc) << 2)), rf = load<f32>(pr + (<usize>(i & mr) << 2));
      if (!(cf > 0 && rf > 0)) { cf = NaN; rf = NaN; }
      const c64 = <f64>cf, r64 = <f64>rf;
      c1 = cf - <f32>1.0;
      r = rf;
      nl = <f32>gammaNegLogNorm(c64, r64);
      if (dc) kc = <f32>(Math.log(r64) - digamma(c64));
      if (dr) cr = <f32>(c64 / r64);
    }
    const x = load<f32>(px + (<usize>(i & mx) << 2));
    const lx = logf32(x);
    const u = c1 == 0 ? <f32>0 : c1 * lx;
    const o = <usize>i << 2;
    store<f32>(out + o, (u - r * x) + nl);
    if (dx) store<f32>(dx + o, c1 == 0 ? -r : c1 / x - r);
    if (dc) store<f32>(dc + o, lx + kc);
    if (dr) store<f32>(dr + o, cr - x);
  }
}

export function gammaLogProbF64(
  px: usize, sx: u32, pc: usize, sc: u32, pr: usize, sr: u32,
  out: usize, dx: usize, dc: usize, dr: usize, n: u32,
): void {
  const mx: u32 = sx ? 0xffffffff : 0, mc: u32 = sc ? 0xffffffff : 0, mr: u32 = sr ? 0xffffffff : 0;
  const per = (sc | sr) != 0;
  let c: f64 = 0, r: f64 = 0, nl: f64 = 0, kc: f64 = 0;
  for (let i: u32 = 0; i < n; i++) {
    if (per || i == 0) {
      c = load<f64>(pc + (<usize>(i & mc) << 3)); r = load<f64>(pr + (<usize>(i & mr) << 3));
      if (!(c > 0 && r > 0)) { c = NaN; r = NaN; }
      nl = lgamma(c) - c * Math.log(r);
      if (dc) kc = Math.log(r) - digamma(c);
    }
    const c1 = c - 1;
    const x = load<f64>(px + (<usize>(i & mx) << 3));
    const u = c1 == 0 ? 0 : c1 * Math.log(x);
    const o = <usize>i << 3;
    store<f64>(out + o, (u - r * x) - nl);
    if (dx) store<f64>(dx + o, c1 == 0 ? -r : c1 / x - r);
    if (dc) store<f64>(dc + o, Math.log(x) + kc);
    if (dr) store<f64>(dr + o, c / r - x);
  }
}
