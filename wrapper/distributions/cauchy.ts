/**
 * The Cauchy distribution, as `tfd.Cauchy` on JAX.
 *
 * Math (TFP): z = (x - loc)/scale; log p = -log(pi) - log(scale) - log1p(z^2); cdf =
 * 1/2 + atan(z)/pi; entropy = log(4 pi scale); mode = loc; quantile = loc + scale tan(pi
 * (p - 1/2)). The mean, variance and standard deviation do not exist: NaN (TFP's
 * allow_nan_stats=True) or an Error when `allowNanStats` is false.
 *
 * Accuracy refinements over TFP's literal formulas (same functions): for z < 0 the cdf is
 * atan(-1/z)/pi (no cancellation in the lower tail); sf(x) = cdf at -z and log sf = log cdf
 * at -z (TFP: 1 - cdf); log cdf = log1p(2 atan(z)/pi) - log 2 for z >= 0 (TFP's form) and
 * log(cdf) below; the quantile uses -1/tan(pi p) for p < 1/4 and 1/tan(pi (1 - p)) for
 * p > 3/4 (tan(pi (p - 1/2)) loses digits near p = 0 or 1).
 *
 * Sampling consumes the key as TFP on JAX: u = random.uniform(seed, [n, ...batch]) (in
 * [0, 1)), then the quantile at u (u = 0 gives a huge negative finite value, as in TFP).
 * Invalid scale (<= 0) gives NaN unless `validateArgs`, which throws naming `scale`.
 */
import type { KeyLike } from '../types/random.js';
import { Tensor } from '../np/tensor.js';
import type { ParamInput } from '../util/variable.js';
import type { Bijector } from '../bijectors/bijector.js';
import { Identity } from '../bijectors/identity.js';
import * as np from '../np/index.js';
import { broadcastShapes } from '../np/shape.js';
import { uniform as randomUniform } from '../random/uniform.js';
import { registerKL } from './kl.js';
import type { DistributionOptions } from './distribution.js';
import { LocScaleDistribution } from './loc_scale.js';

/** Parameters of {@link Cauchy}. */
export interface CauchyOptions extends DistributionOptions {
  /** Location (the mode and median). */
  loc: ParamInput;
  /** Half-width at half-maximum (> 0). */
  scale: ParamInput;
}

/**
 * @internal tan(pi (p - 1/2)) accurate near p = 0 and p = 1 (shared with HalfCauchy via
 * `half`: tan(pi p / 2)).
 */
export function tanQuantile(p: Tensor, half: boolean): Tensor {
  // Cauchy: t(p) = tan(pi (p - 1/2)); HalfCauchy: t(p) = tan(pi p / 2) = Cauchy t at (1 + p)/2.
  const hi = half ? 0.5 : 0.75;
  const upper = np.greater(p, hi);
  const pu = np.where(upper, p, 1 - (1 - hi) / 2); // safe: keeps tan away from 0 in the untaken branch
  const farUpper = np.reciprocal(np.tan(np.multiply(np.subtract(1, pu), half ? Math.PI / 2 : Math.PI)));
  if (half) return np.where(upper, farUpper, np.tan(np.multiply(p, Math.PI / 2)));
  const lower = np.less(p, 0.25);
  const pl = np.where(lower, p, 0.125);
  const farLower = np.negative(np.reciprocal(np.tan(np.multiply(pl, Math.PI))));
  return np.where(upper, farUpper, np.where(lower, farLower, np.tan(np.multiply(np.subtract(p, 0.5), Math.PI))));
}

/**
 * Cauchy distribution with location `loc` and scale `scale`.
 * @example
 * ```ts
 * const d = new tfd.Cauchy({ loc: 0, scale: 1 });
 * d.logProb(0);                                 // -1.1447299
 * d.cdf(1);                                     // 0.75
 * d.mean();                                     // NaN (undefined)
 * ```
 */
export class Cauchy extends LocScaleDistribution {
  constructor(options: CauchyOptions) {
    super(options, 'Cauchy');
  }

  protected _sampleN(n: number, seed: KeyLike): Tensor {
    const u = randomUniform(seed, [n, ...this.batchShape], this._dtype as 'float32' | 'float64');
    return this._quantile(u);
  }

  protected _logProb(x: Tensor): Tensor {
    const scale = this.scale;
    return np.subtract(np.negative(np.log1p(np.square(this.z(x)))), np.add(np.log(scale), Math.log(Math.PI)));
  }

  protected _cdf(x: Tensor): Tensor { return stdCauchyCdf(this.z(x)); }
  protected _logCdf(x: Tensor): Tensor { return stdCauchyLogCdf(this.z(x)); }
  protected _survivalFunction(x: Tensor): Tensor { return stdCauchyCdf(np.negative(this.z(x))); }
  protected _logSurvivalFunction(x: Tensor): Tensor { return stdCauchyLogCdf(np.negative(this.z(x))); }
  protected _quantile(p: Tensor): Tensor { return np.add(this.loc, np.multiply(this.scale, tanQuantile(np.astype(p, this._dtype), false))); }

  protected _mean(): Tensor { return this.undefinedStat('mean'); }
  protected _variance(): Tensor { return this.undefinedStat('variance'); }
  protected _stddev(): Tensor { return this.undefinedStat('stddev'); }
  protected _mode(): Tensor { return np.broadcastTo(this.loc, this.batchShape); }
  protected _entropy(): Tensor { return np.broadcastTo(np.add(np.log(this.scale), Math.log(4 * Math.PI)), this.batchShape); }
  protected _defaultEventSpaceBijector(): Bijector { return new Identity({ validateArgs: this.validateArgs }); }

  private z(x: Tensor): Tensor { return np.divide(np.subtract(np.astype(x, this._dtype), this.loc), this.scale); }

  private undefinedStat(what: string): Tensor {
    if (!this.allowNanStats) throw new Error(`Cauchy: ${what} is undefined for the Cauchy distribution (pass allowNanStats: true for NaN)`);
    return np.full(this.batchShape, NaN, this._dtype);
  }
}

/** Standard Cauchy cdf: 1/2 + atan(z)/pi for z >= 0, atan(-1/z)/pi below (no cancellation). */
function stdCauchyCdf(z: Tensor): Tensor {
  const neg = np.less(z, 0);
  const zn = np.where(neg, z, -1);
  return np.where(neg, np.divide(np.arctan(np.negative(np.reciprocal(zn))), Math.PI), np.add(0.5, np.divide(np.arctan(z), Math.PI)));
}

/** log of the standard Cauchy cdf: TFP's log1p(2 atan(z)/pi) - log 2 for z >= 0, log(cdf) below. */
function stdCauchyLogCdf(z: Tensor): Tensor {
  const neg = np.less(z, 0);
  const zp = np.where(neg, 0, z);
  return np.where(neg, np.log(stdCauchyCdf(z)), np.subtract(np.log1p(np.multiply(np.arctan(zp), 2 / Math.PI)), Math.LN2));
}

// KL(a || b) of two Cauchy distributions (TFP; Chyzak & Nielsen 2019):
// log((sa + sb)^2 + (la - lb)^2) - log 4 - log sa - log sb.
registerKL(Cauchy, Cauchy, (a, b) => {
  const sa = a.scale, sb = b.scale;
  const kl = np.subtract(np.log(np.add(np.square(np.add(sa, sb)), np.square(np.subtract(a.loc, b.loc)))),
    np.add(np.add(np.log(sa), np.log(sb)), Math.log(4)));
  return np.broadcastTo(kl, broadcastShapes(a.batchShape, b.batchShape, 'klDivergence: batch shapes'));
});
