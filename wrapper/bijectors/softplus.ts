/**
 * `tfb.Softplus`: y = c softplus(x / c) + low, with hinge softness c (default 1) and lower
 * bound low (default 0). Inverse x = c log(expm1(z)) computed as c (z + log(-expm1(-z)))
 * with z = (y - low) / c, accurate for tiny and large z; y <= low gives -inf/NaN.
 * log|dy/dx| = log sigmoid(x / c) = -softplus(-x / c).
 */
import { Tensor } from '../np/tensor.js';
import * as np from '../np/index.js';
import type { ParamInput } from '../util/variable.js';
import { Bijector, type BijectorCommonOptions, type BijectorParameterProperties } from './bijector.js';
import { floatOf } from './float.js';

/** Options of {@link Softplus}. */
export interface SoftplusOptions extends BijectorCommonOptions {
  /** c > 0: softness of the hinge (default 1; smaller is closer to relu). */
  hingeSoftness?: ParamInput;
  /** Lower bound of the range (default 0). */
  low?: ParamInput;
}

/**
 * y = softplus(x) (TFP's Softplus, with `hingeSoftness` and `low`).
 * @example
 * ```ts
 * new tfb.Softplus().forward(0);                    // 0.6931472
 * new tfb.Softplus({ hingeSoftness: 0.5 }).inverse(1);
 * ```
 */
export class Softplus extends Bijector {
  constructor(options: SoftplusOptions = {}) {
    super({ forwardMinEventNdims: 0, validateArgs: options.validateArgs, name: options.name ?? 'softplus' });
    this.initParams({ hingeSoftness: options.hingeSoftness, low: options.low });
    if (this.validateArgs && options.hingeSoftness !== undefined) {
      const d = this.param('hingeSoftness').data();
      for (let i = 0; i < d.length; i++) if (!(d[i] > 0)) throw new RangeError(`Softplus: hingeSoftness must be positive; got ${d[i]}`);
    }
  }

  get parameterProperties(): Readonly<Record<string, BijectorParameterProperties>> {
    return { hingeSoftness: { eventNdims: 0 }, low: { eventNdims: 0 } };
  }

  private get c(): Tensor | undefined { return this._params.hingeSoftness === undefined ? undefined : this.param('hingeSoftness'); }
  private get low(): Tensor | undefined { return this._params.low === undefined ? undefined : this.param('low'); }

  protected _isIncreasing(): boolean | undefined { return true; }

  protected _forward(x: Tensor): Tensor {
    const xf = floatOf(x, this._paramDtype), c = this.c, low = this.low;
    const y = c === undefined ? np.softplus(xf) : np.multiply(c, np.softplus(np.divide(xf, c)));
    return low === undefined ? y : np.add(y, low);
  }

  protected _inverse(y: Tensor): Tensor {
    const z = this.z(y), c = this.c;
    const x = np.add(z, np.log(np.negative(np.expm1(np.negative(z)))));
    return c === undefined ? x : np.multiply(c, x);
  }

  protected _forwardLogDetJacobian(x: Tensor): Tensor {
    const xf = floatOf(x, this._paramDtype), c = this.c;
    return np.negative(np.softplus(np.negative(c === undefined ? xf : np.divide(xf, c))));
  }

  protected _inverseLogDetJacobian(y: Tensor): Tensor {
    return np.negative(np.log(np.negative(np.expm1(np.negative(this.z(y))))));
  }

  private z(y: Tensor): Tensor {
    const yf = floatOf(y, this._paramDtype), c = this.c, low = this.low;
    const s = low === undefined ? yf : np.subtract(yf, low);
    return c === undefined ? s : np.divide(s, c);
  }
}
