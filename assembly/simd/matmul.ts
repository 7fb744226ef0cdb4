/**
 * v128 bodies of matmul (contract in ../linalg/matmul.ts): register tiles vectorized along
 * n, each lane one output element accumulated c = c + a·b over ascending p, the scalar
 * order (k-blocking stores and reloads the partial sums exactly, so it keeps that order).
 * They compute columns [0, n & ~3) (f32) or [0, n & ~1) (f64) of every row and return
 * that count; the scalar code does the rest.
 */
import { LA_SCRATCH } from "../linalg/cholesky";

/** k-block length of the packed B strips (a strip of KC rows x 32 bytes fills LA_SCRATCH). */
const KC: u32 = 512;

/**
 * f32: strips of 8 columns, B packed per k-block of KC rows into LA_SCRATCH (contiguous
 * loads, no cache-set conflicts for power-of-two n), 4x8 tiles (8 accumulators) reloading
 * C between k-blocks; then one unpacked 4-column strip.
 */
export function matmulSimdF32(A: usize, B: usize, C: usize, m: u32, k: u32, n: u32): u32 {
  if (k == 0) return 0;
  const ra = <usize>k << 2, rb = <usize>n << 2;
  const n8 = n & ~7, n4 = n & ~3;
  const PB = LA_SCRATCH;
  for (let p0: u32 = 0; p0 < k; p0 += KC) {
    const kc = min(KC, k - p0), first = p0 == 0;
    const ek = <usize>kc << 2;
    for (let j: u32 = 0; j < n8; j += 8) {
      let bp = B + <usize>p0 * rb + (<usize>j << 2);
      for (let q: usize = 0, e = <usize>kc << 5; q < e; q += 32, bp += rb) {
        v128.store(PB + q, v128.load(bp)); v128.store(PB + q, v128.load(bp, 16), 16);
      }
      let i: u32 = 0;
      for (; i + 4 <= m; i += 4) {
        const a0 = A + <usize>i * ra + (<usize>p0 << 2), a1 = a0 + ra, a2 = a1 + ra, a3 = a2 + ra;
        const cp = C + <usize>i * rb + (<usize>j << 2);
        let c00: v128, c01: v128, c10: v128, c11: v128, c20: v128, c21: v128, c30: v128, c31: v128;
        if (first) {
          c00 = f32x4.splat(0); c01 = c00; c10 = c00; c11 = c00; c20 = c00; c21 = c00; c30 = c00; c31 = c00;
        } else {
          c00 = v128.load(cp); c01 = v128.load(cp, 16); c10 = v128.load(cp + rb); c11 = v128.load(cp + rb, 16);
          c20 = v128.load(cp + 2 * rb); c21 = v128.load(cp + 2 * rb, 16);
          c30 = v128.load(cp + 3 * rb); c31 = v128.load(cp + 3 * rb, 16);
        }
        let pp = PB;
        for (let o: usize = 0; o < ek; o += 4, pp += 32) {
          const b0 = v128.load(pp), b1 = v128.load(pp, 16);
          let x = v128.load32_splat(a0 + o);
          c00 = f32x4.add(c00, f32x4.mul(x, b0)); c01 = f32x4.add(c01, f32x4.mul(x, b1));
          x = v128.load32_splat(a1 + o);
          c10 = f32x4.add(c10, f32x4.mul(x, b0)); c11 = f32x4.add(c11, f32x4.mul(x, b1));
          x = v128.load32_splat(a2 + o);
          c20 = f32x4.add(c20, f32x4.mul(x, b0)); c21 = f32x4.add(c21, f32x4.mul(x, b1));
          x = v128.load32_splat(a3 + o);
          c30 = f32x4.add(c30, f32x4.mul(x, b0)); c31 = f32x4.add(c31, f32x4.mul(x, b1));
        }
        v128.store(cp, c00); v128.store(cp, c01, 16);
        v128.store(cp + rb, c10); v128.store(cp + rb, c11, 16);
        v128.store(cp + 2 * rb, c20); v128.store(cp + 2 * rb, c21, 16);
        v128.store(cp + 3 * rb, c30); v128.store(cp + 3 * rb, c31, 16);
      }
      for (; i < m; i++) {
        const a0 = A + <usize>i * ra + (<usize>p0 << 2);
        const cp = C + <usize>i * rb + (<usize>j << 2);
        let c0: v128, c1: v128;
        if (first) { c0 = f32x4.splat(0); c1 = c0; } else { c0 = v128.load(cp); c1 = v128.load(cp, 16); }
        let pp = PB;
        for (let o: usize = 0; o < ek; o += 4, pp += 32) {
          const x = v128.load32_splat(a0 + o);
          c0 = f32x4.add(c0, f32x4.mul(x, v128.load(pp)));
          c1 = f32x4.add(c1, f32x4.mul(x, v128.load(pp, 16)));
        }
        v128.store(cp, c0); v128.store(cp, c1, 16);
      }
    }
  }
  if (n8 < n4) { // one 4-column strip, unpacked, full k
    const j = n8;
    let i: u32 = 0;
    for (; i + 4 <= m; i += 4) {
      const a0 = A + <usize>i * ra, a1 = a0 + ra, a2 = a1 + ra, a3 = a2 + ra;
      let c0 = f32x4.splat(0), c1 = c0, c2 = c0, c3 = c0;
      let bp = B + (<usize>j << 2);
      for (let o: usize = 0; o < ra; o += 4, bp += rb) {
        const b0 = v128.load(bp);
        c0 = f32x4.add(c0, f32x4.mul(v128.load32_splat(a0 + o), b0));
        c1 = f32x4.add(c1, f32x4.mul(v128.load32_splat(a1 + o), b0));
        c2 = f32x4.add(c2, f32x4.mul(v128.load32_splat(a2 + o), b0));
        c3 = f32x4.add(c3, f32x4.mul(v128.load32_splat(a3 + o), b0));
      }
      const cp = C + <usize>i * rb + (<usize>j << 2);
      v128.store(cp, c0); v128.store(cp + rb, c1); v128.store(cp + 2 * rb, c2); v128.store(cp + 3 * rb, c3);
    }
    for (; i < m; i++) {
      const a0 = A + <usize>i * ra;
      let c0 = f32x4.splat(0);
      let bp = B + (<usize>j << 2);
      for (let o: usize = 0; o < ra; o += 4, bp += rb) {
        c0 = f32x4.add(c0, f32x4.mul(v128.load32_splat(a0 + o), v128.load(bp)));
      }
      v128.store(C + <usize>i * rb + (<usize>j << 2), c0);
    }
  }
  return n4;
}

/** f64: as f32 with strips of 4 columns (two f64x2 per row), 4x4 tiles; then a 2-column strip. */
export function matmulSimdF64(A: usize, B: usize, C: usize, m: u32, k: u32, n: u32): u32 {
  if (k == 0) return 0;
  const ra = <usize>k << 3, rb = <usize>n << 3;
  const n4 = n & ~3, n2 = n & ~1;
  const PB = LA_SCRATCH;
  for (let p0: u32 = 0; p0 < k; p0 += KC) {
    const kc = min(KC, k - p0), first = p0 == 0;
    const ek = <usize>kc << 3;
    for (let j: u32 = 0; j < n4; j += 4) {
      let bp = B + <usize>p0 * rb + (<usize>j << 3);
      for (let q: usize = 0, e = <usize>kc << 5; q < e; q += 32, bp += rb) {
        v128.store(PB + q, v128.load(bp)); v128.store(PB + q, v128.load(bp, 16), 16);
      }
      let i: u32 = 0;
      for (; i + 4 <= m; i += 4) {
        const a0 = A + <usize>i * ra + (<usize>p0 << 3), a1 = a0 + ra, a2 = a1 + ra, a3 = a2 + ra;
        const cp = C + <usize>i * rb + (<usize>j << 3);
        let c00: v128, c01: v128, c10: v128, c11: v128, c20: v128, c21: v128, c30: v128, c31: v128;
        if (first) {
          c00 = f64x2.splat(0); c01 = c00; c10 = c00; c11 = c00; c20 = c00; c21 = c00; c30 = c00; c31 = c00;
        } else {
          c00 = v128.load(cp); c01 = v128.load(cp, 16); c10 = v128.load(cp + rb); c11 = v128.load(cp + rb, 16);
          c20 = v128.load(cp + 2 * rb); c21 = v128.load(cp + 2 * rb, 16);
          c30 = v128.load(cp + 3 * rb); c31 = v128.load(cp + 3 * rb, 16);
        }
        let pp = PB;
        for (let o: usize = 0; o < ek; o += 8, pp += 32) {
          const b0 = v128.load(pp), b1 = v128.load(pp, 16);
          let x = v128.load64_splat(a0 + o);
          c00 = f64x2.add(c00, f64x2.mul(x, b0)); c01 = f64x2.add(c01, f64x2.mul(x, b1));
          x = v128.load64_splat(a1 + o);
          c10 = f64x2.add(c10, f64x2.mul(x, b0)); c11 = f64x2.add(c11, f64x2.mul(x, b1));
          x = v128.load64_splat(a2 + o);
          c20 = f64x2.add(c20, f64x2.mul(x, b0)); c21 = f64x2.add(c21, f64x2.mul(x, b1));
          x = v128.load64_splat(a3 + o);
          c30 = f64x2.add(c30, f64x2.mul(x, b0)); c31 = f64x2.add(c31, f64x2.mul(x, b1));
        }
        v128.store(cp, c00); v128.store(cp, c01, 16);
        v128.store(cp + rb, c10); v128.store(cp + rb, c11, 16);
        v128.store(cp + 2 * rb, c20); v128.store(cp + 2 * rb, c21, 16);
        v128.store(cp + 3 * rb, c30); v128.store(cp + 3 * rb, c31, 16);
      }
      for (; i < m; i++) {
        const a0 = A + <usize>i * ra + (<usize>p0 << 3);
        const cp = C + <usize>i * rb + (<usize>j << 3);
        let c0: v128, c1: v128;
        if (first) { c0 = f64x2.splat(0); c1 = c0; } else { c0 = v128.load(cp); c1 = v128.load(cp, 16); }
        let pp = PB;
        for (let o: usize = 0; o < ek; o += 8, pp += 32) {
          const x = v128.load64_splat(a0 + o);
          c0 = f64x2.add(c0, f64x2.mul(x, v128.load(pp)));
          c1 = f64x2.add(c1, f64x2.mul(x, v128.load(pp, 16)));
        }
        v128.store(cp, c0); v128.store(cp, c1, 16);
      }
    }
  }
  if (n4 < n2) { // one 2-column strip, unpacked, full k
    const j = n4;
    let i: u32 = 0;
    for (; i + 4 <= m; i += 4) {
      const a0 = A + <usize>i * ra, a1 = a0 + ra, a2 = a1 + ra, a3 = a2 + ra;
      let c0 = f64x2.splat(0), c1 = c0, c2 = c0, c3 = c0;
      let bp = B + (<usize>j << 3);
      for (let o: usize = 0; o < ra; o += 8, bp += rb) {
        const b0 = v128.load(bp);
        c0 = f64x2.add(c0, f64x2.mul(v128.load64_splat(a0 + o), b0));
        c1 = f64x2.add(c1, f64x2.mul(v128.load64_splat(a1 + o), b0));
        c2 = f64x2.add(c2, f64x2.mul(v128.load64_splat(a2 + o), b0));
        c3 = f64x2.add(c3, f64x2.mul(v128.load64_splat(a3 + o), b0));
      }
      const cp = C + <usize>i * rb + (<usize>j << 3);
      v128.store(cp, c0); v128.store(cp + rb, c1); v128.store(cp + 2 * rb, c2); v128.store(cp + 3 * rb, c3);
    }
    for (; i < m; i++) {
      const a0 = A + <usize>i * ra;
      let c0 = f64x2.splat(0);
      let bp = B + (<usize>j << 3);
      for (let o: usize = 0; o < ra; o += 8, bp += rb) {
        c0 = f64x2.add(c0, f64x2.mul(v128.load64_splat(a0 + o), v128.load(bp)));
      }
      v128.store(C + <usize>i * rb + (<usize>j << 3), c0);
    }
  }
  return n2;
}
