/**
 * The exponential distribution, as `tfd.Exponential` on JAX (TFP's Gamma with
 * concentration 1).
 *
 * Math (TFP): log p = log(rate) - rate x; cdf = -expm1(-rate x) (0 for x < 0); log sf =
 * -rate x; quantile = -log1p(-p)/rate; mean = stddev = 1/rate; variance = 1/rate^2; entropy
 * = 1 - log(rate). Here also sf = exp(-rate x) and log cdf = log(-expm1(-rate x)).
 * mode = 0 (TFP inherits Gamma's mode, NaN for concentration <= 1; 0 is the exponential's
 * mode).
 *
 * Outside the support (x < 0), as TFP: with `forceProbsToZeroOutsideSupport: false` (the
 * default) log p is the continuation log(rate) - rate x and log sf is -rate x; with `true`,
 * log p = -inf and sf = 1. The cdf is 0 below 0 either way (TFP's extend_cdf_outside_support).
 *
 * Sampling consumes the key exactly as TFP on JAX: u = random.uniform(seed, [n, ...batch],
 * minval = tiny (the smallest normal float), maxval = 1), x = -log(u) / rate (TFP uses
 * -log(u), not -log1p(-u) as jax.random.exponential does). Invalid rate (<= 0) gives NaN
 * unless `validateArgs`, which throws naming `rate`.
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
import { uniform as randomUniform } from '../random/uniform.js';
import { registerKL } from './kl.js';
import { TINY } from './logistic.js';
import { Distribution, type DistributionOptions, type ParameterProperties, type ReparameterizationType } from './distribution.js';

/** Parameters of {@link Exponential}. */
export interface ExponentialOptions extends DistributionOptions {
  /** Rate (> 0), the inverse of the mean. */
  rate: ParamInput;
  /** Evaluate x < 0 strictly (log prob -inf, sf 1); default false (TFP's continuation). */
  forceProbsToZeroOutsideSupport?: boolean;
}

/**
 * Exponential distribution with `rate`.
 * @example
 * ```ts
 * const d = new tfd.Exponential({ rate: 2 });
 * d.logProb(1);                                 // -1.3068528
 * d.mean();                                     // 0.5
 * d.sample([3], { seed: random.key(0) });
 * ```
 */
export class Exponential extends Distribution {
  private readonly _dtype: DType;
  /** Whether x < 0 has probability 0 in logProb and the survival function. */
  readonly forceProbsToZeroOutsideSupport: boolean;

  constructor(options: ExponentialOptions) {
    super(options ?? {}, 'Exponential');
    if (options === undefined || options.rate === undefined) {
      throw new TypeError('Exponential: rate is required, e.g. new Exponential({ rate: 1 })');
    }
    this.forceProbsToZeroOutsideSupport = options.forceProbsToZeroOutsideSupport ?? false;
    this._dtype = this.initParams({ rate: options.rate });
    this.assertParam('rate', (v) => v > 0, 'positive');
  }

  /** Rate (current value). */
  get rate(): Tensor { return this.param('rate'); }

  get parameters(): Readonly<Record<string, unknown>> {
    return { ...super.parameters, forceProbsToZeroOutsideSupport: this.forceProbsToZeroOutsideSupport };
  }
  get parameterProperties(): Readonly<Record<string, ParameterProperties>> {
    return { rate: { eventNdims: 0, defaultConstrainingBijector: () => softplusLowerBound(this._dtype) } };
  }
  get dtype(): DType { return this._dtype; }
  get reparameterizationType(): ReparameterizationType { return 'FULLY_REPARAMETERIZED'; }
  get eventShape(): number[] { return []; }

  protected _sampleN(n: number, seed: KeyLike): Tensor {
    const dt = this._dtype as 'float32' | 'float64';
    const u = randomUniform(seed, [n, ...this.batchShape], dt, TINY[dt], 1);
    return np.divide(np.negative(np.log(u)), this.rate);
  }

  protected _logProb(x: Tensor): Tensor {
    const xx = np.astype(x, this._dtype), rate = this.rate;
    const lp = np.subtract(np.log(rate), np.multiply(rate, xx));
    return this.forceProbsToZeroOutsideSupport ? np.where(np.less(xx, 0), -Infinity, lp) : lp;
  }

  protected _cdf(x: Tensor): Tensor {
    const xx = np.astype(x, this._dtype);
    return np.where(np.less(xx, 0), 0, np.negative(np.expm1(np.multiply(np.negative(this.rate), xx))));
  }
  protected _logCdf(x: Tensor): Tensor { return np.log(this._cdf(x)); }
  protected _survivalFunction(x: Tensor): Tensor { return np.exp(this._logSurvivalFunction(x)); }
  protected _logSurvivalFunction(x: Tensor): Tensor {
    const xx = np.astype(x, this._dtype);
    const lsf = np.negative(np.multiply(this.rate, xx));
    return this.forceProbsToZeroOutsideSupport ? np.where(np.less(xx, 0), 0, lsf) : lsf;
  }
  protected _quantile(p: Tensor): Tensor { return np.divide(np.negative(np.log1p(np.negative(np.astype(p, this._dtype)))), this.rate); }

  protected _mean(): Tensor { return np.broadcastTo(np.reciprocal(this.rate), this.batchShape); }
  protected _stddev(): Tensor { return this._mean(); }
  protected _variance(): Tensor { return np.broadcastTo(np.reciprocal(np.square(this.rate)), this.batchShape); }
  protected _mode(): Tensor { return np.zeros(this.batchShape, this._dtype); }
  protected _entropy(): Tensor { return np.broadcastTo(np.subtract(1, np.log(this.rate)), this.batchShape); }
  protected _defaultEventSpaceBijector(): Bijector { return new Softplus({ validateArgs: this.validateArgs }); }
}

// KL(a || b) of two exponentials (TFP's Gamma-Gamma KL at concentration 1):
// log(ra / rb) + rb / ra - 1.
registerKL(Exponential, Exponential, (a, b) => {
  const ra = a.rate, rb = b.rate;
  const kl = np.add(np.subtract(np.log(ra), np.log(rb)), np.subtract(np.divide(rb, ra), 1));
  return np.broadcastTo(kl, broadcastShapes(a.batchShape, b.batchShape, 'klDivergence: batch shapes'));
});
