/** `tfb.Identity`: y = x, log-det-Jacobian 0. */
import { Tensor } from '../np/tensor.js';
import * as np from '../np/index.js';
import { Bijector, type BijectorCommonOptions } from './bijector.js';

/**
 * The identity map.
 * @example `new tfb.Identity().forward([1, 2]) // [1, 2]`
 */
export class Identity extends Bijector {
  constructor(options: BijectorCommonOptions = {}) {
    super({ forwardMinEventNdims: 0, isConstantJacobian: true, validateArgs: options.validateArgs, name: options.name ?? 'identity' });
  }
  protected _isIncreasing(): boolean | undefined { return true; }
  protected _forward(x: Tensor): Tensor { return x; }
  protected _inverse(y: Tensor): Tensor { return y; }
  protected _forwardLogDetJacobian(x: Tensor): Tensor { return np.zeros([], x.dtype === 'float64' ? 'float64' : 'float32'); }
  protected _inverseLogDetJacobian(y: Tensor): Tensor { return np.zeros([], y.dtype === 'float64' ? 'float64' : 'float32'); }
}
