/**
 * `tfb.Exp`: y = exp(x); log|dy/dx| = x; inverse log(y) (log(0) = -inf, negative y NaN).
 */
import { Tensor } from '../np/tensor.js';
import * as np from '../np/index.js';
import { Bijector, type BijectorCommonOptions } from './bijector.js';
import { floatOf } from './float.js';

/**
 * y = exp(x).
 * @example
 * ```ts
 * new tfb.Exp().inverse([0, 1, 2, 3]); // [-inf, 0, 0.6931472, 1.0986123]
 * new tfb.Exp().forwardLogDetJacobian(2); // 2
 * ```
 */
export class Exp extends Bijector {
  constructor(options: BijectorCommonOptions = {}) {
    super({ forwardMinEventNdims: 0, validateArgs: options.validateArgs, name: options.name ?? 'exp' });
  }
  protected _isIncreasing(): boolean | undefined { return true; }
  protected _forward(x: Tensor): Tensor { return np.exp(floatOf(x)); }
  protected _inverse(y: Tensor): Tensor { return np.log(floatOf(y)); }
  protected _forwardLogDetJacobian(x: Tensor): Tensor { return floatOf(x); }
  protected _inverseLogDetJacobian(y: Tensor): Tensor { return np.negative(np.log(floatOf(y))); }
}
