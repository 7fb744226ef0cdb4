/**
 * f32x4 body of the float32 log: the same IEEE operations, in the same order, as
 * `logf32` in ../special/logf.ts (algorithm, constants and error there), on four lanes,
 * so every lane equals the scalar result bit for bit; the scalar early returns for
 * specials become lane selects. Only referenced from inside `if (ASC_FEATURE_SIMD)`
 * guards (nothing at the top level mentions v128).
 */
import {
  LOGF_C1, LOGF_C2, LOGF_Q0, LOGF_Q1, LOGF_Q2, LOGF_Q3, LOGF_Q4, LOGF_Q5, LOGF_Q6,
  LOGF_Q7, LOGF_Q8, LOGF_MINNORM, LOGF_TWO23, LOGF_BIAS, LOGF_SQRTH,
} from "../special/logf";

/** log on four float32 lanes (bit-identical to logf32 per lane). */
// @ts-ignore: decorator
@inline export function logF32x4(x: v128): v128 {
  const sub = f32x4.lt(x, f32x4.splat(LOGF_MINNORM)); // subnormal (or <= 0: replaced below)
  const xs = v128.bitselect(f32x4.mul(x, f32x4.splat(LOGF_TWO23)), x, sub);
  const eadj = v128.and(sub, i32x4.splat(-23));
  const ix = i32x4.add(xs, i32x4.splat(<i32>LOGF_BIAS));
  const e = i32x4.add(i32x4.sub(i32x4.shr_u(ix, 23), i32x4.splat(127)), eadj);
  const f = f32x4.sub(i32x4.add(v128.and(ix, i32x4.splat(0x007fffff)), i32x4.splat(<i32>LOGF_SQRTH)), f32x4.splat(1.0));
  const fe = f32x4.convert_i32x4_s(e);
  const z = f32x4.mul(f, f);
  let y = f32x4.add(f32x4.mul(f32x4.splat(LOGF_Q0), f), f32x4.splat(LOGF_Q1));
  y = f32x4.add(f32x4.mul(y, f), f32x4.splat(LOGF_Q2));
  y = f32x4.add(f32x4.mul(y, f), f32x4.splat(LOGF_Q3));
  y = f32x4.add(f32x4.mul(y, f), f32x4.splat(LOGF_Q4));
  y = f32x4.add(f32x4.mul(y, f), f32x4.splat(LOGF_Q5));
  y = f32x4.add(f32x4.mul(y, f), f32x4.splat(LOGF_Q6));
  y = f32x4.add(f32x4.mul(y, f), f32x4.splat(LOGF_Q7));
  y = f32x4.add(f32x4.mul(y, f), f32x4.splat(LOGF_Q8));
  y = f32x4.mul(f32x4.mul(y, f), z);
  y = f32x4.add(y, f32x4.mul(fe, f32x4.splat(LOGF_C2)));
  y = f32x4.add(y, f32x4.mul(f32x4.splat(-0.5), z));
  let res = f32x4.add(f32x4.add(f, y), f32x4.mul(fe, f32x4.splat(LOGF_C1)));
  // Specials, as the scalar early returns (disjoint lane sets).
  res = v128.bitselect(f32x4.splat(-Infinity), res, f32x4.eq(x, f32x4.splat(0)));
  res = v128.bitselect(i32x4.splat(0x7fc00000), res, f32x4.lt(x, f32x4.splat(0)));
  res = v128.bitselect(x, res, f32x4.eq(x, f32x4.splat(Infinity)));
  return v128.bitselect(v128.or(x, i32x4.splat(0x00400000)), res, f32x4.ne(x, x));
}
