/**
 * Fused Normal log-density (and its partial derivatives) in one pass over linear memory.
 *
 * Math (TFP's `Normal._log_prob`, same operations in the same order):
 *   t  = x/scale - loc/scale
 *   lp = -0.5 * (t*t) - (log(scale) + 0.5 log(2 pi))
 * partials, when their output pointer is not 0:
 *   d lp/dx = -(t/scale),  d lp/dloc = t/scale,  d lp/dscale = (t*t - 1)/scale.
 *
 * Layout: `n` outputs; each input (x, loc, scale) is either one value (stride 0, read once)
 * or `n` contiguous values (stride 1). Output and partial pointers hold `n` values; a
 * partial pointer of 0 means "not wanted". Output pointers may alias inputs of stride 1
 * (each element is read before it is written), never an input of stride 0.
 *
 * Numerics: float32 does every step in f32 (log is logf32, ../special/logf.ts) and float64
 * in f64 (Math.log): the log-density is bit for bit what the np-op formula
 * (wrapper/distributions/normal.ts, unfused) gives, in both builds; partials are the
 * closed forms above (a few ulp from what autodiff of the np formula gives).
 * NaN in any input gives NaN; scale < 0 gives NaN (log of a negative number); scale = 0
 * gives NaN (-inf - -inf, or 0/0 at x = loc); |x| = inf gives -inf.
 * SIMD build: f32x4 body in ../simd/normal_log_prob.ts (lane for lane the f32 operations
 * below), f64x2 body when scale is one value (then the per-element work is pure
 * arithmetic); SIMD and scalar builds agree bit for bit.
 */
import { logf32 } from "../special/logf";
import { normalLogProbSimdF32, normalLogProbSimdF64 } from "../simd/normal_log_prob";

/** 0.5 log(2 pi), as the np formula's weak scalar becomes in float32 / float64. */
export const HALF_LOG_2PI_F32: f32 = <f32>0.9189385332046727;
export const HALF_LOG_2PI_F64: f64 = 0.9189385332046727;

export function normalLogProbF32(
  px: usize, sx: u32, pl: usize, sl: u32, ps: usize, ss: u32,
  out: usize, dx: usize, dl: usize, ds: usize, n: u32,
): void {
  let i: u32 = 0;
  if (ASC_FEATURE_SIMD) i = normalLogProbSimdF32(px, sx, pl, sl, ps, ss, out, dx, dl, ds, n);
  const mx: u32 = sx ? 0xffffffff : 0, ml: u32 = sl ? 0xffffffff : 0, ms: u32 = ss ? 0xffffffff : 0;
  // loop invariants when loc and scale are single values
  const s0 = load<f32>(ps), l0 = load<f32>(pl);
  const ls0 = l0 / s0;
  const c0 = logf32(s0) + HALF_LOG_2PI_F32;
  for (; i < n; i++) {
    const x = load<f32>(px + (<usize>(i & mx) << 2));
    const s = load<f32>(ps + (<usize>(i & ms) << 2));
    const l = load<f32>(pl + (<usize>(i & ml) << 2));
    const ls = (sl | ss) ? l / s : ls0;
    const t = x / s - ls;
    const tt = t * t;
    const c = ss ? logf32(s) + HALF_LOG_2PI_F32 : c0;
    const o = <usize>i << 2;
    store<f32>(out + o, <f32>-0.5 * tt - c);
    if (dx) store<f32>(dx + o, -(t / s));
    if (dl) store<f32>(dl + o, t / s);
    if (ds) store<f32>(ds + o, (tt - <f32>1.0) / s);
  }
}

export function normalLogProbF64(
  px: usize, sx: u32, pl: usize, sl: u32, ps: usize, ss: u32,
  out: usize, dx: usize, dl: usize, ds: usize, n: u32,
): void {
  let i: u32 = 0;
  if (ASC_FEATURE_SIMD) i = normalLogProbSimdF64(px, sx, pl, sl, ps, ss, out, dx, dl, ds, n);
  const mx: u32 = sx ? 0xffffffff : 0, ml: u32 = sl ? 0xffffffff : 0, ms: u32 = ss ? 0xffffffff : 0;
  const s0 = load<f64>(ps), l0 = load<f64>(pl);
  const ls0 = l0 / s0;
  const c0 = Math.log(s0) + HALF_LOG_2PI_F64;
  for (; i < n; i++) {
    const x = load<f64>(px + (<usize>(i & mx) << 3));
    const s = load<f64>(ps + (<usize>(i & ms) << 3));
    const l = load<f64>(pl + (<usize>(i & ml) << 3));
    const ls = (sl | ss) ? l / s : ls0;
    const t = x / s - ls;
    const tt = t * t;
    const c = ss ? Math.log(s) + HALF_LOG_2PI_F64 : c0;
    const o = <usize>i << 3;
    store<f64>(out + o, -0.5 * tt - c);
    if (dx) store<f64>(dx + o, -(t / s));
    if (dl) store<f64>(dl + o, t / s);
    if (ds) store<f64>(ds + o, (tt - 1.0) / s);
  }
}
