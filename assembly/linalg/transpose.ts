/**
 * Batched matrix transpose by element size: dst[b] = src[b]^T for `batch` row-major
 * [r, c] matrices of 4-byte (float32 / int32) or 8-byte (float64) elements. A pure copy
 * (exact; NaN payloads kept). Used to stage transposed matmul operands (the `ta` / `tb`
 * flags of wrapper/np/prims/linalg.ts) without a JavaScript loop. Scalar code in both
 * builds (the matrices staged this way are small; large ones are memory bound anyway).
 */

// @ts-ignore: decorator
@inline function run<T>(src: usize, dst: usize, batch: u32, r: u32, c: u32): void {
  const sz = <usize>sizeof<T>();
  const mat = <usize>r * <usize>c * sz;
  for (let b: u32 = 0; b < batch; b++) {
    const s = src + <usize>b * mat, d = dst + <usize>b * mat;
    for (let i: u32 = 0; i < r; i++) {
      let ps = s + <usize>i * <usize>c * sz, pd = d + <usize>i * sz;
      const step = <usize>r * sz;
      for (let j: u32 = 0; j < c; j++) {
        store<T>(pd, load<T>(ps));
        ps += sz; pd += step;
      }
    }
  }
}

/** Transposes `batch` [r, c] matrices of 4-byte elements from src into dst (no overlap). */
export function transposeBatch32(src: usize, dst: usize, batch: u32, r: u32, c: u32): void {
  run<u32>(src, dst, batch, r, c);
}

/** Transposes `batch` [r, c] matrices of 8-byte elements from src into dst (no overlap). */
export function transposeBatch64(src: usize, dst: usize, batch: u32, r: u32, c: u32): void {
  run<u64>(src, dst, batch, r, c);
}
