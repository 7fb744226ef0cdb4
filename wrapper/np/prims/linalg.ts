/**
 * Linear-algebra primitives on batched matrices (batch dims already broadcast):
 * matmul, cholesky, triangular_solve (left side). Kernels: assembly/linalg/*.ts, which
 * document their accumulation order and error bounds.
 */
import { Tensor } from '../tensor.js';
import { bind, definePrimitive, type Aval, type Primitive } from '../primitive.js';
import { withCore, stage, reserve, collect } from '../kernel_io.js';
import { itemSize } from '../dtypes.js';
import type { Core } from '../../runtime/core.js';
import { sizeOf } from '../shape.js';
import { isFloat } from '../asarray.js';
import * as ops from '../ops/elementwise.js';
import * as shp from '../ops/shape.js';
import * as st from '../ops/structure.js';
import * as red from '../ops/reduce.js';

function floatMatrix(what: string, x: Aval, minNdim = 2): void {
  if (!isFloat(x.dtype)) throw new TypeError(`${what} needs float32 or float64 inputs; got ${x.dtype}`);
  if (x.shape.length < minNdim) throw new RangeError(`${what} needs arrays with at least ${minNdim} dimensions; got shape [${x.shape.join(', ')}]`);
}

/** Swaps the last two axes (a differentiable transpose). */
export function mT(x: Tensor): Tensor {
  const nd = x.shape.length;
  const perm = Array.from({ length: nd }, (_, i) => i);
  [perm[nd - 2], perm[nd - 1]] = [perm[nd - 1], perm[nd - 2]];
  return shp.transpose(x, perm);
}

/**
 * Transpose flags of matmul: the product is op(a) op(b) with op(x) = x^T (last two axes
 * swapped) where the flag is set. The transposed operand is staged into the workspace
 * already transposed (the same values the kernel would read from a transposed copy, so
 * the same bits), which spares the VJP its transpose primitives. Undefined: no flags.
 */
export interface MatmulParams { readonly ta: boolean; readonly tb: boolean }

/** Copies a batch of [r, c] matrices into workspace memory as [c, r] (returns the pointer). */
function stageT(c: Core, t: Tensor): number {
  const nd = t.shape.length, r = t.shape[nd - 2], cols = t.shape[nd - 1];
  const src = stage(c, t), p = c.ws.alloc(Math.max(1, t.size) * itemSize(t.dtype));
  if (t.size) (itemSize(t.dtype) === 8 ? c.ex.transposeBatch64 : c.ex.transposeBatch32)(src, p, t.size / (r * cols), r, cols);
  return p;
}

export const matmulPrim: Primitive<MatmulParams | undefined> = definePrimitive<MatmulParams | undefined>({
  name: 'matmul',
  abstractEval([a, b]: readonly Aval[], p) {
    floatMatrix('matmul', a); floatMatrix('matmul', b);
    const na = a.shape.length, nb = b.shape.length;
    const ta = p?.ta ?? false, tb = p?.tb ?? false;
    const m = a.shape[ta ? na - 1 : na - 2], k = a.shape[ta ? na - 2 : na - 1];
    const k2 = b.shape[tb ? nb - 1 : nb - 2], n = b.shape[tb ? nb - 2 : nb - 1];
    // an unbatched (2-D) operand is read for every matrix of the other's batch (stride 0)
    const batch = na >= nb ? a.shape.slice(0, -2) : b.shape.slice(0, -2);
    const other = na >= nb ? b : a;
    if (k !== k2 || a.dtype !== b.dtype || (other.shape.length !== 2 && (batch.length !== other.shape.length - 2 || batch.some((d, i) => d !== other.shape[i])))) {
      throw new RangeError(`matmul: shapes [${a.shape.join(', ')}] and [${b.shape.join(', ')}] do not align (inner dimensions ${k} and ${k2})`);
    }
    return { shape: [...batch, m, n], dtype: a.dtype };
  },
  impl([a, b], p, out) {
    const nd = out.shape.length;
    const na = a.shape.length;
    const m = out.shape[nd - 2], n = out.shape[nd - 1], k = p?.ta ? a.shape[na - 2] : a.shape[na - 1];
    const batch = sizeOf(out.shape.slice(0, -2));
    // batch stride 0 for an unbatched operand: the same per-element arithmetic as a broadcast copy
    const sA = na === 2 && nd > 2 ? 0 : m * k, sB = b.shape.length === 2 && nd > 2 ? 0 : k * n;
    return withCore((c) => {
      const pa = p?.ta ? stageT(c, a) : stage(c, a), pb = p?.tb ? stageT(c, b) : stage(c, b);
      const po = reserve(c, out.dtype, out.shape);
      (out.dtype === 'float32' ? c.ex.matmulF32 : c.ex.matmulF64)(pa, pb, po, batch, m, k, n, sA, sB);
      return collect(c, out.dtype, out.shape, po);
    });
  },
  // C = op(A) op(B): op(A)bar = g op(B)^T and op(B)bar = op(A)^T g, transposed back where
  // the operand was read transposed, all as flagged products (no transpose primitives).
  // An unbatched operand's cotangent sums over the batch: one [B m, k] x [B m, n] product
  // when the batched operand and g can be flattened without a copy, else per matrix then a sum.
  vjp(g, [a, b], _o, p, n) {
    const ta = p?.ta ?? false, tb = p?.tb ?? false;
    const nd = g.shape.length;
    if (nd > 2 && b.shape.length === 2 && !ta && n[1]) { // a [..., m, k] batched, b shared
      const k = a.shape[nd - 1], rows = a.size / k;
      const a2 = shp.reshape(a, [rows, k]), g2 = shp.reshape(g, [rows, g.shape[nd - 1]]);
      return [
        n[0] ? bindMatmul(g, b, { ta: false, tb: !tb }) : null,
        tb ? bindMatmul(g2, a2, { ta: true, tb: false }) : bindMatmul(a2, g2, { ta: true, tb: false }),
      ];
    }
    const fold = (x: Tensor | null, like: Tensor): Tensor | null =>
      x && like.shape.length === 2 && x.shape.length > 2 ? red.sum(x, { axis: Array.from({ length: x.shape.length - 2 }, (_, i) => i) }) : x;
    return [
      fold(n[0] ? (ta ? bindMatmul(b, g, { ta: tb, tb: true }) : bindMatmul(g, b, { ta: false, tb: !tb })) : null, a),
      fold(n[1] ? (tb ? bindMatmul(g, a, { ta: true, tb: ta }) : bindMatmul(a, g, { ta: !ta, tb: false })) : null, b),
    ];
  },
});

/** op(a) op(b) as one matmul primitive (see {@link MatmulParams}; batch dims already equal). */
export function bindMatmul(a: Tensor, b: Tensor, flags?: MatmulParams): Tensor {
  return bind(matmulPrim, [a, b], flags && (flags.ta || flags.tb) ? flags : undefined);
}

export const choleskyPrim: Primitive = definePrimitive({
  name: 'cholesky',
  abstractEval([a]: readonly Aval[]) {
    floatMatrix('cholesky', a);
    const n = a.shape[a.shape.length - 1];
    if (a.shape[a.shape.length - 2] !== n) throw new RangeError(`cholesky: matrix must be square; got shape [${a.shape.join(', ')}]`);
    return { shape: a.shape, dtype: a.dtype };
  },
  impl([a], _p, out) {
    const n = a.shape[a.shape.length - 1];
    const batch = sizeOf(a.shape.slice(0, -2));
    return withCore((c) => {
      const pa = stage(c, a), po = reserve(c, out.dtype, out.shape);
      (out.dtype === 'float32' ? c.ex.choleskyF32 : c.ex.choleskyF64)(pa, po, batch, n);
      return collect(c, out.dtype, out.shape, po);
    });
  },
  // Murray (2016), "Differentiation of the Cholesky decomposition": with L = chol(A),
  // Abar = L^{-T} Phi(L^T Lbar) L^{-1}, Phi = lower triangle with the diagonal halved,
  // returned symmetrized (A is read as symmetric).
  vjp(g, _in, L) {
    const P = st.tril(bindMatmul(mT(L), g));
    const n = L.shape[L.shape.length - 1];
    const half = ops.subtract(1, ops.multiply(0.5, eyeLike(n, L.dtype)));
    const phi = ops.multiply(P, half);
    // S = L^{-T} phi L^{-1}: solve L^T Y = phi, then S^T = L^{-T} Y^T
    const Y = solveTri(L, phi, true);
    const S = mT(solveTri(L, mT(Y), true));
    return [ops.multiply(0.5, ops.add(S, mT(S)))];
  },
});

function eyeLike(n: number, dtype: 'float32' | 'float64' | string): Tensor {
  const a = dtype === 'float64' ? new Float64Array(n * n) : new Float32Array(n * n);
  for (let i = 0; i < n; i++) a[i * n + i] = 1;
  return new Tensor(a, [n, n]);
}

export interface TriSolveParams { readonly lower: boolean; readonly transpose: boolean; readonly unitDiagonal: boolean }

/** Solves op(L) X = B for lower-triangular L (transpose: op(L) = L^T). */
export function solveTri(L: Tensor, B: Tensor, transpose: boolean, lower = true, unitDiagonal = false): Tensor {
  return bind(triSolvePrim, [L, B], { lower, transpose, unitDiagonal });
}

export const triSolvePrim: Primitive<TriSolveParams> = definePrimitive<TriSolveParams>({
  name: 'triangular_solve',
  abstractEval([l, b]: readonly Aval[]) {
    floatMatrix('triangularSolve', l); floatMatrix('triangularSolve', b);
    const n = l.shape[l.shape.length - 1];
    if (l.shape[l.shape.length - 2] !== n) throw new RangeError(`triangularSolve: a must be square; got shape [${l.shape.join(', ')}]`);
    const batch = l.shape.slice(0, -2);
    if (b.shape[b.shape.length - 2] !== n || l.dtype !== b.dtype || b.shape.length !== l.shape.length || batch.some((d, i) => d !== b.shape[i])) {
      throw new RangeError(`triangularSolve: a of shape [${l.shape.join(', ')}] and b of shape [${b.shape.join(', ')}] do not align`);
    }
    return { shape: b.shape, dtype: b.dtype };
  },
  impl([l, b], p, out) {
    const nd = l.shape.length, n = l.shape[nd - 1], nrhs = b.shape[nd - 1];
    const batch = sizeOf(l.shape.slice(0, -2));
    return withCore((c) => {
      const pl = stage(c, l), pb = stage(c, b), po = reserve(c, out.dtype, out.shape);
      (out.dtype === 'float32' ? c.ex.triangularSolveF32 : c.ex.triangularSolveF64)(
        pl, pb, po, batch, n, nrhs, p.lower ? 1 : 0, p.transpose ? 1 : 0, p.unitDiagonal ? 1 : 0, 1);
      return collect(c, out.dtype, out.shape, po);
    });
  },
  // X = op(L)^{-1} B: Bbar = op(L)^{-T} Xbar; Lbar = -Bbar X^T (or -X Bbar^T when transposed),
  // restricted to the triangle that was read (and off the diagonal when it is implicit).
  vjp(g, [l], x, p) {
    const gb = bind(triSolvePrim, [l, g], { ...p, transpose: !p.transpose });
    let gl = p.transpose ? ops.negative(bindMatmul(x, mT(gb))) : ops.negative(bindMatmul(gb, mT(x)));
    gl = p.lower ? st.tril(gl, p.unitDiagonal ? -1 : 0) : st.triu(gl, p.unitDiagonal ? 1 : 0);
    return [gl, gb];
  },
});
