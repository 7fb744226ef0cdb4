/**
 * XLA's float32 log and log1p (../special/xla_log.ts: log32, log1p32, Cephes logf and the
 * Cephes log1p rational, with the multiply-adds XLA fuses) on f32x4 lanes with
 * relaxed_madd, as stages over a block of lanes in the table's scratch (see ./index.ts).
 *
 * Domain (no special cases are handled; the samplers stay inside it): log32x4 takes
 * positive normal finite float32 values (XLA's clamp of subnormals to the smallest normal,
 * and its 0 / negative / inf / NaN cases, are not reproduced); log1p takes x in (-1, 0]
 * with 1 + x >= 2^-24 (the normal and exponential samplers' arguments). Both branches of
 * log1p (|x| < sqrt2 - 1: the rational; else log(1 + x)) are computed for every lane and
 * selected per lane. Bit-identical to log32 / log1p32 on those domains (exhaustive tests
 * of the samplers, tests-ts/random-relaxed.test.ts).
 */
import { C_ONE, C_HALF, C_NUM, C_DEN, C_LP, C_LQ1, C_LQ2, C_SQRTHF, C_SMALL, fma, sel } from "./table";

/** log32 of four positive normal float32 lanes (Cephes logf as XLA fuses it). */
// @ts-ignore: decorator
@inline export function log32x4(t: v128, tbl: usize): v128 {
  const one = v128.load(tbl + C_ONE), half = v128.load(tbl + C_HALF);
  const e0 = f32x4.convert_i32x4_s(i32x4.sub(i32x4.shr_u(t, 23), i32x4.splat(126)));
  const m = v128.or(v128.and(t, i32x4.splat(0x007fffff)), i32x4.splat(0x3f000000));
  const lt = f32x4.lt(m, v128.load(tbl + C_SQRTHF));
  const e = sel(f32x4.sub(e0, one), e0, lt);
  const r0 = sel(f32x4.sub(f32x4.add(m, m), one), f32x4.sub(m, one), lt);
  const r2 = f32x4.mul(r0, r0), r3 = f32x4.mul(r2, r0);
  const k = tbl + C_LP;
  let y = fma(fma(r0, v128.load(k), v128.load(k, 16)), r0, v128.load(k, 32));
  const y1 = fma(fma(r0, v128.load(k, 48), v128.load(k, 64)), r0, v128.load(k, 80));
  const y2 = fma(fma(r0, v128.load(k, 96), v128.load(k, 112)), r0, v128.load(k, 128));
  y = fma(y, r3, y1);
  y = fma(y, r3, y2);
  y = fma(y, r3, f32x4.mul(v128.load(tbl + C_LQ1), e));
  const r = f32x4.add(f32x4.sub(r0, f32x4.mul(half, r2)), y);
  return fma(v128.load(tbl + C_LQ2), e, r);
}

/** Stage 1 of log1p: the rational branch x + (x^3 P/Q - x^2/2) of x at sx into sw, nb lanes. */
// @ts-ignore: decorator
@inline export function log1pRationalStage(tbl: usize, sx: usize, sw: usize, nb: u32): void {
  const one = v128.load(tbl + C_ONE), half = v128.load(tbl + C_HALF);
  for (let j: u32 = 0; j < nb; j += 4) {
    const o = <usize>j << 2;
    const x = v128.load(sx + o);
    const xx = f32x4.mul(x, x);
    let p = v128.load(tbl + C_NUM), q = one;
    for (let i: usize = 1; i < 7; i++) {
      p = fma(p, x, v128.load(tbl + C_NUM + (i << 4)));
      q = fma(q, x, v128.load(tbl + C_DEN + ((i - 1) << 4)));
    }
    const small = f32x4.sub(f32x4.mul(f32x4.mul(x, xx), f32x4.div(p, q)), f32x4.mul(half, xx));
    v128.store(sw + o, f32x4.add(x, small));
  }
}

/**
 * Stage 2 of log1p: the log branch log(1 + x) of x at sx, the per-lane choice between it
 * and stage 1's result at sw, negated: dst = -log1p(x) (dst may be sw).
 */
// @ts-ignore: decorator
@inline export function log1pLogStage(tbl: usize, sx: usize, sw: usize, dst: usize, nb: u32): void {
  const one = v128.load(tbl + C_ONE);
  for (let j: u32 = 0; j < nb; j += 4) {
    const o = <usize>j << 2;
    const x = v128.load(sx + o);
    const large = log32x4(f32x4.add(one, x), tbl);
    const isSmall = f32x4.lt(f32x4.abs(x), v128.load(tbl + C_SMALL));
    v128.store(dst + o, f32x4.neg(sel(v128.load(sw + o), large, isSmall)));
  }
}
