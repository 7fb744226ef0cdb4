/**
 * The chi-squared distribution with `df` degrees of freedom (> 0), as `tfd.Chi2` on JAX:
 * Gamma(df/2, rate 1/2).
 *
 *   log p(x) = xlogy(df/2 - 1, x) - x/2 - lgamma(df/2) - (df/2) log 2      (x >= 0)
 *   cdf(x) = P(df/2, x/2), survival Q(df/2, x/2)
 *   mean df, variance 2 df, mode df - 2 for df > 2 (NaN otherwise, or an Error without
 *   allowNanStats), entropy k + log 2 + lgamma(k) + (1 - k) digamma(k) with k = df/2.
 *
 * Provenance: TFP's chi2.py (formulas; sampler Gamma(df/2, rate 1/2)). As in TFP, x < 0
 * is outside the formulas' domain (NaN).
 *
 * Sampling: 2 * standardGamma(df/2) with the Gamma sampler of gamma.ts (key use
 * `random.gamma(seed, df/2, [n, ...batchShape])`); not bit-identical with TFP's sampler,
 * tested statistically. FULLY_REPARAMETERIZED (implicit gradients with respect to df).
 */
import type { DType } from '../types/dtype.js';
import type { KeyLike } from '../types/random.js';
import { Tensor } from '../np/tensor.js';
import type { ParamInput } from '../util/variable.js';
import type { Bijector } from '../bijectors/bijector.js';
import { Softplus } from '../bijectors/softplus.js';
import { softplusLowerBound } from '../bijectors/defaults.js';
import * as np from '../np/index.js';
import { standardGammaSample, fixZeroSamples } from './gamma.js';
import { undefinedStat } from './undefined_stat.js';
import { Distribution, type DistributionOptions, type ParameterProperties, type ReparameterizationType } from './distribution.js';

/** Parameters of {@link Chi2}. */
export interface Chi2Options extends DistributionOptions {
  /** Degrees of freedom (> 0). */
  df: ParamInput;
}

const LOG2 = Math.LN2;

/**
 * Chi-squared distribution.
 * @example
 * ```ts
 * const d = new tfd.Chi2({ df: 3 });
 * d.mean();                                  // 3
 * d.cdf(3);                                  // 0.6083748
 * d.sample([4], { seed: random.key(0) });    // shape [4]
 * ```
 */
export class Chi2 extends Distribution {
  private readonly _dtype: DType;

  constructor(options: Chi2Options) {
    super(options ?? {}, 'Chi2');
    if (options === undefined || options.df === undefined) throw new TypeError('Chi2: df is required, e.g. new Chi2({ df: 3 })');
    this._dtype = this.initParams({ df: options.df });
    this.assertParam('df', (v) => v > 0, 'positive');
  }

  /** Degrees of freedom (current value). */
  get df(): Tensor { return this.param('df'); }
  private get k(): Tensor { return np.multiply(0.5, this.df); }

  get parameterProperties(): Readonly<Record<string, ParameterProperties>> {
    return { df: { eventNdims: 0, defaultConstrainingBijector: () => softplusLowerBound(this._dtype) } };
  }
  get dtype(): DType { return this._dtype; }
  get reparameterizationType(): ReparameterizationType { return 'FULLY_REPARAMETERIZED'; }
  get eventShape(): number[] { return []; }

  protected _sampleN(n: number, seed: KeyLike): Tensor {
    return fixZeroSamples(np.multiply(2, standardGammaSample(seed, this.k, [n, ...this.batchShape], this._dtype)));
  }

  protected _logProb(x: Tensor): Tensor {
    const xx = np.astype(x, this._dtype), k = this.k;
    const unnorm = np.subtract(np.xlogy(np.subtract(k, 1), xx), np.multiply(0.5, xx));
    return np.subtract(unnorm, np.add(np.lgamma(k), np.multiply(k, LOG2)));
  }

  private half(x: Tensor): Tensor { return np.multiply(0.5, np.astype(x, this._dtype)); }
  protected _cdf(x: Tensor): Tensor { return np.gammainc(this.k, this.half(x)); }
  protected _survivalFunction(x: Tensor): Tensor { return np.gammaincc(this.k, this.half(x)); }
  /** 2 gammaincinv(df/2, p). */
  protected _quantile(p: Tensor): Tensor { return np.multiply(2, np.gammaincinv(this.k, np.astype(p, this._dtype))); }
  protected _logCdf(x: Tensor): Tensor { return np.log(this._cdf(x)); }
  protected _logSurvivalFunction(x: Tensor): Tensor { return np.log(this._survivalFunction(x)); }

  protected _mean(): Tensor { return np.broadcastTo(this.df, this.batchShape); }
  protected _variance(): Tensor { return np.broadcastTo(np.multiply(2, this.df), this.batchShape); }
  protected _stddev(): Tensor { return np.broadcastTo(np.sqrt(np.multiply(2, this.df)), this.batchShape); }
  protected _mode(): Tensor {
    const df = this.df;
    return undefinedStat(this, np.greater(df, 2), np.subtract(df, 2), this.batchShape, 'mode', 'df > 2');
  }
  protected _entropy(): Tensor {
    const k = this.k;
    const h = np.add(np.add(np.add(k, LOG2), np.lgamma(k)), np.multiply(np.subtract(1, k), np.digamma(k)));
    return np.broadcastTo(h, this.batchShape);
  }
  protected _defaultEventSpaceBijector(): Bijector { return new Softplus({ validateArgs: this.validateArgs }); }
}
