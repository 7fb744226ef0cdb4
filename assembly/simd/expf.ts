/**
 * f32x4 body of the float32 exp: the same IEEE operations, in the same order, as
 * `expf32` in ../special/expf.ts (algorithm, constants and error there), on four lanes,
 * so every lane equals the scalar result bit for bit. Only referenced from inside
 * `if (ASC_FEATURE_SIMD)` guards (nothing at the top level mentions v128).
 */
import {
  EXPF_LO, EXPF_HI, EXPF_LOG2E, EXPF_C1, EXPF_C2,
  EXPF_P0, EXPF_P1, EXPF_P2, EXPF_P3, EXPF_P4, EXPF_P5,
} from "../special/expf";

/** exp on four float32 lanes (bit-identical to expf32 per lane). */
// @ts-ignore: decorator
@inline export function expF32x4(x: v128): v128 {
  const xc = f32x4.min(f32x4.max(x, f32x4.splat(EXPF_LO)), f32x4.splat(EXPF_HI));
  const kf = f32x4.nearest(f32x4.mul(xc, f32x4.splat(EXPF_LOG2E)));
  const r = f32x4.sub(f32x4.sub(xc, f32x4.mul(kf, f32x4.splat(EXPF_C1))), f32x4.mul(kf, f32x4.splat(EXPF_C2)));
  const z = f32x4.mul(r, r);
  let p = f32x4.add(f32x4.mul(f32x4.splat(EXPF_P0), r), f32x4.splat(EXPF_P1));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(EXPF_P2));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(EXPF_P3));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(EXPF_P4));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(EXPF_P5));
  const y = f32x4.add(f32x4.add(f32x4.mul(p, z), r), f32x4.splat(1.0));
  const k = i32x4.trunc_sat_f32x4_s(kf); // NaN lanes give 0 (replaced below)
  const k1 = i32x4.shr_s(k, 1);
  const k2 = i32x4.sub(k, k1);
  const bias = i32x4.splat(127);
  const s1 = i32x4.shl(i32x4.add(k1, bias), 23);
  const s2 = i32x4.shl(i32x4.add(k2, bias), 23);
  const res = f32x4.mul(f32x4.mul(y, s1), s2);
  // NaN lanes: the input, quieted (as the scalar early return).
  return v128.bitselect(v128.or(x, i32x4.splat(0x00400000)), res, f32x4.ne(x, x));
}
