/**
 * Fused Beta(concentration1 a, concentration0 b) log-density and partials in one pass.
 *
 * Math (TFP's `Beta._log_prob`):
 *   lp = xlogy(a - 1, x) + xlog1py(b - 1, -x) - lbeta(a, b)
 * with JAX's xlogy/xlog1py convention (a term is 0 wherever its coefficient is 0, whatever
 * x is); partials (output pointer 0: not wanted):
 *   d/dx = (a - 1)/x - (b - 1)/(1 - x)   (a term dropped where its coefficient is 0),
 *   d/da = log x - digamma(a) + digamma(a + b),  d/db = log1p(-x) - digamma(b) + digamma(a + b).
 * Invalid parameters (a <= 0, b <= 0 or NaN) give NaN for the value and every partial.
 * x outside [0, 1] gives NaN (log of a negative number) unless that term's coefficient is
 * 0; x = 0 or 1 gives +-inf or a finite value as the formula says (TFP's behaviour with
 * force_probs_to_zero_outside_support=False).
 *
 * Layout as ../kernels/normal.ts: each input one value (stride 0) or n values (stride 1).
 * Numerics: everything in f64 (lbeta = betaln of ../special/lgamma.ts, accurate also for
 * large a, b; log/log1p musl), float32 inputs widened and the result rounded once: float32
 * results within ~1 ulp of the true value and within 4 eps32 (sum of |terms|) of the np-op
 * formula evaluated in float32. Scalar loop in both builds (bit-identical).
 * Provenance: TFP beta.py (formula), SciPy betaln conventions.
 */
import { betaln } from "../special/lgamma";
import { digamma } from "../special/digamma";

// @ts-ignore: decorator
@inline function ptr(p: usize, i: u32, m: u32, shift: u32): usize {
  return p + (<usize>(i & m) << shift);
}

// @ts-ignore: decorator
@inline function run<T>(
  px: usize, sx: u32, pa: usize, sa: u32, pb: usize, sb: u32,
  out: usize, dx: usize, da: usize, db: usize, n: u32,
): void {
  const sh: u32 = sizeof<T>() == 4 ? 2 : 3;
  const mx: u32 = sx ? 0xffffffff : 0, ma: u32 = sa ? 0xffffffff : 0, mb: u32 = sb ? 0xffffffff : 0;
  const per = (sa | sb) != 0;
  let a1: f64 = 0, b1: f64 = 0, lb: f64 = 0, ka: f64 = 0, kb: f64 = 0;
  for (let i: u32 = 0; i < n; i++) {
    if (per || i == 0) {
      let a = <f64>load<T>(ptr(pa, i, ma, sh)), b = <f64>load<T>(ptr(pb, i, mb, sh));
      if (!(a > 0 && b > 0)) { a = NaN; b = NaN; }
      a1 = a - 1; b1 = b - 1;
      lb = betaln(a, b);
      if (da | db) {
        const pab = digamma(a + b);
        ka = pab - digamma(a); kb = pab - digamma(b);
      }
    }
    const x = <f64>load<T>(ptr(px, i, mx, sh));
    const o = <usize>i << sh;
    const u = a1 == 0 ? 0 : a1 * Math.log(x);
    const v = b1 == 0 ? 0 : b1 * Math.log1p(-x);
    store<T>(out + o, <T>((u + v) - lb));
    if (dx) store<T>(dx + o, <T>((a1 == 0 ? 0 : a1 / x) - (b1 == 0 ? 0 : b1 / (1 - x))));
    if (da) store<T>(da + o, <T>(Math.log(x) + ka));
    if (db) store<T>(db + o, <T>(Math.log1p(-x) + kb));
  }
}

export function betaLogProbF32(
  px: usize, sx: u32, pa: usize, sa: u32, pb: usize, sb: u32,
  out: usize, dx: usize, da: usize, db: usize, n: u32,
): void {
  run<f32>(px, sx, pa, sa, pb, sb, out, dx, da, db, n);
}

export function betaLogProbF64(
  px: usize, sx: u32, pa: usize, sa: u32, pb: usize, sb: u32,
  out: usize, dx: usize, da: usize, db: usize, n: u32,
): void {
  run<f64>(px, sx, pa, sa, pb, sb, out, dx, da, db, n);
}
