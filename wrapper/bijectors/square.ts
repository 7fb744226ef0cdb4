/**
 * `tfb.Square`: y = x^2 on x >= 0, as TFP's `tfp.bijectors.Square`. Inverse sqrt(y);
 * log|dy/dx| = log 2 + log x; log|dx/dy| = -log 2 - log(y) / 2. Negative x is outside the
 * domain: forward still squares it, the log-det-Jacobian is NaN (with `validateArgs`: a
 * RangeError); negative y gives NaN. x = 0 gives a log-det-Jacobian of -inf. One or two
 * roundings per value.
 */
import { Tensor } from '../np/tensor.js';
import * as np from '../np/index.js';
import { Bijector, type BijectorCommonOptions } from './bijector.js';
import { floatOf } from './float.js';

const LOG2 = Math.log(2);

/**
 * y = x^2 for x >= 0.
 * @example
 * ```ts
 * new tfb.Square().forward([1, 2, 3]);          // [1, 4, 9]
 * new tfb.Square().inverse(9);                  // 3
 * new tfb.Square().forwardLogDetJacobian(1);    // log 2
 * ```
 */
export class Square extends Bijector {
  constructor(options: BijectorCommonOptions = {}) {
    super({ forwardMinEventNdims: 0, validateArgs: options.validateArgs, name: options.name ?? 'square' });
  }
  protected _isIncreasing(): boolean | undefined { return true; }
  protected _forward(x: Tensor): Tensor { return np.square(this.nonNegative(floatOf(x), 'x')); }
  protected _inverse(y: Tensor): Tensor { return np.sqrt(this.nonNegative(floatOf(y), 'y')); }
  protected _forwardLogDetJacobian(x: Tensor): Tensor { return np.add(np.log(this.nonNegative(floatOf(x), 'x')), LOG2); }
  protected _inverseLogDetJacobian(y: Tensor): Tensor {
    return np.subtract(np.multiply(-0.5, np.log(this.nonNegative(floatOf(y), 'y'))), LOG2);
  }
  private nonNegative(t: Tensor, arg: string): Tensor {
    if (this.validateArgs) {
      const d = t.data();
      for (let i = 0; i < d.length; i++) if (!(Number(d[i]) >= 0)) throw new RangeError(`Square: ${arg} must be non-negative; got ${d[i]} at index ${i}`);
    }
    return t;
  }
}
