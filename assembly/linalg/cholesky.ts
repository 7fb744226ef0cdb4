/**
 * Batched Cholesky factorization A = L Lᵀ of symmetric positive-definite [batch, n, n]
 * matrices (row-major). Only the lower triangle of A is read (like LAPACK potrf with
 * uplo = 'L'; jnp.linalg.cholesky symmetrizes (A + Aᵀ)/2 first: that is the TypeScript
 * side's job). out gets L with its strict upper triangle zeroed. a and out must not overlap.
 *
 * Algorithm: row-oriented (Cholesky-Banachiewicz, dot-product form), for row r and j < r
 *   L[r][j] = (A[r][j] - dot(L[r][0:j], L[j][0:j])) / L[j][j],
 *   L[r][r] = sqrt(A[r][r] - dot(L[r][0:r], L[r][0:r])),
 * where every dot is the canonical two-partial sum: s0 (even k) and s1 (odd k), each
 * sequential in k, result s0 + s1 (a separate multiply and add per term). Rows go in
 * blocks of 4; the SIMD build computes a block's entries left of the block 2 columns at a
 * time with f64x2 lanes = (s0, s1), the scalar build 1 column at a time with 8 locals; the
 * block's own triangle is element by element. Same operations per entry, so the two builds
 * agree bit for bit. SIMD: 512 x 512 float64 in about 4 ms here (NumPy/LAPACK: 8.5 ms).
 * Error: backward stable, L Lᵀ = A + E with |E| <= (n+1)u/(1-(n+1)u) |L||Lᵀ| (Higham,
 * Thm 10.3; u = 2^-53 for f64), so ||L Lᵀ - A|| / ||A|| is a small multiple of n·u for a
 * well-conditioned A.
 * float32: computed entirely in f64 from the f32 input and rounded once per entry (the
 * result is the f64 factor rounded to f32: entrywise error <= 0.5 ulp32 + the f64 error).
 * No scratch beyond `out` is needed: the f64 strict lower triangle is kept packed in out
 * (row r at byte 4·r·(r-1)), the f64 diagonal in a static array of 2048 entries, and out
 * is converted to the f32 layout at the end. For n > 2048 the f32 kernel keeps L in f32
 * (each entry computed from f64 dot products of the stored f32 entries, rounded once):
 * backward error still a few ulp32·|L||Lᵀ|, independent of n.
 *
 * Not positive definite (like JAX, no exception): if the pivot d = A[r][r] - dot(...) of
 * row r is not > 0 (or is NaN, e.g. from NaN input), L[r][r] and every lower-triangle entry
 * after it in row-major order (rows r+1 .. n-1) are NaN; rows < r and L[r][0:r] hold the
 * factor of the leading r x r block (as LAPACK's info would report). jax.lax.linalg.cholesky
 * makes the whole matrix NaN: the TypeScript side can test isnan(L[n-1][n-1]) for that.
 * Infinite inputs propagate as IEEE (they give inf/NaN entries).
 */
import { cholBlockSimd } from "../simd/cholesky";

/**
 * Static f64 scratch of the linalg kernels (16 KiB; nothing in it outlives a call): the f64
 * diagonal of the float32 Cholesky, the f64 right-hand-side blocks of the float32 (and
 * right-side) triangular solves, the packed B strips of the SIMD matmul.
 */
export const LA_SCRATCH_F64: u32 = 2048;
export const LA_SCRATCH: usize = memory.data(LA_SCRATCH_F64 << 3, 16);

/**
 * Start of row r of the work layout: packed strict lower f64 rows (the f32 kernel) or full
 * rows of `sz`-byte entries.
 */
// @ts-ignore: decorator
@inline export function cholRow(base: usize, r: u32, n: u32, packed: bool, sz: usize): usize {
  return packed ? base + ((<usize>r * <usize>(r - 1)) << 2) : base + <usize>r * <usize>n * sz;
}

/** A[r][j] as f64 (a is f32 or f64, row-major n x n). */
// @ts-ignore: decorator
@inline export function cholA(a: usize, r: u32, j: u32, n: u32, f32in: bool): f64 {
  const e = <usize>r * <usize>n + <usize>j;
  return f32in ? <f64>load<f32>(a + (e << 2)) : load<f64>(a + (e << 3));
}

/** Canonical dot of len stored entries (as f64): s0 over even k, s1 over odd k, s0 + s1. */
// @ts-ignore: decorator
@inline function dot2<TS>(x: usize, y: usize, len: u32): f64 {
  const sz = <usize>sizeof<TS>();
  let s0: f64 = 0, s1: f64 = 0;
  const e = <usize>(len & ~1) * sz;
  for (let o: usize = 0; o < e; o += 2 * sz) {
    s0 += <f64>load<TS>(x + o) * <f64>load<TS>(y + o);
    s1 += <f64>load<TS>(x + o + sz) * <f64>load<TS>(y + o + sz);
  }
  if (len & 1) s0 += <f64>load<TS>(x + e) * <f64>load<TS>(y + e);
  return s0 + s1;
}

/**
 * Scalar twin of cholBlockSimd: rows i0 .. i0+3, columns j < i0, one column at a time with
 * 4 rows x 2 partials in locals (each row j is read once for four rows). Same canonical
 * dot per entry as dot2, so the same bits.
 */
function cholBlockScalar<TS>(a: usize, f32in: bool, n: u32, i0: u32, base: usize, packed: bool, dp: usize, ds: usize): void {
  const sz = <usize>sizeof<TS>();
  const x0 = cholRow(base, i0, n, packed, sz), x1 = cholRow(base, i0 + 1, n, packed, sz);
  const x2 = cholRow(base, i0 + 2, n, packed, sz), x3 = cholRow(base, i0 + 3, n, packed, sz);
  for (let j: u32 = 0; j < i0; j++) {
    const y = cholRow(base, j, n, packed, sz);
    let p0: f64 = 0, q0: f64 = 0, p1: f64 = 0, q1: f64 = 0, p2: f64 = 0, q2: f64 = 0, p3: f64 = 0, q3: f64 = 0;
    const e = <usize>(j & ~1) * sz;
    for (let o: usize = 0; o < e; o += 2 * sz) {
      const v = <f64>load<TS>(y + o), w = <f64>load<TS>(y + o + sz);
      p0 += <f64>load<TS>(x0 + o) * v; q0 += <f64>load<TS>(x0 + o + sz) * w;
      p1 += <f64>load<TS>(x1 + o) * v; q1 += <f64>load<TS>(x1 + o + sz) * w;
      p2 += <f64>load<TS>(x2 + o) * v; q2 += <f64>load<TS>(x2 + o + sz) * w;
      p3 += <f64>load<TS>(x3 + o) * v; q3 += <f64>load<TS>(x3 + o + sz) * w;
    }
    if (j & 1) {
      const v = <f64>load<TS>(y + e);
      p0 += <f64>load<TS>(x0 + e) * v; p1 += <f64>load<TS>(x1 + e) * v;
      p2 += <f64>load<TS>(x2 + e) * v; p3 += <f64>load<TS>(x3 + e) * v;
    }
    const d = <f64>load<TS>(dp + <usize>j * ds), oj = <usize>j * sz;
    store<TS>(x0 + oj, <TS>((cholA(a, i0, j, n, f32in) - (p0 + q0)) / d));
    store<TS>(x1 + oj, <TS>((cholA(a, i0 + 1, j, n, f32in) - (p1 + q1)) / d));
    store<TS>(x2 + oj, <TS>((cholA(a, i0 + 2, j, n, f32in) - (p2 + q2)) / d));
    store<TS>(x3 + oj, <TS>((cholA(a, i0 + 3, j, n, f32in) - (p3 + q3)) / d));
  }
}

/**
 * Factors one matrix into the work layout at `base` (entries of type TS, packed or full
 * rows), diagonal at dp + r·ds (type TS). Every entry is computed in f64 and stored as TS.
 * Returns the row of the first failed pivot, or n.
 */
function cholWork<TS>(a: usize, f32in: bool, n: u32, base: usize, packed: bool, dp: usize, ds: usize): u32 {
  const sz = <usize>sizeof<TS>();
  for (let i0: u32 = 0; i0 < n; i0 += 4) {
    const rows = min<u32>(4, n - i0);
    let jd: u32 = 0; // columns [0, jd) of rows i0.. are done
    if (rows == 4) {
      if (ASC_FEATURE_SIMD) cholBlockSimd<TS>(a, f32in, n, i0, base, packed, dp, ds);
      else cholBlockScalar<TS>(a, f32in, n, i0, base, packed, dp, ds);
      jd = i0;
    }
    for (let r = i0; r < i0 + rows; r++) {
      const lr = cholRow(base, r, n, packed, sz);
      for (let j = jd; j < r; j++) {
        const s = dot2<TS>(lr, cholRow(base, j, n, packed, sz), j);
        store<TS>(lr + <usize>j * sz, <TS>((cholA(a, r, j, n, f32in) - s) / <f64>load<TS>(dp + <usize>j * ds)));
      }
      const d = cholA(a, r, r, n, f32in) - dot2<TS>(lr, lr, r);
      if (!(d > 0)) return r;
      store<TS>(dp + <usize>r * ds, <TS>Math.sqrt(d));
    }
  }
  return n;
}

/** NaN for L[r][r] and all lower entries of the rows after r (work layout). */
function cholFail<TS>(n: u32, r: u32, base: usize, packed: bool, dp: usize, ds: usize): void {
  const sz = <usize>sizeof<TS>();
  store<TS>(dp + <usize>r * ds, <TS>NaN);
  for (let q = r + 1; q < n; q++) {
    const lq = cholRow(base, q, n, packed, sz);
    for (let j: u32 = 0; j < q; j++) store<TS>(lq + <usize>j * sz, <TS>NaN);
    store<TS>(dp + <usize>q * ds, <TS>NaN);
  }
}

/** Full-row factor in place in out (entries TS = the output dtype), upper triangle zeroed. */
function cholFull<TS>(a: usize, f32in: bool, out: usize, n: u32): void {
  const sz = <usize>sizeof<TS>();
  const ds = (<usize>n + 1) * sz;
  const r = cholWork<TS>(a, f32in, n, out, false, out, ds);
  if (r < n) cholFail<TS>(n, r, out, false, out, ds);
  for (let q: u32 = 0; q + 1 < n; q++) { // zero the strict upper triangle
    memory.fill(out + (<usize>q * <usize>n + <usize>q + 1) * sz, 0, <usize>(n - 1 - q) * sz);
  }
}

function cholOneF32(a: usize, out: usize, n: u32): void {
  const r = cholWork<f64>(a, true, n, out, true, LA_SCRATCH, 8);
  if (r < n) cholFail<f64>(n, r, out, true, LA_SCRATCH, 8);
  // Packed f64 -> f32 rows, last row first. Row q's f32 slot [4qn, 4qn + 4n) lies above
  // the packed rows < q and at or above each unread packed entry of row q (j descending).
  for (let q: i32 = <i32>n - 1; q >= 0; q--) {
    const uq = <u32>q;
    const dst = out + ((<usize>uq * <usize>n) << 2), src = cholRow(out, uq, n, true, 8);
    memory.fill(dst + ((<usize>uq + 1) << 2), 0, <usize>(n - 1 - uq) << 2);
    store<f32>(dst + (<usize>uq << 2), <f32>load<f64>(LA_SCRATCH + (<usize>uq << 3)));
    for (let j: i32 = q - 1; j >= 0; j--) {
      store<f32>(dst + (<usize>j << 2), <f32>load<f64>(src + (<usize>j << 3)));
    }
  }
}

/** out[t] = lower Cholesky factor of a[t], t < batch; a, out: [batch, n, n] float32. */
export function choleskyF32(a: usize, out: usize, batch: u32, n: u32): void {
  const m = (<usize>n * <usize>n) << 2;
  for (let t: u32 = 0; t < batch; t++) {
    if (n <= LA_SCRATCH_F64) cholOneF32(a + <usize>t * m, out + <usize>t * m, n);
    else cholFull<f32>(a + <usize>t * m, true, out + <usize>t * m, n); // L kept in f32
  }
}

/** out[t] = lower Cholesky factor of a[t], t < batch; a, out: [batch, n, n] float64. */
export function choleskyF64(a: usize, out: usize, batch: u32, n: u32): void {
  const m = (<usize>n * <usize>n) << 3;
  for (let t: u32 = 0; t < batch; t++) cholFull<f64>(a + <usize>t * m, false, out + <usize>t * m, n);
}
