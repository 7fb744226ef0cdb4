/** matmul, dot, outer, einsum (two-operand contractions) and `np.linalg`. */
import type { ArrayLike } from '../../types/dtype.js';
import { Tensor } from '../tensor.js';
import { bind } from '../primitive.js';
import { asTensor, isFloat, promoteTypes } from '../asarray.js';
import { broadcastShapes, sizeOf } from '../shape.js';
import { defaultFloat } from '../../config.js';
import { describe } from '../dtypes.js';
import { astype } from './elementwise.js';
import * as ops from './elementwise.js';
import { broadcastTo, expandDims, reshape, squeeze, transpose } from './shape.js';
import { sum } from './reduce.js';
import { diagonal } from './structure.js';
import { bindMatmul, choleskyPrim, mT, triSolvePrim } from '../prims/linalg.js';
import { solvePrim, logAbsDetPrim, detSign } from '../prims/lu.js';

function floats(what: string, ...xs: ArrayLike[]): Tensor[] {
  const ts = xs.map((x, i) => asTensor(x, undefined, `x${i + 1}`));
  // the common case: already one float dtype, nothing to promote (and no weak scalars)
  if (ts.every((t) => t.dtype === ts[0].dtype && !t._weak) && isFloat(ts[0].dtype)) return ts;
  let dt = ts.reduce((d, t) => promoteTypes(new Tensor(new (d === 'float64' ? Float64Array : Float32Array)(1), []), t), ts[0].dtype as any);
  if (!isFloat(dt)) dt = defaultFloat();
  return ts.map((t) => astype(t, dt));
}

/**
 * Matrix product with NumPy's matmul rules: batch dimensions broadcast, a 1-D first
 * argument is a row vector and a 1-D second argument a column vector (squeezed after).
 * Integer inputs are computed in the default float type.
 * @example `np.matmul(np.ones([2, 3]), np.ones([3, 4])).shape // [2, 4]`
 */
export function matmul(x1: ArrayLike, x2: ArrayLike): Tensor {
  let [a, b] = floats('matmul', x1, x2);
  if (a.shape.length === 0 || b.shape.length === 0) throw new RangeError('matmul: arguments must be at least 1-D (use multiply for scalars)');
  const aVec = a.shape.length === 1, bVec = b.shape.length === 1;
  if (aVec) a = reshape(a, [1, a.shape[0]]);
  if (bVec) b = reshape(b, [b.shape[0], 1]);
  const ka = a.shape[a.shape.length - 1], kb = b.shape[b.shape.length - 2];
  if (ka !== kb) {
    throw new RangeError(`matmul: shapes [${asTensor(x1).shape.join(', ')}] and [${asTensor(x2).shape.join(', ')}] do not align: ${ka} (dim -1) != ${kb} (dim -2)`);
  }
  // plain matrices, or one unbatched matrix against a batch (read with batch stride 0), need
  // no broadcast copy
  if ((a.shape.length !== 2 || b.shape.length !== 2) && !(a.shape.length === 2 && !aVec && b.shape.length > 2) && !(b.shape.length === 2 && !bVec && a.shape.length > 2)) {
    const batch = broadcastShapes(a.shape.slice(0, -2), b.shape.slice(0, -2), 'matmul: batch dimensions');
    a = broadcastTo(a, [...batch, ...a.shape.slice(-2)]);
    b = broadcastTo(b, [...batch, ...b.shape.slice(-2)]);
  }
  let r = bindMatmul(a, b);
  if (aVec) r = squeeze(r, -2);
  if (bVec) r = squeeze(r, -1);
  return r;
}

/**
 * NumPy `dot`: scalars multiply; 1-D·1-D is the inner product; N-D·1-D sums over the
 * last axis; otherwise sum over the last axis of a and the second-to-last of b.
 * @example `np.dot([1, 2, 3], [4, 5, 6]) // 32`
 */
export function dot(a: ArrayLike, b: ArrayLike): Tensor {
  const [x, y] = floats('dot', a, b);
  if (x.shape.length === 0 || y.shape.length === 0) return ops.multiply(x, y);
  if (y.shape.length <= 2) return matmul(x, y);
  // tensordot: x[..., k] with y[..., k, n]
  const yk = y.shape.length - 2;
  const perm = [yk, ...Array.from({ length: y.shape.length }, (_, i) => i).filter((i) => i !== yk)];
  const yt = reshape(transpose(y, perm), [y.shape[yk], -1]);
  const r = matmul(reshape(x, [-1, x.shape[x.shape.length - 1]]), yt);
  return reshape(r, [...x.shape.slice(0, -1), ...y.shape.filter((_, i) => i !== yk)]);
}

/** Outer product of two vectors (inputs are flattened). @example `np.outer([1, 2], [3, 4])` */
export function outer(a: ArrayLike, b: ArrayLike): Tensor {
  const [x, y] = floats('outer', a, b);
  return ops.multiply(reshape(x, [-1, 1]), reshape(y, [1, -1]));
}

/**
 * Einstein summation for one or two operands without ellipsis, e.g. `'ij,jk->ik'`,
 * `'bij,bjk->bik'`, `'i,i->'`, `'ij->ji'`, `'ii->i'`. Without `->` the output is the
 * alphabetically sorted indices that appear once, as in NumPy. Two-operand contractions
 * become one batched matmul.
 * @example `np.einsum('ij,jk->ik', a, b)`
 */
export function einsum(subscripts: string, ...operands: ArrayLike[]): Tensor {
  if (typeof subscripts !== 'string') throw new TypeError(`einsum: subscripts must be a string; got ${describe(subscripts)}`);
  const spec = subscripts.replace(/\s+/g, '');
  if (spec.includes('.')) throw new Error("einsum: ellipsis ('...') is not supported yet");
  const [lhs, rhsGiven] = spec.split('->');
  const ins = lhs.split(',');
  if (ins.length !== operands.length || ins.length < 1 || ins.length > 2) {
    throw new RangeError(`einsum: ${ins.length} input specs for ${operands.length} operands (one or two operands are supported)`);
  }
  const counts = new Map<string, number>();
  for (const s of ins) for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  const rhs = rhsGiven ?? [...counts.keys()].filter((k) => counts.get(k) === 1).sort().join('');
  let ts = floats('einsum', ...operands);
  const sizes = new Map<string, number>();
  ins.forEach((s, k) => {
    if (s.length !== ts[k].shape.length) throw new RangeError(`einsum: operand ${k} has ${ts[k].shape.length} dimensions but its spec '${s}' names ${s.length}`);
    [...s].forEach((ch, i) => {
      const d = ts[k].shape[i];
      if (sizes.has(ch) && sizes.get(ch) !== d && d !== 1 && sizes.get(ch) !== 1) throw new RangeError(`einsum: index '${ch}' has sizes ${sizes.get(ch)} and ${d}`);
      if (!sizes.has(ch) || sizes.get(ch) === 1) sizes.set(ch, d);
    });
  });
  for (const ch of rhs) if (!sizes.has(ch)) throw new RangeError(`einsum: output index '${ch}' does not appear in the inputs`);
  // collapse repeated indices within one operand (diagonals), then sum indices that appear only there and not in the output
  const prep = (t: Tensor, s: string, other: string): [Tensor, string] => {
    let cur = t, spec = s;
    for (let i = 0; i < spec.length; i++) {
      const j = spec.indexOf(spec[i], i + 1);
      if (j > 0) {
        cur = diagonal(cur, { axis1: i, axis2: j });
        spec = spec.slice(0, i) + spec.slice(i + 1, j) + spec.slice(j + 1) + spec[i];
        i = -1;
      }
    }
    const drop = [...spec].map((ch, i) => (!rhs.includes(ch) && !other.includes(ch) ? i : -1)).filter((i) => i >= 0);
    if (drop.length) { cur = sum(cur, { axis: drop }); spec = [...spec].filter((_, i) => !drop.includes(i)).join(''); }
    return [cur, spec];
  };
  if (ins.length === 1) {
    const [t, s] = prep(ts[0], ins[0], '');
    return transpose(t, [...rhs].map((ch) => s.indexOf(ch)));
  }
  const [a, sa] = prep(ts[0], ins[0], ins[1]);
  const [b, sb] = prep(ts[1], ins[1], ins[0]);
  const batch = [...sa].filter((ch) => sb.includes(ch) && rhs.includes(ch));
  const contract = [...sa].filter((ch) => sb.includes(ch) && !rhs.includes(ch));
  const freeA = [...sa].filter((ch) => !sb.includes(ch));
  const freeB = [...sb].filter((ch) => !sa.includes(ch));
  const size = (chs: string[]) => sizeOf(chs.map((c) => sizes.get(c)!));
  const at = reshape(broadcastTo(transpose(a, [...batch, ...freeA, ...contract].map((c) => sa.indexOf(c))), [...batch, ...freeA, ...contract].map((c) => sizes.get(c)!)),
    [size(batch), size(freeA), size(contract)]);
  const bt = reshape(broadcastTo(transpose(b, [...batch, ...contract, ...freeB].map((c) => sb.indexOf(c))), [...batch, ...contract, ...freeB].map((c) => sizes.get(c)!)),
    [size(batch), size(contract), size(freeB)]);
  const r = reshape(bindMatmul(at, bt), [...batch, ...freeA, ...freeB].map((c) => sizes.get(c)!));
  const order = [...batch, ...freeA, ...freeB];
  return transpose(r, [...rhs].map((ch) => order.indexOf(ch)));
}

function square(what: string, a: ArrayLike): Tensor {
  const [t] = floats(what, a);
  const nd = t.shape.length;
  if (nd < 2 || t.shape[nd - 1] !== t.shape[nd - 2]) throw new RangeError(`${what}: a must be a (batch of) square matrices; got shape [${t.shape.join(', ')}]`);
  return t;
}

/** Options of {@link linalg.triangularSolve}. */
export interface TriangularSolveOptions { lower?: boolean; transposeA?: boolean; unitDiagonal?: boolean; leftSide?: boolean }

/**
 * `np.linalg`: batched Cholesky, triangular and general solves, inverse and
 * determinants, all differentiable.
 */
export const linalg = {
  /**
   * Lower Cholesky factor L with a = L Lᵀ (batched). Reads the lower triangle. A matrix
   * that is not positive definite gives NaN entries (like JAX), no exception.
   * @example `np.linalg.cholesky([[4, 2], [2, 3]])`
   */
  cholesky(a: ArrayLike): Tensor {
    return bind(choleskyPrim, [square('cholesky', a)], undefined);
  },
  /**
   * Solves op(a) x = b (leftSide, default) or x op(a) = b for triangular a, like
   * jax.lax.linalg.triangular_solve; op(a) is aᵀ with transposeA. Batch dims broadcast.
   * @example `np.linalg.triangularSolve(L, b, { lower: true })`
   */
  triangularSolve(a: ArrayLike, b: ArrayLike, o: TriangularSolveOptions = {}): Tensor {
    let [l, x] = floats('triangularSolve', a, b);
    l = square('triangularSolve', l);
    const left = o.leftSide ?? true;
    const vec = x.shape.length === 1;
    if (vec) x = reshape(x, left ? [x.shape[0], 1] : [1, x.shape[0]]);
    if (!left) x = mT(x);
    const batch = broadcastShapes(l.shape.slice(0, -2), x.shape.slice(0, -2), 'triangularSolve: batch dimensions');
    l = broadcastTo(l, [...batch, ...l.shape.slice(-2)]);
    x = broadcastTo(x, [...batch, ...x.shape.slice(-2)]);
    // X op(L) = B  <=>  op(L)ᵀ Xᵀ = Bᵀ
    let r = bind(triSolvePrim, [l, x], { lower: o.lower ?? true, transpose: left ? !!o.transposeA : !o.transposeA, unitDiagonal: !!o.unitDiagonal });
    if (!left) r = mT(r);
    return vec ? reshape(r, [r.size]) : r;
  },
  /**
   * Solves a x = b given the lower Cholesky factor of a (jax.scipy.linalg.cho_solve).
   * @example `np.linalg.choSolve(np.linalg.cholesky(A), b)`
   */
  choSolve(l: ArrayLike, b: ArrayLike): Tensor {
    const y = linalg.triangularSolve(l, b, { lower: true });
    return linalg.triangularSolve(l, y, { lower: true, transposeA: true });
  },
  /**
   * Solves a x = b for square a (LU with partial pivoting); b may be a vector.
   * @example `np.linalg.solve([[3, 1], [1, 2]], [9, 8]) // [2, 3]`
   */
  solve(a: ArrayLike, b: ArrayLike): Tensor {
    let [m, x] = floats('solve', a, b);
    m = square('solve', m);
    const vec = x.shape.length === m.shape.length - 1;
    if (vec) x = expandDims(x, -1);
    const batch = broadcastShapes(m.shape.slice(0, -2), x.shape.slice(0, -2), 'solve: batch dimensions');
    const r = bind(solvePrim, [broadcastTo(m, [...batch, ...m.shape.slice(-2)]), broadcastTo(x, [...batch, ...x.shape.slice(-2)])], undefined);
    return vec ? squeeze(r, -1) : r;
  },
  /** Matrix inverse. @example `np.linalg.inv([[2, 0], [0, 4]])` */
  inv(a: ArrayLike): Tensor {
    const m = square('inv', a);
    const n = m.shape[m.shape.length - 1];
    const eye = new Tensor(m.dtype === 'float64' ? new Float64Array(n * n) : new Float32Array(n * n), [n, n]);
    for (let i = 0; i < n; i++) eye._data[i * n + i] = 1;
    return bind(solvePrim, [m, broadcastTo(eye, m.shape)], undefined);
  },
  /**
   * Sign and log|det| of square matrices, as `[sign, logabsdet]` (logabsdet is
   * differentiable; sign is piecewise constant).
   * @example `const [s, ld] = np.linalg.slogdet([[2, 0], [0, 3]]); // 1, log 6`
   */
  slogdet(a: ArrayLike): [Tensor, Tensor] {
    const m = square('slogdet', a);
    return [detSign(m), bind(logAbsDetPrim, [m], undefined)];
  },
  /** Determinant. @example `np.linalg.det([[1, 2], [3, 4]]) // -2` */
  det(a: ArrayLike): Tensor {
    const [s, ld] = linalg.slogdet(a);
    return ops.multiply(s, ops.exp(ld));
  },
  /**
   * log det(L Lᵀ) = 2 Σ log L_ii from a Cholesky factor (as TFP's logdet helpers).
   * @example `np.linalg.logdetCholesky(np.linalg.cholesky(A))`
   */
  logdetCholesky(l: ArrayLike): Tensor {
    const t = square('logdetCholesky', l);
    return ops.multiply(2, sum(ops.log(diagonal(t, { axis1: -2, axis2: -1 })), { axis: -1 }));
  },
};
