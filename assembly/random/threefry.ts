/**
 * Threefry-2x32 with 20 rounds (Salmon et al., "Parallel random numbers: as easy as
 * 1, 2, 3", SC 2011; Random123 known answers) and the two counter layouts JAX uses.
 *
 * Contract: pure integer arithmetic modulo 2^32, so every build (SIMD, scalar) and every
 * runtime gives identical bits. Pointers are byte offsets into linear memory handed out by
 * the TypeScript workspace; `n` counts output elements. No allocation, no NaN concerns.
 *
 * Layouts (see shared/golden/PRNG-NOTES.md sections 2.2-2.6):
 * - classic ("C"): JAX's `threefry_2x32(key, iota(n))`: pair j hashes the counter
 *   (j, j + h) with h = ceil(n / 2) (the missing last counter of an odd n is 0); y0 fills
 *   element j and y1 element j + h (the last y1 of an odd n is dropped).
 * - partitionable ("P"): element i hashes the counter (hi(i), lo(i)) on its own.
 */
import { tfFillSimd, FillMode } from "../simd/threefry";

// @ts-ignore: decorator
@inline export const KS_PARITY: u32 = 0x1bd11bda;

/** One Threefry-2x32-20 block; returns y0 in the low and y1 in the high 32 bits. */
// @ts-ignore: decorator
@inline
export function threefryBlock(k0: u32, k1: u32, x0: u32, x1: u32): u64 {
  const k2: u32 = k0 ^ k1 ^ KS_PARITY;
  x0 += k0; x1 += k1;
  // group 0: rotations 13 15 26 6, then inject ks[1], ks[2] + 1
  x0 += x1; x1 = rotl<u32>(x1, 13); x1 ^= x0;
  x0 += x1; x1 = rotl<u32>(x1, 15); x1 ^= x0;
  x0 += x1; x1 = rotl<u32>(x1, 26); x1 ^= x0;
  x0 += x1; x1 = rotl<u32>(x1, 6); x1 ^= x0;
  x0 += k1; x1 += k2 + 1;
  // group 1: rotations 17 29 16 24, then ks[2], ks[0] + 2
  x0 += x1; x1 = rotl<u32>(x1, 17); x1 ^= x0;
  x0 += x1; x1 = rotl<u32>(x1, 29); x1 ^= x0;
  x0 += x1; x1 = rotl<u32>(x1, 16); x1 ^= x0;
  x0 += x1; x1 = rotl<u32>(x1, 24); x1 ^= x0;
  x0 += k2; x1 += k0 + 2;
  // group 2
  x0 += x1; x1 = rotl<u32>(x1, 13); x1 ^= x0;
  x0 += x1; x1 = rotl<u32>(x1, 15); x1 ^= x0;
  x0 += x1; x1 = rotl<u32>(x1, 26); x1 ^= x0;
  x0 += x1; x1 = rotl<u32>(x1, 6); x1 ^= x0;
  x0 += k0; x1 += k1 + 3;
  // group 3
  x0 += x1; x1 = rotl<u32>(x1, 17); x1 ^= x0;
  x0 += x1; x1 = rotl<u32>(x1, 29); x1 ^= x0;
  x0 += x1; x1 = rotl<u32>(x1, 16); x1 ^= x0;
  x0 += x1; x1 = rotl<u32>(x1, 24); x1 ^= x0;
  x0 += k1; x1 += k2 + 4;
  // group 4
  x0 += x1; x1 = rotl<u32>(x1, 13); x1 ^= x0;
  x0 += x1; x1 = rotl<u32>(x1, 15); x1 ^= x0;
  x0 += x1; x1 = rotl<u32>(x1, 26); x1 ^= x0;
  x0 += x1; x1 = rotl<u32>(x1, 6); x1 ^= x0;
  x0 += k2; x1 += k0 + 5;
  return (<u64>x1 << 32) | <u64>x0;
}

/** Random123 interface: hash one counter pair; writes y0, y1 to `out`. */
export function threefry2x32(k0: u32, k1: u32, x0: u32, x1: u32, out: usize): void {
  const y = threefryBlock(k0, k1, x0, x1);
  store<u32>(out, <u32>y);
  store<u32>(out, <u32>(y >>> 32), 4);
}

/** Classic layout, 32-bit words: `out[0..n)` = JAX `threefry_2x32(key, iota(n))`. */
export function tfClassicU32(k0: u32, k1: u32, out: usize, n: u32): void {
  const h = (n + 1) >>> 1;
  const full = n >>> 1; // pairs whose second counter exists
  let j: u32 = 0;
  if (ASC_FEATURE_SIMD) j = tfFillSimd(k0, k1, out, full & ~3, 0, 1, h, h, FillMode.ClassicU32);
  for (; j < full; j++) {
    const y = threefryBlock(k0, k1, j, j + h);
    store<u32>(out + (<usize>j << 2), <u32>y);
    store<u32>(out + (<usize>(j + h) << 2), <u32>(y >>> 32));
  }
  if (full < h) { // odd n: the padded pair (h - 1, 0) keeps only its y0
    store<u32>(out + (<usize>(h - 1) << 2), <u32>threefryBlock(k0, k1, h - 1, 0));
  }
}

/**
 * Classic layout, 64-bit words (float64 uniforms): element i = (y0 << 32) | y1 of the
 * pair (i, i + n), stored little-endian as two u32 words [y1, y0].
 */
export function tfClassicU64(k0: u32, k1: u32, out: usize, n: u32): void {
  let i: u32 = 0;
  if (ASC_FEATURE_SIMD) i = tfFillSimd(k0, k1, out, n & ~3, 0, 1, n, 0, FillMode.ClassicU64);
  for (; i < n; i++) {
    const y = threefryBlock(k0, k1, i, i + n);
    store<u64>(out + (<usize>i << 3), (y << 32) | (y >>> 32));
  }
}

/** Partitionable layout, 32-bit words: out[i] = y0 ^ y1 of counter (0, start + i). */
export function tfPartU32(k0: u32, k1: u32, out: usize, n: u32, start: u32): void {
  let i: u32 = 0;
  if (ASC_FEATURE_SIMD) i = tfFillSimd(k0, k1, out, n & ~3, 0, 0, start, 0, FillMode.PartU32);
  for (; i < n; i++) {
    const y = threefryBlock(k0, k1, 0, start + i);
    store<u32>(out + (<usize>i << 2), <u32>y ^ <u32>(y >>> 32));
  }
}

/**
 * Partitionable layout, pairs: block i of counter (0, start + i). With `swap` = 0 it
 * stores [y0, y1] (split keys, fold_in); with `swap` = 1 it stores [y1, y0], the
 * little-endian words of the 64-bit value (y0 << 32) | y1 (float64 uniforms).
 */
export function tfPartPairs(k0: u32, k1: u32, out: usize, n: u32, start: u32, swap: u32): void {
  let i: u32 = 0;
  if (ASC_FEATURE_SIMD) i = tfFillSimd(k0, k1, out, n & ~3, 0, 0, start, 0, swap ? FillMode.PartPairsSwap : FillMode.PartPairs);
  for (; i < n; i++) {
    const y = threefryBlock(k0, k1, 0, start + i);
    store<u64>(out + (<usize>i << 3), swap ? (y << 32) | (y >>> 32) : y);
  }
}
