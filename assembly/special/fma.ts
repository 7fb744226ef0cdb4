/**
 * Fused multiply-add without a hardware FMA (core wasm has none).
 *
 * fma32: a, b, c are float32 values carried in f64 registers. a*b is exact in f64
 * (24 + 24 <= 53 bits), so fl64(a*b + c) has at most one rounding; rounding that to f32
 * is then correct except when fl64(a*b + c) lands exactly on an f32 midpoint (double
 * rounding), or in the f32 subnormal range. Those rare cases (about 2^-29 of random
 * inputs) take `fma32Exact`, which rounds the f64 sum to odd first (Boldo & Melquiond,
 * "Emulation of FMA and correctly rounded sums: proved algorithms using rounding to odd",
 * IEEE TC 2008) and is correct for all inputs. Result: the correctly rounded float32
 * FMA, bit for bit what XLA:CPU computes with a hardware vfmadd, NaN/inf as IEEE.
 *
 * fma64: the correctly rounded float64 FMA, by Dekker's exact product (Veltkamp split),
 * TwoSum, and one round-to-odd step (same paper, Algorithm "emulated FMA"). Valid while
 * a*b neither overflows nor underflows (|a*b| in [2^-969, 2^1021]); outside that it
 * returns fl(fl(a*b) + c). Used only by float64 uniforms with non-trivial bounds and the
 * float64 erf_inv, where products are far from both limits.
 */
import { fma32BatchSimd } from "../simd/fma";

/** f64 -> nearest f32 -> f64. */
// @ts-ignore: decorator
@inline export function r32(x: f64): f64 {
  return <f64><f32>x;
}

/**
 * Rounds s to odd: if err says s is inexact and s's last bit is 0, step toward the truth.
 * Infinite or NaN sums are returned as they are (their error term is NaN, and stepping
 * the bits of an infinity would make a NaN).
 */
// @ts-ignore: decorator
@inline function roundToOdd(s: f64, err: f64): f64 {
  const bits = reinterpret<u64>(s);
  if (err != 0 && (bits & 1) == 0 && isFinite(s)) {
    return reinterpret<f64>((err > 0) == (s > 0) ? bits + 1 : bits - 1);
  }
  return s;
}

/** Correctly rounded f32 FMA for every input (slow path). */
export function fma32Exact(a: f64, b: f64, c: f64): f64 {
  const p = a * b; // exact
  const s = p + c;
  const bb = s - p;
  const err = (p - (s - bb)) + (c - bb);
  return r32(roundToOdd(s, err));
}

/** True when fl64(a*b+c) may round to the wrong f32 (midpoint or subnormal range). */
// @ts-ignore: decorator
@inline export function fma32Suspect(s: f64): bool {
  const bits = reinterpret<u64>(s);
  return (bits & 0x1fffffff) == 0x10000000 || (abs(s) < 1.1754943508222875e-38 && s != 0);
}

/** Correctly rounded float32 fma(a, b, c) on f32 values held in f64. */
// @ts-ignore: decorator
@inline export function fma32(a: f64, b: f64, c: f64): f64 {
  const s = a * b + c;
  return fma32Suspect(s) ? fma32Exact(a, b, c) : r32(s);
}

const SPLIT: f64 = 134217729.0; // 2^27 + 1, Veltkamp's splitter for binary64

/** Correctly rounded float64 fma(a, b, c) (see the contract above). */
export function fma64(a: f64, b: f64, c: f64): f64 {
  const ph = a * b;
  const aph = abs(ph);
  if (!(aph < 2.247116418577895e+307 && aph > 4.008336720017946e-292) || !isFinite(c)) {
    return ph + c;
  }
  // Dekker: a*b = ph + pl exactly
  let t = SPLIT * a;
  const ah = t - (t - a), al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b), bl = b - bh;
  const pl = ((ah * bh - ph) + ah * bl + al * bh) + al * bl;
  // c + ph = th + tl exactly (TwoSum)
  const th = c + ph;
  const z = th - c;
  const tl = (c - (th - z)) + (ph - z);
  // v = RO(tl + pl)
  const v0 = tl + pl;
  const w = v0 - tl;
  const ev = (tl - (v0 - w)) + (pl - w);
  const v = roundToOdd(v0, ev);
  return th + v;
}

/**
 * Elementwise correctly rounded float32 fma over arrays: out[i] = fma(a[i], b[i], c[i]).
 * The SIMD build runs the f64x2 fast path with the same midpoint/subnormal detection as
 * the XLA kernels (so this is also their test hook); results are identical in both builds.
 */
export function fma32Batch(a: usize, b: usize, c: usize, out: usize, n: u32): void {
  let i: u32 = 0;
  if (ASC_FEATURE_SIMD) i = fma32BatchSimd(a, b, c, out, n);
  for (; i < n; i++) {
    const o = <usize>i << 2;
    store<f32>(out + o, <f32>fma32(load<f32>(a + o), load<f32>(b + o), load<f32>(c + o)));
  }
}
