/**
 * `tfb.SoftmaxCentered`: R^{k-1} -> the open simplex in R^k, y = softmax([x, 0]) (the
 * appended 0 is the pivot). Inverse: x_i = log y_i - log y_k.
 *
 * log|det J| is TFP's: the Jacobian of x -> y[:k-1] (the free coordinates) has
 * det = prod_i y_i (all k of them), and TFP adds log sqrt(k), the volume factor of the lift
 * y[:k-1] -> y in R^k (the simplex as a surface in R^k):
 *   log|det J| = 0.5 log k + sum x - k softplus(logsumexp(x)).
 * Stable for large |x| (logsumexp/softplus); y = 0 entries (underflow) give -inf in the
 * inverse. Provenance: TFP bijectors/softmax_centered.py.
 */
import { Tensor } from '../np/tensor.js';
import * as np from '../np/index.js';
import { Bijector, type BijectorCommonOptions } from './bijector.js';
import { floatOf } from './float.js';
import { lastSlice } from './ascending.js';

/**
 * Unconstrained R^{k-1} -> simplex in R^k (`tfb.SoftmaxCentered`); min event ndims 1.
 * @example
 * ```ts
 * new tfb.SoftmaxCentered().forward(np.log([2, 3, 4])); // [0.2, 0.3, 0.4, 0.1]
 * new tfb.SoftmaxCentered().inverse([0.2, 0.3, 0.4, 0.1]); // log([2, 3, 4])
 * ```
 */
export class SoftmaxCentered extends Bijector {
  constructor(options: BijectorCommonOptions = {}) {
    super({ forwardMinEventNdims: 1, validateArgs: options.validateArgs, name: options.name ?? 'softmax_centered' });
  }

  protected _forward(x: Tensor): Tensor {
    const xf = floatOf(x);
    return np.softmax(np.pad(xf, [...xf.shape.slice(0, -1).map(() => [0, 0]), [0, 1]]), { axis: -1 });
  }

  protected _inverse(y: Tensor): Tensor {
    const ly = np.log(floatOf(y)), k = ly.shape[ly.ndim - 1];
    if (k < 1) throw new RangeError('SoftmaxCentered: y must have at least 1 element in its last dimension');
    return np.subtract(lastSlice(ly, 0, k - 1), lastSlice(ly, k - 1, k));
  }

  protected _forwardLogDetJacobian(x: Tensor): Tensor {
    const xf = floatOf(x), k = xf.shape[xf.ndim - 1] + 1;
    const lse = np.softplus(np.logsumexp(xf, { axis: -1 }));
    return np.subtract(np.add(np.sum(xf, { axis: -1 }), 0.5 * Math.log(k)), np.multiply(lse, k));
  }

  protected _inverseLogDetJacobian(y: Tensor): Tensor {
    const yf = floatOf(y), k = yf.shape[yf.ndim - 1];
    return np.negative(np.add(np.sum(np.log(yf), { axis: -1 }), 0.5 * Math.log(k)));
  }

  protected _forwardEventShape(shape: number[]): number[] {
    if (shape.length < 1) throw new RangeError('SoftmaxCentered.forwardEventShape: shape must have at least 1 dimension');
    return [...shape.slice(0, -1), shape[shape.length - 1] + 1];
  }

  protected _inverseEventShape(shape: number[]): number[] {
    if (shape.length < 1 || shape[shape.length - 1] < 1) throw new RangeError(`SoftmaxCentered.inverseEventShape: shape must end in a dimension >= 1; got [${shape.join(', ')}]`);
    return [...shape.slice(0, -1), shape[shape.length - 1] - 1];
  }
}
