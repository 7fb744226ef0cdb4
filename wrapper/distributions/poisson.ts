/**
 * The Poisson distribution, as `tfd.Poisson` on JAX: P(X = k) = rate^k e^-rate / k!,
 * parameterized by exactly one of `rate` (>= 0) or `logRate`. Samples are floats of the
 * parameters' dtype, as in TFP.
 *
 * log_prob is TFP's `k log(rate) - lgamma(k + 1) - rate` (k log(rate) by multiply_no_nan,
 * so rate = 0 gives P(0) = 1): -inf for k < 0, and by default (TFP's
 * `force_probs_to_zero_outside_support=False`) the continuous interpolation at
 * non-integer k; with `forceProbsToZeroOutsideSupport: true`, k is floored and non-integer
 * values give -inf. cdf = Q(floor?(k) + 1, rate) (regularized upper incomplete gamma;
 * TFP does not floor k unless forced), survival = P(k + 1, rate); 0 and 1 below 0.
 * log_cdf / log_survival are the logs of those (as TFP). Mean = variance = rate, mode =
 * floor(rate). TFP defines no entropy for Poisson, nor does this. A negative rate gives NaN
 * unless `validateArgs` (an Error naming rate).
 *
 * Sampling uses `random.poisson` (JAX's Knuth / transformed-rejection sampler) on the
 * rates, cast to the float dtype: not bit-identical with TFP, whose `random_poisson` has
 * its own Las Vegas loop; tested statistically. Invalid rates (negative, NaN, inf) and
 * rates above 1e9 (where int32 samples could overflow) give NaN samples. Accuracy: float64
 * within 1e-10 relative of SciPy on the fixtures; float32 within 1e-4 (log_prob) and 2e-4
 * (incomplete-gamma cdf/survival).
 *
 * log_prob runs as one fused wasm pass (./fused/poisson.ts) when x and the rate are single
 * values or full-shape (and forceProbsToZeroOutsideSupport is off).
 */
import type { DType } from '../types/dtype.js';
import type { KeyLike } from '../types/random.js';
import { Tensor } from '../np/tensor.js';
import type { ParamInput } from '../util/variable.js';
import type { Bijector } from '../bijectors/bijector.js';
import { softplusLowerBound } from '../bijectors/defaults.js';
import * as np from '../np/index.js';
import { poisson as randomPoisson } from '../random/poisson.js';
import { poissonLogProb } from './fused/poisson.js';
import { Distribution, type DistributionOptions, type ParameterProperties, type ReparameterizationType } from './distribution.js';
import { exactlyOne, multiplyNoNan, noEventSpaceBijector, requireFloat } from './logits_probs.js';

/** Parameters of {@link Poisson}: exactly one of `rate` or `logRate`. */
export interface PoissonOptions extends DistributionOptions {
  /** Rate (mean), >= 0. */
  rate?: ParamInput;
  /** log(rate). */
  logRate?: ParamInput;
  /** Non-integer values get probability 0 (log_prob -inf) and cdf/survival floor their argument (default false, as TFP). */
  forceProbsToZeroOutsideSupport?: boolean;
}

/**
 * Poisson samples with rates `lam` (already broadcast to `shape`), as floats: NaN where
 * the rate is invalid or above 1e9.
 * @internal Shared with NegativeBinomial.
 * @example `samplePoissonFloat(random.key(0), np.array([1, -1]), [2], 'float32') // [k, NaN]`
 */
export function samplePoissonFloat(seed: KeyLike, lam: Tensor, shape: number[], dtype: DType): Tensor {
  const lb = np.broadcastTo(np.astype(lam, 'float64'), shape);
  const bad = np.where(np.isnan(lb), true, np.where(np.less(lb, 0), true, np.greater(lb, 1e9)));
  const safe = np.where(bad, 0, lb);
  const k = randomPoisson(seed, np.astype(safe, dtype), shape);
  return np.where(bad, NaN, np.astype(k, dtype));
}

/**
 * Poisson({ rate } | { logRate }) over the non-negative integers.
 * @example
 * ```ts
 * const d = new tfd.Poisson({ rate: 3 });
 * d.logProb(2);                              // log(9 e^-3 / 2)
 * d.cdf(2);                                  // 0.42319
 * d.sample([4], { seed: random.key(0) });    // float32, shape [4]
 * ```
 */
export class Poisson extends Distribution {
  private readonly _dtype: DType;
  /** Whether non-integer values have probability 0 (TFP's `force_probs_to_zero_outside_support`). */
  readonly forceProbsToZeroOutsideSupport: boolean;

  constructor(options: PoissonOptions) {
    super(options ?? {}, 'Poisson');
    exactlyOne('Poisson', options, 'rate', 'logRate');
    requireFloat('Poisson', options.rate, 'rate');
    requireFloat('Poisson', options.logRate, 'logRate');
    this.forceProbsToZeroOutsideSupport = options.forceProbsToZeroOutsideSupport ?? false;
    this._dtype = this.initParams({ rate: options.rate ?? undefined, logRate: options.logRate ?? undefined });
    this.assertParam('rate', (v) => v >= 0, 'non-negative');
  }

  /** `rate` as given (undefined when constructed with logRate). */
  get rate(): Tensor | undefined { return this.hasParam('rate') ? this.param('rate') : undefined; }
  /** `logRate` as given (undefined when constructed with rate). */
  get logRate(): Tensor | undefined { return this.hasParam('logRate') ? this.param('logRate') : undefined; }

  /** The rate, from whichever parameter was given. @example `new tfd.Poisson({ logRate: 0 }).rateParameter() // 1` */
  rateParameter(): Tensor { return this.hasParam('rate') ? this.param('rate') : np.exp(this.param('logRate')); }
  /** log(rate), from whichever parameter was given. @example `new tfd.Poisson({ rate: 1 }).logRateParameter() // 0` */
  logRateParameter(): Tensor { return this.hasParam('logRate') ? this.param('logRate') : np.log(this.param('rate')); }

  get parameterProperties(): Readonly<Record<string, ParameterProperties>> {
    return { rate: { eventNdims: 0, defaultConstrainingBijector: () => softplusLowerBound(this._dtype), isPreferred: false }, logRate: { eventNdims: 0 } };
  }
  get parameters(): Readonly<Record<string, unknown>> {
    return { ...super.parameters, forceProbsToZeroOutsideSupport: this.forceProbsToZeroOutsideSupport };
  }
  get dtype(): DType { return this._dtype; }
  get reparameterizationType(): ReparameterizationType { return 'NOT_REPARAMETERIZED'; }
  get eventShape(): number[] { return []; }

  protected _sampleN(n: number, seed: KeyLike): Tensor {
    const shape = [n, ...this.batchShape];
    return samplePoissonFloat(seed, this.rateParameter(), shape, this._dtype);
  }

  /** max(x, 0), floored first when forcing zeros outside the support. */
  private safeX(x: Tensor): Tensor {
    const xx = np.astype(x, this._dtype);
    return np.maximum(this.forceProbsToZeroOutsideSupport ? np.floor(xx) : xx, 0);
  }

  protected _logProb(x: Tensor): Tensor {
    const xx = np.astype(x, this._dtype);
    const logRate = this.logRateParameter();
    // one pass in the wasm core on the fast path (TFP's default: non-integer x interpolated)
    if (!this.forceProbsToZeroOutsideSupport) {
      const fused = poissonLogProb(xx, logRate);
      if (fused) return fused;
    }
    const safe = this.safeX(xx);
    const y = np.subtract(multiplyNoNan(logRate, safe), np.lgamma(np.add(safe, 1)));
    const unnorm = np.where(np.equal(xx, safe), y, -Infinity);
    return np.subtract(unnorm, np.exp(logRate));
  }

  protected _cdf(x: Tensor): Tensor {
    const xx = np.astype(x, this._dtype);
    const c = np.gammaincc(np.add(this.safeX(xx), 1), this.rateParameter());
    return np.where(np.less(xx, 0), 0, c);
  }
  protected _survivalFunction(x: Tensor): Tensor {
    const xx = np.astype(x, this._dtype);
    const s = np.gammainc(np.add(this.safeX(xx), 1), this.rateParameter());
    return np.where(np.less(xx, 0), 1, s);
  }

  protected _mean(): Tensor { return np.broadcastTo(this.rateParameter(), this.batchShape); }
  protected _variance(): Tensor { return this._mean(); }
  protected _stddev(): Tensor { return np.sqrt(this._mean()); }
  protected _mode(): Tensor { return np.floor(this._mean()); }
  protected _defaultEventSpaceBijector(): Bijector { return noEventSpaceBijector('Poisson'); }
}
