/**
 * `tfb.Reciprocal`: y = 1 / x, its own inverse, as TFP's `tfp.bijectors.Reciprocal`.
 * log|dy/dx| = -2 log|x| (and log|dx/dy| = -2 log|y|). x = 0 maps to +-inf with a
 * log-det-Jacobian of +inf (with `validateArgs`: a RangeError). Decreasing on each half
 * line, so a `TransformedDistribution` swaps cdf and survival function. One rounding.
 */
import { Tensor } from '../np/tensor.js';
import * as np from '../np/index.js';
import { Bijector, type BijectorCommonOptions } from './bijector.js';
import { floatOf } from './float.js';

/**
 * y = 1 / x.
 * @example
 * ```ts
 * new tfb.Reciprocal().forward([1, 2, 4]);   // [1, 0.5, 0.25]
 * new tfb.Reciprocal().inverse(0.5);         // 2
 * ```
 */
export class Reciprocal extends Bijector {
  constructor(options: BijectorCommonOptions = {}) {
    super({ forwardMinEventNdims: 0, validateArgs: options.validateArgs, name: options.name ?? 'reciprocal' });
  }
  protected _isIncreasing(): boolean | undefined { return false; }
  protected _forward(x: Tensor): Tensor { return np.reciprocal(this.nonZero(floatOf(x), 'x')); }
  protected _inverse(y: Tensor): Tensor { return np.reciprocal(this.nonZero(floatOf(y), 'y')); }
  protected _forwardLogDetJacobian(x: Tensor): Tensor { return np.multiply(-2, np.log(np.abs(this.nonZero(floatOf(x), 'x')))); }
  protected _inverseLogDetJacobian(y: Tensor): Tensor { return np.multiply(-2, np.log(np.abs(this.nonZero(floatOf(y), 'y')))); }
  private nonZero(t: Tensor, arg: string): Tensor {
    if (this.validateArgs) {
      const d = t.data();
      for (let i = 0; i < d.length; i++) if (Number(d[i]) === 0) throw new RangeError(`Reciprocal: ${arg} must be non-zero; got 0 at index ${i}`);
    }
    return t;
  }
}
