/**
 * The Categorical distribution over {0, ..., K-1}, as `tfd.Categorical` on JAX,
 * parameterized by exactly one of `logits` (unnormalized log-probabilities, TFP's
 * preferred form) or `probs` (shape [..., K]; the last axis is the classes).
 *
 * Sampling consumes the key exactly as TFP on JAX: logits are reshaped to 2-D [B, K] and
 * TFP's JAX `stateless_categorical` draws `random.gumbel(seed, [B, K, n], logits.dtype)`,
 * takes `argmax(logits[:, :, None] + g, axis=1)` (shape [B, n]), transposes to [n, B] and
 * reshapes to [n, ...batch]. probasm does the same draw through `random.categorical(seed,
 * logits2d[:, :, None], { axis: 1, shape: [B, n] })`, whose Gumbel array has that same
 * shape [B, K, n], so with float32 `logits` the samples are bit-identical with TFP
 * (with `probs`, logits = log(probs) uses probasm's float32 log).
 *
 * log_prob is log_softmax(logits)[k] (TFP's sparse softmax cross-entropy), with k cast to
 * an integer by truncation as TFP's `tf.cast`; k outside {0, ..., K-1} (and NaN) gives
 * -inf (TFP on JAX would return 0 there: its one-hot of an out-of-range label is all
 * zeros); it runs as one fused wasm pass (./fused/categorical.ts) when the logits are one
 * row [K] or k broadcasts against the logits' batch shape (e.g. labels [N] against logits
 * [chains, N, K]) and k is int32/float32/float64 (a row with
 * a NaN or +inf logit, or all -inf, gives NaN there). cdf is cumsum(probs)[clip(k)], 0 for
 * k < 0. Entropy uses TFP's stable form from
 * logits, or -sum p log p (with 0 log 0 = 0) from probs. TFP defines no mean or variance
 * for Categorical, nor does this. Negative probs give NaN unless `validateArgs` (an
 * Error naming probs; probs must also sum to 1 there). Accuracy: a few ulp of log_softmax
 * (float32 within 2e-5 relative of the explicit-probability fixtures).
 */
import type { DType } from '../types/dtype.js';
import type { KeyLike } from '../types/random.js';
import { Tensor } from '../np/tensor.js';
import type { ParamInput } from '../util/variable.js';
import type { Bijector } from '../bijectors/bijector.js';
import { SoftmaxCentered } from '../bijectors/softmax_centered.js';
import * as np from '../np/index.js';
import { broadcastShapes, sizeOf } from '../np/shape.js';
import { categorical as randomCategorical } from '../random/discrete.js';
import { registerKL } from './kl.js';
import { categoricalLogProbFused } from './fused/categorical.js';
import type { DistributionOptions, ParameterProperties, ReparameterizationType } from './distribution.js';
import { LogitsProbsDistribution } from './binary_probs.js';
import { and, checkProbVectors, isinf, multiplyNoNan, noEventSpaceBijector, sampleDType, type SampleDType } from './logits_probs.js';

/** Parameters of {@link Categorical}: exactly one of `logits` or `probs` (shape [..., K]). */
export interface CategoricalOptions extends DistributionOptions {
  /** Unnormalized log-probabilities, shape [..., K]. */
  logits?: ParamInput;
  /** Probabilities (non-negative, summing to 1 over the last axis), shape [..., K]. */
  probs?: ParamInput;
  /** Element type of samples and `mode()` (default 'int32', as TFP). */
  dtype?: SampleDType;
}

/**
 * Draws `n` category indices per batch member exactly as TFP on JAX: shape [n, ...batch]
 * (int32). `logits` has shape [...batch, K].
 * @internal Shared with OneHotCategorical and FiniteDiscrete.
 * @example `sampleCategoricalIndices(np.array([[0, 1], [1, 0]]), 5, random.key(0)).shape // [5, 2]`
 */
export function sampleCategoricalIndices(logits: Tensor, n: number, seed: KeyLike): Tensor {
  const k = logits.shape[logits.shape.length - 1];
  const batch = logits.shape.slice(0, -1);
  const b = sizeOf(batch);
  const l3 = np.reshape(logits, [b, k, 1]);
  const draws = randomCategorical(seed, l3, { axis: 1, shape: [b, n] }); // [B, n]
  return np.reshape(np.transpose(draws), [n, ...batch]);
}

/** log_softmax(logits)[k] with TFP's truncating cast of k, -inf outside {0..K-1}. @internal @example `categoricalLogProb(np.array([0, 0]), np.array([1, 2])) // [-0.693, -inf]` */
export function categoricalLogProb(logits: Tensor, k: Tensor): Tensor {
  const K = logits.shape[logits.shape.length - 1];
  const lsm = np.logSoftmax(logits, { axis: -1 });
  const kf = np.astype(k, 'float64');
  const kt = np.where(np.less(kf, 0), np.ceil(kf), np.floor(kf)); // truncation, as tf.cast
  const valid = and(np.greaterEqual(kt, 0), np.less(kt, K));
  const out = broadcastShapes(k.shape, logits.shape.slice(0, -1), 'logProb: value and batch');
  const idx = np.broadcastTo(np.astype(np.clip(np.where(valid, kt, 0), 0, K - 1), 'int32'), out);
  const g = np.squeeze(np.takeAlongAxis(np.broadcastTo(lsm, [...out, K]), np.expandDims(idx, -1), -1), -1);
  return np.where(np.broadcastTo(valid, out), g, -Infinity);
}

/** Categorical entropy from logits (TFP's stable form) or from probs. @internal @example `categoricalEntropy(np.array([0, 0]), undefined) // log 2` */
export function categoricalEntropy(logits: Tensor | undefined, probs: Tensor | undefined): Tensor {
  if (logits === undefined) return np.negative(np.sum(multiplyNoNan(np.log(probs!), probs!), { axis: -1 }));
  const m = np.max(logits, { axis: -1, keepdims: true });
  const x = np.subtract(logits, m);
  const ex = np.exp(x);
  const sumEx = np.sum(ex, { axis: -1 });
  const lse = np.add(np.squeeze(m, -1), np.log(sumEx));
  const masked = np.where(and(isinf(logits), np.less(logits, 0)), 1, logits);
  return np.subtract(lse, np.divide(np.sum(multiplyNoNan(masked, ex), { axis: -1 }), sumEx));
}

// One object for every instance (read on each batchShape; Categoricals are rebuilt per target call in MCMC models).
const PARAMETER_PROPERTIES: Readonly<Record<string, ParameterProperties>> = Object.freeze({
  logits: { eventNdims: 1 },
  probs: { eventNdims: 1, defaultConstrainingBijector: () => new SoftmaxCentered(), isPreferred: false },
});

/**
 * Categorical({ logits } | { probs }) over {0, ..., K-1}; batch shape = parameter shape without the last axis.
 * @example
 * ```ts
 * const d = new tfd.Categorical({ probs: [0.2, 0.5, 0.3] });
 * d.logProb(1);                              // log(0.5)
 * d.sample([4], { seed: random.key(0) });    // int32, shape [4]
 * d.mode();                                  // 1
 * ```
 */
export class Categorical extends LogitsProbsDistribution {
  private readonly _floatDtype: DType;
  private readonly _sampleDtype: SampleDType;

  constructor(options: CategoricalOptions) {
    super(options ?? {}, 'Categorical');
    this._sampleDtype = sampleDType('Categorical', options.dtype);
    this._floatDtype = this.initLogitsProbs('Categorical', options);
    if (this.validateArgs && this.hasParam('probs')) checkProbVectors('Categorical', 'probs', this.param('probs'), this._floatDtype);
  }

  /** The number of classes K. */
  get numCategories(): number { const s = this.param(this.hasParam('logits') ? 'logits' : 'probs').shape; return s[s.length - 1]; }

  /** Logits from whichever parameter was given (log(probs) from probs). @example `new tfd.Categorical({ probs: [0.5, 0.5] }).logitsParameter()` */
  logitsParameter(): Tensor {
    return this.hasParam('logits') ? this.param('logits') : np.log(this.param('probs'));
  }
  /** Probabilities from whichever parameter was given (softmax(logits) from logits). @example `new tfd.Categorical({ logits: [0, 0] }).probsParameter() // [0.5, 0.5]` */
  probsParameter(): Tensor {
    return this.hasParam('probs') ? this.param('probs') : np.softmax(this.param('logits'), { axis: -1 });
  }

  get parameterProperties(): Readonly<Record<string, ParameterProperties>> { return PARAMETER_PROPERTIES; }
  get parameters(): Readonly<Record<string, unknown>> { return { ...super.parameters, dtype: this._sampleDtype }; }
  get dtype(): DType { return this._sampleDtype; }
  get reparameterizationType(): ReparameterizationType { return 'NOT_REPARAMETERIZED'; }
  get eventShape(): number[] { return []; }

  protected _sampleN(n: number, seed: KeyLike): Tensor {
    return np.astype(sampleCategoricalIndices(this.logitsParameter(), n, seed), this._sampleDtype);
  }

  protected _logProb(k: Tensor): Tensor {
    if (this.validateArgs) this.checkValues(k);
    const logits = this.logitsParameter();
    // one pass in the wasm core when the logits are one row [K] or k broadcasts against their batch
    return categoricalLogProbFused(logits, k) ?? categoricalLogProb(logits, k);
  }

  protected _cdf(k: Tensor): Tensor {
    const p = this.probsParameter();
    const K = p.shape[p.shape.length - 1];
    const kf = np.astype(k, 'float64');
    const kt = np.where(np.less(kf, 0), np.ceil(kf), np.floor(kf));
    const out = broadcastShapes(k.shape, p.shape.slice(0, -1), 'cdf: value and batch');
    const idx = np.broadcastTo(np.astype(np.clip(np.where(np.isnan(kt), 0, kt), 0, K - 1), 'int32'), out);
    const cs = np.broadcastTo(np.cumsum(p, { axis: -1 }), [...out, K]);
    const c = np.squeeze(np.takeAlongAxis(cs, np.expandDims(idx, -1), -1), -1);
    return np.where(np.broadcastTo(np.less(kf, 0), out), 0, c);
  }

  protected _entropy(): Tensor {
    return categoricalEntropy(this.logits, this.probs);
  }
  protected _mode(): Tensor {
    const x = this.param(this.hasParam('logits') ? 'logits' : 'probs');
    return np.astype(np.argmax(x, { axis: -1 }), this._sampleDtype);
  }
  protected _defaultEventSpaceBijector(): Bijector { return noEventSpaceBijector('Categorical'); }

  /** validateArgs: values must be integers in [0, K) (TFP's embed_check_integer_casting_closed). */
  private checkValues(k: Tensor): void {
    const d = k.data(), K = this.numCategories;
    for (let i = 0; i < d.length; i++) {
      const v = Number(d[i]);
      if (!Number.isInteger(v) || v < 0 || v >= K) throw new RangeError(`Categorical.logProb: value must be an integer in [0, ${K}); got ${v}`);
    }
  }
}

// KL(a || b) = sum softmax(la) (log_softmax(la) - log_softmax(lb)), TFP's form (multiply_no_nan).
registerKL(Categorical, Categorical, (a, b) => {
  const la = a.logitsParameter(), lb = b.logitsParameter();
  const d = np.subtract(np.logSoftmax(la, { axis: -1 }), np.logSoftmax(lb, { axis: -1 }));
  const kl = np.sum(multiplyNoNan(d, np.softmax(la, { axis: -1 })), { axis: -1 });
  return np.broadcastTo(kl, broadcastShapes(a.batchShape, b.batchShape, 'klDivergence: batch shapes'));
});
