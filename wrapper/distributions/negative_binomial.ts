/**
 * The NegativeBinomial distribution, as `tfd.NegativeBinomial` on JAX: the number of
 * successes (each with probability p) before `totalCount` = r failures,
 * P(X = k) = C(k + r - 1, k) p^k (1 - p)^r, k = 0, 1, ...; parameterized by `totalCount`
 * (> 0) and exactly one of `logits` or `probs`. (SciPy's `nbinom(n, p)` counts failures
 * before n successes: TFP's (r, p) is SciPy's (n = r, p = 1 - p).) Samples are floats of
 * the parameters' dtype, as in TFP.
 *
 * log_prob is TFP's `r log_sigmoid(-l) + k log_sigmoid(l) - lbeta(k + 1, r) - log(r + k)`
 * (the k term by multiply_no_nan); values below 0 give -inf (TFP's formula is unmasked
 * there; SciPy's -inf is kept). cdf = I_{1-p}(r, k + 1) (k not floored, as TFP), 0 below
 * 0; survival = I_p(k + 1, r) (more accurate than 1 - cdf). Mean r e^l, variance
 * mean / sigmoid(-l), mode floor(max(r - 1, 0) e^l) (TFP). TFP defines no entropy, nor
 * does this. Invalid parameters (r <= 0, fractional r with `requireIntegerTotalCount`,
 * p outside [0, 1]) give NaN unless `validateArgs` (an Error naming the parameter).
 *
 * Sampling is TFP's Gamma-Poisson mixture: lam ~ Gamma(r, rate = e^-l) via `random.gamma`,
 * then Poisson(lam) via `random.poisson`, from the two halves of `random.split(seed)`.
 * Not bit-identical with TFP (which salts the seed and runs its own samplers); tested
 * statistically. Invalid parameters give NaN samples. Accuracy: float64 within 1e-10
 * relative of SciPy on the fixtures; float32 within 1e-4 (log_prob) and 2e-4 (betainc cdf).
 */
import type { DType } from '../types/dtype.js';
import type { KeyLike } from '../types/random.js';
import { Tensor } from '../np/tensor.js';
import type { ParamInput } from '../util/variable.js';
import type { Bijector } from '../bijectors/bijector.js';
import { Sigmoid } from '../bijectors/sigmoid.js';
import { softplusLowerBound } from '../bijectors/defaults.js';
import * as np from '../np/index.js';
import { split } from '../random/key.js';
import { gamma as randomGamma } from '../random/gamma.js';
import { samplePoissonFloat } from './poisson.js';
import { BinaryProbsDistribution } from './binary_probs.js';
import type { DistributionOptions, ParameterProperties, ReparameterizationType } from './distribution.js';
import { multiplyNoNan, noEventSpaceBijector, or } from './logits_probs.js';

/** Parameters of {@link NegativeBinomial}: `totalCount` and exactly one of `logits` or `probs`. */
export interface NegativeBinomialOptions extends DistributionOptions {
  /** Number of failures r at which to stop (> 0). */
  totalCount: ParamInput;
  /** Log-odds of success. */
  logits?: ParamInput;
  /** Probability of success, in [0, 1]. */
  probs?: ParamInput;
  /** With validateArgs, also require totalCount to be an integer (default true, as TFP). */
  requireIntegerTotalCount?: boolean;
}

/**
 * NegativeBinomial({ totalCount, logits } | { totalCount, probs }): successes before totalCount failures.
 * @example
 * ```ts
 * const d = new tfd.NegativeBinomial({ totalCount: 5, probs: 0.4 });
 * d.mean();                                  // 5 * 0.4 / 0.6
 * d.logProb(2);
 * d.sample([3], { seed: random.key(0) });    // float32, shape [3]
 * ```
 */
export class NegativeBinomial extends BinaryProbsDistribution {
  private readonly _dtype: DType;
  /** Whether validateArgs also requires an integer totalCount. */
  readonly requireIntegerTotalCount: boolean;

  constructor(options: NegativeBinomialOptions) {
    super(options ?? {}, 'NegativeBinomial');
    if (options === undefined || options.totalCount === undefined) throw new TypeError('NegativeBinomial: totalCount is required, e.g. new NegativeBinomial({ totalCount: 5, probs: 0.4 })');
    this.requireIntegerTotalCount = options.requireIntegerTotalCount ?? true;
    this._dtype = this.initLogitsProbs('NegativeBinomial', options, { totalCount: options.totalCount });
    this.assertParam('totalCount', (v) => v > 0 && (!this.requireIntegerTotalCount || Number.isInteger(v)), this.requireIntegerTotalCount ? 'a positive integer' : 'positive');
    this.assertParam('probs', (v) => v >= 0 && v <= 1, 'in [0, 1]');
  }

  /** Number of failures r (current value). */
  get totalCount(): Tensor { return this.param('totalCount'); }
  get parameterProperties(): Readonly<Record<string, ParameterProperties>> {
    return {
      totalCount: { eventNdims: 0, defaultConstrainingBijector: () => softplusLowerBound(this._dtype) },
      logits: { eventNdims: 0 },
      probs: { eventNdims: 0, defaultConstrainingBijector: () => new Sigmoid(), isPreferred: false },
    };
  }
  get parameters(): Readonly<Record<string, unknown>> {
    return { ...super.parameters, requireIntegerTotalCount: this.requireIntegerTotalCount };
  }
  get dtype(): DType { return this._dtype; }
  get reparameterizationType(): ReparameterizationType { return 'NOT_REPARAMETERIZED'; }
  get eventShape(): number[] { return []; }

  protected _sampleN(n: number, seed: KeyLike): Tensor {
    const shape = [n, ...this.batchShape];
    const [gKey, pKey] = split(seed);
    const r = np.broadcastTo(np.astype(this.totalCount, 'float64'), shape);
    const l = np.broadcastTo(np.astype(this.logitsParameter(), 'float64'), shape);
    const bad = or(or(np.isnan(r), np.lessEqual(r, 0)), or(np.isnan(l), np.equal(r, Infinity)));
    const g = randomGamma(gKey, np.where(bad, 1, r), shape, 'float64');
    const lam = np.where(bad, NaN, np.multiply(g, np.exp(l)));
    return samplePoissonFloat(pKey, lam, shape, this._dtype);
  }

  protected _logProb(x: Tensor): Tensor {
    const x0 = np.astype(x, this._dtype);
    const neg = np.less(x0, 0);
    const k = np.where(neg, 0, x0); // safe value below the support: finite gradients there
    const r = this.totalCount, l = this.logitsParameter();
    const unnorm = np.add(np.multiply(r, np.logSigmoid(np.negative(l))), multiplyNoNan(np.logSigmoid(l), k));
    const norm = np.add(np.betaln(np.add(k, 1), r), np.log(np.add(r, k)));
    return np.where(neg, -Infinity, np.subtract(unnorm, norm));
  }

  protected _cdf(x: Tensor): Tensor {
    const k = np.astype(x, this._dtype);
    const safe = np.where(np.less(k, 0), 0, k);
    const c = np.betainc(this.totalCount, np.add(safe, 1), np.sigmoid(np.negative(this.logitsParameter())));
    return np.where(np.less(k, 0), 0, c);
  }
  protected _survivalFunction(x: Tensor): Tensor {
    const k = np.astype(x, this._dtype);
    const safe = np.where(np.less(k, 0), 0, k);
    const s = np.betainc(np.add(safe, 1), this.totalCount, np.sigmoid(this.logitsParameter()));
    return np.where(np.less(k, 0), 1, s);
  }

  protected _mean(): Tensor { return np.broadcastTo(np.multiply(this.totalCount, np.exp(this.logitsParameter())), this.batchShape); }
  protected _variance(): Tensor {
    const l = this.logitsParameter();
    return np.broadcastTo(np.divide(np.multiply(this.totalCount, np.exp(l)), np.sigmoid(np.negative(l))), this.batchShape);
  }
  protected _stddev(): Tensor { return np.sqrt(this._variance()); }
  protected _mode(): Tensor {
    const r = this.totalCount;
    const adj = np.where(np.greater(r, 1), np.subtract(r, 1), 0);
    return np.broadcastTo(np.floor(np.multiply(adj, np.exp(this.logitsParameter()))), this.batchShape);
  }
  protected _defaultEventSpaceBijector(): Bijector { return noEventSpaceBijector('NegativeBinomial'); }
}
