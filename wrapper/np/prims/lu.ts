/**
 * General (non-triangular) solves and log-determinants by LU with partial pivoting
 * (Doolittle, row pivoting as LAPACK getrf; Golub & Van Loan Alg. 3.4.1), computed in
 * float64 in TypeScript and rounded once for float32. Backward stable with growth factor
 * 2^(n-1) worst case (rarely more than n in practice). A singular matrix gives inf/NaN
 * entries (like JAX), never an exception. The O(n^3) loops are plain JS: fine for the
 * small/medium matrices of probabilistic models; large dense solves should use
 * cholesky + choSolve on SPD matrices, which run in the wasm core.
 */
import { Tensor } from '../tensor.js';
import { allocFor } from '../dtypes.js';
import { bind, definePrimitive, type Aval, type Primitive } from '../primitive.js';
import { sizeOf } from '../shape.js';
import { isFloat } from '../asarray.js';
import * as ops from '../ops/elementwise.js';
import { bindMatmul, mT } from './linalg.js';
import { broadcastTo, expandDims } from '../ops/shape.js';

/** LU of one n x n f64 matrix in place; returns the pivot rows and the permutation sign. */
function luInPlace(a: Float64Array, n: number): { piv: Int32Array; sign: number } {
  const piv = new Int32Array(n);
  let sign = 1;
  for (let k = 0; k < n; k++) {
    let p = k, best = Math.abs(a[k * n + k]);
    for (let i = k + 1; i < n; i++) { const v = Math.abs(a[i * n + k]); if (v > best) { best = v; p = i; } }
    piv[k] = p;
    if (p !== k) {
      sign = -sign;
      for (let j = 0; j < n; j++) { const t = a[k * n + j]; a[k * n + j] = a[p * n + j]; a[p * n + j] = t; }
    }
    const d = a[k * n + k];
    for (let i = k + 1; i < n; i++) {
      const f = (a[i * n + k] /= d);
      if (f !== 0) for (let j = k + 1; j < n; j++) a[i * n + j] -= f * a[k * n + j];
    }
  }
  return { piv, sign };
}

function squareBatch(what: string, a: Aval): number {
  if (!isFloat(a.dtype)) throw new TypeError(`${what} needs float32 or float64 inputs; got ${a.dtype}`);
  const nd = a.shape.length;
  if (nd < 2 || a.shape[nd - 1] !== a.shape[nd - 2]) throw new RangeError(`${what}: a must be a (batch of) square matrices; got shape [${a.shape.join(', ')}]`);
  return a.shape[nd - 1];
}

export const solvePrim: Primitive = definePrimitive({
  name: 'lu_solve',
  abstractEval([a, b]: readonly Aval[]) {
    const n = squareBatch('solve', a);
    const nd = a.shape.length;
    if (b.shape.length !== nd || b.shape[nd - 2] !== n || a.dtype !== b.dtype || a.shape.slice(0, -2).some((d, i) => d !== b.shape[i])) {
      throw new RangeError(`solve: a of shape [${a.shape.join(', ')}] and b of shape [${b.shape.join(', ')}] do not align`);
    }
    return { shape: b.shape, dtype: b.dtype };
  },
  impl([a, b], _p, out) {
    const nd = a.shape.length, n = a.shape[nd - 1], m = b.shape[nd - 1];
    const batch = sizeOf(a.shape.slice(0, -2));
    const r = allocFor(out.dtype, b.size);
    const A = new Float64Array(n * n), X = new Float64Array(n * m);
    for (let t = 0; t < batch; t++) {
      A.set(a._data.subarray(t * n * n, (t + 1) * n * n));
      X.set(b._data.subarray(t * n * m, (t + 1) * n * m));
      const { piv } = luInPlace(A, n);
      for (let k = 0; k < n; k++) if (piv[k] !== k) for (let j = 0; j < m; j++) { const p = piv[k]; const v = X[k * m + j]; X[k * m + j] = X[p * m + j]; X[p * m + j] = v; }
      for (let i = 0; i < n; i++) for (let k = 0; k < i; k++) { const f = A[i * n + k]; if (f !== 0) for (let j = 0; j < m; j++) X[i * m + j] -= f * X[k * m + j]; }
      for (let i = n - 1; i >= 0; i--) {
        for (let k = i + 1; k < n; k++) { const f = A[i * n + k]; if (f !== 0) for (let j = 0; j < m; j++) X[i * m + j] -= f * X[k * m + j]; }
        const d = A[i * n + i];
        for (let j = 0; j < m; j++) X[i * m + j] /= d;
      }
      r.set(X, t * n * m);
    }
    return new Tensor(r, out.shape);
  },
  // X = A^{-1} B: Bbar = A^{-T} Xbar, Abar = -Bbar X^T
  vjp(g, [a], x) {
    const gb = bind(solvePrim, [mT(a), g], undefined);
    return [ops.negative(bindMatmul(gb, mT(x))), gb];
  },
});

/** log|det A| (differentiable) of a batch of square matrices. */
export const logAbsDetPrim: Primitive = definePrimitive({
  name: 'log_abs_det',
  abstractEval([a]: readonly Aval[]) {
    squareBatch('slogdet', a);
    return { shape: a.shape.slice(0, -2), dtype: a.dtype };
  },
  impl([a], _p, out) {
    const n = a.shape[a.shape.length - 1], batch = sizeOf(out.shape);
    const r = allocFor(out.dtype, batch);
    const A = new Float64Array(n * n);
    for (let t = 0; t < batch; t++) {
      A.set(a._data.subarray(t * n * n, (t + 1) * n * n));
      luInPlace(A, n);
      let s = 0;
      for (let i = 0; i < n; i++) s += Math.log(Math.abs(A[i * n + i]));
      r[t] = s;
    }
    return new Tensor(r, out.shape);
  },
  // d log|det A| / dA = A^{-T}
  vjp(g, [a]) {
    const n = a.shape[a.shape.length - 1];
    const eye = new Tensor(a.dtype === 'float64' ? new Float64Array(n * n) : new Float32Array(n * n), [n, n]);
    for (let i = 0; i < n; i++) eye._data[i * n + i] = 1;
    const invT = mT(bind(solvePrim, [a, broadcastTo(eye, a.shape)], undefined));
    return [ops.multiply(invT, expandDims(g, [-1, -2]))];
  },
});

/** The sign of det A (not differentiable: piecewise constant). */
export function detSign(a: Tensor): Tensor {
  const n = a.shape[a.shape.length - 1];
  const outShape = a.shape.slice(0, -2), batch = sizeOf(outShape);
  const r = allocFor(a.dtype, batch);
  const A = new Float64Array(n * n);
  for (let t = 0; t < batch; t++) {
    A.set(a._data.subarray(t * n * n, (t + 1) * n * n));
    const { sign } = luInPlace(A, n);
    let s = sign;
    for (let i = 0; i < n; i++) { const d = A[i * n + i]; s = d === 0 ? 0 : d < 0 ? -s : s; }
    r[t] = s;
  }
  return new Tensor(r, outShape);
}
