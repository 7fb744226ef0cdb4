/**
 * `tfb.Tanh`: y = tanh(x), mapping the reals onto (-1, 1), as TFP's `tfp.bijectors.Tanh`.
 * Inverse atanh(y) = (log1p(y) - log1p(-y)) / 2 (y = +-1 gives +-inf, |y| > 1 NaN).
 * log|dy/dx| = log(1 - tanh(x)^2) computed as TFP does, 2 (log 2 - x - softplus(-2x)),
 * which stays finite and accurate for large |x| (no cancellation in 1 - tanh^2).
 */
import { Tensor } from '../np/tensor.js';
import * as np from '../np/index.js';
import { Bijector, type BijectorCommonOptions } from './bijector.js';
import { floatOf } from './float.js';

const LOG2 = Math.log(2);

/**
 * y = tanh(x).
 * @example
 * ```ts
 * new tfb.Tanh().forward(0);                 // 0
 * new tfb.Tanh().inverse(0.5);               // 0.54930615
 * new tfb.Tanh().forwardLogDetJacobian(0);   // 0
 * ```
 */
export class Tanh extends Bijector {
  constructor(options: BijectorCommonOptions = {}) {
    super({ forwardMinEventNdims: 0, validateArgs: options.validateArgs, name: options.name ?? 'tanh' });
  }
  protected _isIncreasing(): boolean | undefined { return true; }
  protected _forward(x: Tensor): Tensor { return np.tanh(floatOf(x)); }
  protected _inverse(y: Tensor): Tensor {
    const yf = floatOf(y);
    return np.multiply(0.5, np.subtract(np.log1p(yf), np.log1p(np.negative(yf))));
  }
  protected _forwardLogDetJacobian(x: Tensor): Tensor {
    const xf = floatOf(x);
    return np.multiply(2, np.subtract(np.subtract(LOG2, xf), np.softplus(np.multiply(-2, xf))));
  }
}
