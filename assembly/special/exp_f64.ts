/**
 * Float64 exp on x <= 0 (and -inf) as a fixed sequence of f64 operations (no fused
 * multiply-add), shared by the scalar loop and the f64x2 body (../simd/exp_f64.ts), which
 * performs the identical IEEE operations in the same order per lane, so the two builds
 * agree bit for bit. Used by the float32 log-softmax (../kernels/softmax.ts), where it
 * replaces Math.exp (musl) on the shifted values x - max(row) (always <= 0 there).
 *
 * Algorithm (Cody-Waite reduction as in fdlibm/musl's exp; branch-free, no table):
 * xc = max(x, -746) (exp(-746) < 2^-1075 gives 0, so does -inf); t = xc*log2(e) + 1.5*2^52
 * rounds xc*log2(e) to the nearest integer k (ties to even) and holds k in its low bits;
 * kf = t - 1.5*2^52 (exact); r = (xc - kf*LN2_HI) - kf*LN2_LO with LN2_HI =
 * 0x3fe62e42fee00000 (32 significant bits: kf*LN2_HI and xc - kf*LN2_HI are exact for
 * |k| <= 1077) and LN2_LO = ln2 - LN2_HI rounded, so |r| <= ln2/2 (+1e-13).
 * exp(r) = 1 + (r + r^2 q(r)): 1 + r + r^2 q is the degree-11 Chebyshev interpolant of
 * exp on [-(ln2/2 + 5e-4), ln2/2 + 5e-4] (mpmath.chebyfit at 120 bits, max abs error
 * 3.2e-18, i.e. < 0.05 ulp64; its two leading coefficients round to exactly 1), with q of
 * degree 9 in Estrin form (a short dependency chain, which is what makes it fast) and the
 * large terms added last (the rounding error is dominated by the final two adds: <= ~1 ulp64,
 * measured <= 1 ulp64 against V8's Math.exp on 10^6 arguments in [-746, 0]).
 * Scaling by 2^k: s1 = 2^(k+600) from exponent bits ((bits(t) + 1623) << 52, which is
 * ((k + 600 + 1023) << 52) because bits(1.5*2^52) has zero low 12 bits), normal for k in
 * [-1077, 423]; (p * s1) is exact and (p * s1) * 2^-600 rounds once, so subnormal results
 * are rounded once and exp(-746) / exp(-inf) give 0. Not for NaN or x > 290 (callers
 * route non-finite row maxima to Math.exp).
 *
 * Speed: V8 rebuilds every constant inside a loop (3 instructions per v128.const), so the
 * block loops load the constants once from EXP64_K (each stored twice, for v128 loads)
 * before the loop; binaryen cannot fold them back in. Both block loops evaluate the same
 * expressions on the same values, so this changes no bits.
 */
import { expF64x2Block } from "../simd/exp_f64";

export const EXP64_LO: f64 = -746.0;
export const EXP64_LOG2E: f64 = 1.4426950408889634;
export const EXP64_SHIFT: f64 = 6755399441055744.0; // 1.5 * 2^52
export const EXP64_LN2_HI: f64 = 0.6931471803691238; // 0x3fe62e42fee00000
export const EXP64_LN2_LO: f64 = 1.9082149292705877e-10;
export const EXP64_BIAS: i64 = 1623; // 1023 + 600
export const EXP64_DOWN: f64 = 2.409919865102884e-181; // 2^-600
export const EXP64_C2: f64 = 0.5000000000000019;
export const EXP64_C3: f64 = 0.16666666666666682;
export const EXP64_C4: f64 = 0.041666666666486024;
export const EXP64_C5: f64 = 0.008333333333319442;
export const EXP64_C6: f64 = 0.001388888895286612;
export const EXP64_C7: f64 = 0.00019841269890471088;
export const EXP64_C8: f64 = 2.480148489299488e-05;
export const EXP64_C9: f64 = 2.755724046539405e-06;
export const EXP64_C10: f64 = 2.7632857394564315e-07;
export const EXP64_C11: f64 = 2.5110205054885565e-08;


/** The constants in the order LO, LOG2E, SHIFT, LN2_HI, LN2_LO, DOWN, C2..C11, each twice. */
export const EXP64_K: usize = memory.data<f64>([
  EXP64_LO, EXP64_LO, EXP64_LOG2E, EXP64_LOG2E, EXP64_SHIFT, EXP64_SHIFT, EXP64_LN2_HI, EXP64_LN2_HI, EXP64_LN2_LO, EXP64_LN2_LO, EXP64_DOWN, EXP64_DOWN, EXP64_C2, EXP64_C2, EXP64_C3, EXP64_C3, EXP64_C4, EXP64_C4, EXP64_C5, EXP64_C5, EXP64_C6, EXP64_C6, EXP64_C7, EXP64_C7, EXP64_C8, EXP64_C8, EXP64_C9, EXP64_C9, EXP64_C10, EXP64_C10, EXP64_C11, EXP64_C11,
], 16);

/**
 * exp (x <= 0) in place on `cnt` f64 values at p: the f64x2 body in the SIMD build, this
 * file's scalar loop for the rest (and everything in the scalar build); the same bits
 * either way. The entry point for kernels (log-softmax, Categorical log-prob).
 */
// @ts-ignore: decorator
@inline export function expBlockF64(p: usize, cnt: u32): void {
  let i: u32 = 0;
  if (ASC_FEATURE_SIMD) i = expF64x2Block(p, cnt);
  if (i < cnt) expF64Block(p, i, cnt);
}

/** exp (x <= 0) in place on the f64 values at p[from..to) (the scalar twin of expF64x2Block). */
export function expF64Block(p: usize, from: u32, to: u32): void {
  const K = EXP64_K;
  const lo = load<f64>(K, 0), log2e = load<f64>(K, 16), sh = load<f64>(K, 32);
  const ln2hi = load<f64>(K, 48), ln2lo = load<f64>(K, 64), down = load<f64>(K, 80);
  const c2 = load<f64>(K, 96), c3 = load<f64>(K, 112), c4 = load<f64>(K, 128), c5 = load<f64>(K, 144);
  const c6 = load<f64>(K, 160), c7 = load<f64>(K, 176), c8 = load<f64>(K, 192), c9 = load<f64>(K, 208);
  const c10 = load<f64>(K, 224), c11 = load<f64>(K, 240);
  let i = from;
  // two values per iteration, statement by statement, so the two dependency chains overlap
  for (; i + 2 <= to; i += 2) {
    const q = p + (<usize>i << 3);
    const xa = load<f64>(q), xb = load<f64>(q, 8);
    const xca = lo < xa ? xa : lo;
    const xcb = lo < xb ? xb : lo;
    const ta = xca * log2e + sh;
    const tb = xcb * log2e + sh;
    const kfa = ta - sh;
    const kfb = tb - sh;
    const ra = (xca - kfa * ln2hi) - kfa * ln2lo;
    const rb = (xcb - kfb * ln2hi) - kfb * ln2lo;
    const r2a = ra * ra;
    const r2b = rb * rb;
    const r4a = r2a * r2a;
    const r4b = r2b * r2b;
    const r8a = r4a * r4a;
    const r8b = r4b * r4b;
    const e0a = c3 * ra + c2;
    const e0b = c3 * rb + c2;
    const e1a = c5 * ra + c4;
    const e1b = c5 * rb + c4;
    const e2a = c7 * ra + c6;
    const e2b = c7 * rb + c6;
    const e3a = c9 * ra + c8;
    const e3b = c9 * rb + c8;
    const e4a = c11 * ra + c10;
    const e4b = c11 * rb + c10;
    const f0a = e1a * r2a + e0a;
    const f0b = e1b * r2b + e0b;
    const f1a = e3a * r2a + e2a;
    const f1b = e3b * r2b + e2b;
    const g0a = f1a * r4a + f0a;
    const g0b = f1b * r4b + f0b;
    const qqa = e4a * r8a + g0a;
    const qqb = e4b * r8b + g0b;
    const ppa = (qqa * r2a + ra) + 1.0;
    const ppb = (qqb * r2b + rb) + 1.0;
    const s1a = reinterpret<f64>((reinterpret<i64>(ta) + EXP64_BIAS) << 52);
    const s1b = reinterpret<f64>((reinterpret<i64>(tb) + EXP64_BIAS) << 52);
    const ya = (ppa * s1a) * down;
    const yb = (ppb * s1b) * down;
    store<f64>(q, ya);
    store<f64>(q, yb, 8);
  }
  for (; i < to; i++) {
    const q = p + (<usize>i << 3);
    const x = load<f64>(q);
    const xc = lo < x ? x : lo;
    const t = xc * log2e + sh;
    const kf = t - sh;
    const r = (xc - kf * ln2hi) - kf * ln2lo;
    const r2 = r * r;
    const r4 = r2 * r2;
    const r8 = r4 * r4;
    const e0 = c3 * r + c2;
    const e1 = c5 * r + c4;
    const e2 = c7 * r + c6;
    const e3 = c9 * r + c8;
    const e4 = c11 * r + c10;
    const f0 = e1 * r2 + e0;
    const f1 = e3 * r2 + e2;
    const g0 = f1 * r4 + f0;
    const qq = e4 * r8 + g0;
    const pp = (qq * r2 + r) + 1.0;
    const s1 = reinterpret<f64>((reinterpret<i64>(t) + EXP64_BIAS) << 52);
    const y = (pp * s1) * down;
    store<f64>(q, y);
  }
}
