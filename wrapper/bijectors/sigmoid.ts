/**
 * `tfb.Sigmoid`: y = sigmoid(x), or with bounds y = high sigmoid(x) + low sigmoid(-x)
 * (TFP's form, accurate near both ends). Inverse log(y - low) - log(high - y) (logit when
 * unbounded); y outside [low, high] gives NaN. log|dy/dx| = log(high - low) - softplus(-x)
 * - softplus(x).
 */
import { Tensor } from '../np/tensor.js';
import * as np from '../np/index.js';
import { broadcastShapes } from '../np/shape.js';
import type { ParamInput } from '../util/variable.js';
import { Bijector, type BijectorCommonOptions, type BijectorParameterProperties } from './bijector.js';
import { floatOf } from './float.js';

/** Options of {@link Sigmoid}. */
export interface SigmoidOptions extends BijectorCommonOptions {
  /** Lower bound (default 0; give both or neither). */
  low?: ParamInput;
  /** Upper bound (default 1). */
  high?: ParamInput;
}

/**
 * Maps the reals onto (low, high) (default (0, 1)).
 * @example
 * ```ts
 * new tfb.Sigmoid().forward(0);                        // 0.5
 * new tfb.Sigmoid({ low: -1, high: 3 }).inverse(1);    // 0
 * ```
 */
export class Sigmoid extends Bijector {
  constructor(options: SigmoidOptions = {}) {
    super({ forwardMinEventNdims: 0, validateArgs: options.validateArgs, name: options.name ?? 'sigmoid' });
    if ((options.low === undefined) !== (options.high === undefined)) {
      throw new TypeError('Sigmoid: give both low and high, or neither (the unit interval)');
    }
    this.initParams({ low: options.low, high: options.high });
    if (this.validateArgs && options.low !== undefined) {
      const lo = this.param('low').data(), hi = np.broadcastTo(this.param('high'), broadcastShapes(this.param('low').shape, this.param('high').shape, 'Sigmoid: low and high')).data();
      for (let i = 0; i < hi.length; i++) if (!(lo[lo.length === 1 ? 0 : i] < hi[i])) throw new RangeError(`Sigmoid: low must be less than high; got low=${lo[lo.length === 1 ? 0 : i]}, high=${hi[i]}`);
    }
  }

  get parameterProperties(): Readonly<Record<string, BijectorParameterProperties>> {
    return { low: { eventNdims: 0 }, high: { eventNdims: 0 } };
  }

  private get bounded(): boolean { return this._params.low !== undefined; }

  protected _isIncreasing(): boolean | undefined { return true; }

  protected _forward(x: Tensor): Tensor {
    const xf = floatOf(x, this._paramDtype);
    if (!this.bounded) return np.sigmoid(xf);
    return np.add(np.multiply(this.param('high'), np.sigmoid(xf)), np.multiply(this.param('low'), np.sigmoid(np.negative(xf))));
  }

  protected _inverse(y: Tensor): Tensor {
    const yf = floatOf(y, this._paramDtype);
    if (!this.bounded) return np.subtract(np.log(yf), np.log1p(np.negative(yf)));
    return np.subtract(np.log(np.subtract(yf, this.param('low'))), np.log(np.subtract(this.param('high'), yf)));
  }

  protected _forwardLogDetJacobian(x: Tensor): Tensor {
    const xf = floatOf(x, this._paramDtype);
    const base = np.negative(np.add(np.softplus(np.negative(xf)), np.softplus(xf)));
    return this.bounded ? np.add(base, np.log(np.subtract(this.param('high'), this.param('low')))) : base;
  }

  protected _inverseLogDetJacobian(y: Tensor): Tensor {
    const yf = floatOf(y, this._paramDtype);
    if (!this.bounded) return np.negative(np.add(np.log(yf), np.log1p(np.negative(yf))));
    const lo = this.param('low'), hi = this.param('high');
    return np.subtract(np.log(np.subtract(hi, lo)), np.add(np.log(np.subtract(yf, lo)), np.log(np.subtract(hi, yf))));
  }
}
