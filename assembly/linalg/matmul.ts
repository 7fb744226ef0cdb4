/**
 * Batched matrix product C[b] = A[b] · B[b], row-major: A [m, k], B [k, n], C [m, n].
 * Batch strides of A and B are in elements (0 broadcasts one operand over the batch);
 * C is dense [batch, m, n] and must not overlap A or B.
 *
 * Accumulation: every output element is c = 0; for p = 0 .. k-1 (ascending): c = c + a·b,
 * a separate multiply and add in the output dtype (float32 accumulates in f32 like BLAS
 * sgemm; no FMA, wasm has none). Error budget (Higham, Thm 3.5 with u = eps/2):
 * |C - A·B| <= k·u/(1 - k·u) · (|A|·|B|) elementwise, so |error| <= k·eps·(|A||B|)
 * comfortably; f32 eps = 2^-23, f64 eps = 2^-52. NaN/inf propagate as IEEE
 * (inf·0 = NaN); k == 0 gives +0.
 * Speed: the SIMD build runs 4x8 (f32x4) / 4x4 (f64x2) register tiles vectorized along n
 * over strips of B packed per k-block of 512 rows into LA_SCRATCH (cholesky.ts):
 * contiguous loads and no cache-set thrashing when n is a power of two; C partial sums are
 * stored and reloaded between k-blocks, which is exact. The scalar build runs 4x4 scalar
 * tiles. Both follow the per-element order above, so the two builds agree bit for bit.
 * 256^3 float32 here: about 1.3 ms SIMD, 5.4 ms scalar. Reference for the tiling: Goto &
 * van de Geijn, "Anatomy of high-performance matrix multiplication" (2008), packing and
 * micro-kernel only.
 */
import { matmulSimdF32, matmulSimdF64 } from "../simd/matmul";

/** Columns [j0, n) of C for all rows, scalar 4x4 tiles then single rows/columns. */
function matmulCols<T>(A: usize, B: usize, C: usize, m: u32, k: u32, n: u32, j0: u32): void {
  const sz = <usize>sizeof<T>();
  const ra = <usize>k * sz, rb = <usize>n * sz; // row strides of A and B (and C: rb)
  let i: u32 = 0;
  for (; i + 4 <= m; i += 4) {
    const a0 = A + <usize>i * ra, a1 = a0 + ra, a2 = a1 + ra, a3 = a2 + ra;
    let j = j0;
    for (; j + 4 <= n; j += 4) {
      let c00: T = 0, c01: T = 0, c02: T = 0, c03: T = 0;
      let c10: T = 0, c11: T = 0, c12: T = 0, c13: T = 0;
      let c20: T = 0, c21: T = 0, c22: T = 0, c23: T = 0;
      let c30: T = 0, c31: T = 0, c32: T = 0, c33: T = 0;
      let bp = B + <usize>j * sz;
      for (let p: u32 = 0; p < k; p++, bp += rb) {
        const o = <usize>p * sz;
        const b0 = load<T>(bp), b1 = load<T>(bp + sz), b2 = load<T>(bp + 2 * sz), b3 = load<T>(bp + 3 * sz);
        let x = load<T>(a0 + o);
        c00 += x * b0; c01 += x * b1; c02 += x * b2; c03 += x * b3;
        x = load<T>(a1 + o);
        c10 += x * b0; c11 += x * b1; c12 += x * b2; c13 += x * b3;
        x = load<T>(a2 + o);
        c20 += x * b0; c21 += x * b1; c22 += x * b2; c23 += x * b3;
        x = load<T>(a3 + o);
        c30 += x * b0; c31 += x * b1; c32 += x * b2; c33 += x * b3;
      }
      let cp = C + <usize>i * rb + <usize>j * sz;
      store<T>(cp, c00); store<T>(cp + sz, c01); store<T>(cp + 2 * sz, c02); store<T>(cp + 3 * sz, c03);
      cp += rb;
      store<T>(cp, c10); store<T>(cp + sz, c11); store<T>(cp + 2 * sz, c12); store<T>(cp + 3 * sz, c13);
      cp += rb;
      store<T>(cp, c20); store<T>(cp + sz, c21); store<T>(cp + 2 * sz, c22); store<T>(cp + 3 * sz, c23);
      cp += rb;
      store<T>(cp, c30); store<T>(cp + sz, c31); store<T>(cp + 2 * sz, c32); store<T>(cp + 3 * sz, c33);
    }
    for (; j < n; j++) {
      let c0: T = 0, c1: T = 0, c2: T = 0, c3: T = 0;
      let bp = B + <usize>j * sz;
      for (let p: u32 = 0; p < k; p++, bp += rb) {
        const o = <usize>p * sz, bv = load<T>(bp);
        c0 += load<T>(a0 + o) * bv; c1 += load<T>(a1 + o) * bv;
        c2 += load<T>(a2 + o) * bv; c3 += load<T>(a3 + o) * bv;
      }
      const cp = C + <usize>i * rb + <usize>j * sz;
      store<T>(cp, c0); store<T>(cp + rb, c1); store<T>(cp + 2 * rb, c2); store<T>(cp + 3 * rb, c3);
    }
  }
  for (; i < m; i++) {
    const a0 = A + <usize>i * ra;
    for (let j = j0; j < n; j++) {
      let c: T = 0;
      let bp = B + <usize>j * sz;
      for (let p: u32 = 0; p < k; p++, bp += rb) c += load<T>(a0 + <usize>p * sz) * load<T>(bp);
      store<T>(C + <usize>i * rb + <usize>j * sz, c);
    }
  }
}

function matmul<T>(a: usize, b: usize, out: usize, batch: u32, m: u32, k: u32, n: u32, sA: u32, sB: u32): void {
  const sz = <usize>sizeof<T>();
  for (let t: u32 = 0; t < batch; t++) {
    const A = a + <usize>t * <usize>sA * sz, B = b + <usize>t * <usize>sB * sz;
    const C = out + <usize>t * <usize>m * <usize>n * sz;
    let j0: u32 = 0;
    if (ASC_FEATURE_SIMD) j0 = sz == 4 ? matmulSimdF32(A, B, C, m, k, n) : matmulSimdF64(A, B, C, m, k, n);
    matmulCols<T>(A, B, C, m, k, n, j0);
  }
}

/** out[t] = A[t] · B[t] with A at a + t·aBatchStride (elements), B at b + t·bBatchStride. */
export function matmulF32(a: usize, b: usize, out: usize, batch: u32, m: u32, k: u32, n: u32,
  aBatchStride: u32, bBatchStride: u32): void {
  matmul<f32>(a, b, out, batch, m, k, n, aBatchStride, bBatchStride);
}

export function matmulF64(a: usize, b: usize, out: usize, batch: u32, m: u32, k: u32, n: u32,
  aBatchStride: u32, bBatchStride: u32): void {
  matmul<f64>(a, b, out, batch, m, k, n, aBatchStride, bBatchStride);
}
