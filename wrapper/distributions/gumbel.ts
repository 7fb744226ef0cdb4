/**
 * The Gumbel (maximum extreme value, type I) distribution, as `tfd.Gumbel` on JAX.
 *
 * Math (TFP): z = (x - loc)/scale; log p = -(z + exp(-z)) - log(scale); cdf =
 * exp(-exp(-z)), log cdf = -exp(-z), sf = -expm1(-exp(-z)), log sf = log(-expm1(-exp(-z)))
 * (-z - exp(-z)/2 for z > 30, finite where exp(-z) underflows);
 * quantile = loc - scale log(-log p); mean = loc + scale gamma (Euler's constant); stddev =
 * scale pi / sqrt(6); mode = loc; entropy = log(scale) + 1 + gamma. TFP builds it as
 * `TransformedDistribution(Uniform(tiny, 1), Invert(GumbelCDF(loc, scale)))`; these are the
 * same functions in closed form.
 *
 * Sampling: u = random.uniform(seed, [n, ...batch], minval = tiny, maxval = 1) (TFP's base
 * Uniform(tiny, 1)), x = loc - scale log(-log u). The key use follows TFP's construction;
 * it is not verified bit for bit against TFP output. Invalid scale (<= 0) gives NaN unless
 * `validateArgs`, which throws naming `scale`. Accuracy: a few ulp in float64.
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
import { TINY } from './logistic.js';
import type { DistributionOptions } from './distribution.js';
import { LocScaleDistribution } from './loc_scale.js';

/** Parameters of {@link Gumbel}. */
export interface GumbelOptions extends DistributionOptions {
  /** Location (the mode). */
  loc: ParamInput;
  /** Scale (> 0). */
  scale: ParamInput;
}

const EULER_GAMMA = 0.5772156649015329;

/**
 * Gumbel distribution with location `loc` and scale `scale`.
 * @example
 * ```ts
 * const d = new tfd.Gumbel({ loc: 0, scale: 1 });
 * d.logProb(0);                                // -1
 * d.mean();                                    // 0.5772157
 * d.sample([3], { seed: random.key(0) });
 * ```
 */
export class Gumbel extends LocScaleDistribution {
  constructor(options: GumbelOptions) {
    super(options, 'Gumbel');
  }

  protected _sampleN(n: number, seed: KeyLike): Tensor {
    const dt = this._dtype as 'float32' | 'float64';
    const u = randomUniform(seed, [n, ...this.batchShape], dt, TINY[dt], 1);
    return np.subtract(this.loc, np.multiply(this.scale, np.log(np.negative(np.log(u)))));
  }

  protected _logProb(x: Tensor): Tensor {
    const z = this.z(x);
    return np.subtract(np.negative(np.add(z, np.exp(np.negative(z)))), np.log(this.scale));
  }

  protected _cdf(x: Tensor): Tensor { return np.exp(this._logCdf(x)); }
  protected _logCdf(x: Tensor): Tensor { return np.negative(np.exp(np.negative(this.z(x)))); }
  protected _survivalFunction(x: Tensor): Tensor { return np.negative(np.expm1(this._logCdf(x))); }
  protected _logSurvivalFunction(x: Tensor): Tensor {
    // log(-expm1(-t)), t = exp(-z); for z > 30 (t < 1e-13) it is -z - t/2 to O(t^2), which
    // stays finite where t underflows
    const z = this.z(x);
    const far = np.greater(z, 30);
    const zf = np.where(far, z, 31), zn = np.where(far, 0, z);
    const tail = np.subtract(np.negative(zf), np.multiply(0.5, np.exp(np.negative(zf))));
    return np.where(far, tail, np.log(np.negative(np.expm1(np.negative(np.exp(np.negative(zn)))))));
  }
  protected _quantile(p: Tensor): Tensor {
    return np.subtract(this.loc, np.multiply(this.scale, np.log(np.negative(np.log(np.astype(p, this._dtype))))));
  }

  protected _mean(): Tensor { return np.broadcastTo(np.add(this.loc, np.multiply(this.scale, EULER_GAMMA)), this.batchShape); }
  protected _stddev(): Tensor { return np.broadcastTo(np.multiply(this.scale, Math.PI / Math.sqrt(6)), this.batchShape); }
  protected _variance(): Tensor { return np.broadcastTo(np.multiply(np.square(this.scale), Math.PI * Math.PI / 6), this.batchShape); }
  protected _mode(): Tensor { return np.broadcastTo(this.loc, this.batchShape); }
  protected _entropy(): Tensor { return np.broadcastTo(np.add(np.log(this.scale), 1 + EULER_GAMMA), this.batchShape); }
  protected _defaultEventSpaceBijector(): Bijector { return new Identity({ validateArgs: this.validateArgs }); }

  private z(x: Tensor): Tensor { return np.divide(np.subtract(np.astype(x, this._dtype), this.loc), this.scale); }
}

// KL(a || b) of two Gumbels (TFP, after Gil 2011 p. 64 with TFP's correction):
// log(sb/sa) + gamma (sa/sb - 1) + expm1((lb - la)/sb + lgamma(sa/sb + 1)) + (la - lb)/sb.
registerKL(Gumbel, Gumbel, (a, b) => {
  const sa = a.scale, sb = b.scale, r = np.divide(sa, sb);
  const dl = np.divide(np.subtract(a.loc, b.loc), sb);
  const kl = np.add(np.add(np.add(np.subtract(np.log(sb), np.log(sa)), np.multiply(EULER_GAMMA, np.subtract(r, 1))),
    np.expm1(np.add(np.negative(dl), np.lgamma(np.add(r, 1))))), dl);
  return np.broadcastTo(kl, broadcastShapes(a.batchShape, b.batchShape, 'klDivergence: batch shapes'));
});
