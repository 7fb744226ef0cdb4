/**
 * v128 bodies of the fused Normal log-density (contract in ../kernels/normal.ts; not the
 * PRNG normal transform, which is ./normal.ts). float32: the scalar loop's f32 operations
 * lane for lane (log is logF32x4, bit-identical to logf32), two vectors per iteration
 * (independent chains). float64: f64x2 when scale is one value (log(scale) is then a loop
 * invariant and the rest is IEEE arithmetic); otherwise 0 elements (the scalar loop runs).
 * Each returns how many elements it handled. Only referenced from inside
 * `if (ASC_FEATURE_SIMD)` guards (nothing at the top level mentions v128).
 */
import { logf32 } from "../special/logf";
import { logF32x4 } from "./logf";

// @ts-ignore: decorator
@inline function lpF32x4(
  i: u32, px: usize, sx: u32, pl: usize, sl: u32, ps: usize, ss: u32,
  out: usize, dx: usize, dl: usize, ds: usize,
  x0: v128, l0: v128, s0: v128, ls0: v128, c0: v128, h: v128,
): void {
  const o = <usize>i << 2;
  const x = sx ? v128.load(px + o) : x0;
  const l = sl ? v128.load(pl + o) : l0;
  const s = ss ? v128.load(ps + o) : s0;
  const ls = (sl | ss) ? f32x4.div(l, s) : ls0;
  const t = f32x4.sub(f32x4.div(x, s), ls);
  const tt = f32x4.mul(t, t);
  const c = ss ? f32x4.add(logF32x4(s), h) : c0;
  v128.store(out + o, f32x4.sub(f32x4.mul(f32x4.splat(-0.5), tt), c));
  if (dx | dl) {
    const q = f32x4.div(t, s);
    if (dx) v128.store(dx + o, f32x4.neg(q));
    if (dl) v128.store(dl + o, q);
  }
  if (ds) v128.store(ds + o, f32x4.div(f32x4.sub(tt, f32x4.splat(1.0)), s));
}

export function normalLogProbSimdF32(
  px: usize, sx: u32, pl: usize, sl: u32, ps: usize, ss: u32,
  out: usize, dx: usize, dl: usize, ds: usize, n: u32,
): u32 {
  const n4 = n & ~3, n8 = n & ~7;
  const h = f32x4.splat(<f32>0.9189385332046727);
  const sv = load<f32>(ps), lv = load<f32>(pl);
  const x0 = f32x4.splat(load<f32>(px)), l0 = f32x4.splat(lv), s0 = f32x4.splat(sv);
  const ls0 = f32x4.splat(lv / sv);
  const c0 = f32x4.splat(logf32(sv) + <f32>0.9189385332046727);
  let i: u32 = 0;
  for (; i < n8; i += 8) {
    lpF32x4(i, px, sx, pl, sl, ps, ss, out, dx, dl, ds, x0, l0, s0, ls0, c0, h);
    lpF32x4(i + 4, px, sx, pl, sl, ps, ss, out, dx, dl, ds, x0, l0, s0, ls0, c0, h);
  }
  if (i < n4) lpF32x4(i, px, sx, pl, sl, ps, ss, out, dx, dl, ds, x0, l0, s0, ls0, c0, h);
  return n4;
}

export function normalLogProbSimdF64(
  px: usize, sx: u32, pl: usize, sl: u32, ps: usize, ss: u32,
  out: usize, dx: usize, dl: usize, ds: usize, n: u32,
): u32 {
  if (ss) return 0; // log per element: the scalar loop
  const n2 = n & ~1;
  const sv = load<f64>(ps), lv = load<f64>(pl);
  const x0 = f64x2.splat(load<f64>(px)), s = f64x2.splat(sv);
  const ls0 = f64x2.splat(lv / sv);
  const c = f64x2.splat(Math.log(sv) + 0.9189385332046727);
  const half = f64x2.splat(-0.5), one = f64x2.splat(1.0);
  for (let i: u32 = 0; i < n2; i += 2) {
    const o = <usize>i << 3;
    const x = sx ? v128.load(px + o) : x0;
    const ls = sl ? f64x2.div(v128.load(pl + o), s) : ls0;
    const t = f64x2.sub(f64x2.div(x, s), ls);
    const tt = f64x2.mul(t, t);
    v128.store(out + o, f64x2.sub(f64x2.mul(half, tt), c));
    if (dx | dl) {
      const q = f64x2.div(t, s);
      if (dx) v128.store(dx + o, f64x2.neg(q));
      if (dl) v128.store(dl + o, q);
    }
    if (ds) v128.store(ds + o, f64x2.div(f64x2.sub(tt, one), s));
  }
  return n2;
}
