/**
 * Batched LU factorization with partial pivoting (LAPACK getrf semantics: Doolittle, unit
 * lower L, row interchanges; Golub & Van Loan Alg. 3.4.1) of [batch, n, n] row-major
 * matrices, and the two things np.linalg needs from it: general solves A X = B (getrs:
 * P, then L, then U substitution) and the diagonal of U with the permutation sign (for
 * slogdet / det). Callers: wrapper/np/prims/lu.ts.
 *
 * Arithmetic (fixed, so results are reproducible bit for bit and equal to the TypeScript
 * loops this kernel replaced): all in float64. Step k: the pivot row p is the FIRST i >= k
 * with the largest |a[i][k]| (strict >, so NaN never wins over a number); rows k and p are
 * swapped (whole rows, and the same rows of B); then for each row i > k:
 *   f = a[i][k] / a[k][k] (stored as L[i][k]); if f != 0: a[i][j] = a[i][j] - f·a[k][j], j > k
 * (a separate multiply and subtract per entry, j ascending; rows with f == 0 are skipped,
 * so an inf/NaN in row k does not leak into them through 0·inf). Forward substitution,
 * i ascending: x[i][:] = x[i][:] - L[i][k]·x[k][:] for k = 0 .. i-1 (skipped where
 * L[i][k] == 0); back substitution, i descending: x[i][:] = x[i][:] - U[i][k]·x[k][:] for
 * k = i+1 .. n-1 ascending (skipped where U[i][k] == 0), then x[i][:] = x[i][:] / U[i][i].
 * The updates are elementwise over the columns, so the SIMD build (../simd/lu.ts: two f64
 * lanes per instruction, the same multiply and subtract per element, no fused
 * multiply-add) gives the scalar build's bits.
 *
 * float32: inputs widened to f64 (exact) in a caller-provided f64 work area, results
 * rounded once to f32. Error: backward stable, (A + E) = L U with
 * |E| <= γ_n |L||U| (Higham, Thm 9.3), growth factor <= 2^(n-1) (rarely above n in
 * practice); the solve's forward error grows with cond(A).
 * Singular A (like JAX/LAPACK, no error): a zero pivot gives ±inf/NaN entries per IEEE
 * (x/0), U's diagonal holds the zero; NaN input propagates.
 */
import { luRowSubSimd } from "../simd/lu";

/** dst[j] = dst[j] - f·src[j], j < len (f64 rows, distinct). */
// @ts-ignore: decorator
@inline function rowSub(dst: usize, src: usize, f: f64, len: u32): void {
  let j: u32 = 0;
  if (ASC_FEATURE_SIMD) j = luRowSubSimd(dst, src, f, len);
  for (; j < len; j++) {
    const o = <usize>j << 3;
    store<f64>(dst + o, load<f64>(dst + o) - f * load<f64>(src + o));
  }
}

/** Swaps len f64 entries at p and q. */
function swapRows(p: usize, q: usize, len: u32): void {
  for (let j: usize = 0; j < (<usize>len << 3); j += 8) {
    const t = load<f64>(p + j);
    store<f64>(p + j, load<f64>(q + j));
    store<f64>(q + j, t);
  }
}

/**
 * LU of the f64 n x n matrix at A in place (L below the diagonal, U on and above), rows of
 * X [n, m] (f64) interchanged along with A's. Returns the permutation sign (±1).
 */
function luFactor(A: usize, n: u32, X: usize, m: u32): f64 {
  const row = <usize>n << 3, xrow = <usize>m << 3;
  let sign: f64 = 1;
  for (let k: u32 = 0; k < n; k++) {
    const ck = <usize>k << 3, ak = A + <usize>k * row;
    let p = k, best = Math.abs(load<f64>(ak + ck));
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(load<f64>(A + <usize>i * row + ck));
      if (v > best) { best = v; p = i; }
    }
    if (p != k) {
      sign = -sign;
      swapRows(ak, A + <usize>p * row, n);
      if (m) swapRows(X + <usize>k * xrow, X + <usize>p * xrow, m);
    }
    const d = load<f64>(ak + ck);
    for (let i = k + 1; i < n; i++) {
      const ai = A + <usize>i * row;
      const f = load<f64>(ai + ck) / d;
      store<f64>(ai + ck, f);
      if (f != 0) rowSub(ai + ck + 8, ak + ck + 8, f, n - k - 1);
    }
  }
  return sign;
}

/** Solves A X = B in place: A (f64 [n, n]) becomes its LU factors, X (f64 [n, m]) the solution. */
function solveOne(A: usize, X: usize, n: u32, m: u32): void {
  luFactor(A, n, X, m);
  if (!m) return;
  const row = <usize>n << 3, xrow = <usize>m << 3;
  for (let i: u32 = 0; i < n; i++) {
    const ai = A + <usize>i * row, xi = X + <usize>i * xrow;
    for (let k: u32 = 0; k < i; k++) {
      const f = load<f64>(ai + (<usize>k << 3));
      if (f != 0) rowSub(xi, X + <usize>k * xrow, f, m);
    }
  }
  for (let i = <i32>n - 1; i >= 0; i--) {
    const ai = A + <usize>i * row, xi = X + <usize>i * xrow;
    for (let k = <u32>i + 1; k < n; k++) {
      const f = load<f64>(ai + (<usize>k << 3));
      if (f != 0) rowSub(xi, X + <usize>k * xrow, f, m);
    }
    const d = load<f64>(ai + (<usize>i << 3));
    for (let j: usize = 0; j < xrow; j += 8) store<f64>(xi + j, load<f64>(xi + j) / d);
  }
}

/** f64 copy of len T entries. */
function widen<T>(dst: usize, src: usize, len: usize): void {
  if (sizeof<T>() == 8) { memory.copy(dst, src, len << 3); return; }
  for (let e: usize = 0; e < len; e++) store<f64>(dst + (e << 3), <f64>load<T>(src + e * sizeof<T>()));
}

/**
 * Solves a[t] x = b[t] for t < batch: a [batch, n, n], b and out [batch, n, m], all float64.
 * In place: a is overwritten by the LU factors; out may equal b (then b is overwritten).
 */
export function luSolveF64(a: usize, b: usize, out: usize, batch: u32, n: u32, m: u32): void {
  const mA = (<usize>n * <usize>n) << 3, mB = (<usize>n * <usize>m) << 3;
  for (let t: u32 = 0; t < batch; t++) {
    const o = out + <usize>t * mB;
    if (out != b) memory.copy(o, b + <usize>t * mB, mB);
    solveOne(a + <usize>t * mA, o, n, m);
  }
}

/**
 * As luSolveF64 for float32 a, b, out (not modified but out); work: f64 scratch of
 * n·n + n·m entries (each problem is solved there in f64, each output rounded once).
 */
export function luSolveF32(a: usize, b: usize, out: usize, work: usize, batch: u32, n: u32, m: u32): void {
  const nn = <usize>n * <usize>n, nm = <usize>n * <usize>m;
  const X = work + (nn << 3);
  for (let t: u32 = 0; t < batch; t++) {
    widen<f32>(work, a + <usize>t * (nn << 2), nn);
    widen<f32>(X, b + <usize>t * (nm << 2), nm);
    solveOne(work, X, n, m);
    const o = out + <usize>t * (nm << 2);
    for (let e: usize = 0; e < nm; e++) store<f32>(o + (e << 2), <f32>load<f64>(X + (e << 3)));
  }
}

/**
 * LU of each a[t] (T entries, t < batch): diag [batch, n] (f64) gets U's diagonal, sign
 * [batch] (f64) the permutation sign ±1. work: f64 scratch of n·n entries (may equal a for
 * float64: a is then overwritten by the factors).
 */
function luDiag<T>(a: usize, work: usize, diag: usize, sign: usize, batch: u32, n: u32): void {
  const nn = <usize>n * <usize>n, row = (<usize>n + 1) << 3;
  for (let t: u32 = 0; t < batch; t++) {
    const src = a + <usize>t * nn * sizeof<T>();
    let A = work;
    if (sizeof<T>() == 8 && work == a) A = src; else widen<T>(work, src, nn);
    store<f64>(sign + (<usize>t << 3), luFactor(A, n, 0, 0));
    const dt = diag + ((<usize>t * <usize>n) << 3);
    for (let i: u32 = 0; i < n; i++) store<f64>(dt + (<usize>i << 3), load<f64>(A + <usize>i * row));
  }
}

/** U's diagonal and the permutation sign of the LU of each float32 a[t] (see luDiag). */
export function luDiagF32(a: usize, work: usize, diag: usize, sign: usize, batch: u32, n: u32): void {
  luDiag<f32>(a, work, diag, sign, batch, n);
}

/** U's diagonal and the permutation sign of the LU of each float64 a[t] (see luDiag). */
export function luDiagF64(a: usize, work: usize, diag: usize, sign: usize, batch: u32, n: u32): void {
  luDiag<f64>(a, work, diag, sign, batch, n);
}
