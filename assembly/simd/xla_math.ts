/**
 * f64x2 bodies of XLA's float32 log, log1p and erf_inv (see ../special/xla_log.ts and
 * ../special/erfinv.ts for the contracts, which are the same). Each lane holds an f32
 * value in f64. A fused multiply-add is fl64(a*b + c) rounded to f32, which is exact
 * unless the f64 sum sits on an f32 midpoint or in the f32 subnormal range; such lanes
 * are flagged in the 16-byte FLAGS slot and the caller recomputes the whole element
 * with the exact scalar routine. So SIMD results equal scalar results bit for bit.
 * Nothing at the top level mentions v128 (the scalar build compiles none of this).
 */
import { L1P_NUM, L1P_DEN, LOG1P_SMALL32, SQRTHF } from "../special/xla_log";
import { EI32_LT5, EI32_GE5 } from "../special/erfinv";

/** Lane flags: non-zero lanes must be recomputed by the scalar path. */
export const FLAGS: usize = memory.data(16, 16);

// @ts-ignore: decorator
@inline export function r32x(v: v128): v128 {
  return f64x2.promote_low_f32x4(f32x4.demote_f64x2_zero(v));
}

// @ts-ignore: decorator
@inline export function suspectx(s: v128): v128 {
  const mid = i64x2.eq(v128.and(s, i64x2.splat(0x1fffffff)), i64x2.splat(0x10000000));
  return v128.or(mid, f64x2.lt(f64x2.abs(s), f64x2.splat(1.1754943508222875e-38)));
}

// @ts-ignore: decorator
@inline export function flag(bad: v128): void {
  v128.store(FLAGS, v128.or(v128.load(FLAGS), bad));
}

// @ts-ignore: decorator
@inline function sp(x: f64): v128 { return f64x2.splat(x); }

/** XLA float32 log on two lanes. */
// @ts-ignore: decorator
@inline export function log32x(x: v128): v128 {
  const t = f64x2.max(x, sp(1.1754943508222875e-38));
  const bits = t; // an f32 value in f64 has the same exponent and leading mantissa bits
  const ex = i64x2.shr_u(bits, 52);
  let e = f64x2.sub(f64x2.convert_low_i32x4_s(i32x4.shuffle(ex, ex, 0, 2, 0, 2)), sp(1022.0));
  const m = v128.or(v128.and(bits, i64x2.splat(0x000fffffffffffff)), i64x2.splat(0x3fe0000000000000));
  const lt = f64x2.lt(m, sp(SQRTHF));
  e = f64x2.sub(e, v128.and(lt, sp(1.0)));
  let r = v128.bitselect(f64x2.sub(f64x2.add(m, m), sp(1.0)), f64x2.sub(m, sp(1.0)), lt);
  const r2 = r32x(f64x2.mul(r, r));
  const r3 = r32x(f64x2.mul(r2, r));
  let bad = i64x2.splat(0);
  let s: v128;
  s = f64x2.add(f64x2.mul(r, sp(<f32>7.0376836292e-2)), sp(<f32>-1.1514610310e-1)); bad = v128.or(bad, suspectx(s)); let y = r32x(s);
  s = f64x2.add(f64x2.mul(y, r), sp(<f32>1.1676998740e-1)); bad = v128.or(bad, suspectx(s)); y = r32x(s);
  s = f64x2.add(f64x2.mul(r, sp(<f32>-1.2420140846e-1)), sp(<f32>1.4249322787e-1)); bad = v128.or(bad, suspectx(s)); let y1 = r32x(s);
  s = f64x2.add(f64x2.mul(y1, r), sp(<f32>-1.6668057665e-1)); bad = v128.or(bad, suspectx(s)); y1 = r32x(s);
  s = f64x2.add(f64x2.mul(r, sp(<f32>2.0000714765e-1)), sp(<f32>-2.4999993993e-1)); bad = v128.or(bad, suspectx(s)); let y2 = r32x(s);
  s = f64x2.add(f64x2.mul(y2, r), sp(<f32>3.3333331174e-1)); bad = v128.or(bad, suspectx(s)); y2 = r32x(s);
  s = f64x2.add(f64x2.mul(y, r3), y1); bad = v128.or(bad, suspectx(s)); y = r32x(s);
  s = f64x2.add(f64x2.mul(y, r3), y2); bad = v128.or(bad, suspectx(s)); y = r32x(s);
  s = f64x2.add(f64x2.mul(y, r3), r32x(f64x2.mul(sp(<f32>-2.12194440e-4), e))); bad = v128.or(bad, suspectx(s)); y = r32x(s);
  r = r32x(f64x2.sub(r, f64x2.mul(sp(0.5), r2)));
  r = r32x(f64x2.add(r, y));
  s = f64x2.add(f64x2.mul(sp(<f32>0.693359375), e), r); bad = v128.or(bad, suspectx(s)); r = r32x(s);
  // specials: log(0) = -inf, log(+inf) = +inf, log(x < 0) = log(NaN) = NaN
  r = v128.bitselect(sp(-Infinity), r, f64x2.eq(x, sp(0.0)));
  r = v128.bitselect(sp(Infinity), r, f64x2.eq(x, sp(Infinity)));
  r = v128.bitselect(sp(NaN), r, v128.not(f64x2.ge(x, sp(0.0))));
  flag(v128.and(bad, f64x2.gt(x, sp(0.0)))); // lanes with x <= 0 or NaN are exact anyway
  return r;
}

/** XLA float32 log1p on two lanes. */
// @ts-ignore: decorator
@inline export function log1p32x(x: v128): v128 {
  const small = f64x2.lt(f64x2.abs(x), sp(LOG1P_SMALL32));
  const x2 = r32x(f64x2.mul(x, x));
  let p = sp(<f32>unchecked(L1P_NUM[0]));
  let q = sp(1.0);
  let bad = i64x2.splat(0);
  for (let i = 1; i < 7; i++) {
    let s = f64x2.add(f64x2.mul(p, x), sp(<f32>unchecked(L1P_NUM[i])));
    bad = v128.or(bad, suspectx(s)); p = r32x(s);
    s = f64x2.add(f64x2.mul(q, x), sp(<f32>unchecked(L1P_DEN[i])));
    bad = v128.or(bad, suspectx(s)); q = r32x(s);
  }
  const t = r32x(f64x2.mul(r32x(f64x2.mul(x, x2)), r32x(f64x2.div(p, q))));
  let r = r32x(f64x2.add(x, r32x(f64x2.sub(t, f64x2.mul(sp(0.5), x2)))));
  flag(v128.and(bad, small));
  if (!v128.all_true<i64>(small)) {
    r = v128.bitselect(r, log32x(r32x(f64x2.add(sp(1.0), x))), small);
  }
  return r;
}

/** XLA float32 erf_inv on two lanes. */
// @ts-ignore: decorator
@inline export function erfinv32x(x: v128): v128 {
  const w = f64x2.neg(log1p32x(f64x2.neg(r32x(f64x2.mul(x, x)))));
  const lt = f64x2.lt(w, sp(5.0));
  const ww = v128.bitselect(
    r32x(f64x2.sub(w, sp(2.5))),
    r32x(f64x2.sub(r32x(f64x2.sqrt(w)), sp(3.0))), lt);
  let bad = i64x2.splat(0);
  let p = v128.bitselect(sp(unchecked(EI32_LT5[0])), sp(unchecked(EI32_GE5[0])), lt);
  for (let i = 1; i < 9; i++) {
    const c = v128.bitselect(sp(unchecked(EI32_LT5[i])), sp(unchecked(EI32_GE5[i])), lt);
    const s = f64x2.add(f64x2.mul(p, ww), c);
    bad = v128.or(bad, suspectx(s)); p = r32x(s);
  }
  flag(bad);
  const r = r32x(f64x2.mul(p, x));
  return v128.bitselect(f64x2.mul(x, sp(Infinity)), r, f64x2.eq(f64x2.abs(x), sp(1.0)));
}

/** Four f32 u01 values of four 32-bit words. */
// @ts-ignore: decorator
@inline export function u01x4(b: v128): v128 {
  return f32x4.sub(v128.or(i32x4.shr_u(b, 9), i32x4.splat(0x3f800000)), f32x4.splat(1.0));
}

/** Lanes 0,1 and 2,3 of an f32x4 as two f64x2. */
// @ts-ignore: decorator
@inline export function lowHalf(v: v128): v128 { return f64x2.promote_low_f32x4(v); }
// @ts-ignore: decorator
@inline export function highHalf(v: v128): v128 { return f64x2.promote_low_f32x4(i32x4.shuffle(v, v, 2, 3, 0, 1)); }
/** Two f64x2 of f32 values back to one f32x4. */
// @ts-ignore: decorator
@inline export function join(lo: v128, hi: v128): v128 {
  return i32x4.shuffle(f32x4.demote_f64x2_zero(lo), f32x4.demote_f64x2_zero(hi), 0, 1, 4, 5);
}
