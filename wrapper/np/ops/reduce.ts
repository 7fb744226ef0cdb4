/** Reductions: sum, mean, prod, max, min, argmax, argmin, logsumexp, var, std. */
import type { ArrayLike } from '../../types/dtype.js';
import { Tensor } from '../tensor.js';
import { bind } from '../primitive.js';
import { asTensor, isFloat } from '../asarray.js';
import { normalizeAxes } from '../shape.js';
import { defaultFloat } from '../../config.js';
import { reduceSumPrim, reduceProdPrim, reduceMaxPrim, reduceMinPrim, argmaxPrim, argminPrim, logsumexpPrim } from '../prims/reduce.js';
import { reshape } from './shape.js';
import { keepDims } from './shape_internal.js';
import * as ops from './elementwise.js';
import type { Primitive } from '../primitive.js';
import type { ReduceParams } from '../prims/reduce.js';

/** Options of reductions. */
export interface ReduceOptions {
  /** Axis or axes to reduce (default: all). Negative counts from the end. */
  axis?: number | readonly number[] | null;
  /** Keep reduced axes as length 1. */
  keepdims?: boolean;
}

function reduce(prim: Primitive<ReduceParams>, what: string, a: ArrayLike, o: ReduceOptions, floatify = false): Tensor {
  let t = asTensor(a, undefined, 'a');
  if (floatify && !isFloat(t.dtype)) t = ops.astype(t, defaultFloat());
  if (t.dtype === 'bool' && what !== 'max' && what !== 'min') t = ops.astype(t, 'int32');
  const axes = normalizeAxes(o.axis, t.shape.length, what);
  const r = axes.length ? bind(prim, [t], { axes }) : t;
  return o.keepdims ? keepDims(r, t.shape, axes) : r;
}

/** Sum over axes. @example `np.sum([[1, 2], [3, 4]], { axis: 0 }) // [4., 6.]` */
export const sum = (a: ArrayLike, o: ReduceOptions = {}): Tensor => reduce(reduceSumPrim, 'sum', a, o);
/** Product over axes. @example `np.prod([1, 2, 3])` */
export const prod = (a: ArrayLike, o: ReduceOptions = {}): Tensor => reduce(reduceProdPrim, 'prod', a, o);
/** Maximum over axes (NaN-propagating). @example `np.max([1, 3, 2])` */
export const max = (a: ArrayLike, o: ReduceOptions = {}): Tensor => reduce(reduceMaxPrim, 'max', a, o);
/** Minimum over axes (NaN-propagating). @example `np.min([1, 3, 2])` */
export const min = (a: ArrayLike, o: ReduceOptions = {}): Tensor => reduce(reduceMinPrim, 'min', a, o);

/** Index of the maximum along one axis (first occurrence; flattened when axis is omitted). @example `np.argmax([1, 3, 2]) // 1` */
export function argmax(a: ArrayLike, o: { axis?: number; keepdims?: boolean } = {}): Tensor {
  return argReduce(argmaxPrim, 'argmax', a, o);
}
/** Index of the minimum along one axis. @example `np.argmin([1, 3, 0]) // 2` */
export function argmin(a: ArrayLike, o: { axis?: number; keepdims?: boolean } = {}): Tensor {
  return argReduce(argminPrim, 'argmin', a, o);
}
function argReduce(prim: Primitive<ReduceParams>, what: string, a: ArrayLike, o: { axis?: number; keepdims?: boolean }): Tensor {
  let t = asTensor(a, undefined, 'a');
  if (o.axis === undefined) t = reshape(t, [t.size]);
  const axis = o.axis === undefined ? 0 : o.axis;
  const axes = normalizeAxes(axis, t.shape.length, what);
  const r = bind(prim, [t], { axes });
  return o.keepdims ? keepDims(r, t.shape, axes) : r;
}

/** Arithmetic mean over axes. @example `np.mean([1, 2, 3, 4]) // 2.5` */
export function mean(a: ArrayLike, o: ReduceOptions = {}): Tensor {
  const t = asTensor(a, undefined, 'a');
  const axes = normalizeAxes(o.axis, t.shape.length, 'mean');
  const n = axes.reduce((acc, ax) => acc * t.shape[ax], 1);
  return ops.divide(reduce(reduceSumPrim, 'mean', t, o, true), n);
}

/** Variance over axes (`ddof` degrees of freedom). @example `np.var([1, 2, 3, 4]) // 1.25` */
export function variance(a: ArrayLike, o: ReduceOptions & { ddof?: number } = {}): Tensor {
  const t = asTensor(a, undefined, 'a');
  const axes = normalizeAxes(o.axis, t.shape.length, 'var');
  const n = axes.reduce((acc, ax) => acc * t.shape[ax], 1);
  const mu = mean(t, { axis: axes, keepdims: true });
  const d = ops.subtract(t, mu);
  return ops.divide(sum(ops.square(d), { axis: axes, keepdims: o.keepdims }), n - (o.ddof ?? 0));
}
export { variance as var };

/** Standard deviation over axes. @example `np.std([1, 2, 3, 4])` */
export const std = (a: ArrayLike, o: ReduceOptions & { ddof?: number } = {}): Tensor => ops.sqrt(variance(a, o));

/**
 * `log(sum(exp(a)))` over axes, computed stably (max-shifted; all -inf gives -inf).
 * @example `np.logsumexp([0, 0]) // log 2`
 */
export function logsumexp(a: ArrayLike, o: ReduceOptions = {}): Tensor {
  let t = asTensor(a, undefined, 'a');
  if (!isFloat(t.dtype)) t = ops.astype(t, defaultFloat());
  const axes = normalizeAxes(o.axis, t.shape.length, 'logsumexp');
  // one fused wasm pass (max-shifted; all -inf gives -inf, +inf gives +inf)
  const r = axes.length ? bind(logsumexpPrim, [t], { axes }) : t;
  return o.keepdims ? keepDims(r, t.shape, axes) : r;
}

