/**
 * Bits to standard normals, as JAX's `random.normal` (PRNG-NOTES.md section 2.8):
 * u = uniform(lo = nextafter(-1, 0), hi = 1), z = sqrt(2) * erf_inv(u), with XLA's
 * float32 erf_inv, log1p and log and XLA:CPU's fused multiply-adds, so float32 output is
 * bit-exact with JAX. u never reaches +-1, so the output is finite: |z| <= 5.42 (f32).
 * float64 uses XLA's ErfInv64 (see special/erfinv.ts for what is and is not verified).
 * `inp` and `out` may be the same buffer for float32 (4-byte words).
 * normalF32 runs simd/normal.ts (SIMD build) or random/staged.ts (scalar build):
 * the same operations as `normal32`, staged over blocks for speed, bit-identical to it.
 */
import { uniform32, u01f64 } from "./uniform";
import { erfinv32, erfinv64 } from "../special/erfinv";
import { r32 } from "../special/fma";
import { normalF32Simd } from "../simd/normal";
import { normalF32Staged } from "./staged";

export const NORMAL_LO32: f64 = reinterpret<f32>(0xbf7fffff); // nextafter(-1f, 0)
export const SQRT2_32: f64 = reinterpret<f32>(0x3fb504f3);
const NORMAL_LO64: f64 = -0.99999999999999988898; // nextafter(-1.0, 0)

/** One float32 normal from one 32-bit word. The span 1 - lo rounds to 2 in f32. */
// @ts-ignore: decorator
@inline export function normal32(b: u32): f64 {
  return r32(SQRT2_32 * erfinv32(uniform32(b, NORMAL_LO32, 2.0)));
}

export function normalF32(inp: usize, out: usize, n: u32): void {
  if (ASC_FEATURE_SIMD) {
    for (let i = normalF32Simd(inp, out, n); i < n; i++) {
      store<f32>(out + (<usize>i << 2), <f32>normal32(load<u32>(inp + (<usize>i << 2))));
    }
  } else {
    normalF32Staged(inp, out, n, NORMAL_LO32, SQRT2_32); // same bits, staged for speed
  }
}

export function normalF64(inp: usize, out: usize, n: u32): void {
  for (let i: u32 = 0; i < n; i++) {
    // the span 1 - lo rounds to 2 in f64; u01*2 is exact, so a plain add is the FMA
    let u = u01f64(inp + (<usize>i << 3)) * 2.0 + NORMAL_LO64;
    if (!(u > NORMAL_LO64)) u = NORMAL_LO64;
    store<f64>(out + (<usize>i << 3), 1.4142135623730951 * erfinv64(u));
  }
}
