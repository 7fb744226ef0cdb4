/**
 * Fused StudentT(df, loc, scale) log-density and partials in one pass.
 *
 * Math (TFP's `student_t.log_prob`): with y = (x - loc) / (scale sqrt(df)), z = y^2,
 *   lp = -0.5 (df + 1) log1p(z) - log(scale) - 0.5 log(df) - 0.5 log(pi)
 *        - [lgamma(df/2) - lgamma(df/2 + 1/2)]
 * where the bracket (TFP's log_gamma_difference) is taken without cancellation for
 * df/2 >= 10 (../special/lgamma.ts lgammaDiff); partials (output pointer 0: not wanted):
 *   d/dx     = -(df + 1) y / (scale sqrt(df) (1 + z)),   d/dloc = -d/dx,
 *   d/dscale = ((df + 1) z / (1 + z) - 1) / scale,
 *   d/ddf    = -0.5 log1p(z) + 0.5 (df + 1) z / (df (1 + z)) - 0.5/df
 *              + 0.5 (digamma(df/2 + 1/2) - digamma(df/2)).
 * Invalid parameters (df <= 0, scale <= 0 or NaN) give NaN for the value and every partial.
 * (TFP takes log|scale|, so it gives a finite value for scale < 0; probasm's rule is NaN.)
 * |x| = inf gives -inf (finite df), NaN x gives NaN. log1p(y^2) is taken as
 * 2 log|y| + log1p(1/y^2) for |y| > 1e150, so huge float64 |x - loc| / scale stays finite.
 *
 * Layout as ../kernels/normal.ts: each input one value (stride 0) or n values (stride 1).
 * Numerics: everything in f64 (log1p, log: musl; lgamma/digamma ../special), float32
 * inputs widened and the result rounded once, so float32 results are within ~1 ulp of
 * the true value and within 4 eps32 (|first term| + |log-normalizer terms|) of the np-op
 * formula evaluated in float32. The d/ddf partial loses relative accuracy for df > ~1e8
 * (digamma difference). Scalar loop in both builds (bit-identical).
 * Provenance: TFP student_t.py (formula and log_gamma_difference), digamma/lgamma ../special.
 */
import { lgamma, lgammaDiff } from "../special/lgamma";
import { digamma } from "../special/digamma";

/** lgamma(a) - lgamma(a + 1/2) (TFP's log_gamma_difference(0.5, a)). */
// @ts-ignore: decorator
@inline function lgd(a: f64): f64 {
  return a >= 10 ? lgammaDiff(a, 0.5) : lgamma(a) - lgamma(a + 0.5);
}

// @ts-ignore: decorator
@inline function ptr(p: usize, i: u32, m: u32, shift: u32): usize {
  return p + (<usize>(i & m) << shift);
}

// The shared loop: T = f32 loads/stores float32 (widened to f64, rounded once), T = f64 float64.
// @ts-ignore: decorator
@inline function run<T>(
  px: usize, sx: u32, pd: usize, sd: u32, pl: usize, sl: u32, ps: usize, ss: u32,
  out: usize, dx: usize, dd: usize, dl: usize, ds: usize, n: u32,
): void {
  const sh: u32 = sizeof<T>() == 4 ? 2 : 3;
  const mx: u32 = sx ? 0xffffffff : 0, md: u32 = sd ? 0xffffffff : 0;
  const ml: u32 = sl ? 0xffffffff : 0, ms: u32 = ss ? 0xffffffff : 0;
  const per = (sd | ss) != 0;
  // from (df, scale): W = scale sqrt(df), K = -(log-normalizer), KD = parameter part of d/ddf
  let DF: f64 = 0, S: f64 = 0, W: f64 = 0, K: f64 = 0, KD: f64 = 0;
  for (let i: u32 = 0; i < n; i++) {
    if (per || i == 0) {
      DF = <f64>load<T>(ptr(pd, i, md, sh)); S = <f64>load<T>(ptr(ps, i, ms, sh));
      if (!(DF > 0 && S > 0)) { DF = NaN; S = NaN; }
      W = S * Math.sqrt(DF);
      K = -(Math.log(S) + 0.5 * Math.log(DF) + 0.5723649429247001 + lgd(0.5 * DF));
      if (dd) KD = -0.5 / DF + 0.5 * (digamma(0.5 * DF + 0.5) - digamma(0.5 * DF));
    }
    const x = <f64>load<T>(ptr(px, i, mx, sh)), l = <f64>load<T>(ptr(pl, i, ml, sh));
    const y = (x - l) / W;
    const z = y * y;
    // log1p(y^2) without overflow for huge |y| (only reachable with float64 inputs)
    const ay = abs(y);
    const lz = ay > 1e150 ? 2 * Math.log(ay) + Math.log1p(1 / z) : Math.log1p(z);
    const o = <usize>i << sh;
    store<T>(out + o, <T>(-0.5 * (DF + 1) * lz + K));
    if (dx | dl) {
      const g = -(DF + 1) * y / (W * (1 + z));
      if (dx) store<T>(dx + o, <T>g);
      if (dl) store<T>(dl + o, <T>-g);
    }
    const zr = 1 / (1 + 1 / z); // z / (1 + z), also for z = inf (1) and z = 0 (0)
    if (ds) store<T>(ds + o, <T>(((DF + 1) * zr - 1) / S));
    if (dd) store<T>(dd + o, <T>(-0.5 * lz + 0.5 * (DF + 1) * zr / DF + KD));
  }
}

export function studentTLogProbF32(
  px: usize, sx: u32, pd: usize, sd: u32, pl: usize, sl: u32, ps: usize, ss: u32,
  out: usize, dx: usize, dd: usize, dl: usize, ds: usize, n: u32,
): void {
  run<f32>(px, sx, pd, sd, pl, sl, ps, ss, out, dx, dd, dl, ds, n);
}

export function studentTLogProbF64(
  px: usize, sx: u32, pd: usize, sd: u32, pl: usize, sl: u32, ps: usize, ss: u32,
  out: usize, dx: usize, dd: usize, dl: usize, ds: usize, n: u32,
): void {
  run<f64>(px, sx, pd, sd, pl, sl, ps, ss, out, dx, dd, dl, ds, n);
}
