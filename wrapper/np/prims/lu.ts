/**
 * General (non-triangular) solves and log-determinants by LU with partial pivoting
 * (Doolittle, row pivoting as LAPACK getrf: the first row with the largest |a_ik| is the
 * pivot; Golub & Van Loan Alg. 3.4.1). The O(n^3) loops (factorization, forward and back
 * substitution) run in the wasm core, assembly/linalg/lu.ts, which documents their fixed
 * order of operations: float64 throughout (float32 inputs widened exactly, results rounded
 * once), identical in the SIMD and scalar builds and bit-identical to the TypeScript loops
 * that ran here before. Only O(n) per matrix stays here: log|det| = sum_i log|u_ii| (with
 * Math.log, i ascending) and the determinant's sign from U's diagonal and the permutation.
 * Backward stable with growth factor 2^(n-1) worst case (rarely more than n in practice);
 * on SPD matrices cholesky + choSolve is about twice as cheap. A singular matrix gives
 * inf/NaN entries (like JAX), never an exception.
 */
import { Tensor } from '../tensor.js';
import { allocFor } from '../dtypes.js';
import { bind, definePrimitive, type Aval, type Primitive } from '../primitive.js';
import { sizeOf } from '../shape.js';
import { isFloat } from '../asarray.js';
import { withCore, stage, reserve, collect, view } from '../kernel_io.js';
import * as ops from '../ops/elementwise.js';
import { bindMatmul, mT } from './linalg.js';
import { broadcastTo, expandDims } from '../ops/shape.js';

/**
 * U's diagonal ([batch * n], f64) and the permutation signs ([batch], f64) of the LU of
 * each n x n matrix of `a` (a batch of square float matrices), from the wasm core.
 */
function luDiagonal(a: Tensor, n: number, batch: number): { diag: Float64Array; sign: Float64Array } {
  return withCore((c) => {
    const pa = stage(c, a);
    const work = a.dtype === 'float64' ? pa : c.ws.alloc(Math.max(1, n * n) * 8);
    const pd = c.ws.alloc(Math.max(1, batch * n) * 8), ps = c.ws.alloc(Math.max(1, batch) * 8);
    (a.dtype === 'float64' ? c.ex.luDiagF64 : c.ex.luDiagF32)(pa, work, pd, ps, batch, n);
    return { diag: Float64Array.from(view(c, 'float64', pd, batch * n)), sign: Float64Array.from(view(c, 'float64', ps, batch)) };
  });
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
    return withCore((c) => {
      const pa = stage(c, a), pb = stage(c, b);
      let po = pb;
      if (out.dtype === 'float64') c.ex.luSolveF64(pa, pb, pb, batch, n, m); // in place
      else {
        po = reserve(c, out.dtype, out.shape);
        c.ex.luSolveF32(pa, pb, po, c.ws.alloc(Math.max(1, n * n + n * m) * 8), batch, n, m);
      }
      return collect(c, out.dtype, out.shape, po);
    });
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
    const { diag } = luDiagonal(a, n, batch);
    const r = allocFor(out.dtype, batch);
    for (let t = 0; t < batch; t++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += Math.log(Math.abs(diag[t * n + i]));
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
  const { diag, sign } = luDiagonal(a, n, batch);
  const r = allocFor(a.dtype, batch);
  for (let t = 0; t < batch; t++) {
    let s = sign[t];
    for (let i = 0; i < n; i++) { const d = diag[t * n + i]; s = d === 0 ? 0 : d < 0 ? -s : s; }
    r[t] = s;
  }
  return new Tensor(r, outShape);
}
