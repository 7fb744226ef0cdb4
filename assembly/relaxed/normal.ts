/**
 * The relaxed-SIMD side module: XLA's float32 normal sampler (the contract of
 * ../random/normal.ts: z = r32(sqrt2 * erf_inv(u)), u = max(lo, fma(u01, 2, lo)), XLA's
 * erf_inv and log1p with the multiply-adds XLA fuses) on f32x4 lanes, every fused step one
 * `f32x4.relaxed_madd`.
 *
 * Why a side module: core wasm has no float32 FMA, so the SIMD build emulates each fused
 * step exactly on f64x2 (two lanes, ~6 instructions, midpoint flags; ../simd/xla_math.ts).
 * The relaxed-SIMD proposal's `relaxed_madd` is a single fused f32x4 instruction on
 * engines that lower it to a hardware FMA (V8 and SpiderMonkey on x86-64 with FMA3 and on
 * ARM64), and an unfused multiply-add elsewhere. So this module is used only after
 * `relaxedFused()` reports a fused result on the running engine AND its output matches
 * the exact kernel on a check set (../../wrapper/runtime/relaxed.ts); otherwise, and on
 * engines without relaxed SIMD, the SIMD build's exact kernel runs. Either way the bits
 * are JAX's: tests-ts/random-relaxed.test.ts compares all 2^23 inputs the sampler can see.
 *
 * Layout: compiled on its own (asconfig.json beside this file) with imported memory (the
 * core's `memory`), NO static data and no allocation, so it cannot overwrite the core's
 * (it imports no other file for that reason: their top-level statics would come along;
 * the constants are repeated here, each checked by the exhaustive test). Constants and
 * scratch live in a table the wrapper allocates in the core's workspace
 * (`relaxedTableBytes()` bytes, 16-aligned) and fills once with `relaxedInit(tbl)`.
 *
 * Numerics (the domain is the sampler's: u is an odd multiple of 2^-24 in (-1, 1), so
 * there is no NaN, inf, zero or subnormal anywhere): plain f32 operations are f32x4
 * operations, correctly rounded; each fused step is relaxed_madd (correctly rounded
 * fma); both branches of log1p (|x| < sqrt2 - 1: the Cephes rational; else log(1 + x) by
 * Cephes logf) and of the erf_inv polynomial (w < 5, else the sqrt branch) are computed
 * for every lane and selected per lane with relaxed_laneselect on comparison masks (all
 * ones or all zeros, where it is exact). Staged over blocks of NB lanes (u; the rational;
 * the log; both polynomials as two independent chains, in two halves) so that each loop
 * has short dependency chains.
 * Provenance: XLA's ErfInv32 (Giles' polynomials) and Log1p / Log (Cephes) as described
 * in shared/golden/PRNG-NOTES.md.
 */

/** Lanes per stage block (a multiple of 4). */
const NB: u32 = 256;

// Table layout (byte offsets from tbl): constants, each splatted to 16 bytes, then scratch.
const C_LO: usize = 0, C_ONE: usize = 16, C_TWO: usize = 32, C_HALF: usize = 48;
const C_NUM: usize = 64; // 7 log1p numerator coefficients (Horner order)
const C_DEN: usize = 176; // denominator coefficients 1..6 (DEN[0] = 1)
const C_LP: usize = 272; // LP0..LP8
const C_LQ1: usize = 416, C_LQ2: usize = 432, C_SQRTHF: usize = 448, C_SMALL: usize = 464;
const C_FIVE: usize = 480, C_2P5: usize = 496, C_THREE: usize = 512;
const C_LT5: usize = 528; // erf_inv w < 5 coefficients (9)
const C_GE5: usize = 672; // w >= 5 coefficients (9)
const C_SQRT2: usize = 816;
const S_U: usize = 832; // scratch: u; x (then ww for w < 5); w; ww for w >= 5; the two partial sums
const S_X: usize = S_U + (<usize>NB << 2);
const S_W: usize = S_X + (<usize>NB << 2);
const S_M: usize = S_W + (<usize>NB << 2);
const S_P: usize = S_M + (<usize>NB << 2);
const S_Q: usize = S_P + (<usize>NB << 2);
const TABLE_BYTES: usize = S_Q + (<usize>NB << 2);

/** Bytes of the constant + scratch table `relaxedInit` fills (allocate 16-aligned). */
export function relaxedTableBytes(): u32 {
  return <u32>TABLE_BYTES;
}

// @ts-ignore: decorator
@inline function put(tbl: usize, off: usize, c: f32): void {
  v128.store(tbl + off, f32x4.splat(c));
}

/** Writes the splatted constants into the table at `tbl`. */
export function relaxedInit(tbl: usize): void {
  put(tbl, C_LO, reinterpret<f32>(0xbf7fffff)); // nextafter(-1, 0)
  put(tbl, C_ONE, 1.0); put(tbl, C_TWO, 2.0); put(tbl, C_HALF, 0.5);
  // (explicit stores: this module has no data segments and allocates nothing)
  // log1p rational (Cephes, as float32; ../special/xla_log.ts L1P_NUM, L1P_DEN)
  put(tbl, C_NUM + 0, 4.5270000862445199635215e-5); put(tbl, C_NUM + 16, 4.9854102823193375972212e-1); put(tbl, C_NUM + 32, 6.5787325942061044846969); put(tbl, C_NUM + 48, 2.9911919328553073277375e1);
  put(tbl, C_NUM + 64, 6.0949667980987787057556e1); put(tbl, C_NUM + 80, 5.7112963590585538103336e1); put(tbl, C_NUM + 96, 2.0039553499201281259648e1);
  put(tbl, C_DEN + 0, 1.5062909083469192043167e1); put(tbl, C_DEN + 16, 8.3047565967967209469434e1); put(tbl, C_DEN + 32, 2.2176239823732856465394e2);
  put(tbl, C_DEN + 48, 3.0909872225312059774938e2); put(tbl, C_DEN + 64, 2.1642788614495947685003e2); put(tbl, C_DEN + 80, 6.0118660497603843919306e1);
  // Cephes logf polynomial and constants (../special/xla_log.ts LP0..LP8, LQ1, LQ2, SQRTHF, sqrt2 - 1)
  put(tbl, C_LP + 0, <f32>7.0376836292e-2); put(tbl, C_LP + 16, <f32>-1.1514610310e-1); put(tbl, C_LP + 32, <f32>1.1676998740e-1); put(tbl, C_LP + 48, <f32>-1.2420140846e-1); put(tbl, C_LP + 64, <f32>1.4249322787e-1);
  put(tbl, C_LP + 80, <f32>-1.6668057665e-1); put(tbl, C_LP + 96, <f32>2.0000714765e-1); put(tbl, C_LP + 112, <f32>-2.4999993993e-1); put(tbl, C_LP + 128, <f32>3.3333331174e-1);
  put(tbl, C_LQ1, <f32>-2.12194440e-4); put(tbl, C_LQ2, <f32>0.693359375); put(tbl, C_SQRTHF, <f32>0.707106781186547524); put(tbl, C_SMALL, <f32>0.41421356237309504880);
  put(tbl, C_FIVE, 5.0); put(tbl, C_2P5, 2.5); put(tbl, C_THREE, 3.0);
  // erf_inv (Giles; ../special/erfinv.ts EI32_LT5, EI32_GE5)
  put(tbl, C_LT5 + 0, 2.81022636e-08); put(tbl, C_LT5 + 16, 3.43273939e-07); put(tbl, C_LT5 + 32, -3.5233877e-06);
  put(tbl, C_LT5 + 48, -4.39150654e-06); put(tbl, C_LT5 + 64, 0.00021858087); put(tbl, C_LT5 + 80, -0.00125372503);
  put(tbl, C_LT5 + 96, -0.00417768164); put(tbl, C_LT5 + 112, 0.246640727); put(tbl, C_LT5 + 128, 1.50140941);
  put(tbl, C_GE5 + 0, -0.000200214257); put(tbl, C_GE5 + 16, 0.000100950558); put(tbl, C_GE5 + 32, 0.00134934322);
  put(tbl, C_GE5 + 48, -0.00367342844); put(tbl, C_GE5 + 64, 0.00573950773); put(tbl, C_GE5 + 80, -0.0076224613);
  put(tbl, C_GE5 + 96, 0.00943887047); put(tbl, C_GE5 + 112, 1.00167406); put(tbl, C_GE5 + 128, 2.83297682);
  put(tbl, C_SQRT2, reinterpret<f32>(0x3fb504f3));
}

// @ts-ignore: decorator
@inline function fma(a: v128, b: v128, c: v128): v128 {
  return f32x4.relaxed_madd(a, b, c);
}
// @ts-ignore: decorator
@inline function sel(a: v128, b: v128, mask: v128): v128 {
  return v128.relaxed_laneselect<i32>(a, b, mask);
}

/**
 * 1 when relaxed_madd is fused on this engine: fma(1 + 2^-12, 1 + 2^-12, -(1 + 2^-11))
 * is 2^-24 fused and 0 unfused (the product rounds to 1 + 2^-11).
 */
export function relaxedFused(): i32 {
  const a = f32x4.splat(1.000244140625), c = f32x4.splat(-1.00048828125);
  const r = fma(a, a, c);
  return f32x4.extract_lane(r, 0) == <f32>5.9604644775390625e-8 && f32x4.extract_lane(r, 3) == <f32>5.9604644775390625e-8 ? 1 : 0;
}

/**
 * normalF32 on the first n & ~3 words at `inp` (random uint32 words) into `out` (may equal
 * `inp`); returns the count done (the caller finishes the tail with the core's kernel).
 */
export function normalF32Relaxed(inp: usize, out: usize, n: u32, tbl: usize): u32 {
  const n4 = n & ~3;
  const one = v128.load(tbl + C_ONE), half = v128.load(tbl + C_HALF), lo = v128.load(tbl + C_LO);
  const su = tbl + S_U, sx = tbl + S_X, sw = tbl + S_W, sm = tbl + S_M, sp = tbl + S_P, sq = tbl + S_Q;
  for (let base: u32 = 0; base < n4; base += NB) {
    const nb = min(NB, n4 - base);
    const src = inp + (<usize>base << 2), dst = out + (<usize>base << 2);
    for (let j: u32 = 0; j < nb; j += 4) { // u and the log1p argument x = -u*u
      const o = <usize>j << 2;
      const u01 = f32x4.sub(v128.or(i32x4.shr_u(v128.load(src + o), 9), i32x4.splat(0x3f800000)), one);
      const u = f32x4.max(fma(u01, v128.load(tbl + C_TWO), lo), lo);
      v128.store(su + o, u);
      v128.store(sx + o, f32x4.neg(f32x4.mul(u, u)));
    }
    for (let j: u32 = 0; j < nb; j += 4) { // log1p, rational branch: x + (x^3 P/Q - x^2/2)
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
    for (let j: u32 = 0; j < nb; j += 4) { // log branch, log(t) with t = 1 + x; select; w = -log1p(x)
      const o = <usize>j << 2;
      const x = v128.load(sx + o);
      const t = f32x4.add(one, x);
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
      const large = fma(v128.load(tbl + C_LQ2), e, r);
      const isSmall = f32x4.lt(f32x4.abs(x), v128.load(tbl + C_SMALL));
      v128.store(sw + o, f32x4.neg(sel(v128.load(sw + o), large, isSmall)));
    }
    for (let j: u32 = 0; j < nb; j += 4) { // erf_inv: both polynomials (two chains), steps 1-4
      const o = <usize>j << 2;
      const w = v128.load(sw + o);
      const wl = f32x4.sub(w, v128.load(tbl + C_2P5)), wg = f32x4.sub(f32x4.sqrt(w), v128.load(tbl + C_THREE));
      let pl = v128.load(tbl + C_LT5), pg = v128.load(tbl + C_GE5);
      for (let i: usize = 1; i < 5; i++) {
        pl = fma(pl, wl, v128.load(tbl + C_LT5 + (i << 4)));
        pg = fma(pg, wg, v128.load(tbl + C_GE5 + (i << 4)));
      }
      v128.store(sx + o, wl); v128.store(sm + o, wg);
      v128.store(sp + o, pl); v128.store(sq + o, pg);
    }
    for (let j: u32 = 0; j < nb; j += 4) { // steps 5-8, the branch per lane (w < 5), z = sqrt2 * (p * u)
      const o = <usize>j << 2;
      const wl = v128.load(sx + o), wg = v128.load(sm + o);
      let pl = v128.load(sp + o), pg = v128.load(sq + o);
      for (let i: usize = 5; i < 9; i++) {
        pl = fma(pl, wl, v128.load(tbl + C_LT5 + (i << 4)));
        pg = fma(pg, wg, v128.load(tbl + C_GE5 + (i << 4)));
      }
      const p = sel(pl, pg, f32x4.lt(v128.load(sw + o), v128.load(tbl + C_FIVE)));
      v128.store(dst + o, f32x4.mul(v128.load(tbl + C_SQRT2), f32x4.mul(p, v128.load(su + o))));
    }
  }
  return n4;
}
