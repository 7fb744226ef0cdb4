/**
 * Fused Poisson(log_rate) log-probability and partials in one pass.
 *
 * Math (TFP's `Poisson._log_prob` with interpolate_nondiscrete=True, the default):
 *   s  = max(x, 0)
 *   lp = (x == s ? (s == 0 ? 0 : log_rate * s) - lgamma(1 + s) : -inf) - exp(log_rate)
 * (TFP's multiply_no_nan makes the s = 0 term 0 even for log_rate = -inf, so rate 0 gives
 * lp(0) = 0); partials (output pointer 0: not wanted):
 *   d/dlog_rate = (x == s ? s : 0) - exp(log_rate),
 *   d/dx = log_rate - digamma(1 + x) for x > 0, 0 for x < 0; at x = 0 the right derivative.
 * Non-integer x >= 0 is allowed (the continuous interpolation TFP uses); x < 0 gives -inf.
 * NaN x gives -inf, as TFP (maximum propagates NaN, and NaN == NaN is false); NaN log_rate
 * gives NaN. The family passes log_rate = log(rate), as TFP does when built from `rate`
 * (rate < 0 then gives NaN).
 *
 * Layout as ../kernels/normal.ts: each input one value (stride 0) or n values (stride 1).
 * Numerics: everything in f64 (lgamma/digamma ../special, exp musl), float32 inputs widened
 * and the result rounded once: float32 results within ~1 ulp of the true value and within
 * 4 eps32 (sum of |terms|) of the np-op formula evaluated in float32. Scalar loop in both
 * builds (bit-identical).
 * Provenance: TFP poisson.py (formula).
 */
import { lgamma } from "../special/lgamma";
import { digamma } from "../special/digamma";

// @ts-ignore: decorator
@inline function run<T>(
  px: usize, sx: u32, pr: usize, sr: u32, out: usize, dx: usize, dr: usize, n: u32,
): void {
  const sh: u32 = sizeof<T>() == 4 ? 2 : 3;
  const mx: u32 = sx ? 0xffffffff : 0, mr: u32 = sr ? 0xffffffff : 0;
  let lr: f64 = 0, rate: f64 = 0;
  for (let i: u32 = 0; i < n; i++) {
    if (sr || i == 0) {
      lr = <f64>load<T>(pr + (<usize>(i & mr) << sh));
      rate = Math.exp(lr);
    }
    const x = <f64>load<T>(px + (<usize>(i & mx) << sh));
    const s = max(x, 0.0);
    const ok = x == s;
    const o = <usize>i << sh;
    const y = ok ? (s == 0 ? 0 : lr * s) - lgamma(1 + s) : -Infinity;
    store<T>(out + o, <T>(y - rate));
    if (dr) store<T>(dr + o, <T>((ok ? s : 0) - rate));
    if (dx) store<T>(dx + o, <T>(ok ? lr - digamma(1 + s) : 0));
  }
}

export function poissonLogProbF32(px: usize, sx: u32, pr: usize, sr: u32, out: usize, dx: usize, dr: usize, n: u32): void {
  run<f32>(px, sx, pr, sr, out, dx, dr, n);
}

export function poissonLogProbF64(px: usize, sx: u32, pr: usize, sr: u32, out: usize, dx: usize, dr: usize, n: u32): void {
  run<f64>(px, sx, pr, sr, out, dx, dr, n);
}
