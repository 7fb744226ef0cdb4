/**
 * Fused multivariate-normal log-density with one shared lower-triangular scale L [d, d]:
 * `lp = -0.5 ||L^-1 (x - loc)||^2 - (d/2) log(2 pi) - sum log|L_ii|` for every point of
 * x [..., d] in one wasm pass (kernel assembly/kernels/mvn_tril.ts: formulas, NaN
 * behaviour, error budget). loc is one row [d] or one per point (x's shape).
 *
 * Gradient: when an input is followed by a live trace, the pass also writes z = L^-1 (x -
 * loc) and w = L^-T z per point, kept with the output; then d/dx = -g w, d/dloc = g w
 * (summed to loc's shape), d/dL = tril(sum_i g_i w_i z_i^T) - (sum_i g_i) diag(1/L_ii)
 * (np ops on the kept arrays: one [d, n] x [n, d] matmul). If the VJP is itself
 * differentiated, z and w are recomputed with np ops (triangular solves), so higher
 * derivatives are exact.
 */
import { Tensor } from '../../np/tensor.js';
import { bind, definePrimitive, sameShape, type Primitive } from '../../np/primitive.js';
import { withCore, stage, reserve, collect } from '../../np/kernel_io.js';
import { sumToShape } from '../../np/ops/shape_internal.js';
import { activeTraces, nodeIn } from '../../autodiff/trace.js';
import * as np from '../../np/index.js';

interface Params { readonly shape: readonly number[]; readonly d: number; readonly locStride: number }

const residuals = new WeakMap<Tensor, [Tensor, Tensor]>();
const traced = (t: Tensor): boolean => activeTraces().some((tr) => nodeIn(t, tr) !== undefined);

function forward(x: Tensor, loc: Tensor, l: Tensor, p: Params, want: boolean): [Tensor, Tensor | null, Tensor | null] {
  const dtype = x.dtype;
  return withCore((c) => {
    const px = stage(c, x), pl = stage(c, loc), pL = stage(c, l);
    const out = reserve(c, dtype, p.shape);
    const pw = want ? reserve(c, dtype, x.shape) : 0, pz = want ? reserve(c, dtype, x.shape) : 0;
    const scratch = c.ws.alloc(8 * (p.d * p.d + 3 * p.d));
    const n = x.size / p.d;
    (dtype === 'float32' ? c.ex.mvnTrilLogProbF32 : c.ex.mvnTrilLogProbF64)(px, pl, p.locStride, pL, out, pw, pz, n, p.d, scratch);
    return [collect(c, dtype, p.shape, out), want ? collect(c, dtype, x.shape, pw) : null, want ? collect(c, dtype, x.shape, pz) : null];
  });
}

const PRIM: Primitive<Params> = definePrimitive<Params>({
  name: 'mvn_tril_log_prob',
  abstractEval: (avals, p) => ({ shape: p.shape, dtype: avals[0].dtype }),
  impl: (ins, p) => {
    const want = ins.some(traced);
    const [lp, w, z] = forward(ins[0], ins[1], ins[2], p, want);
    if (w && z) residuals.set(lp, [w, z]);
    return lp;
  },
  vjp: (g, ins, out, p, needs) => {
    const [x, loc, l] = ins;
    let w: Tensor, z: Tensor;
    if (traced(g) || ins.some(traced)) {
      // differentiable recomputation
      z = np.squeeze(np.linalg.triangularSolve(l, np.expandDims(np.subtract(x, loc), -1), { lower: true }), -1);
      w = np.squeeze(np.linalg.triangularSolve(l, np.expandDims(z, -1), { lower: true, transposeA: true }), -1);
    } else {
      const kept = residuals.get(out);
      [w, z] = kept ?? (forward(x, loc, l, p, true).slice(1) as [Tensor, Tensor]);
    }
    const gw = np.multiply(np.expandDims(np.astype(g, x.dtype), -1), w);
    let gl: Tensor | null = null;
    if (needs[2]) {
      const a = np.matmul(np.transpose(np.reshape(gw, [-1, p.d])), np.reshape(z, [-1, p.d]));
      const diagInv = np.divide(np.multiply(np.sum(g), np.eye(p.d, undefined, 0, x.dtype)), np.expandDims(np.diagonal(l), 0));
      gl = np.subtract(np.tril(a), diagInv);
    }
    return [needs[0] ? np.negative(gw) : null, needs[1] ? sumToShape(gw, loc.shape) : null, gl];
  },
});

/**
 * log MVN(x | loc, scaleTril) through the fused kernel, or `undefined` off the fast path
 * (one float dtype; x [..., d]; loc [d] or x's shape; scaleTril [d, d]).
 * @example
 * ```ts
 * mvnTrilLogProb(np.zeros([2]), np.zeros([2]), np.eye(2)); // -1.837877
 * ```
 */
export function mvnTrilLogProb(x: Tensor, loc: Tensor, scaleTril: Tensor): Tensor | undefined {
  const dtype = x.dtype;
  if ((dtype !== 'float32' && dtype !== 'float64') || loc.dtype !== dtype || scaleTril.dtype !== dtype) return undefined;
  if (x.shape.length < 1 || scaleTril.shape.length !== 2) return undefined;
  const d = x.shape[x.shape.length - 1];
  if (d < 1 || scaleTril.shape[0] !== d || scaleTril.shape[1] !== d) return undefined;
  let locStride: number;
  if (loc.shape.length === 1 && loc.shape[0] === d) locStride = 0;
  else if (sameShape(loc.shape, x.shape)) locStride = d;
  else return undefined;
  return bind(PRIM, [x, loc, scaleTril], { shape: x.shape.slice(0, -1), d, locStride });
}
