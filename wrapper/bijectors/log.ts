/**
 * `tfb.Log`: y = log(x), the inverse of `Exp` (TFP's `tfp.bijectors.Log`, which is
 * `Invert(Exp())` named 'log'). Inverse exp(y); log|dy/dx| = -log x; log|dx/dy| = y.
 * x = 0 gives -inf (log-det-Jacobian +inf); negative x gives NaN.
 */
import { Tensor } from '../np/tensor.js';
import * as np from '../np/index.js';
import { Bijector, type BijectorCommonOptions } from './bijector.js';
import { floatOf } from './float.js';

/**
 * y = log(x).
 * @example
 * ```ts
 * new tfb.Log().forward(Math.E);             // 1
 * new tfb.Log().inverse(0);                  // 1
 * new tfb.Log().forwardLogDetJacobian(2);    // -log 2
 * ```
 */
export class Log extends Bijector {
  constructor(options: BijectorCommonOptions = {}) {
    super({ forwardMinEventNdims: 0, validateArgs: options.validateArgs, name: options.name ?? 'log' });
  }
  protected _isIncreasing(): boolean | undefined { return true; }
  protected _forward(x: Tensor): Tensor { return np.log(floatOf(x)); }
  protected _inverse(y: Tensor): Tensor { return np.exp(floatOf(y)); }
  protected _forwardLogDetJacobian(x: Tensor): Tensor { return np.negative(np.log(floatOf(x))); }
  protected _inverseLogDetJacobian(y: Tensor): Tensor { return floatOf(y); }
}
