/**
 * The FiniteDiscrete distribution, as `tfd.FiniteDiscrete` on JAX: K strictly ascending
 * `outcomes` (a 1-D tensor, shared by the whole batch) with probabilities from exactly one
 * of `logits` or `probs` (shape [..., K]). Samples have the outcomes' dtype.
 *
 * A value matches outcome j when |x - o_j| < atol + rtol |o_j| (floats; default atol = rtol
 * = 10 eps of the outcomes' dtype, as TFP) or x == o_j (integer outcomes). log_prob is the
 * Categorical log_prob at the matching index, -inf when nothing matches. cdf sums the
 * probabilities of the outcomes <= x (counting a close match as equal), 0 below the first.
 * Mean sum p o, variance sum p (o - mean)^2, entropy the Categorical's, mode the outcome of
 * the largest probability. TFP uses searchsorted for the matching; probasm compares against
 * all K outcomes (O(K) per value), with the same result for strictly ascending outcomes.
 *
 * Sampling draws Categorical indices exactly as TFP on JAX (`random.gumbel(seed, [B, K,
 * n])`, see categorical.ts) and gathers the outcomes: bit-identical with TFP for float32
 * logits. With `validateArgs`, outcomes must be strictly increasing (an Error naming
 * outcomes) and probs valid as for Categorical. NaN values match nothing (log_prob -inf).
 * Accuracy: that of Categorical.
 */
import type { DType } from '../types/dtype.js';
import type { KeyLike } from '../types/random.js';
import { Tensor } from '../np/tensor.js';
import { asTensor } from '../np/asarray.js';
import type { ArrayLike } from '../types/dtype.js';
import type { ParamInput } from '../util/variable.js';
import type { Bijector } from '../bijectors/bijector.js';
import { SoftmaxCentered } from '../bijectors/softmax_centered.js';
import * as np from '../np/index.js';
import { broadcastShapes } from '../np/shape.js';
import { Categorical, sampleCategoricalIndices } from './categorical.js';
import { Distribution, type DistributionOptions, type ParameterProperties, type ReparameterizationType } from './distribution.js';
import { noEventSpaceBijector, or } from './logits_probs.js';

/** Parameters of {@link FiniteDiscrete}: `outcomes` and exactly one of `logits` or `probs`. */
export interface FiniteDiscreteOptions extends DistributionOptions {
  /** The K possible values, strictly ascending (1-D). */
  outcomes: ArrayLike;
  /** Unnormalized log-probabilities, shape [..., K]. */
  logits?: ParamInput;
  /** Probabilities summing to 1 over the last axis, shape [..., K]. */
  probs?: ParamInput;
  /** Relative tolerance for matching float values to outcomes (default 10 eps). */
  rtol?: number;
  /** Absolute tolerance for matching float values to outcomes (default 10 eps). */
  atol?: number;
}

/**
 * FiniteDiscrete({ outcomes, logits } | { outcomes, probs }).
 * @example
 * ```ts
 * const d = new tfd.FiniteDiscrete({ outcomes: [1, 2, 4, 8], probs: [0.1, 0.4, 0.3, 0.2] });
 * d.prob(2);                                // 0.4
 * d.mean();                                 // 3.7
 * d.sample([3], { seed: random.key(0) });   // values among the outcomes
 * ```
 */
export class FiniteDiscrete extends Distribution {
  /** The outcomes (1-D). */
  readonly outcomes: Tensor;
  /** Relative matching tolerance (floats). */
  readonly rtol: number;
  /** Absolute matching tolerance (floats). */
  readonly atol: number;
  private readonly _floatDtype: DType;
  private readonly cat: Categorical;

  constructor(options: FiniteDiscreteOptions) {
    super(options ?? {}, 'FiniteDiscrete');
    if (options === undefined || options.outcomes === undefined) throw new TypeError('FiniteDiscrete: outcomes is required, e.g. new FiniteDiscrete({ outcomes: [1, 2, 4], probs: [0.2, 0.3, 0.5] })');
    const o = asTensor(options.outcomes, undefined, 'outcomes');
    this.outcomes = o._weak ? np.astype(o, o.dtype) : o;
    if (this.outcomes.ndim !== 1) throw new RangeError(`FiniteDiscrete: outcomes must be 1-D; got shape [${this.outcomes.shape.join(', ')}]`);
    if (this.outcomes.shape[0] === 0) throw new RangeError('FiniteDiscrete: outcomes must not be empty');
    if (this.outcomes.dtype === 'bool' || this.outcomes.dtype === 'uint32') throw new TypeError(`FiniteDiscrete: outcomes must be float or int32; got ${this.outcomes.dtype}`);
    const eps = this.outcomes.dtype === 'float64' ? 2 ** -52 : 2 ** -23;
    this.rtol = options.rtol ?? 10 * eps;
    this.atol = options.atol ?? 10 * eps;
    this.cat = new Categorical({ logits: options.logits, probs: options.probs, validateArgs: options.validateArgs, allowNanStats: options.allowNanStats, name: this.name });
    this._floatDtype = this.initParams({ logits: options.logits ?? undefined, probs: options.probs ?? undefined });
    const K = this.outcomes.shape[0], pk = this.cat.numCategories;
    if (pk !== K) throw new RangeError(`FiniteDiscrete: the last dimension of ${this.hasParam('logits') ? 'logits' : 'probs'} (${pk}) must equal the number of outcomes (${K})`);
    if (this.validateArgs) {
      const d = this.outcomes.data();
      for (let i = 1; i < d.length; i++) if (!(Number(d[i]) > Number(d[i - 1]))) throw new RangeError(`FiniteDiscrete: outcomes must be strictly increasing; got ${d[i - 1]} then ${d[i]} at index ${i}`);
    }
  }

  /** `logits` as given (undefined when constructed with probs). */
  get logits(): Tensor | undefined { return this.cat.logits; }
  /** `probs` as given (undefined when constructed with logits). */
  get probs(): Tensor | undefined { return this.cat.probs; }
  /** Logits from whichever parameter was given. @example `new tfd.FiniteDiscrete({ outcomes: [0, 1], probs: [0.5, 0.5] }).logitsParameter()` */
  logitsParameter(): Tensor { return this.cat.logitsParameter(); }
  /** Probabilities from whichever parameter was given. @example `new tfd.FiniteDiscrete({ outcomes: [0, 1], logits: [0, 0] }).probsParameter() // [0.5, 0.5]` */
  probsParameter(): Tensor { return this.cat.probsParameter(); }

  get parameterProperties(): Readonly<Record<string, ParameterProperties>> {
    return { logits: { eventNdims: 1 }, probs: { eventNdims: 1, defaultConstrainingBijector: () => new SoftmaxCentered(), isPreferred: false } };
  }
  get parameters(): Readonly<Record<string, unknown>> {
    return { outcomes: this.outcomes, ...super.parameters, rtol: this.rtol, atol: this.atol };
  }
  get dtype(): DType { return this.outcomes.dtype; }
  get reparameterizationType(): ReparameterizationType { return 'NOT_REPARAMETERIZED'; }
  get eventShape(): number[] { return []; }

  protected _sampleN(n: number, seed: KeyLike): Tensor {
    const idx = sampleCategoricalIndices(this.cat.logitsParameter(), n, seed);
    return np.take(this.outcomes, idx);
  }

  /** [..., K] bool: x (shape [...]) matches each outcome. */
  private matches(x: Tensor): Tensor {
    const o = this.outcomes;
    if (o.dtype === 'int32') return np.equal(np.expandDims(np.astype(x, 'float64'), -1), np.astype(o, 'float64'));
    const xe = np.expandDims(np.astype(x, o.dtype), -1);
    return np.less(np.abs(np.subtract(xe, o)), np.add(this.atol, np.multiply(this.rtol, np.abs(o))));
  }

  protected _logProb(x: Tensor): Tensor {
    const m = this.matches(x);
    const any = np.greater(np.sum(np.astype(m, 'int32'), { axis: -1 }), 0);
    const idx = np.argmax(np.astype(m, 'int32'), { axis: -1 });
    const lp = this.cat.logProb(idx);
    const out = broadcastShapes(x.shape, this.batchShape, 'logProb: value and batch');
    return np.where(np.broadcastTo(any, out), lp, -Infinity);
  }

  protected _cdf(x: Tensor): Tensor {
    const o = this.outcomes;
    const xe = np.expandDims(np.astype(x, o.dtype === 'int32' ? 'float64' : o.dtype), -1);
    const le = or(np.lessEqual(np.astype(o, xe.dtype), xe), this.matches(x));
    const count = np.sum(np.astype(le, 'int32'), { axis: -1 });
    const idx = np.subtract(count, 1);
    const c = this.cat.cdf(np.maximum(idx, 0));
    const out = broadcastShapes(x.shape, this.batchShape, 'cdf: value and batch');
    return np.where(np.broadcastTo(np.less(idx, 0), out), 0, c);
  }

  private outcomesFloat(): Tensor { return np.astype(this.outcomes, this._floatDtype); }
  protected _mean(): Tensor { return np.sum(np.multiply(this.probsParameter(), this.outcomesFloat()), { axis: -1 }); }
  protected _variance(): Tensor {
    const p = this.probsParameter();
    const d = np.subtract(this.outcomesFloat(), np.expandDims(this._mean(), -1));
    return np.sum(np.multiply(p, np.square(d)), { axis: -1 });
  }
  protected _stddev(): Tensor { return np.sqrt(this._variance()); }
  protected _entropy(): Tensor { return this.cat.entropy(); }
  protected _mode(): Tensor { return np.take(this.outcomes, this.cat.mode()); }
  protected _defaultEventSpaceBijector(): Bijector { return noEventSpaceBijector('FiniteDiscrete'); }
}
