/**
 * `tfb.NormalCDF`: y = Phi(x), the standard normal cdf, mapping the reals onto (0, 1), as
 * TFP's `tfp.bijectors.NormalCDF` (default name 'normal', as TFP). Inverse Phi^-1(y)
 * (`np.ndtri`: 0 -> -inf, 1 -> inf, outside [0, 1] NaN; with `validateArgs` a RangeError).
 * log|dy/dx| = -x^2 / 2 - log(2 pi) / 2 (the standard normal log density), exact for all x.
 * Accuracy: that of `np.ndtr` / `np.ndtri`.
 */
import { Tensor } from '../np/tensor.js';
import * as np from '../np/index.js';
import { Bijector, type BijectorCommonOptions } from './bijector.js';
import { floatOf } from './float.js';

const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/**
 * y = ndtr(x).
 * @example
 * ```ts
 * new tfb.NormalCDF().forward(0);      // 0.5
 * new tfb.NormalCDF().inverse(0.975);  // 1.9599644
 * ```
 */
export class NormalCDF extends Bijector {
  constructor(options: BijectorCommonOptions = {}) {
    super({ forwardMinEventNdims: 0, validateArgs: options.validateArgs, name: options.name ?? 'normal' });
  }
  protected _isIncreasing(): boolean | undefined { return true; }
  protected _forward(x: Tensor): Tensor { return np.ndtr(floatOf(x)); }
  protected _inverse(y: Tensor): Tensor {
    const yf = floatOf(y);
    if (this.validateArgs) {
      const d = yf.data();
      for (let i = 0; i < d.length; i++) if (!(Number(d[i]) >= 0 && Number(d[i]) <= 1)) throw new RangeError(`NormalCDF: y must be in [0, 1]; got ${d[i]} at index ${i}`);
    }
    return np.ndtri(yf);
  }
  protected _forwardLogDetJacobian(x: Tensor): Tensor {
    return np.subtract(np.multiply(-0.5, np.square(floatOf(x))), HALF_LOG_TWO_PI);
  }
}
