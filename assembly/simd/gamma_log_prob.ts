/**
 * f32x4 body of the fused Gamma log-density (contract in ../kernels/gamma.ts) for the case
 * where concentration and rate are single values: the parameter terms are loop invariants
 * computed by the same scalar f64 code as the scalar loop, and the x terms are the scalar
 * loop's f32 operations lane for lane (log is logF32x4, bit-identical to logf32).
 * Returns how many elements it handled (0 when a parameter has stride 1). Only referenced
 * from inside `if (ASC_FEATURE_SIMD)` guards.
 */
import { digamma } from "../special/digamma";
import { gammaNegLogNorm } from "../kernels/gamma";
import { logF32x4 } from "./logf";

// @ts-ignore: decorator
@inline function lpF32x4(
  o: usize, px: usize, sx: u32, out: usize, dx: usize, dc: usize, dr: usize,
  x0: v128, c1z: bool, c1: v128, r: v128, nl: v128, kc: v128, cr: v128,
): void {
  const x = sx ? v128.load(px + o) : x0;
  const lx = logF32x4(x);
  const u = c1z ? f32x4.splat(0) : f32x4.mul(c1, lx);
  v128.store(out + o, f32x4.add(f32x4.sub(u, f32x4.mul(r, x)), nl));
  if (dx) v128.store(dx + o, c1z ? f32x4.neg(r) : f32x4.sub(f32x4.div(c1, x), r));
  if (dc) v128.store(dc + o, f32x4.add(lx, kc));
  if (dr) v128.store(dr + o, f32x4.sub(cr, x));
}

export function gammaLogProbSimdF32(
  px: usize, sx: u32, pc: usize, sc: u32, pr: usize, sr: u32,
  out: usize, dx: usize, dc: usize, dr: usize, n: u32,
): u32 {
  if (sc | sr) return 0;
  let cf = load<f32>(pc), rf = load<f32>(pr);
  if (!(cf > 0 && rf > 0)) { cf = NaN; rf = NaN; }
  const c64 = <f64>cf, r64 = <f64>rf;
  const c1s = cf - <f32>1.0;
  const c1z = c1s == 0;
  const c1 = f32x4.splat(c1s), r = f32x4.splat(rf);
  const nl = f32x4.splat(<f32>gammaNegLogNorm(c64, r64));
  const kc = f32x4.splat(dc ? <f32>(Math.log(r64) - digamma(c64)) : <f32>0);
  const cr = f32x4.splat(dr ? <f32>(c64 / r64) : <f32>0);
  const x0 = f32x4.splat(load<f32>(px));
  const n4 = n & ~3, n8 = n & ~7;
  let i: u32 = 0;
  for (; i < n8; i += 8) {
    const o = <usize>i << 2;
    lpF32x4(o, px, sx, out, dx, dc, dr, x0, c1z, c1, r, nl, kc, cr);
    lpF32x4(o + 16, px, sx, out, dx, dc, dr, x0, c1z, c1, r, nl, kc, cr);
  }
  if (i < n4) lpF32x4(<usize>i << 2, px, sx, out, dx, dc, dr, x0, c1z, c1, r, nl, kc, cr);
  return n4;
}
