/**
 * v128 body of the Threefry bulk fills: four blocks per vector, one block per i32x4
 * lane. Wasm SIMD has no rotate, so each rotation is shl | shr_u (5 ops per round).
 * It returns how many elements it produced; the scalar loops in ../random/threefry.ts
 * finish the tail, so both builds give identical bits. Nothing at the top level of this
 * file mentions v128: the scalar build compiles none of it.
 */
import { KS_PARITY } from "../random/threefry";

/** What a fill stores per block (see ../random/threefry.ts for the layouts). */
export const enum FillMode { ClassicU32 = 0, ClassicU64 = 1, PartU32 = 2, PartPairs = 3, PartPairsSwap = 4 }

// @ts-ignore: decorator
@inline function rotl4(x: v128, r: i32): v128 {
  // rotations by whole bytes are a single byte shuffle (little-endian lanes)
  if (r == 16) return i8x16.shuffle(x, x, 2, 3, 0, 1, 6, 7, 4, 5, 10, 11, 8, 9, 14, 15, 12, 13);
  if (r == 24) return i8x16.shuffle(x, x, 1, 2, 3, 0, 5, 6, 7, 4, 9, 10, 11, 8, 13, 14, 15, 12);
  return v128.or(i32x4.shl(x, r), i32x4.shr_u(x, 32 - r));
}

// @ts-ignore: decorator
@inline function store4(out: usize, i: u32, h: u32, mode: FillMode, x0: v128, x1: v128): void {
  switch (mode) {
    case FillMode.ClassicU32: {
      v128.store(out + (<usize>i << 2), x0);
      v128.store(out + (<usize>(i + h) << 2), x1);
      break;
    }
    case FillMode.PartU32: {
      v128.store(out + (<usize>i << 2), v128.xor(x0, x1));
      break;
    }
    case FillMode.PartPairs: {
      const p = out + (<usize>i << 3);
      v128.store(p, i32x4.shuffle(x0, x1, 0, 4, 1, 5));
      v128.store(p, i32x4.shuffle(x0, x1, 2, 6, 3, 7), 16);
      break;
    }
    default: { // ClassicU64, PartPairsSwap: 64-bit (y0 << 32) | y1, little-endian [y1, y0]
      const p = out + (<usize>i << 3);
      v128.store(p, i32x4.shuffle(x1, x0, 0, 4, 1, 5));
      v128.store(p, i32x4.shuffle(x1, x0, 2, 6, 3, 7), 16);
    }
  }
}

/**
 * Hashes `n4` (a multiple of 4) counter pairs: lane l of iteration t hashes
 * (c0 + s0 * (4t + l), c1 + 4t + l) with s0 = 1 (classic) or 0 (partitionable).
 * `h` is the classic second-half offset in elements.
 */
export function tfFillSimd(k0: u32, k1: u32, out: usize, n4: u32, c0: u32, s0: u32, c1: u32, h: u32, mode: FillMode): u32 {
  const k2: u32 = k0 ^ k1 ^ KS_PARITY;
  const K0 = i32x4.splat(k0), K1 = i32x4.splat(k1), K2 = i32x4.splat(k2);
  const iota = i32x4(0, 1, 2, 3);
  let a = i32x4.add(i32x4.splat(c0), s0 ? iota : i32x4.splat(0));
  let b = i32x4.add(i32x4.splat(c1), iota);
  const stepA = i32x4.splat(s0 << 2), stepB = i32x4.splat(4);
  const K1p1 = i32x4.add(K2, i32x4.splat(1)), K0p2 = i32x4.add(K0, i32x4.splat(2));
  const K1p3 = i32x4.add(K1, i32x4.splat(3)), K2p4 = i32x4.add(K2, i32x4.splat(4));
  const K0p5 = i32x4.add(K0, i32x4.splat(5));
  // Two independent vectors (8 blocks) per iteration keep both SIMD ports busy.
  const n8 = n4 & ~7;
  let i: u32 = 0;
  for (; i < n4; i += 8) {
    const second = i + 4 < n4; // the last iteration may have one vector only
    let x0 = i32x4.add(a, K0), x1 = i32x4.add(b, K1);
    let y0 = i32x4.add(i32x4.add(a, stepA), K0), y1 = i32x4.add(i32x4.add(b, stepB), K1);
    x0 = i32x4.add(x0, x1); y0 = i32x4.add(y0, y1); x1 = v128.xor(rotl4(x1, 13), x0); y1 = v128.xor(rotl4(y1, 13), y0);
    x0 = i32x4.add(x0, x1); y0 = i32x4.add(y0, y1); x1 = v128.xor(rotl4(x1, 15), x0); y1 = v128.xor(rotl4(y1, 15), y0);
    x0 = i32x4.add(x0, x1); y0 = i32x4.add(y0, y1); x1 = v128.xor(rotl4(x1, 26), x0); y1 = v128.xor(rotl4(y1, 26), y0);
    x0 = i32x4.add(x0, x1); y0 = i32x4.add(y0, y1); x1 = v128.xor(rotl4(x1, 6), x0); y1 = v128.xor(rotl4(y1, 6), y0);
    x0 = i32x4.add(x0, K1); y0 = i32x4.add(y0, K1); x1 = i32x4.add(x1, K1p1); y1 = i32x4.add(y1, K1p1);
    x0 = i32x4.add(x0, x1); y0 = i32x4.add(y0, y1); x1 = v128.xor(rotl4(x1, 17), x0); y1 = v128.xor(rotl4(y1, 17), y0);
    x0 = i32x4.add(x0, x1); y0 = i32x4.add(y0, y1); x1 = v128.xor(rotl4(x1, 29), x0); y1 = v128.xor(rotl4(y1, 29), y0);
    x0 = i32x4.add(x0, x1); y0 = i32x4.add(y0, y1); x1 = v128.xor(rotl4(x1, 16), x0); y1 = v128.xor(rotl4(y1, 16), y0);
    x0 = i32x4.add(x0, x1); y0 = i32x4.add(y0, y1); x1 = v128.xor(rotl4(x1, 24), x0); y1 = v128.xor(rotl4(y1, 24), y0);
    x0 = i32x4.add(x0, K2); y0 = i32x4.add(y0, K2); x1 = i32x4.add(x1, K0p2); y1 = i32x4.add(y1, K0p2);
    x0 = i32x4.add(x0, x1); y0 = i32x4.add(y0, y1); x1 = v128.xor(rotl4(x1, 13), x0); y1 = v128.xor(rotl4(y1, 13), y0);
    x0 = i32x4.add(x0, x1); y0 = i32x4.add(y0, y1); x1 = v128.xor(rotl4(x1, 15), x0); y1 = v128.xor(rotl4(y1, 15), y0);
    x0 = i32x4.add(x0, x1); y0 = i32x4.add(y0, y1); x1 = v128.xor(rotl4(x1, 26), x0); y1 = v128.xor(rotl4(y1, 26), y0);
    x0 = i32x4.add(x0, x1); y0 = i32x4.add(y0, y1); x1 = v128.xor(rotl4(x1, 6), x0); y1 = v128.xor(rotl4(y1, 6), y0);
    x0 = i32x4.add(x0, K0); y0 = i32x4.add(y0, K0); x1 = i32x4.add(x1, K1p3); y1 = i32x4.add(y1, K1p3);
    x0 = i32x4.add(x0, x1); y0 = i32x4.add(y0, y1); x1 = v128.xor(rotl4(x1, 17), x0); y1 = v128.xor(rotl4(y1, 17), y0);
    x0 = i32x4.add(x0, x1); y0 = i32x4.add(y0, y1); x1 = v128.xor(rotl4(x1, 29), x0); y1 = v128.xor(rotl4(y1, 29), y0);
    x0 = i32x4.add(x0, x1); y0 = i32x4.add(y0, y1); x1 = v128.xor(rotl4(x1, 16), x0); y1 = v128.xor(rotl4(y1, 16), y0);
    x0 = i32x4.add(x0, x1); y0 = i32x4.add(y0, y1); x1 = v128.xor(rotl4(x1, 24), x0); y1 = v128.xor(rotl4(y1, 24), y0);
    x0 = i32x4.add(x0, K1); y0 = i32x4.add(y0, K1); x1 = i32x4.add(x1, K2p4); y1 = i32x4.add(y1, K2p4);
    x0 = i32x4.add(x0, x1); y0 = i32x4.add(y0, y1); x1 = v128.xor(rotl4(x1, 13), x0); y1 = v128.xor(rotl4(y1, 13), y0);
    x0 = i32x4.add(x0, x1); y0 = i32x4.add(y0, y1); x1 = v128.xor(rotl4(x1, 15), x0); y1 = v128.xor(rotl4(y1, 15), y0);
    x0 = i32x4.add(x0, x1); y0 = i32x4.add(y0, y1); x1 = v128.xor(rotl4(x1, 26), x0); y1 = v128.xor(rotl4(y1, 26), y0);
    x0 = i32x4.add(x0, x1); y0 = i32x4.add(y0, y1); x1 = v128.xor(rotl4(x1, 6), x0); y1 = v128.xor(rotl4(y1, 6), y0);
    x0 = i32x4.add(x0, K2); y0 = i32x4.add(y0, K2); x1 = i32x4.add(x1, K0p5); y1 = i32x4.add(y1, K0p5);
    store4(out, i, h, mode, x0, x1);
    if (second) store4(out, i + 4, h, mode, y0, y1);
    a = i32x4.add(a, i32x4.add(stepA, stepA)); b = i32x4.add(b, i32x4.add(stepB, stepB));
  }
  return n4;
}
