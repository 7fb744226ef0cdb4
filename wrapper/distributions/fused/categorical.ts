/**
 * Fused Categorical log-probability: `lp = logits[t] - logsumexp(logits)` with t = trunc(k)
 * (TFP's cast), -inf for t outside {0, ..., K-1} or NaN, in one wasm pass (kernel
 * assembly/kernels/categorical.ts: formulas, NaN behaviour, error budget). The logits are
 * one shared row [K] or one row per point [...batch, K]; k is int32, float32 or float64 and
 * broadcasts against the batch (labels [N] against logits [chains, N, K] are repeated per
 * chain with a plain copy, cached per labels tensor: the labels are not differentiable).
 *
 * Gradient (w.r.t. logits only; k is not differentiable): when the logits are followed by
 * a live trace, the forward pass also writes softmax per row (d lp / d logits = onehot(t) -
 * softmax), kept with the output; the VJP kernel combines it with the cotangent in one pass
 * (a shared row sums over points). If the VJP is itself differentiated, it is written with
 * np ops instead, so higher derivatives are exact.
 */
import type { DType } from '../../types/dtype.js';
import { Tensor } from '../../np/tensor.js';
import { bind, definePrimitive, sameShape, type Primitive } from '../../np/primitive.js';
import { withCore, stage, reserve, collect } from '../../np/kernel_io.js';
import { broadcastShapes } from '../../np/shape.js';
import { activeTraces, nodeIn } from '../../autodiff/trace.js';
import * as np from '../../np/index.js';

interface Params { readonly shape: readonly number[]; readonly rowStride: number; readonly classes: number; readonly kind: number }

const KIND: Partial<Record<DType, number>> = { int32: 0, float32: 1, float64: 2 };
const residuals = new WeakMap<Tensor, Tensor>();
const traced = (t: Tensor): boolean => activeTraces().some((tr) => nodeIn(t, tr) !== undefined);

function forward(logits: Tensor, k: Tensor, p: Params, wantProbs: boolean): [Tensor, Tensor | null] {
  const dtype = logits.dtype;
  return withCore((c) => {
    const pl = stage(c, logits), pk = stage(c, k);
    const out = reserve(c, dtype, p.shape);
    const probs = wantProbs ? reserve(c, dtype, logits.shape) : 0;
    const n = k.size;
    (dtype === 'float32' ? c.ex.categoricalLogProbF32 : c.ex.categoricalLogProbF64)(pl, p.rowStride, p.classes, pk, p.kind, out, probs, n);
    return [collect(c, dtype, p.shape, out), probs ? collect(c, dtype, logits.shape, probs) : null];
  });
}

/** d lp / d logits with np ops (differentiable): g (onehot(t) - softmax), summed to logits' shape. */
function npVjp(g: Tensor, logits: Tensor, k: Tensor, p: Params): Tensor {
  const kf = np.astype(k, 'float64');
  const kt = np.where(np.less(kf, 0), np.ceil(kf), np.floor(kf));
  const valid = np.where(np.greaterEqual(kt, 0), np.less(kt, p.classes), false);
  const oh = np.oneHot(np.astype(np.where(valid, kt, 0), 'int32'), p.classes, { dtype: logits.dtype });
  const d = np.subtract(oh, np.softmax(logits, { axis: -1 }));
  const gv = np.expandDims(np.where(valid, g, 0), -1);
  const full = np.multiply(gv, d);
  return p.rowStride ? full : np.reshape(np.sum(np.reshape(full, [-1, p.classes]), { axis: 0 }), logits.shape);
}

const PRIM: Primitive<Params> = definePrimitive<Params>({
  name: 'categorical_log_prob',
  abstractEval: (avals, p) => ({ shape: p.shape, dtype: avals[0].dtype }),
  impl: (ins, p) => {
    const want = traced(ins[0]);
    const [lp, probs] = forward(ins[0], ins[1], p, want);
    if (probs) residuals.set(lp, probs);
    return lp;
  },
  vjp: (g, ins, out, p, needs) => {
    if (!needs[0]) return [null, null];
    const [logits, k] = ins;
    if (traced(g) || traced(logits)) return [npVjp(g, logits, k, p), null];
    const probs = residuals.get(out) ?? forward(logits, k, p, true)[1]!;
    const dtype = logits.dtype;
    const gl = withCore((c) => {
      const pp = stage(c, probs), pk = stage(c, k), pg = stage(c, np.astype(g, dtype));
      const po = reserve(c, dtype, logits.shape), acc = c.ws.alloc(8 * p.classes);
      (dtype === 'float32' ? c.ex.categoricalLogProbVjpF32 : c.ex.categoricalLogProbVjpF64)(pp, p.rowStride, p.classes, pk, p.kind, pg, po, acc, k.size);
      return collect(c, dtype, logits.shape, po);
    });
    return [gl, null];
  },
});

/** Labels broadcast to `shape` (plain JS copy: labels are not differentiable), cached per labels tensor. */
const broadcastCache = new WeakMap<Tensor, { shape: readonly number[]; out: Tensor }>();
function broadcastLabels(k: Tensor, shape: readonly number[]): Tensor {
  const hit = broadcastCache.get(k);
  if (hit && sameShape(hit.shape, shape)) return hit.out;
  const src = k._data as unknown as { length: number; [i: number]: number };
  const n = shape.reduce((a, b) => a * b, 1);
  const data = new (src.constructor as new (n: number) => typeof src)(n);
  if (k.size === 1) {
    for (let i = 0; i < n; i++) data[i] = src[0];
  } else {
    // k's shape is a suffix of `shape` once its leading 1s are dropped, or broadcasts in general:
    // general NumPy broadcasting by strides
    const nd = shape.length, ks = [...Array(nd - k.shape.length).fill(1), ...k.shape];
    const kStride = new Array<number>(nd);
    for (let d = nd - 1, s = 1; d >= 0; d--) { kStride[d] = ks[d] === 1 ? 0 : s; s *= ks[d]; }
    const idx = new Array<number>(nd).fill(0);
    let off = 0;
    for (let i = 0; i < n; i++) {
      data[i] = src[off];
      for (let d = nd - 1; d >= 0; d--) {
        idx[d]++; off += kStride[d];
        if (idx[d] < shape[d]) break;
        off -= kStride[d] * shape[d]; idx[d] = 0;
      }
    }
  }
  const out = new Tensor(data as never, [...shape], k.dtype);
  broadcastCache.set(k, { shape: [...shape], out });
  return out;
}

/**
 * log Categorical(k | logits) through the fused kernel, or `undefined` off the fast path
 * (float logits of shape [K] or [...batch, K] with K >= 1, k int32, float32 or float64
 * broadcasting against the logits' batch shape: labels [N] against logits [C, N, K] are
 * copied to [C, N], logits [N, K] against labels [C, N] are broadcast with np ops).
 * @example
 * ```ts
 * categoricalLogProbFused(np.array([0, 0]), np.array([1, 2], 'int32')); // [-0.6931472, -inf]
 * ```
 */
export function categoricalLogProbFused(logits: Tensor, k: Tensor): Tensor | undefined {
  const dtype = logits.dtype;
  if (dtype !== 'float32' && dtype !== 'float64') return undefined;
  const kind = KIND[k.dtype];
  if (kind === undefined || logits.shape.length === 0) return undefined;
  const classes = logits.shape[logits.shape.length - 1];
  if (classes < 1) return undefined;
  if (logits.shape.length === 1) return bind(PRIM, [logits, k], { shape: [...k.shape], rowStride: 0, classes, kind });
  const lb = logits.shape.slice(0, -1);
  let out: number[];
  if (sameShape(lb, k.shape)) out = lb;
  else {
    try { out = broadcastShapes(lb, k.shape); } catch { return undefined; } // the np-op formula reports it
    if (!sameShape(out, lb)) logits = np.broadcastTo(logits, [...out, classes]);
    if (!sameShape(out, k.shape)) k = broadcastLabels(k, out);
  }
  return bind(PRIM, [logits, k], { shape: [...out], rowStride: classes, classes, kind });
}
