/**
 * The Laplace (double exponential) distribution, as `tfd.Laplace` on JAX.
 *
 * Math (TFP): z = (x - loc)/scale; log p = -|z| - log 2 - log(scale); log cdf = TFP's
 * log_cdf_laplace: z + log(1/2) for z < 0, log1p(-exp(-z)/2) otherwise; log sf = log cdf at
 * -z; entropy = log 2 + 1 + log(scale); mean = mode = loc; stddev = sqrt(2) scale.
 * cdf is exp(z)/2 for z < 0 and 1 - exp(-z)/2 otherwise, sf the cdf at -z (TFP's
 * 0.5 - 0.5 sign(z) expm1(-|z|) is the same function but rounds the lower tail to 0).
 * quantile: loc + scale log(2p) for p <= 1/2, loc - scale log(2(1 - p)) above.
 *
 * Sampling consumes the key as TFP on JAX: u = random.uniform(seed, [n, ...batch],
 * minval = nextafter(-1, 0), maxval = 1), x = loc - scale sign(u) log1p(-|u|).
 * Invalid scale (<= 0) gives NaN unless `validateArgs`, which throws naming `scale`.
 * Accuracy: a few ulp in float64 (checked against SciPy at 1e-10 relative).
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

/** Parameters of {@link Laplace}. */
export interface LaplaceOptions extends DistributionOptions {
  /** Location (mean, median and mode). */
  loc: ParamInput;
  /** Scale (> 0); the standard deviation is sqrt(2) scale. */
  scale: ParamInput;
}

/** The largest float above -1 in each dtype: TFP's open-interval lower bound for the uniform draw. */
const MINVAL = { float32: -1 + 2 ** -24, float64: -1 + 2 ** -53 };

/**
 * Laplace distribution with location `loc` and scale `scale`.
 * @example
 * ```ts
 * const d = new tfd.Laplace({ loc: 0, scale: 1 });
 * d.logProb(0);                                // -0.6931472
 * d.cdf(0);                                    // 0.5
 * d.sample([3], { seed: random.key(0) });
 * ```
 */
export class Laplace extends LocScaleDistribution {
  constructor(options: LaplaceOptions) {
    super(options, 'Laplace');
  }

  protected _sampleN(n: number, seed: KeyLike): Tensor {
    const dt = this._dtype as 'float32' | 'float64';
    const u = randomUniform(seed, [n, ...this.batchShape], dt, MINVAL[dt], 1);
    return np.subtract(this.loc, np.multiply(np.multiply(this.scale, np.sign(u)), np.log1p(np.negative(np.abs(u)))));
  }

  protected _logProb(x: Tensor): Tensor {
    return np.subtract(np.negative(np.abs(this.z(x))), np.add(np.log(this.scale), Math.LN2));
  }

  protected _cdf(x: Tensor): Tensor { return stdLaplaceCdf(this.z(x)); }
  protected _logCdf(x: Tensor): Tensor { return stdLaplaceLogCdf(this.z(x)); }
  protected _survivalFunction(x: Tensor): Tensor { return stdLaplaceCdf(np.negative(this.z(x))); }
  protected _logSurvivalFunction(x: Tensor): Tensor { return stdLaplaceLogCdf(np.negative(this.z(x))); }
  protected _quantile(p: Tensor): Tensor {
    const pp = np.astype(p, this._dtype);
    const upper = np.greater(pp, 0.5);
    const lo = np.log(np.multiply(2, np.where(upper, 0.25, pp)));
    const hi = np.negative(np.log(np.multiply(2, np.subtract(1, np.where(upper, pp, 0.75)))));
    return np.add(this.loc, np.multiply(this.scale, np.where(upper, hi, lo)));
  }

  protected _mean(): Tensor { return np.broadcastTo(this.loc, this.batchShape); }
  protected _stddev(): Tensor { return np.broadcastTo(np.multiply(this.scale, Math.SQRT2), this.batchShape); }
  protected _variance(): Tensor { return np.broadcastTo(np.multiply(np.square(this.scale), 2), this.batchShape); }
  protected _mode(): Tensor { return this._mean(); }
  protected _entropy(): Tensor { return np.broadcastTo(np.add(np.log(this.scale), Math.LN2 + 1), this.batchShape); }
  protected _defaultEventSpaceBijector(): Bijector { return new Identity({ validateArgs: this.validateArgs }); }

  private z(x: Tensor): Tensor { return np.divide(np.subtract(np.astype(x, this._dtype), this.loc), this.scale); }
}

/** Standard Laplace cdf: exp(z)/2 below 0, 1 - exp(-z)/2 above. */
function stdLaplaceCdf(z: Tensor): Tensor {
  const neg = np.less(z, 0);
  return np.where(neg, np.multiply(0.5, np.exp(np.minimum(z, 0))), np.subtract(1, np.multiply(0.5, np.exp(np.negative(np.maximum(z, 0))))));
}

/** TFP's log_cdf_laplace: z - log 2 below 0, log1p(-exp(-z)/2) above. */
function stdLaplaceLogCdf(z: Tensor): Tensor {
  const neg = np.less(z, 0);
  return np.where(neg, np.subtract(z, Math.LN2), np.log1p(np.multiply(-0.5, np.exp(np.negative(np.maximum(z, 0))))));
}

// KL(a || b) of two Laplace distributions (TFP): with d = |la - lb| and r = log sa - log sb,
// -r + d/sb - 1 + exp(-d/sa + r).
registerKL(Laplace, Laplace, (a, b) => {
  const d = np.abs(np.subtract(a.loc, b.loc));
  const sa = a.scale, sb = b.scale;
  const r = np.subtract(np.log(sa), np.log(sb));
  const kl = np.add(np.subtract(np.subtract(np.divide(d, sb), r), 1), np.exp(np.add(np.negative(np.divide(d, sa)), r)));
  return np.broadcastTo(kl, broadcastShapes(a.batchShape, b.batchShape, 'klDivergence: batch shapes'));
});
