/**
 * The logit-normal distribution on (0, 1), as `tfd.LogitNormal` on JAX: X = sigmoid(Y) with
 * Y ~ Normal(loc, scale).
 *
 *   log p(x) = NormalLogProb(logit x; loc, scale) - log x - log1p(-x)
 *   cdf(x) = Φ((logit x - loc)/scale), survival Φ(-(logit x - loc)/scale) (log forms via
 *   logNdtr), quantile(p) = sigmoid(loc + scale Φ⁻¹(p)).
 * x outside [0, 1] gives NaN (logit is undefined there), as TFP's transformed formulas.
 *
 * mean and variance have no closed form. TFP's LogitNormal (a TransformedDistribution)
 * raises for `mean()` and offers `mean_approx()`; here `mean()`/`variance()` return a
 * deterministic quadrature instead (a deviation, documented): the trapezoid rule in
 * z = (y - loc)/scale over [-9, 9] with step h = min(0.1, 0.5/max(scale)) and normalized
 * Gaussian weights. The integrand sigmoid(loc + scale z) is analytic with poles at
 * imaginary distance π/scale, so the error is ~exp(-2π²/(scale h)) <= 1e-16 plus the
 * mass beyond |z| = 9 (< 1e-18); the grid is capped at 20001 points (scale > ~555 loses
 * accuracy). The variance is computed as E[(X - mean)²] (no cancellation). Both are
 * differentiable in loc and scale. entropy and mode are not defined (as TFP).
 *
 * Sampling, TFP's construction and key use: `sigmoid(random.normal(seed, [n, ...batchShape])
 * * scale + loc)` (the Normal's sampler); FULLY_REPARAMETERIZED.
 */
import type { KeyLike } from '../types/random.js';
import { Tensor } from '../np/tensor.js';
import type { ParamInput } from '../util/variable.js';
import type { Bijector } from '../bijectors/bijector.js';
import { Sigmoid } from '../bijectors/sigmoid.js';
import * as np from '../np/index.js';
import { normal as randomNormal } from '../random/normal.js';
import type { DistributionOptions } from './distribution.js';
import { LocScaleDistribution } from './loc_scale.js';

/** Parameters of {@link LogitNormal}. */
export interface LogitNormalOptions extends DistributionOptions {
  /** Mean of the underlying Normal (of logit X). */
  loc: ParamInput;
  /** Standard deviation of the underlying Normal (> 0). */
  scale: ParamInput;
}

const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/**
 * Logit-normal distribution.
 * @example
 * ```ts
 * const d = new tfd.LogitNormal({ loc: 0, scale: 1 });
 * d.cdf(0.5);                                 // 0.5
 * d.mean();                                   // 0.5 (quadrature)
 * d.sample([3], { seed: random.key(0) });     // shape [3], in (0, 1)
 * ```
 */
export class LogitNormal extends LocScaleDistribution {
  constructor(options: LogitNormalOptions) {
    super(options, 'LogitNormal');
  }

  protected _sampleN(n: number, seed: KeyLike): Tensor {
    const z = randomNormal(seed, [n, ...this.batchShape], this._dtype as 'float32' | 'float64');
    return np.sigmoid(np.add(np.multiply(z, this.scale), this.loc));
  }

  private z(x: Tensor): Tensor {
    const xx = np.astype(x, this._dtype);
    return np.divide(np.subtract(np.subtract(np.log(xx), np.log1p(np.negative(xx))), this.loc), this.scale);
  }

  protected _logProb(x: Tensor): Tensor {
    const xx = np.astype(x, this._dtype);
    const z = this.z(xx);
    const normal = np.subtract(np.multiply(-0.5, np.square(z)), np.add(np.log(this.scale), HALF_LOG_TWO_PI));
    return np.subtract(normal, np.add(np.log(xx), np.log1p(np.negative(xx))));
  }
  protected _cdf(x: Tensor): Tensor { return np.ndtr(this.z(x)); }
  protected _logCdf(x: Tensor): Tensor { return np.logNdtr(this.z(x)); }
  protected _survivalFunction(x: Tensor): Tensor { return np.ndtr(np.negative(this.z(x))); }
  protected _logSurvivalFunction(x: Tensor): Tensor { return np.logNdtr(np.negative(this.z(x))); }
  protected _quantile(p: Tensor): Tensor {
    return np.sigmoid(np.add(np.multiply(np.ndtri(np.astype(p, this._dtype)), this.scale), this.loc));
  }

  /** [sigmoid values on the grid, shape [G, ...batchShape]; weights, shape [G, 1, ...]] */
  private grid(): [Tensor, Tensor] {
    const sd = this.scale.data();
    let smax = 0;
    for (let i = 0; i < sd.length; i++) if (Number(sd[i]) > smax) smax = Number(sd[i]);
    const h = Math.max(Math.min(0.1, smax > 0 ? 0.5 / smax : 0.1), 18 / 20000);
    const G = 2 * Math.floor(9 / h) + 1;
    const zs = new Float64Array(G), ws = new Float64Array(G);
    let total = 0;
    for (let i = 0; i < G; i++) {
      zs[i] = (i - (G - 1) / 2) * h;
      ws[i] = Math.exp(-0.5 * zs[i] * zs[i]);
      total += ws[i];
    }
    for (let i = 0; i < G; i++) ws[i] /= total;
    const bshape = this.batchShape;
    const gshape = [G, ...bshape.map(() => 1)];
    const z = np.astype(new Tensor(zs, gshape), this._dtype);
    const w = np.astype(new Tensor(ws, gshape), this._dtype);
    return [np.sigmoid(np.add(np.multiply(z, this.scale), this.loc)), w];
  }
  protected _mean(): Tensor {
    const [s, w] = this.grid();
    return np.broadcastTo(np.sum(np.multiply(w, s), { axis: 0 }), this.batchShape);
  }
  protected _variance(): Tensor {
    const [s, w] = this.grid();
    const m = np.sum(np.multiply(w, s), { axis: 0 });
    return np.broadcastTo(np.sum(np.multiply(w, np.square(np.subtract(s, m))), { axis: 0 }), this.batchShape);
  }
  protected _stddev(): Tensor { return np.sqrt(this._variance()); }
  protected _defaultEventSpaceBijector(): Bijector { return new Sigmoid({ validateArgs: this.validateArgs }); }
}
