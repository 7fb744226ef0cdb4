/**
 * The inverse Gamma distribution, as `tfd.InverseGamma` on JAX: if X ~ Gamma(α, rate=s)
 * then 1/X ~ InverseGamma(α, scale=s). Concentration α > 0, scale s > 0.
 *
 *   log p(x) = -(α + 1) log x - s/x - lgamma(α) + α log s        (x > 0)
 *   cdf(x) = Q(α, s/x) (upper regularized incomplete gamma), survival P(α, s/x)
 *   mean s/(α - 1) for α > 1, variance s²/((α - 1)² (α - 2)) for α > 2, mode s/(α + 1),
 *   entropy α + log s + lgamma(α) - (1 + α) digamma(α).
 * Undefined mean/variance are NaN (or an Error without allowNanStats), as TFP.
 *
 * Provenance: TFP's inverse_gamma.py (formulas, sampler `1 / Gamma(α, rate=s)`); survival
 * uses P(α, s/x) directly rather than 1 - cdf. x <= 0 is outside the formulas' domain
 * (x = 0 gives NaN from 0 * inf, x < 0 NaN), as in TFP.
 *
 * Sampling: `scale / standardGamma(α)` with the standard Gamma sampler of gamma.ts (key
 * use `random.gamma(seed, α, [n, ...batchShape])`); not bit-identical with TFP's sampler,
 * tested statistically. FULLY_REPARAMETERIZED (implicit gradients with respect to α).
 */
import type { KeyLike } from '../types/random.js';
import { Tensor } from '../np/tensor.js';
import type { ParamInput } from '../util/variable.js';
import type { Bijector } from '../bijectors/bijector.js';
import { Softplus } from '../bijectors/softplus.js';
import * as np from '../np/index.js';
import { standardGammaSample } from './gamma.js';
import { undefinedStat } from './undefined_stat.js';
import type { DistributionOptions } from './distribution.js';
import { PositiveParamsDistribution } from './positive_params.js';

/** Parameters of {@link InverseGamma}. */
export interface InverseGammaOptions extends DistributionOptions {
  /** Shape α (> 0). */
  concentration: ParamInput;
  /** Scale s (> 0). */
  scale: ParamInput;
}

/**
 * Inverse Gamma distribution with `concentration` α and `scale` s.
 * @example
 * ```ts
 * const d = new tfd.InverseGamma({ concentration: 3, scale: 2 });
 * d.mean();                                   // 1
 * d.cdf(1);                                   // Q(3, 2) = 0.6766764
 * d.sample([4], { seed: random.key(0) });     // shape [4]
 * ```
 */
export class InverseGamma extends PositiveParamsDistribution {
  constructor(options: InverseGammaOptions) {
    super(options as InverseGammaOptions & Record<string, unknown>, 'InverseGamma', { concentration: undefined, scale: undefined }, '{ concentration: 3, scale: 2 }');
  }

  /** Concentration α (current value). */
  get concentration(): Tensor { return this.param('concentration'); }
  /** Scale s (current value). */
  get scale(): Tensor { return this.param('scale'); }

  protected _sampleN(n: number, seed: KeyLike): Tensor {
    const std = standardGammaSample(seed, this.concentration, [n, ...this.batchShape], this._dtype);
    return np.divide(this.scale, std);
  }

  protected _logProb(x: Tensor): Tensor {
    const xx = np.astype(x, this._dtype);
    const c = this.concentration, s = this.scale;
    const unnorm = np.subtract(np.multiply(np.negative(np.add(c, 1)), np.log(xx)), np.divide(s, xx));
    return np.add(np.subtract(unnorm, np.lgamma(c)), np.multiply(c, np.log(s)));
  }

  private sx(x: Tensor): Tensor { return np.divide(this.scale, np.astype(x, this._dtype)); }
  protected _cdf(x: Tensor): Tensor { return np.gammaincc(this.concentration, this.sx(x)); }
  protected _survivalFunction(x: Tensor): Tensor { return np.gammainc(this.concentration, this.sx(x)); }
  /** scale / gammainccinv(concentration, p): cdf(x) = Q(concentration, scale/x) inverted. */
  protected _quantile(p: Tensor): Tensor {
    return np.divide(this.scale, np.gammainccinv(this.concentration, np.astype(p, this._dtype)));
  }
  protected _logCdf(x: Tensor): Tensor { return np.log(this._cdf(x)); }
  protected _logSurvivalFunction(x: Tensor): Tensor { return np.log(this._survivalFunction(x)); }

  protected _mean(): Tensor {
    const c = this.concentration;
    return undefinedStat(this, np.greater(c, 1), np.divide(this.scale, np.subtract(c, 1)), this.batchShape, 'mean', 'concentration > 1');
  }
  protected _variance(): Tensor {
    const c = this.concentration, cm1 = np.subtract(c, 1);
    const v = np.divide(np.square(this.scale), np.multiply(np.square(cm1), np.subtract(c, 2)));
    return undefinedStat(this, np.greater(c, 2), v, this.batchShape, 'variance', 'concentration > 2');
  }
  protected _stddev(): Tensor { return np.sqrt(this._variance()); }
  protected _mode(): Tensor { return np.broadcastTo(np.divide(this.scale, np.add(this.concentration, 1)), this.batchShape); }
  protected _entropy(): Tensor {
    const c = this.concentration;
    const h = np.subtract(np.add(np.add(c, np.log(this.scale)), np.lgamma(c)), np.multiply(np.add(c, 1), np.digamma(c)));
    return np.broadcastTo(h, this.batchShape);
  }
  protected _defaultEventSpaceBijector(): Bijector { return new Softplus({ validateArgs: this.validateArgs }); }
}
