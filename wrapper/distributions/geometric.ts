/**
 * The Geometric distribution, as `tfd.Geometric` on JAX: the number of failures before the
 * first success, P(X = k) = (1 - p)^k p for k = 0, 1, ... (SciPy's `geom` counts trials
 * and starts at 1: TFP's k is SciPy's k + 1). Parameterized by exactly one of `logits` or
 * `probs` (in (0, 1]).
 *
 * Sampling consumes the key exactly as TFP on JAX: `u = random.uniform(seed, [n,
 * ...probs.shape], dtype, minval=tiny, maxval=1)` (tiny: the smallest normal number, so u
 * > 0) and `floor(log(u) / log1p(-p))`; the draws are TFP's bits, and the samples match TFP
 * to the last ulp of probasm's float32 log and log1p.
 *
 * As TFP (without validateArgs) values are floored first. log_prob = xlog1py(k, -p) +
 * log(p); like TFP's default `force_probs_to_zero_outside_support=False` the formula is
 * not masked below 0 (logProb(-1) = -log1p(-p) + log p); with
 * `forceProbsToZeroOutsideSupport: true`, k < 0 gives -inf. log_survival = (k + 1)
 * log1p(-p) (0 below 0), log_cdf = log1mexp of that (-inf below 0); cdf and survival are
 * computed directly (-expm1 / exp of the same) for accuracy. Mean (1-p)/p = exp(-logits),
 * variance (1-p)/p^2, mode 0, entropy softplus(logits)/p - logits. probs outside (0, 1]
 * give NaN unless `validateArgs` (an Error naming probs). Accuracy: a few ulp of log1p /
 * expm1 (float64 within 1e-10 relative of SciPy; float32 within 1e-4).
 */
import type { DType } from '../types/dtype.js';
import type { KeyLike } from '../types/random.js';
import { Tensor } from '../np/tensor.js';
import type { ParamInput } from '../util/variable.js';
import type { Bijector } from '../bijectors/bijector.js';
import { Sigmoid } from '../bijectors/sigmoid.js';
import * as np from '../np/index.js';
import { uniform } from '../random/uniform.js';
import { BinaryProbsDistribution } from './binary_probs.js';
import type { DistributionOptions, ParameterProperties, ReparameterizationType } from './distribution.js';
import { log1mexp, noEventSpaceBijector } from './logits_probs.js';

/** Parameters of {@link Geometric}: exactly one of `logits` or `probs`. */
export interface GeometricOptions extends DistributionOptions {
  /** Log-odds of success on each trial. */
  logits?: ParamInput;
  /** Probability of success on each trial, in (0, 1]. */
  probs?: ParamInput;
  /** Values below 0 get log_prob -inf (default false, as TFP). */
  forceProbsToZeroOutsideSupport?: boolean;
}

const TINY: Record<string, number> = { float32: 2 ** -126, float64: 2 ** -1022 };

/**
 * Geometric({ logits } | { probs }): failures before the first success.
 * @example
 * ```ts
 * const d = new tfd.Geometric({ probs: 0.25 });
 * d.logProb(2);                              // log(0.75^2 * 0.25)
 * d.mean();                                  // 3
 * d.sample([4], { seed: random.key(0) });    // float32, shape [4]
 * ```
 */
export class Geometric extends BinaryProbsDistribution {
  private readonly _dtype: DType;
  /** Whether values below 0 have log_prob -inf (TFP's `force_probs_to_zero_outside_support`). */
  readonly forceProbsToZeroOutsideSupport: boolean;

  constructor(options: GeometricOptions) {
    super(options ?? {}, 'Geometric');
    this.forceProbsToZeroOutsideSupport = options.forceProbsToZeroOutsideSupport ?? false;
    this._dtype = this.initLogitsProbs('Geometric', options);
    this.assertParam('probs', (v) => v > 0 && v <= 1, 'in (0, 1]');
  }

  get parameterProperties(): Readonly<Record<string, ParameterProperties>> {
    return { logits: { eventNdims: 0 }, probs: { eventNdims: 0, defaultConstrainingBijector: () => new Sigmoid(), isPreferred: false } };
  }
  get parameters(): Readonly<Record<string, unknown>> {
    return { ...super.parameters, forceProbsToZeroOutsideSupport: this.forceProbsToZeroOutsideSupport };
  }
  get dtype(): DType { return this._dtype; }
  get reparameterizationType(): ReparameterizationType { return 'NOT_REPARAMETERIZED'; }
  get eventShape(): number[] { return []; }

  protected _sampleN(n: number, seed: KeyLike): Tensor {
    const p = this.probsParameter();
    const dt = this._dtype as 'float32' | 'float64';
    const u = uniform(seed, { shape: [n, ...p.shape], dtype: dt, minval: TINY[dt], maxval: 1 });
    return np.broadcastTo(np.floor(np.divide(np.log(u), np.log1p(np.negative(p)))), [n, ...this.batchShape]);
  }

  /** The value as a float, floored unless validateArgs (TFP). */
  private val(x: Tensor): Tensor {
    const xx = np.astype(x, this._dtype);
    return this.validateArgs ? xx : np.floor(xx);
  }

  protected _logProb(x: Tensor): Tensor {
    const k = this.val(x);
    const p = this.probsParameter();
    const lp = np.add(np.xlog1py(k, np.negative(p)), np.log(p));
    return this.forceProbsToZeroOutsideSupport ? np.where(np.less(k, 0), -Infinity, lp) : lp;
  }

  /** (k + 1) log1p(-p): log survival for k >= 0. */
  private logSurv(k: Tensor): Tensor {
    return np.multiply(np.add(np.maximum(k, -1), 1), np.log1p(np.negative(this.probsParameter())));
  }
  protected _logSurvivalFunction(x: Tensor): Tensor {
    const k = this.val(x);
    return np.where(np.less(k, 0), 0, this.logSurv(k));
  }
  protected _survivalFunction(x: Tensor): Tensor {
    const k = this.val(x);
    return np.where(np.less(k, 0), 1, np.exp(this.logSurv(k)));
  }
  protected _logCdf(x: Tensor): Tensor {
    const k = this.val(x);
    const ls = this.logSurv(k);
    return np.where(np.less(k, 0), -Infinity, log1mexp(np.where(np.less(k, 0), -1, ls)));
  }
  protected _cdf(x: Tensor): Tensor {
    const k = this.val(x);
    return np.where(np.less(k, 0), 0, np.negative(np.expm1(this.logSurv(k))));
  }

  protected _entropy(): Tensor {
    const l = this.logitsParameter(), p = this.probsParameter();
    return np.broadcastTo(np.subtract(np.divide(np.softplus(l), p), l), this.batchShape);
  }
  protected _mean(): Tensor { return np.broadcastTo(np.exp(np.negative(this.logitsParameter())), this.batchShape); }
  protected _variance(): Tensor { return np.broadcastTo(np.divide(np.exp(np.negative(this.logitsParameter())), this.probsParameter()), this.batchShape); }
  protected _stddev(): Tensor { return np.sqrt(this._variance()); }
  protected _mode(): Tensor { return np.zeros(this.batchShape, this._dtype); }
  protected _defaultEventSpaceBijector(): Bijector { return noEventSpaceBijector('Geometric'); }
}
