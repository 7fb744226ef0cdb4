/**
 * The Multinomial distribution, as `tfd.Multinomial` on JAX: counts of K classes in
 * `totalCount` = n independent draws, P(x) = n! / prod x_k! prod p_k^x_k (event shape
 * [K]), parameterized by `totalCount` and exactly one of `logits` or `probs` (shape
 * [..., K]). Samples are floats of the parameters' dtype, as in TFP.
 *
 * log_prob = sum_k x_k log p_k + lgamma(n + 1) - sum_k lgamma(x_k + 1) (TFP; log p is
 * log(probs) or log_softmax(logits); products by multiply_no_nan). Like TFP it does not
 * check that the counts sum to n; negative integer counts give -inf (lgamma pole). Mean
 * n p, variance n p (1 - p), covariance n (diag(p) - p p^T). TFP defines no entropy or
 * mode for Multinomial, nor does this. Invalid parameters (negative or fractional n,
 * negative probs) give NaN unless `validateArgs` (an Error naming the parameter; probs
 * must also sum to 1 there).
 *
 * Sampling is TFP's iterated binomial: keys = split(seed, K); for class i < K - 1,
 * x_i ~ Binomial(n_left, clip(p_i / (1 - sum_{j<i} p_j), 0, 1)) with key i (the Binomial
 * sampler of binomial.ts), and the last class takes the remaining trials. Not bit-identical
 * with TFP (which salts the seed); tested statistically. Accuracy: that of lgamma (float64
 * within 1e-10 relative of SciPy; float32 within 1e-4).
 */
import type { DType } from '../types/dtype.js';
import type { KeyLike } from '../types/random.js';
import { Tensor } from '../np/tensor.js';
import type { ParamInput } from '../util/variable.js';
import type { Bijector } from '../bijectors/bijector.js';
import { SoftmaxCentered } from '../bijectors/softmax_centered.js';
import * as np from '../np/index.js';
import { sizeOf } from '../np/shape.js';
import { split } from '../random/key.js';
import { sampleBinomialFlat } from './binomial.js';
import { Distribution, type DistributionOptions, type ParameterProperties, type ReparameterizationType } from './distribution.js';
import { checkProbVectors, exactlyOne, multiplyNoNan, noEventSpaceBijector, requireFloat } from './logits_probs.js';

/** Parameters of {@link Multinomial}: `totalCount` and exactly one of `logits` or `probs` (shape [..., K]). */
export interface MultinomialOptions extends DistributionOptions {
  /** Number of draws n (a non-negative integer, as a float), shape broadcasting with the batch. */
  totalCount: ParamInput;
  /** Unnormalized log-probabilities, shape [..., K]. */
  logits?: ParamInput;
  /** Class probabilities summing to 1 over the last axis, shape [..., K]. */
  probs?: ParamInput;
}

/**
 * Multinomial({ totalCount, logits } | { totalCount, probs }): class counts, event shape [K].
 * @example
 * ```ts
 * const d = new tfd.Multinomial({ totalCount: 10, probs: [0.2, 0.3, 0.5] });
 * d.mean();                                  // [2, 3, 5]
 * d.logProb([2, 3, 5]);
 * d.sample([4], { seed: random.key(0) });    // shape [4, 3], each row sums to 10
 * ```
 */
export class Multinomial extends Distribution {
  private readonly _dtype: DType;

  constructor(options: MultinomialOptions) {
    super(options ?? {}, 'Multinomial');
    if (options === undefined || options.totalCount === undefined) throw new TypeError('Multinomial: totalCount is required, e.g. new Multinomial({ totalCount: 10, probs: [0.2, 0.8] })');
    exactlyOne('Multinomial', options, 'logits', 'probs');
    requireFloat('Multinomial', options.logits, 'logits');
    requireFloat('Multinomial', options.probs, 'probs');
    this._dtype = this.initParams({ totalCount: options.totalCount, logits: options.logits ?? undefined, probs: options.probs ?? undefined });
    this.assertParam('totalCount', (v) => v >= 0 && Number.isInteger(v), 'a non-negative integer');
    if (this.validateArgs && this.hasParam('probs')) checkProbVectors('Multinomial', 'probs', this.param('probs'), this._dtype);
  }

  /** Number of draws (current value). */
  get totalCount(): Tensor { return this.param('totalCount'); }
  /** `logits` as given (undefined when constructed with probs). */
  get logits(): Tensor | undefined { return this.hasParam('logits') ? this.param('logits') : undefined; }
  /** `probs` as given (undefined when constructed with logits). */
  get probs(): Tensor | undefined { return this.hasParam('probs') ? this.param('probs') : undefined; }

  /** Logits from whichever parameter was given (log(probs) from probs). @example `new tfd.Multinomial({ totalCount: 3, probs: [0.5, 0.5] }).logitsParameter()` */
  logitsParameter(): Tensor { return this.hasParam('logits') ? this.param('logits') : np.log(this.param('probs')); }
  /** Probabilities from whichever parameter was given. @example `new tfd.Multinomial({ totalCount: 3, logits: [0, 0] }).probsParameter() // [0.5, 0.5]` */
  probsParameter(): Tensor { return this.hasParam('probs') ? this.param('probs') : np.softmax(this.param('logits'), { axis: -1 }); }

  get parameterProperties(): Readonly<Record<string, ParameterProperties>> {
    return { totalCount: { eventNdims: 0 }, logits: { eventNdims: 1 }, probs: { eventNdims: 1, defaultConstrainingBijector: () => new SoftmaxCentered(), isPreferred: false } };
  }
  get dtype(): DType { return this._dtype; }
  get reparameterizationType(): ReparameterizationType { return 'NOT_REPARAMETERIZED'; }
  get eventShape(): number[] {
    const s = this.param(this.hasParam('logits') ? 'logits' : 'probs').shape;
    return [s[s.length - 1]];
  }

  protected _sampleN(n: number, seed: KeyLike): Tensor {
    const [K] = this.eventShape;
    const lead = [n, ...this.batchShape];
    const size = sizeOf(lead);
    const p = np.broadcastTo(np.astype(this.probsParameter(), 'float64'), [...lead, K]).data() as Float64Array;
    const left = Float64Array.from(np.broadcastTo(np.astype(this.totalCount, 'float64'), lead).data() as Float64Array);
    const consumed = new Float64Array(size);
    const out = new Float64Array(size * K);
    const keys = K > 1 ? [...split(seed, K)] : [];
    const bp = new Float64Array(size);
    for (let i = 0; i < K - 1; i++) {
      for (let j = 0; j < size; j++) bp[j] = Math.min(1, Math.max(0, p[j * K + i] / (1 - consumed[j])));
      for (let j = 0; j < size; j++) if (Number.isNaN(p[j * K + i] / (1 - consumed[j]))) bp[j] = NaN;
      const x = sampleBinomialFlat(keys[i], left, bp);
      for (let j = 0; j < size; j++) {
        out[j * K + i] = x[j];
        left[j] -= x[j];
        consumed[j] += p[j * K + i];
      }
    }
    for (let j = 0; j < size; j++) out[j * K + K - 1] = left[j];
    return np.astype(new Tensor(out, [...lead, K]), this._dtype);
  }

  protected _logProb(x: Tensor): Tensor {
    const counts = np.astype(x, this._dtype);
    const logP = this.hasParam('probs') ? np.log(this.param('probs')) : np.logSoftmax(this.param('logits'), { axis: -1 });
    const unnorm = np.sum(multiplyNoNan(logP, counts), { axis: -1 });
    const logComb = np.subtract(np.lgamma(np.add(this.totalCount, 1)), np.sum(np.lgamma(np.add(counts, 1)), { axis: -1 }));
    return np.add(unnorm, logComb);
  }

  protected _mean(): Tensor {
    const [K] = this.eventShape;
    return np.broadcastTo(np.multiply(np.expandDims(this.totalCount, -1), this.probsParameter()), [...this.batchShape, K]);
  }
  protected _variance(): Tensor {
    const [K] = this.eventShape;
    const p = this.probsParameter();
    return np.broadcastTo(np.multiply(np.multiply(np.expandDims(this.totalCount, -1), p), np.subtract(1, p)), [...this.batchShape, K]);
  }
  protected _stddev(): Tensor { return np.sqrt(this._variance()); }
  protected _covariance(): Tensor {
    const [K] = this.eventShape;
    const p = this.probsParameter();
    const n = np.expandDims(np.expandDims(this.totalCount, -1), -1);
    const outer = np.multiply(np.expandDims(p, -1), np.expandDims(p, -2));
    const diag = np.multiply(np.eye(K, undefined, 0, this._dtype), np.expandDims(p, -1));
    return np.broadcastTo(np.multiply(n, np.subtract(diag, outer)), [...this.batchShape, K, K]);
  }
  protected _defaultEventSpaceBijector(): Bijector { return noEventSpaceBijector('Multinomial'); }
}
