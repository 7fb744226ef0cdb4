/**
 * The machinery shared by the fused log-prob primitives (./normal.ts, ./gamma.ts, ...):
 * one wasm kernel call computes log p(x) for every element, and, in the same pass, the
 * partial derivatives with respect to every input that a gradient trace will ask for.
 *
 * Fast path: all inputs of one float dtype, each either a single value (size 1: stride 0 in
 * the kernel), exactly the broadcast output shape (stride 1), or the output's trailing dims
 * (a parameter repeated over leading sample or chain dims: broadcast with np.broadcastTo
 * first, then stride 1). Any other layout makes {@link fusedLogProb} return `undefined` and
 * the family falls back to its np-op formula.
 *
 * Gradients: when a tensor that a live trace follows enters the primitive, the kernel also
 * writes the needed partials, kept with the output (a WeakMap: freed with the tape); the
 * VJP multiplies them by the cotangent and sums stride-0 inputs back to their shape. If the
 * VJP itself is being differentiated (grad of grad), it uses the family's partials written
 * with np ops instead, so higher derivatives are exact. Kernel contracts (formulas, NaN
 * behaviour, error budgets): assembly/kernels/{normal,gamma,student_t,beta,poisson}.ts.
 */
import type { DType } from '../../types/dtype.js';
import { Tensor } from '../../np/tensor.js';
import { bind, definePrimitive, sameShape, type Primitive } from '../../np/primitive.js';
import { withCore, stage, reserve, collect } from '../../np/kernel_io.js';
import { broadcastShapes, sizeOf } from '../../np/shape.js';
import { broadcastInto } from '../../np/prims/structural.js';
import { sumToShape } from '../../np/ops/shape_internal.js';
import { activeTraces, nodeIn } from '../../autodiff/trace.js';
import * as np from '../../np/index.js';
import type { CoreExports } from '../../runtime/exports.js';

/**
 * What a family declares to get a fused primitive.
 * @example
 * ```ts
 * const SPEC: FusedSpec = { name: 'normal_log_prob', inputs: ['x', 'loc', 'scale'],
 *   kernel: (ex, f32) => (f32 ? ex.normalLogProbF32 : ex.normalLogProbF64), partials };
 * ```
 */
export interface FusedSpec {
  /** Primitive name, e.g. 'normal_log_prob'. */
  readonly name: string;
  /** Input names in kernel order, x first (e.g. ['x', 'loc', 'scale']). */
  readonly inputs: readonly string[];
  /** The kernel for a dtype: (p0, s0, p1, s1, ..., out, d0, d1, ..., n). */
  kernel(ex: CoreExports, f32: boolean): (...args: number[]) => void;
  /**
   * The partials d lp / d input_i written with np ops (broadcast shape), for inputs with
   * `needs[i]`; used only when the VJP is itself differentiated.
   */
  partials(inputs: readonly Tensor[], needs: readonly boolean[]): readonly (Tensor | null)[];
}

interface Params { readonly shape: readonly number[]; readonly strides: readonly number[] }

/** Partials computed by the forward pass, keyed by its output tensor. */
const residuals = new WeakMap<Tensor, (Tensor | null)[]>();

/** Runs the kernel; returns log p and the partials asked for (null elsewhere). */
function runKernel(spec: FusedSpec, ins: readonly Tensor[], p: Params, dtype: DType, want: readonly boolean[]): [Tensor, (Tensor | null)[]] {
  return withCore((c) => {
    const args: number[] = [];
    ins.forEach((t, i) => { args.push(stage(c, t), p.strides[i]); });
    const out = reserve(c, dtype, p.shape);
    const dptr = want.map((w) => (w ? reserve(c, dtype, p.shape) : 0));
    spec.kernel(c.ex, dtype === 'float32')(...args, out, ...dptr, sizeOf(p.shape));
    return [collect(c, dtype, p.shape, out), dptr.map((d) => (d ? collect(c, dtype, p.shape, d) : null))];
  });
}

/** Whether `t` is followed by one of the active traces. */
const traced = (t: Tensor): boolean => activeTraces().some((tr) => nodeIn(t, tr) !== undefined);

const prims = new Map<string, Primitive<Params>>();

/**
 * The primitive for a spec (made once per name); its params are the broadcast output shape
 * and each input's stride (0 or 1).
 * @example
 * ```ts
 * bind(fusedPrimitive(SPEC), [x, loc, scale], { shape: x.shape, strides: [1, 0, 0] });
 * ```
 */
export function fusedPrimitive(spec: FusedSpec): Primitive<Params> {
  let prim = prims.get(spec.name);
  if (prim) return prim;
  prim = definePrimitive<Params>({
    name: spec.name,
    abstractEval: (avals, p) => ({ shape: p.shape, dtype: avals[0].dtype }),
    impl: (ins, p, aval) => {
      const want = ins.map(traced);
      const [lp, parts] = runKernel(spec, ins, p, aval.dtype, want);
      if (want.some(Boolean)) residuals.set(lp, parts);
      return lp;
    },
    vjp: (g, ins, out, p, needs) => {
      let parts: readonly (Tensor | null)[];
      if (traced(g) || ins.some(traced)) {
        // The backward pass is itself traced: differentiable np-op partials.
        parts = spec.partials(ins, needs);
      } else {
        const kept = residuals.get(out);
        parts = kept && needs.every((nd, i) => !nd || kept[i]) ? kept : runKernel(spec, ins, p, out.dtype, needs)[1];
      }
      return needs.map((nd, i) => (nd && parts[i] ? sumToShape(np.multiply(g, parts[i]!), ins[i].shape) : null));
    },
  });
  prims.set(spec.name, prim);
  return prim;
}

const repeated = new WeakMap<Tensor, Tensor>();
/** `t` (shape = trailing dims of `shape`) repeated over the leading dims of `shape`, cached per tensor. */
function repeatLeading(t: Tensor, shape: readonly number[]): Tensor {
  const hit = repeated.get(t);
  if (hit && sameShape(hit.shape, shape)) return hit;
  const src = t._data;
  const out = new (src.constructor as new (n: number) => typeof src)(sizeOf(shape)); // own buffer: kept in the cache
  broadcastInto(src, t.shape, out, shape);
  const r = new Tensor(out, [...shape], t.dtype);
  repeated.set(t, r);
  return r;
}

/** Whether `s` equals the trailing dims of `shape`. */
function isSuffix(s: readonly number[], shape: readonly number[]): boolean {
  if (s.length > shape.length) return false;
  const off = shape.length - s.length;
  return s.every((v, i) => v === shape[off + i]);
}

/**
 * log p through the fused kernel, or `undefined` when the inputs are not on the fast path
 * (mixed dtypes, a non-float dtype, or an input that is neither a single value, the full
 * broadcast shape, nor its trailing dims).
 * @example
 * ```ts
 * fusedLogProb(SPEC, [np.array([0, 1]), np.array(0), np.array(1)]); // [-0.9189385, -1.4189385]
 * fusedLogProb(SPEC, [np.zeros([3, 1]), np.zeros([4]), np.array(1)]); // undefined (general broadcast)
 * ```
 */
export function fusedLogProb(spec: FusedSpec, ins: readonly Tensor[]): Tensor | undefined {
  const dtype = ins[0].dtype;
  if (dtype !== 'float32' && dtype !== 'float64') return undefined;
  if (ins.some((t) => t.dtype !== dtype)) return undefined;
  let shape: number[] = [];
  try {
    for (const t of ins) shape = broadcastShapes(shape, t.shape);
  } catch {
    return undefined; // the np-op formula reports the shape error
  }
  const strides: number[] = [];
  let args = ins;
  for (let i = 0; i < ins.length; i++) {
    const t = ins[i];
    if (t.size === 1) strides.push(0);
    else if (sameShape(t.shape, shape)) strides.push(1);
    else if (isSuffix(t.shape, shape)) {
      // an input repeated along leading dims (e.g. loc [4, 3] against x [chains, 4, 3]):
      // materialized, then stride 1: with np.broadcastTo when a trace follows it (its VJP
      // sums back), else as a plain cached copy (a constant parameter: no op, no tape entry)
      if (args === ins) args = [...ins];
      (args as Tensor[])[i] = traced(t) ? np.broadcastTo(t, shape) : repeatLeading(t, shape);
      strides.push(1);
    } else return undefined;
  }
  return bind(fusedPrimitive(spec), args, { shape, strides });
}
