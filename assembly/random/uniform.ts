/**
 * Bits to uniform floats, as JAX's `random.uniform` (PRNG-NOTES.md section 2.7).
 *
 * float32: u01 = bitcast((bits >> 9) | 0x3F800000) - 1 (exact, on a 2^-23 grid in
 * [0, 1 - 2^-23]); out = max(minval, fma(u01, maxval - minval, minval)), with the span
 * rounded to f32 and the multiply-add fused as XLA:CPU fuses it. Bit-exact with JAX.
 * float64: (bits64 >> 12) | 0x3FF0... - 1, the same formula with an exact f64 FMA.
 * NaN bounds give NaN; the TypeScript layer rejects minval >= maxval and non-finite bounds.
 * `inp` and `out` may be the same buffer.
 */
import { fma32, fma64, r32 } from "../special/fma";
import { uniformF32Simd } from "../simd/uniform";

/** u01 of one 32-bit word, as an f32 value in f64. */
// @ts-ignore: decorator
@inline export function u01f32(b: u32): f64 {
  return <f64>(reinterpret<f32>((b >>> 9) | 0x3f800000) - <f32>1.0);
}

// @ts-ignore: decorator
@inline export function uniform32(b: u32, minval: f64, span: f64): f64 {
  const v = fma32(u01f32(b), span, minval);
  return v > minval ? v : minval; // lax.max(minval, v)
}

export function uniformF32(inp: usize, out: usize, n: u32, minval: f32, maxval: f32): void {
  const lo: f64 = minval;
  const span = r32(<f64>maxval - <f64>minval);
  let i: u32 = 0;
  if (ASC_FEATURE_SIMD) i = uniformF32Simd(inp, out, n, lo, span);
  for (; i < n; i++) {
    store<f32>(out + (<usize>i << 2), <f32>uniform32(load<u32>(inp + (<usize>i << 2)), lo, span));
  }
}

/** u01 of one 64-bit word (little-endian at p). */
// @ts-ignore: decorator
@inline export function u01f64(p: usize): f64 {
  return reinterpret<f64>((load<u64>(p) >>> 12) | 0x3ff0000000000000) - 1.0;
}

export function uniformF64(inp: usize, out: usize, n: u32, minval: f64, maxval: f64): void {
  const span = maxval - minval;
  for (let i: u32 = 0; i < n; i++) {
    const v = fma64(u01f64(inp + (<usize>i << 3)), span, minval);
    store<f64>(out + (<usize>i << 3), v > minval ? v : minval);
  }
}
