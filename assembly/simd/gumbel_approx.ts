/**
 * f32x4 body of the approximation pass of categoricalGumbelArgmaxF32 (contract in
 * ../kernels/categorical.ts): for categories j..j+3 of one row, ga = -logf32(-logf32(u))
 * with u = max(u01(bits), tiny), lane for lane the scalar operations (logF32x4 is
 * bit-identical to logf32), so the approximations, and with them the candidate sets, are
 * the same in both builds (the result is exact either way). Only referenced from inside
 * `if (ASC_FEATURE_SIMD)` guards.
 */
import { logF32x4 } from "./logf";

/** Writes ga for 4 words loaded at `bits + o0 + k * step` (k = 0..3) to `dst` as 4 f32. */
// @ts-ignore: decorator
@inline export function gumbelApproxF32x4(bits: usize, o0: usize, step: usize, dst: usize): void {
  let w = i32x4.splat(0);
  w = i32x4.replace_lane(w, 0, load<i32>(bits + o0));
  w = i32x4.replace_lane(w, 1, load<i32>(bits + o0 + step));
  w = i32x4.replace_lane(w, 2, load<i32>(bits + o0 + 2 * step));
  w = i32x4.replace_lane(w, 3, load<i32>(bits + o0 + 3 * step));
  const one = f32x4.splat(1.0);
  let u = f32x4.sub(v128.or(i32x4.shr_u(w, 9), i32x4.splat(0x3f800000)), one);
  u = f32x4.pmax(u, f32x4.splat(<f32>1.1754943508222875e-38));
  v128.store(dst, f32x4.neg(logF32x4(f32x4.neg(logF32x4(u)))));
}
