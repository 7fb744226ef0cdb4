/**
 * The Bernoulli distribution, as `tfd.Bernoulli` on JAX: P(X = 1) = p, P(X = 0) = 1 - p,
 * parameterized by exactly one of `logits` (log-odds, TFP's preferred form) or `probs`.
 *
 * Sampling consumes the key exactly as TFP on JAX: `_sample_n(n, seed)` draws
 * `random.uniform(seed, [n, ...probs.shape], probs.dtype)` and returns `u < probs` cast to
 * `dtype` (int32 by default). With `probs` given the draws are bit-identical with TFP; with
 * `logits`, probs = sigmoid(logits) is probasm's float32 sigmoid, so a uniform lying within
 * one ulp of p could in principle compare differently.
 *
 * log_prob follows TFP: with probs, log(1-p) (1-x) + log(p) x; with logits, -softplus(l)(1-x)
 * - softplus(-l) x (each product by TFP's multiply_no_nan, so p = 0 or 1 is exact). As in
 * TFP the formula is not masked: values other than 0 and 1 give the formula's value
 * (e.g. logProb(2) = 2 log p - log(1-p)), not -inf. cdf is 0 below 0, 1-p on [0, 1), 1 at
 * and above 1. probs outside [0, 1] give NaN unless `validateArgs` (an Error naming probs).
 * Accuracy: a few ulp of the elementary functions involved.
 */
import type { DType } from '../types/dtype.js';
import type { KeyLike } from '../types/random.js';
import { Tensor } from '../np/tensor.js';
import type { ParamInput } from '../util/variable.js';
import type { Bijector } from '../bijectors/bijector.js';
import { Sigmoid } from '../bijectors/sigmoid.js';
import * as np from '../np/index.js';
import { broadcastShapes } from '../np/shape.js';
import { uniform } from '../random/uniform.js';
import { registerKL } from './kl.js';
import { BinaryProbsDistribution } from './binary_probs.js';
import type { DistributionOptions, ParameterProperties, ReparameterizationType } from './distribution.js';
import { multiplyNoNan, noEventSpaceBijector, sampleDType, type SampleDType } from './logits_probs.js';

/** Parameters of {@link Bernoulli}: exactly one of `logits` or `probs`. */
export interface BernoulliOptions extends DistributionOptions {
  /** Log-odds of a 1. */
  logits?: ParamInput;
  /** Probability of a 1 (in [0, 1]). */
  probs?: ParamInput;
  /** Element type of samples and of `mode()` (default 'int32', as TFP). */
  dtype?: SampleDType;
}

/**
 * Bernoulli({ logits } | { probs }) over {0, 1}.
 * @example
 * ```ts
 * const d = new tfd.Bernoulli({ probs: 0.3 });
 * d.logProb(1);                               // log(0.3)
 * d.sample([5], { seed: random.key(0) });     // int32, shape [5]
 * new tfd.Bernoulli({ logits: 0 }).probsParameter(); // 0.5
 * ```
 */
export class Bernoulli extends BinaryProbsDistribution {
  private readonly _floatDtype: DType;
  private readonly _sampleDtype: SampleDType;

  constructor(options: BernoulliOptions) {
    super(options ?? {}, 'Bernoulli');
    this._sampleDtype = sampleDType('Bernoulli', options.dtype);
    this._floatDtype = this.initLogitsProbs('Bernoulli', options);
    this.assertParam('probs', (v) => v >= 0 && v <= 1, 'in [0, 1]');
  }

  get parameterProperties(): Readonly<Record<string, ParameterProperties>> {
    return { logits: { eventNdims: 0 }, probs: { eventNdims: 0, defaultConstrainingBijector: () => new Sigmoid(), isPreferred: false } };
  }
  get parameters(): Readonly<Record<string, unknown>> { return { ...super.parameters, dtype: this._sampleDtype }; }
  get dtype(): DType { return this._sampleDtype; }
  get reparameterizationType(): ReparameterizationType { return 'NOT_REPARAMETERIZED'; }
  get eventShape(): number[] { return []; }

  protected _sampleN(n: number, seed: KeyLike): Tensor {
    const p = this.probsParameter();
    const u = uniform(seed, [n, ...p.shape], p.dtype as 'float32' | 'float64');
    return np.astype(np.less(u, p), this._sampleDtype);
  }

  /** [log P(X=0), log P(X=1)] and [P(X=0), P(X=1)], from logits when given (TFP's choice). */
  private outcomes(): { lp0: Tensor; lp1: Tensor; p0: Tensor; p1: Tensor } {
    if (this.hasParam('probs')) {
      const p = this.param('probs');
      return { lp0: np.log1p(np.negative(p)), lp1: np.log(p), p0: np.subtract(1, p), p1: p };
    }
    const s = this.param('logits');
    return { lp0: np.negative(np.softplus(s)), lp1: np.negative(np.softplus(np.negative(s))), p0: np.sigmoid(np.negative(s)), p1: np.sigmoid(s) };
  }

  protected _logProb(x: Tensor): Tensor {
    const { lp0, lp1 } = this.outcomes();
    const xx = np.astype(x, this._floatDtype);
    return np.add(multiplyNoNan(lp0, np.subtract(1, xx)), multiplyNoNan(lp1, xx));
  }

  protected _cdf(x: Tensor): Tensor {
    const xx = np.astype(x, this._floatDtype);
    const q = np.subtract(1, this.probsParameter());
    return np.where(np.less(xx, 0), 0, np.where(np.less(xx, 1), q, 1));
  }
  protected _survivalFunction(x: Tensor): Tensor {
    const xx = np.astype(x, this._floatDtype);
    return np.where(np.less(xx, 0), 1, np.where(np.less(xx, 1), this.probsParameter(), 0));
  }

  protected _entropy(): Tensor {
    const { lp0, lp1, p0, p1 } = this.outcomes();
    return np.negative(np.add(multiplyNoNan(lp0, p0), multiplyNoNan(lp1, p1)));
  }
  protected _mean(): Tensor { return this.probsParameter(); }
  protected _variance(): Tensor {
    const { p0, p1 } = this.outcomes();
    return np.multiply(p0, p1);
  }
  protected _stddev(): Tensor { return np.sqrt(this._variance()); }
  protected _mode(): Tensor { return np.astype(np.greater(this.probsParameter(), 0.5), this._sampleDtype); }
  protected _defaultEventSpaceBijector(): Bijector { return noEventSpaceBijector('Bernoulli'); }
}

// KL(a || b), TFP's form from logits: each product by multiply_no_nan (no inf - inf).
registerKL(Bernoulli, Bernoulli, (a, b) => {
  const la = a.logitsParameter(), lb = b.logitsParameter();
  const pa = np.sigmoid(la), qa = np.sigmoid(np.negative(la));
  const lpa = np.negative(np.softplus(np.negative(la))), lqa = np.negative(np.softplus(la));
  const lpb = np.negative(np.softplus(np.negative(lb))), lqb = np.negative(np.softplus(lb));
  const kl = np.add(np.subtract(multiplyNoNan(lpa, pa), multiplyNoNan(lpb, pa)), np.subtract(multiplyNoNan(lqa, qa), multiplyNoNan(lqb, qa)));
  return np.broadcastTo(kl, broadcastShapes(a.batchShape, b.batchShape, 'klDivergence: batch shapes'));
});
