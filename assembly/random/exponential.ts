/**
 * Bits to Exponential(1) and Gumbel(0, 1) samples, as JAX (PRNG-NOTES.md section 2.11):
 * exponential = -log1p(-u) with u = uniform(0, 1); gumbel = -log(-log(u)) with
 * u = uniform(tiny, 1) (JAX's mode 'low'), XLA's float32 log1p/log. Exponential output
 * lies in [0, 15.95]; gumbel in [-4.47, 87.34]; both finite. float64 versions use musl's
 * log/log1p (< 1 ulp; XLA uses the host libm: last-ulp differences possible).
 * exponentialF32 runs simd/exponential.ts (SIMD build) or random/staged.ts (scalar
 * build): the operations of `exponential32`, staged over blocks, bit-identical to it.
 */
import { u01f32, u01f64 } from "./uniform";
import { log32, log1p32 } from "../special/xla_log";
import { log1p64 } from "../special/xla_log";
import { exponentialF32Simd } from "../simd/exponential";
import { exponentialF32Staged } from "./staged";

const TINY32: f64 = 1.1754943508222875e-38;

/** One float32 Exponential(1) sample from one 32-bit word (an f32 value in f64). */
// @ts-ignore: decorator
@inline export function exponential32(b: u32): f64 {
  return -log1p32(-u01f32(b));
}

export function exponentialF32(inp: usize, out: usize, n: u32): void {
  if (ASC_FEATURE_SIMD) {
    for (let i = exponentialF32Simd(inp, out, n); i < n; i++) {
      store<f32>(out + (<usize>i << 2), <f32>exponential32(load<u32>(inp + (<usize>i << 2))));
    }
  } else {
    exponentialF32Staged(inp, out, n); // same bits, staged for speed
  }
}

export function gumbelF32(inp: usize, out: usize, n: u32): void {
  for (let i: u32 = 0; i < n; i++) {
    let u = u01f32(load<u32>(inp + (<usize>i << 2)));
    if (u < TINY32) u = TINY32; // max(tiny, fma(u01, 1, tiny)): u01 >= 2^-23 absorbs tiny
    store<f32>(out + (<usize>i << 2), <f32>(-log32(-log32(u))));
  }
}

export function exponentialF64(inp: usize, out: usize, n: u32): void {
  for (let i: u32 = 0; i < n; i++) {
    store<f64>(out + (<usize>i << 3), -log1p64(-u01f64(inp + (<usize>i << 3))));
  }
}

export function gumbelF64(inp: usize, out: usize, n: u32): void {
  for (let i: u32 = 0; i < n; i++) {
    let u = u01f64(inp + (<usize>i << 3));
    if (u < 2.2250738585072014e-308) u = 2.2250738585072014e-308;
    store<f64>(out + (<usize>i << 3), -Math.log(-Math.log(u)));
  }
}
