/**
 * The half-normal distribution, as `tfd.HalfNormal` on JAX: |Z| scale with Z standard
 * normal, support [0, inf).
 *
 * Math (TFP's formulas): log p(x) = -0.5 (x/scale)^2 - log(scale) - 0.5 log(pi/2) for
 * x >= 0 and -inf below 0; cdf = erf(relu(x)/(scale sqrt 2)); sf = erfc(...); mean =
 * scale sqrt(2/pi); variance = scale^2 (1 - 2/pi); entropy = 0.5 log(pi scale^2 / 2) + 0.5;
 * quantile = sqrt(2) scale erfinv(p); mode 0. log sf is log(2) + logNdtr(-x/scale) (stable
 * in the far tail where TFP's log(erfc) underflows to -inf) — same function, more range.
 *
 * Sampling consumes the key as TFP on JAX: `abs(random.normal(seed, [n, ...batch]) *
 * scale)`. NaN/inf: invalid scale (<= 0) gives NaN (log of a non-positive scale) unless
 * `validateArgs`, which throws naming `scale`. Accuracy: a few ulp in float64 (checked
 * against SciPy at 1e-10 relative).
 */
import type { DType } from '../types/dtype.js';
import type { KeyLike } from '../types/random.js';
import { Tensor } from '../np/tensor.js';
import type { ParamInput } from '../util/variable.js';
import type { Bijector } from '../bijectors/bijector.js';
import { Softplus } from '../bijectors/softplus.js';
import { softplusLowerBound } from '../bijectors/defaults.js';
import * as np from '../np/index.js';
import { broadcastShapes } from '../np/shape.js';
import { normal as randomNormal } from '../random/normal.js';
import { registerKL } from './kl.js';
import { Distribution, type DistributionOptions, type ParameterProperties, type ReparameterizationType } from './distribution.js';

/** Parameters of {@link HalfNormal}. */
export interface HalfNormalOptions extends DistributionOptions {
  /** Scale of the underlying normal (> 0). */
  scale: ParamInput;
}

const HALF_LOG_HALF_PI = 0.5 * Math.log(Math.PI / 2);

/**
 * Half-normal distribution with `scale` (the absolute value of a Normal(0, scale)).
 * @example
 * ```ts
 * const d = new tfd.HalfNormal({ scale: 2 });
 * d.logProb(1);                              // -1.0439385
 * d.mean();                                  // 1.5957692
 * d.sample([3], { seed: random.key(0) });    // three non-negative draws
 * ```
 */
export class HalfNormal extends Distribution {
  private readonly _dtype: DType;

  constructor(options: HalfNormalOptions) {
    super(options ?? {}, 'HalfNormal');
    if (options === undefined || options.scale === undefined) {
      throw new TypeError('HalfNormal: scale is required, e.g. new HalfNormal({ scale: 1 })');
    }
    this._dtype = this.initParams({ scale: options.scale });
    this.assertParam('scale', (v) => v > 0, 'positive');
  }

  /** Scale (current value). */
  get scale(): Tensor { return this.param('scale'); }

  get parameterProperties(): Readonly<Record<string, ParameterProperties>> {
    return { scale: { eventNdims: 0, defaultConstrainingBijector: () => softplusLowerBound(this._dtype) } };
  }
  get dtype(): DType { return this._dtype; }
  get reparameterizationType(): ReparameterizationType { return 'FULLY_REPARAMETERIZED'; }
  get eventShape(): number[] { return []; }

  protected _sampleN(n: number, seed: KeyLike): Tensor {
    const z = randomNormal(seed, [n, ...this.batchShape], this._dtype as 'float32' | 'float64');
    return np.abs(np.multiply(z, this.scale));
  }

  protected _logProb(x: Tensor): Tensor {
    const xx = np.astype(x, this._dtype), scale = this.scale;
    const lp = np.subtract(np.multiply(-0.5, np.square(np.divide(xx, scale))), np.add(np.log(scale), HALF_LOG_HALF_PI));
    return np.where(np.greaterEqual(xx, 0), lp, -Infinity);
  }

  protected _cdf(x: Tensor): Tensor { return np.erf(this.t(x)); }
  protected _survivalFunction(x: Tensor): Tensor { return np.erfc(this.t(x)); }
  protected _logSurvivalFunction(x: Tensor): Tensor {
    // erfc(t) = 2 ndtr(-t sqrt 2): log sf = log 2 + logNdtr(-relu(x)/scale)
    return np.add(np.logNdtr(np.negative(np.multiply(this.t(x), Math.SQRT2))), Math.LN2);
  }
  protected _quantile(p: Tensor): Tensor { return np.multiply(np.multiply(np.erfinv(np.astype(p, this._dtype)), this.scale), Math.SQRT2); }
  protected _mean(): Tensor { return np.broadcastTo(np.multiply(this.scale, Math.sqrt(2 / Math.PI)), this.batchShape); }
  protected _variance(): Tensor { return np.broadcastTo(np.multiply(np.square(this.scale), 1 - 2 / Math.PI), this.batchShape); }
  protected _stddev(): Tensor { return np.broadcastTo(np.multiply(this.scale, Math.sqrt(1 - 2 / Math.PI)), this.batchShape); }
  protected _mode(): Tensor { return np.zeros(this.batchShape, this._dtype); }
  protected _entropy(): Tensor { return np.broadcastTo(np.add(np.log(this.scale), HALF_LOG_HALF_PI + 0.5), this.batchShape); }
  protected _defaultEventSpaceBijector(): Bijector { return new Softplus({ validateArgs: this.validateArgs }); }

  /** relu(x) / (scale sqrt 2). */
  private t(x: Tensor): Tensor {
    return np.divide(np.maximum(np.astype(x, this._dtype), 0), np.multiply(this.scale, Math.SQRT2));
  }
}

// KL(a || b) of two half-normals (TFP): log(sb / sa) + (sa^2 - sb^2) / (2 sb^2).
registerKL(HalfNormal, HalfNormal, (a, b) => {
  const sa = a.scale, sb = b.scale;
  const kl = np.add(np.subtract(np.log(sb), np.log(sa)), np.divide(np.subtract(np.square(sa), np.square(sb)), np.multiply(2, np.square(sb))));
  return np.broadcastTo(kl, broadcastShapes(a.batchShape, b.batchShape, 'klDivergence: batch shapes'));
});
