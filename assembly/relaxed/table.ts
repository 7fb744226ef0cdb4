/**
 * The relaxed-SIMD side module's table (constants splatted to f32x4, then scratch), its
 * probe, and the two relaxed operations every kernel uses. See ./index.ts for the
 * module's contract and layout.
 */
/** Lanes per stage block (a multiple of 4). */
export const NB: u32 = 256;

// Table layout (byte offsets from tbl): constants, each splatted to 16 bytes, then scratch.
export const C_LO: usize = 0, C_ONE: usize = 16, C_TWO: usize = 32, C_HALF: usize = 48;
export const C_NUM: usize = 64; // 7 log1p numerator coefficients (Horner order)
export const C_DEN: usize = 176; // denominator coefficients 1..6 (DEN[0] = 1)
export const C_LP: usize = 272; // LP0..LP8
export const C_LQ1: usize = 416, C_LQ2: usize = 432, C_SQRTHF: usize = 448, C_SMALL: usize = 464;
export const C_FIVE: usize = 480, C_2P5: usize = 496, C_THREE: usize = 512;
export const C_LT5: usize = 528; // erf_inv w < 5 coefficients (9)
export const C_GE5: usize = 672; // w >= 5 coefficients (9)
export const C_SQRT2: usize = 816;
export const C_TINY: usize = 832; // smallest normal float32 (gumbel's u floor)
export const S_U: usize = 848; // scratch: u; x (then ww for w < 5); w; ww for w >= 5; the two partial sums
export const S_X: usize = S_U + (<usize>NB << 2);
export const S_W: usize = S_X + (<usize>NB << 2);
export const S_M: usize = S_W + (<usize>NB << 2);
export const S_P: usize = S_M + (<usize>NB << 2);
export const S_Q: usize = S_P + (<usize>NB << 2);
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
  put(tbl, C_TINY, reinterpret<f32>(0x00800000));
}

// @ts-ignore: decorator
@inline export function fma(a: v128, b: v128, c: v128): v128 {
  return f32x4.relaxed_madd(a, b, c);
}
// @ts-ignore: decorator
@inline export function sel(a: v128, b: v128, mask: v128): v128 {
  return v128.relaxed_laneselect<i32>(a, b, mask);
}

/** u01 = 23 random bits as a float32 in [0, 1) (../random/uniform.ts u01f32), four lanes. */
// @ts-ignore: decorator
@inline export function u01x4(bits: v128, one: v128): v128 {
  return f32x4.sub(v128.or(i32x4.shr_u(bits, 9), i32x4.splat(0x3f800000)), one);
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
