/**
 * The Weibull distribution, as `tfd.Weibull` on JAX: concentration k > 0, scale λ > 0,
 * support x >= 0. With z = x/λ:
 *
 *   log p(x) = log(k/λ) + xlogy(k - 1, z) - z^k;  cdf = -expm1(-z^k);  log survival = -z^k
 *   quantile(p) = λ (-log1p(-p))^(1/k)
 *   mean λ Γ(1 + 1/k), variance λ² (Γ(1 + 2/k) - Γ(1 + 1/k)²), mode λ ((k-1)/k)^(1/k) for
 *   k > 1 and 0 otherwise, entropy γ (1 - 1/k) + log(λ/k) + 1 (γ = Euler's constant).
 *
 * Provenance: TFP builds Weibull as Uniform(0, 1) pushed through the inverse of its
 * WeibullCDF bijector; these are the same formulas written directly. x < 0 (outside the
 * support) gives log p = -inf, cdf 0, survival 1 (SciPy's convention; TFP's bijector
 * formulas are not defined there). The variance formula cancels for large k (relative
 * error grows like 1/k² times machine epsilon), as TFP's does.
 *
 * Sampling (TFP's construction): u = `random.uniform(seed, [n, ...batchShape])`, then
 * x = quantile(u); a differentiable function of k and λ (FULLY_REPARAMETERIZED). Keys are
 * consumed as one uniform draw; not guaranteed bit-identical with TFP (its seed salting).
 */
import type { KeyLike } from '../types/random.js';
import { Tensor } from '../np/tensor.js';
import type { ParamInput } from '../util/variable.js';
import type { Bijector } from '../bijectors/bijector.js';
import { Softplus } from '../bijectors/softplus.js';
import * as np from '../np/index.js';
import { uniform as randomUniform } from '../random/uniform.js';
import type { DistributionOptions } from './distribution.js';
import { PositiveParamsDistribution } from './positive_params.js';

/** Parameters of {@link Weibull}. */
export interface WeibullOptions extends DistributionOptions {
  /** Shape k (> 0). */
  concentration: ParamInput;
  /** Scale λ (> 0). */
  scale: ParamInput;
}

const EULER_GAMMA = 0.5772156649015329;

/**
 * Weibull distribution.
 * @example
 * ```ts
 * const d = new tfd.Weibull({ concentration: 2, scale: 1 });
 * d.cdf(1);                                  // 1 - e^-1 = 0.6321206
 * d.quantile(0.5);                           // sqrt(log 2) = 0.8325546
 * d.sample([3], { seed: random.key(0) });    // shape [3]
 * ```
 */
export class Weibull extends PositiveParamsDistribution {
  constructor(options: WeibullOptions) {
    super(options as WeibullOptions & Record<string, unknown>, 'Weibull', { concentration: undefined, scale: undefined }, '{ concentration: 2, scale: 1 }');
  }

  /** Shape k (current value). */
  get concentration(): Tensor { return this.param('concentration'); }
  /** Scale λ (current value). */
  get scale(): Tensor { return this.param('scale'); }

  protected _sampleN(n: number, seed: KeyLike): Tensor {
    const u = randomUniform(seed, [n, ...this.batchShape], this._dtype as 'float32' | 'float64');
    return this._quantile(u);
  }

  /** [x < 0, z^k with x clamped into the support] */
  private zk(x: Tensor): [Tensor, Tensor, Tensor] {
    const xx = np.astype(x, this._dtype);
    const out = np.less(xx, 0);
    const z = np.where(out, 1, np.divide(xx, this.scale)); // 1: a safe point, so gradients stay finite
    return [out, z, np.power(z, this.concentration)];
  }

  protected _logProb(x: Tensor): Tensor {
    const [out, z, zk] = this.zk(x);
    const k = this.concentration;
    const lp = np.subtract(np.add(np.subtract(np.log(k), np.log(this.scale)), np.xlogy(np.subtract(k, 1), z)), zk);
    return np.where(out, -Infinity, lp);
  }
  protected _cdf(x: Tensor): Tensor { const [out, , zk] = this.zk(x); return np.where(out, 0, np.negative(np.expm1(np.negative(zk)))); }
  protected _logCdf(x: Tensor): Tensor { const [out, , zk] = this.zk(x); return np.where(out, -Infinity, np.log(np.negative(np.expm1(np.negative(zk))))); }
  protected _survivalFunction(x: Tensor): Tensor { const [out, , zk] = this.zk(x); return np.where(out, 1, np.exp(np.negative(zk))); }
  protected _logSurvivalFunction(x: Tensor): Tensor { const [out, , zk] = this.zk(x); return np.where(out, 0, np.negative(zk)); }
  protected _quantile(p: Tensor): Tensor {
    const pp = np.astype(p, this._dtype);
    return np.multiply(this.scale, np.power(np.negative(np.log1p(np.negative(pp))), np.reciprocal(this.concentration)));
  }

  protected _mean(): Tensor {
    return np.broadcastTo(np.multiply(this.scale, np.exp(np.lgamma(np.add(1, np.reciprocal(this.concentration))))), this.batchShape);
  }
  protected _variance(): Tensor {
    const ik = np.reciprocal(this.concentration);
    const v = np.subtract(np.exp(np.lgamma(np.add(1, np.multiply(2, ik)))), np.exp(np.multiply(2, np.lgamma(np.add(1, ik)))));
    return np.broadcastTo(np.multiply(np.square(this.scale), v), this.batchShape);
  }
  protected _stddev(): Tensor { return np.sqrt(this._variance()); }
  protected _mode(): Tensor {
    const k = this.concentration;
    const m = np.multiply(this.scale, np.power(np.divide(np.subtract(k, 1), k), np.reciprocal(k)));
    return np.broadcastTo(np.where(np.greater(k, 1), m, 0), this.batchShape);
  }
  protected _entropy(): Tensor {
    const k = this.concentration;
    const h = np.add(np.add(np.multiply(EULER_GAMMA, np.subtract(1, np.reciprocal(k))), np.subtract(np.log(this.scale), np.log(k))), 1);
    return np.broadcastTo(h, this.batchShape);
  }
  protected _defaultEventSpaceBijector(): Bijector { return new Softplus({ validateArgs: this.validateArgs }); }
}
