/**
 * The OneHotCategorical distribution, as `tfd.OneHotCategorical` on JAX: a Categorical
 * whose outcomes are one-hot vectors of length K (event shape [K]), parameterized by exactly
 * one of `logits` or `probs` (shape [..., K]).
 *
 * Sampling consumes the key exactly as TFP on JAX (the same 2-D `stateless_categorical`
 * draw as Categorical, `random.gumbel(seed, [B, K, n])`), then one-hot encodes to `dtype`
 * (int32 by default): with float32 logits bit-identical with TFP.
 *
 * log_prob(x) = sum_k x_k log_softmax(logits)_k (TFP's softmax cross-entropy; products by
 * multiply_no_nan so -inf logits with x_k = 0 are fine); like TFP it does not check that x
 * is one-hot. Entropy -sum p log p, mean p, variance p (1 - p), covariance diag(p) - p p^T,
 * mode one_hot(argmax logits). Negative probs give NaN unless `validateArgs` (an Error
 * naming probs; they must also sum to 1 there). Accuracy: a few ulp of log_softmax.
 */
import type { DType } from '../types/dtype.js';
import type { KeyLike } from '../types/random.js';
import { Tensor } from '../np/tensor.js';
import type { ParamInput } from '../util/variable.js';
import type { Bijector } from '../bijectors/bijector.js';
import { SoftmaxCentered } from '../bijectors/softmax_centered.js';
import * as np from '../np/index.js';
import { broadcastShapes } from '../np/shape.js';
import { registerKL } from './kl.js';
import { categoricalEntropy, sampleCategoricalIndices } from './categorical.js';
import type { DistributionOptions, ParameterProperties, ReparameterizationType } from './distribution.js';
import { LogitsProbsDistribution } from './binary_probs.js';
import { checkProbVectors, multiplyNoNan, noEventSpaceBijector, sampleDType, type SampleDType } from './logits_probs.js';

/** Parameters of {@link OneHotCategorical}: exactly one of `logits` or `probs` (shape [..., K]). */
export interface OneHotCategoricalOptions extends DistributionOptions {
  /** Unnormalized log-probabilities, shape [..., K]. */
  logits?: ParamInput;
  /** Probabilities summing to 1 over the last axis, shape [..., K]. */
  probs?: ParamInput;
  /** Element type of samples and `mode()` (default 'int32', as TFP). */
  dtype?: SampleDType;
}

/**
 * OneHotCategorical({ logits } | { probs }): one-hot vectors, event shape [K].
 * @example
 * ```ts
 * const d = new tfd.OneHotCategorical({ probs: [0.2, 0.8] });
 * d.sample({ seed: random.key(0) });        // e.g. [0, 1] (int32)
 * d.logProb([0, 1]);                        // log(0.8)
 * d.covariance();                           // [[0.16, -0.16], [-0.16, 0.16]]
 * ```
 */
export class OneHotCategorical extends LogitsProbsDistribution {
  private readonly _floatDtype: DType;
  private readonly _sampleDtype: SampleDType;

  constructor(options: OneHotCategoricalOptions) {
    super(options ?? {}, 'OneHotCategorical');
    this._sampleDtype = sampleDType('OneHotCategorical', options.dtype);
    this._floatDtype = this.initLogitsProbs('OneHotCategorical', options);
    if (this.validateArgs && this.hasParam('probs')) checkProbVectors('OneHotCategorical', 'probs', this.param('probs'), this._floatDtype);
  }


  /** Logits from whichever parameter was given (log(probs) from probs). @example `new tfd.OneHotCategorical({ probs: [0.5, 0.5] }).logitsParameter()` */
  logitsParameter(): Tensor { return this.hasParam('logits') ? this.param('logits') : np.log(this.param('probs')); }
  /** Probabilities from whichever parameter was given. @example `new tfd.OneHotCategorical({ logits: [0, 0] }).probsParameter() // [0.5, 0.5]` */
  probsParameter(): Tensor { return this.hasParam('probs') ? this.param('probs') : np.softmax(this.param('logits'), { axis: -1 }); }

  get parameterProperties(): Readonly<Record<string, ParameterProperties>> {
    return { logits: { eventNdims: 1 }, probs: { eventNdims: 1, defaultConstrainingBijector: () => new SoftmaxCentered(), isPreferred: false } };
  }
  get parameters(): Readonly<Record<string, unknown>> { return { ...super.parameters, dtype: this._sampleDtype }; }
  get dtype(): DType { return this._sampleDtype; }
  get reparameterizationType(): ReparameterizationType { return 'NOT_REPARAMETERIZED'; }
  get eventShape(): number[] {
    const s = this.param(this.hasParam('logits') ? 'logits' : 'probs').shape;
    return [s[s.length - 1]];
  }

  protected _sampleN(n: number, seed: KeyLike): Tensor {
    const l = this.logitsParameter();
    const idx = sampleCategoricalIndices(l, n, seed);
    return np.oneHot(idx, l.shape[l.shape.length - 1], { dtype: this._sampleDtype });
  }

  protected _logProb(x: Tensor): Tensor {
    const xx = np.astype(x, this._floatDtype);
    const lsm = np.logSoftmax(this.logitsParameter(), { axis: -1 });
    return np.sum(multiplyNoNan(lsm, xx), { axis: -1 });
  }

  protected _entropy(): Tensor { return categoricalEntropy(this.logits, this.probs); }
  protected _mean(): Tensor { return this.probsParameter(); }
  protected _variance(): Tensor {
    const p = this.probsParameter();
    return np.multiply(p, np.subtract(1, p));
  }
  protected _stddev(): Tensor { return np.sqrt(this._variance()); }
  protected _covariance(): Tensor {
    const p = this.probsParameter();
    const outer = np.multiply(np.expandDims(p, -1), np.expandDims(p, -2));
    const k = p.shape[p.shape.length - 1];
    const eye = np.eye(k, undefined, 0, this._floatDtype);
    return np.add(np.negative(outer), np.multiply(eye, np.expandDims(p, -1)));
  }
  protected _mode(): Tensor {
    const l = this.logitsParameter();
    return np.oneHot(np.argmax(l, { axis: -1 }), l.shape[l.shape.length - 1], { dtype: this._sampleDtype });
  }
  protected _defaultEventSpaceBijector(): Bijector { return noEventSpaceBijector('OneHotCategorical'); }
}

// KL(a || b) = sum softmax(la) (log_softmax(la) - log_softmax(lb)), as Categorical (TFP).
registerKL(OneHotCategorical, OneHotCategorical, (a, b) => {
  const la = a.logitsParameter(), lb = b.logitsParameter();
  const d = np.subtract(np.logSoftmax(la, { axis: -1 }), np.logSoftmax(lb, { axis: -1 }));
  const kl = np.sum(multiplyNoNan(d, np.softmax(la, { axis: -1 })), { axis: -1 });
  return np.broadcastTo(kl, broadcastShapes(a.batchShape, b.batchShape, 'klDivergence: batch shapes'));
});
