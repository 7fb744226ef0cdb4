/**
 * The Gamma distribution, as `tfd.Gamma` on JAX: concentration α > 0 and either rate β > 0
 * or logRate = log β (exactly one).
 *
 *   log p(x) = xlogy(α - 1, x) - β x - lgamma(α) + α log β          (x >= 0)
 *   cdf(x) = P(α, β x) (regularized lower incomplete gamma), survival Q(α, β x)
 *   mean α/β, variance α/β², mode (α - 1)/β for α > 1 (NaN otherwise, or an Error
 *   without allowNanStats), entropy α - log β + lgamma(α) + (1 - α) digamma(α).
 *
 * Provenance: TFP's gamma.py formulas (log_prob, entropy, mode, KL); the survival
 * function uses gammaincc directly (TFP: 1 - cdf) so right tails keep their relative
 * accuracy. Like TFP, x < 0 is outside the domain of the formulas (NaN), x = 0 gives
 * +inf / finite / -inf log density for α < 1 / = 1 / > 1.
 *
 * Sampling: standard Gamma(α) draws from `random.gamma(key, α, [n, ...batchShape])`
 * (JAX's Marsaglia-Tsang with one key per element), divided by β; exact zeros become the
 * smallest normal float (TFP's `_fix_zero_samples`); invalid α (<= 0, NaN, inf) gives NaN
 * samples. TFP-on-JAX uses its own batched rejection sampler with different key splits, so
 * samples are not bit-identical with TFP; they are tested statistically (KS). Samples are
 * FULLY_REPARAMETERIZED like TFP's: d x/d β flows through the division and d x/d α is the
 * implicit reparameterization gradient -∂P(α, x)/∂α / f(x) (see implicit_reparam.ts).
 *
 * KL(Gamma || Gamma) is registered at the bottom (TFP's closed form).
 *
 * log_prob runs as one fused wasm pass (./fused/gamma.ts) when x, concentration and rate are
 * single values or full-shape; invalid parameters (α <= 0 or β <= 0) give NaN there.
 */
import type { DType } from '../types/dtype.js';
import type { KeyLike } from '../types/random.js';
import { Tensor } from '../np/tensor.js';
import type { ParamInput } from '../util/variable.js';
import type { Bijector } from '../bijectors/bijector.js';
import { Softplus } from '../bijectors/softplus.js';
import { softplusLowerBound } from '../bijectors/defaults.js';
import * as np from '../np/index.js';
import { broadcastShapes, sizeOf } from '../np/shape.js';
import { gamma as randomGamma } from '../random/gamma.js';
import { registerKL } from './kl.js';
import { gammaLogProb } from './fused/gamma.js';
import { implicitReparam } from './implicit_reparam.js';
import { undefinedStat } from './undefined_stat.js';
import { Distribution, type DistributionOptions, type ParameterProperties, type ReparameterizationType } from './distribution.js';

/** Parameters of {@link Gamma}: `concentration` and exactly one of `rate` / `logRate`. */
export interface GammaOptions extends DistributionOptions {
  /** Shape α (> 0). */
  concentration: ParamInput;
  /** Rate β (> 0), the inverse scale. */
  rate?: ParamInput;
  /** log β (any real); mutually exclusive with `rate`. */
  logRate?: ParamInput;
}

/** The smallest positive normal float of a dtype (TFP's `np.finfo(dtype).tiny`). */
export function tinyOf(dtype: DType): number {
  return dtype === 'float64' ? 2.2250738585072014e-308 : 1.1754943508222875e-38;
}

/**
 * Standard Gamma(α, 1) samples of shape `shape` (α broadcasts to it), with implicit
 * reparameterization gradients with respect to α. Key use: `random.gamma(seed, α, shape)`.
 * Invalid α gives NaN samples (TFP), never an exception.
 * @example
 * ```ts
 * standardGammaSample(random.key(0), np.array([0.5, 3]), [4, 2], 'float32'); // shape [4, 2]
 * ```
 */
export function standardGammaSample(seed: KeyLike, concentration: Tensor, shape: number[], dtype: DType): Tensor {
  const c = np.broadcastTo(np.astype(concentration, dtype), shape);
  const cd = c.data();
  const n = sizeOf(shape);
  const safe = new Float64Array(n);
  const bad = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const v = Number(cd[i]);
    bad[i] = v > 0 && v < Infinity && !(dtype === 'float32' && Math.fround(v) === 0) ? 0 : 1;
    safe[i] = bad[i] ? 1 : v;
  }
  const raw = n === 0 ? new Float64Array(0) : randomGamma(seed, new Tensor(safe, shape), shape, dtype as 'float32' | 'float64').data();
  const vals = dtype === 'float32' ? new Float32Array(n) : new Float64Array(n);
  for (let i = 0; i < n; i++) vals[i] = bad[i] ? NaN : Number(raw[i]);
  const x0 = new Tensor(vals, shape);
  return implicitReparam(x0, (x) => np.gammainc(c, x),
    (x) => np.subtract(np.subtract(np.xlogy(np.subtract(c, 1), x), x), np.lgamma(c)));
}

/** `where(x == 0, tiny, x)`: TFP's `_fix_zero_samples` (keeps NaN). */
export function fixZeroSamples(x: Tensor): Tensor {
  return np.where(np.equal(x, 0), tinyOf(x.dtype), x);
}

/**
 * Gamma distribution with shape `concentration` and `rate` (or `logRate`).
 * @example
 * ```ts
 * const d = new tfd.Gamma({ concentration: 3, rate: 2 });
 * d.logProb(1);                                    // -0.6137056
 * d.mean();                                        // 1.5
 * d.sample([5], { seed: random.key(0) });          // shape [5], reparameterized
 * new tfd.Gamma({ concentration: 3, logRate: 0 }).rateParameter(); // 1
 * ```
 */
export class Gamma extends Distribution {
  private readonly _dtype: DType;

  constructor(options: GammaOptions) {
    super(options ?? {}, 'Gamma');
    if (options === undefined || options.concentration === undefined) {
      throw new TypeError('Gamma: concentration is required, e.g. new Gamma({ concentration: 2, rate: 1 })');
    }
    if ((options.rate === undefined) === (options.logRate === undefined)) {
      throw new TypeError('Gamma: give exactly one of rate or logRate');
    }
    this._dtype = this.initParams({ concentration: options.concentration, rate: options.rate, logRate: options.logRate });
    this.assertParam('concentration', (v) => v > 0, 'positive');
    this.assertParam('rate', (v) => v > 0, 'positive');
    this.assertParam('logRate', (v) => !Number.isNaN(v), 'not NaN');
  }

  /** Concentration α (current value). */
  get concentration(): Tensor { return this.param('concentration'); }
  /** Rate β as given (undefined when the distribution was built from `logRate`). */
  get rate(): Tensor | undefined { return this.hasParam('rate') ? this.param('rate') : undefined; }
  /** log β as given (undefined when the distribution was built from `rate`). */
  get logRate(): Tensor | undefined { return this.hasParam('logRate') ? this.param('logRate') : undefined; }
  /** The rate β, from whichever parameter was given. @example `new tfd.Gamma({ concentration: 1, logRate: 0 }).rateParameter() // 1` */
  rateParameter(): Tensor { return this.hasParam('rate') ? this.param('rate') : np.exp(this.param('logRate')); }
  /** log β, from whichever parameter was given. @example `new tfd.Gamma({ concentration: 1, rate: 1 }).logRateParameter() // 0` */
  logRateParameter(): Tensor { return this.hasParam('logRate') ? this.param('logRate') : np.log(this.param('rate')); }

  get parameterProperties(): Readonly<Record<string, ParameterProperties>> {
    return {
      concentration: { eventNdims: 0, defaultConstrainingBijector: () => softplusLowerBound(this._dtype) },
      rate: { eventNdims: 0, defaultConstrainingBijector: () => softplusLowerBound(this._dtype) },
      logRate: { eventNdims: 0, isPreferred: false },
    };
  }
  get dtype(): DType { return this._dtype; }
  get reparameterizationType(): ReparameterizationType { return 'FULLY_REPARAMETERIZED'; }
  get eventShape(): number[] { return []; }

  protected _sampleN(n: number, seed: KeyLike): Tensor {
    const shape = [n, ...this.batchShape];
    const std = standardGammaSample(seed, this.concentration, shape, this._dtype);
    const x = this.hasParam('rate') ? np.divide(std, this.param('rate')) : np.multiply(std, np.exp(np.negative(this.param('logRate'))));
    return fixZeroSamples(x);
  }

  protected _logProb(x: Tensor): Tensor {
    const xx = np.astype(x, this._dtype);
    const c = this.concentration;
    // one pass in the wasm core on the fast path (single-value or full-shape inputs)
    const fused = gammaLogProb(xx, c, this.rateParameter());
    if (fused) return fused;
    const unnorm = np.subtract(np.xlogy(np.subtract(c, 1), xx), np.multiply(this.rateParameter(), xx));
    return np.add(np.subtract(unnorm, np.lgamma(c)), np.multiply(c, this.logRateParameter()));
  }

  private bx(x: Tensor): Tensor { return np.multiply(this.rateParameter(), np.astype(x, this._dtype)); }
  protected _cdf(x: Tensor): Tensor { return np.gammainc(this.concentration, this.bx(x)); }
  protected _survivalFunction(x: Tensor): Tensor { return np.gammaincc(this.concentration, this.bx(x)); }
  /** gammaincinv(concentration, p) / rate (0 at p = 0, inf at p = 1, NaN outside [0, 1]). */
  protected _quantile(p: Tensor): Tensor {
    return np.divide(np.gammaincinv(this.concentration, np.astype(p, this._dtype)), this.rateParameter());
  }
  protected _logCdf(x: Tensor): Tensor { return np.log(this._cdf(x)); }
  protected _logSurvivalFunction(x: Tensor): Tensor { return np.log(this._survivalFunction(x)); }

  protected _mean(): Tensor { return np.broadcastTo(np.divide(this.concentration, this.rateParameter()), this.batchShape); }
  protected _variance(): Tensor {
    const r = this.rateParameter();
    return np.broadcastTo(np.divide(this.concentration, np.square(r)), this.batchShape);
  }
  protected _stddev(): Tensor { return np.broadcastTo(np.divide(np.sqrt(this.concentration), this.rateParameter()), this.batchShape); }
  protected _mode(): Tensor {
    const c = this.concentration;
    return undefinedStat(this, np.greater(c, 1), np.divide(np.subtract(c, 1), this.rateParameter()), this.batchShape, 'mode', 'concentration > 1');
  }
  protected _entropy(): Tensor {
    const c = this.concentration;
    const h = np.add(np.add(np.subtract(c, this.logRateParameter()), np.lgamma(c)), np.multiply(np.subtract(1, c), np.digamma(c)));
    return np.broadcastTo(h, this.batchShape);
  }
  protected _defaultEventSpaceBijector(): Bijector { return new Softplus({ validateArgs: this.validateArgs }); }
}

// KL(g0 || g1), TFP's form:
// (α0 - α1) ψ(α0) + lgamma(α1) - lgamma(α0) + α1 (log β0 - log β1) + α0 expm1(log β1 - log β0).
registerKL(Gamma, Gamma, (g0, g1) => {
  const a0 = g0.concentration, a1 = g1.concentration;
  const l0 = g0.logRateParameter(), l1 = g1.logRateParameter();
  const kl = np.add(
    np.add(np.multiply(np.subtract(a0, a1), np.digamma(a0)), np.subtract(np.lgamma(a1), np.lgamma(a0))),
    np.add(np.multiply(a1, np.subtract(l0, l1)), np.multiply(a0, np.expm1(np.subtract(l1, l0)))),
  );
  return np.broadcastTo(kl, broadcastShapes(g0.batchShape, g1.batchShape, 'klDivergence: batch shapes'));
});
