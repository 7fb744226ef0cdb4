/**
 * The half-Cauchy distribution, as `tfd.HalfCauchy` on JAX: support [loc, inf).
 *
 * Math (TFP): z = (x - loc)/scale; log p = log(2/pi) - log(scale) - log1p(z^2) for x >= loc,
 * -inf below; cdf = 2 atan(z)/pi (0 below loc); log cdf = log(2/pi) + log(atan(z));
 * entropy = log(2 pi scale); mode = loc; quantile = loc + scale tan(pi p / 2). Mean,
 * variance and standard deviation do not exist: NaN (allowNanStats, TFP's default) or an
 * Error.
 *
 * Accuracy refinements over TFP's literal forms (same functions): sf = 2 atan(1/z)/pi and
 * log sf = log of that (TFP: 1 - cdf, which cancels in the upper tail), and the quantile
 * uses 1/tan(pi (1 - p)/2) for p > 1/2.
 *
 * Sampling consumes the key as TFP on JAX: u = random.uniform(seed, [n, ...batch]), then
 * loc + scale tan(pi u / 2). The default event-space bijector is TFP's
 * Chain([Shift(loc), Exp()]). Invalid scale (<= 0) gives NaN unless `validateArgs`.
 */
import type { KeyLike } from '../types/random.js';
import { Tensor } from '../np/tensor.js';
import type { ParamInput } from '../util/variable.js';
import type { Bijector } from '../bijectors/bijector.js';
import { Exp } from '../bijectors/exp.js';
import { Shift } from '../bijectors/shift.js';
import * as np from '../np/index.js';
import { uniform as randomUniform } from '../random/uniform.js';
import { tanQuantile } from './cauchy.js';
import type { DistributionOptions } from './distribution.js';
import { LocScaleDistribution } from './loc_scale.js';

/** Parameters of {@link HalfCauchy}. */
export interface HalfCauchyOptions extends DistributionOptions {
  /** Lower end of the support. */
  loc: ParamInput;
  /** Scale (> 0). */
  scale: ParamInput;
}

const LOG_TWO_OVER_PI = Math.log(2 / Math.PI);

/**
 * Half-Cauchy distribution on [loc, inf).
 * @example
 * ```ts
 * const d = new tfd.HalfCauchy({ loc: 0, scale: 1 });
 * d.logProb(0);                                // -0.4515827
 * d.quantile(0.5);                             // 1
 * d.sample([3], { seed: random.key(0) });      // three draws >= 0
 * ```
 */
export class HalfCauchy extends LocScaleDistribution {
  constructor(options: HalfCauchyOptions) {
    super(options, 'HalfCauchy');
  }

  protected _sampleN(n: number, seed: KeyLike): Tensor {
    const u = randomUniform(seed, [n, ...this.batchShape], this._dtype as 'float32' | 'float64');
    return np.add(this.loc, np.multiply(this.scale, np.tan(np.multiply(u, Math.PI / 2))));
  }

  protected _logProb(x: Tensor): Tensor {
    const [inside, z] = this.z(x);
    const lp = np.subtract(np.subtract(LOG_TWO_OVER_PI, np.log(this.scale)), np.log1p(np.square(z)));
    return np.where(inside, lp, -Infinity);
  }

  protected _cdf(x: Tensor): Tensor {
    const [inside, z] = this.z(x);
    return np.where(inside, np.multiply(np.arctan(z), 2 / Math.PI), 0);
  }
  protected _logCdf(x: Tensor): Tensor {
    const [inside, z] = this.z(x);
    return np.where(inside, np.add(np.log(np.arctan(z)), LOG_TWO_OVER_PI), -Infinity);
  }
  protected _survivalFunction(x: Tensor): Tensor { return np.exp(this._logSurvivalFunction(x)); }
  protected _logSurvivalFunction(x: Tensor): Tensor {
    const [inside, z] = this.z(x);
    const pos = np.greater(z, 0);
    const zs = np.where(pos, z, 1); // z = 0 (x = loc): sf = 1; the safe value keeps gradients finite
    const lsf = np.add(np.log(np.arctan(np.reciprocal(zs))), LOG_TWO_OVER_PI);
    return np.where(inside, np.where(pos, lsf, 0), 0);
  }
  protected _quantile(p: Tensor): Tensor { return np.add(this.loc, np.multiply(this.scale, tanQuantile(np.astype(p, this._dtype), true))); }

  protected _mean(): Tensor { return this.undefinedStat('mean'); }
  protected _variance(): Tensor { return this.undefinedStat('variance'); }
  protected _stddev(): Tensor { return this.undefinedStat('stddev'); }
  protected _mode(): Tensor { return np.broadcastTo(this.loc, this.batchShape); }
  protected _entropy(): Tensor { return np.broadcastTo(np.add(np.log(this.scale), Math.log(2 * Math.PI)), this.batchShape); }
  protected _defaultEventSpaceBijector(): Bijector {
    return new Shift(this.loc, { validateArgs: this.validateArgs })(new Exp({ validateArgs: this.validateArgs }));
  }

  /** [x >= loc, (x - loc)/scale where x >= loc (scale/2 elsewhere, TFP's safe value)]. */
  private z(x: Tensor): [Tensor, Tensor] {
    const xx = np.astype(x, this._dtype), loc = this.loc, scale = this.scale;
    const inside = np.greaterEqual(xx, loc);
    const safe = np.where(inside, xx, np.add(loc, np.multiply(0.5, scale)));
    return [inside, np.divide(np.subtract(safe, loc), scale)];
  }

  private undefinedStat(what: string): Tensor {
    if (!this.allowNanStats) throw new Error(`HalfCauchy: ${what} is undefined for the half-Cauchy distribution (pass allowNanStats: true for NaN)`);
    return np.full(this.batchShape, NaN, this._dtype);
  }
}
