/**
 * `tfb.Ascending`: R^n -> strictly increasing vectors, y_0 = x_0 and
 * y_i = y_{i-1} + exp(x_i) (a cumulative sum). Inverse: x_0 = y_0,
 * x_i = log(y_i - y_{i-1}); non-increasing y gives -inf/NaN there.
 * log|det J| = sum_{i>=1} x_i (the Jacobian is triangular). Rounding: the cumulative sum
 * loses the small increments when |y| >> exp(x_i), as any float increasing sequence must.
 * Provenance: TFP bijectors/ascending.py.
 */
import { Tensor } from '../np/tensor.js';
import * as np from '../np/index.js';
import { Bijector, type BijectorCommonOptions } from './bijector.js';
import { floatOf } from './float.js';

/** @internal `t[..., start:end]`. */
export const lastSlice = (t: Tensor, start: number, end: number): Tensor =>
  np.slice(t, t.shape.map((_, i) => (i === t.ndim - 1 ? start : 0)), t.shape.map((d, i) => (i === t.ndim - 1 ? end : d)));

/** @internal y -> x of Ascending (Ordered's forward). */
export function ascendingInverse(y: Tensor): Tensor {
  const n = y.shape[y.ndim - 1];
  if (n === 0) return y;
  return np.concatenate([lastSlice(y, 0, 1), np.log(np.subtract(lastSlice(y, 1, n), lastSlice(y, 0, n - 1)))], -1);
}

/** @internal log|det J| of Ascending's inverse at y. */
export function ascendingIldj(y: Tensor): Tensor {
  const n = y.shape[y.ndim - 1];
  if (n <= 1) return np.zeros(y.shape.slice(0, -1), y.dtype);
  return np.negative(np.sum(np.log(np.subtract(lastSlice(y, 1, n), lastSlice(y, 0, n - 1))), { axis: -1 }));
}

/** @internal x -> y of Ascending (Ordered's inverse). */
export function ascendingForward(x: Tensor): Tensor {
  const n = x.shape[x.ndim - 1];
  if (n === 0) return x;
  return np.cumsum(np.concatenate([lastSlice(x, 0, 1), np.exp(lastSlice(x, 1, n))], -1), { axis: -1 });
}

/** @internal log|det J| of Ascending's forward at x. */
export function ascendingFldj(x: Tensor): Tensor {
  const n = x.shape[x.ndim - 1];
  return np.sum(lastSlice(x, Math.min(1, n), n), { axis: -1 });
}

/**
 * Unconstrained vector -> ascending vector (`tfb.Ascending`); min event ndims 1.
 * @example
 * ```ts
 * new tfb.Ascending().forward([2, 0, 0]);   // [2, 3, 4]
 * new tfb.Ascending().inverse([2, 3, 4]);   // [2, 0, 0]
 * ```
 */
export class Ascending extends Bijector {
  constructor(options: BijectorCommonOptions = {}) {
    super({ forwardMinEventNdims: 1, validateArgs: options.validateArgs, name: options.name ?? 'ascending' });
  }
  protected _forward(x: Tensor): Tensor { return ascendingForward(floatOf(x)); }
  protected _inverse(y: Tensor): Tensor { return ascendingInverse(floatOf(y)); }
  protected _forwardLogDetJacobian(x: Tensor): Tensor { return ascendingFldj(floatOf(x)); }
  protected _inverseLogDetJacobian(y: Tensor): Tensor { return ascendingIldj(floatOf(y)); }
}
