/**
 * The Pareto distribution, as `tfd.Pareto` on JAX: concentration α > 0, scale s > 0
 * (default 1), support x >= s.
 *
 *   log p(x) = log α + α log s - (α + 1) log x;  cdf = -expm1(α log(s/x));
 *   log survival = α log(s/x);  quantile(p) = s exp(-log1p(-p)/α)
 *   mean α s/(α - 1) for α > 1 (inf otherwise), variance s² α/((α-1)² (α-2)) for α > 2
 *   (inf otherwise), mode s, entropy log(s/α) + 1/α + 1.
 * Below the support (x < s): log p = -inf, cdf 0, survival 1, as TFP's `_extend_support`
 * (evaluated at a safe point so gradients stay finite). Infinite mean/variance are inf, not
 * NaN, whatever allowNanStats (TFP).
 *
 * Provenance: TFP's pareto.py (formulas, sampler, KL Pareto–Pareto). Sampling as TFP:
 * u = `random.uniform(seed, [n, ...batchShape])`, x = exp(log s - log1p(-u)/α), a
 * differentiable function of α and s (FULLY_REPARAMETERIZED); not guaranteed bit-identical
 * with TFP (its seed salting). Event space bijector Chain([Shift(s), Softplus]) (TFP).
 */
import type { KeyLike } from '../types/random.js';
import { Tensor } from '../np/tensor.js';
import type { ParamInput } from '../util/variable.js';
import type { Bijector } from '../bijectors/bijector.js';
import { Chain } from '../bijectors/chain.js';
import { Shift } from '../bijectors/shift.js';
import { Softplus } from '../bijectors/softplus.js';
import * as np from '../np/index.js';
import { broadcastShapes } from '../np/shape.js';
import { uniform as randomUniform } from '../random/uniform.js';
import { registerKL } from './kl.js';
import type { DistributionOptions } from './distribution.js';
import { PositiveParamsDistribution } from './positive_params.js';

/** Parameters of {@link Pareto}. */
export interface ParetoOptions extends DistributionOptions {
  /** α (> 0). */
  concentration: ParamInput;
  /** s (> 0), the lower end of the support (default 1). */
  scale?: ParamInput;
}

/**
 * Pareto distribution.
 * @example
 * ```ts
 * const d = new tfd.Pareto({ concentration: 3, scale: 2 });
 * d.mean();                                  // 3
 * d.logProb(1);                              // -Infinity (below the support)
 * d.sample([3], { seed: random.key(0) });    // shape [3], all >= 2
 * ```
 */
export class Pareto extends PositiveParamsDistribution {
  constructor(options: ParetoOptions) {
    super(options as ParetoOptions & Record<string, unknown>, 'Pareto', { concentration: undefined, scale: 1 }, '{ concentration: 3, scale: 1 }');
  }

  /** α (current value). */
  get concentration(): Tensor { return this.param('concentration'); }
  /** s (current value). */
  get scale(): Tensor { return this.param('scale'); }

  protected _sampleN(n: number, seed: KeyLike): Tensor {
    const u = randomUniform(seed, [n, ...this.batchShape], this._dtype as 'float32' | 'float64');
    return np.exp(np.subtract(np.log(this.scale), np.divide(np.log1p(np.negative(u)), this.concentration)));
  }

  /** [x < s, log(s/x) with x clamped to s below the support] */
  private support(x: Tensor): [Tensor, Tensor] {
    const xx = np.astype(x, this._dtype), s = this.scale;
    const out = np.less(xx, s);
    return [out, np.log(np.divide(s, np.where(out, s, xx)))];
  }

  protected _logProb(x: Tensor): Tensor {
    const xx = np.astype(x, this._dtype), s = this.scale, c = this.concentration;
    const out = np.less(xx, s);
    const safe = np.where(out, s, xx);
    const lp = np.subtract(np.add(np.log(c), np.multiply(c, np.log(s))), np.multiply(np.add(c, 1), np.log(safe)));
    return np.where(out, -Infinity, lp);
  }
  protected _cdf(x: Tensor): Tensor {
    const [out, r] = this.support(x);
    return np.where(out, 0, np.negative(np.expm1(np.multiply(this.concentration, r))));
  }
  protected _logCdf(x: Tensor): Tensor {
    const [out, r] = this.support(x);
    return np.where(out, -Infinity, np.log(np.negative(np.expm1(np.multiply(this.concentration, r)))));
  }
  protected _survivalFunction(x: Tensor): Tensor { const [out, r] = this.support(x); return np.where(out, 1, np.exp(np.multiply(this.concentration, r))); }
  protected _logSurvivalFunction(x: Tensor): Tensor { const [out, r] = this.support(x); return np.where(out, 0, np.multiply(this.concentration, r)); }
  protected _quantile(p: Tensor): Tensor {
    const pp = np.astype(p, this._dtype);
    return np.multiply(this.scale, np.exp(np.negative(np.divide(np.log1p(np.negative(pp)), this.concentration))));
  }

  protected _mean(): Tensor {
    const c = this.concentration;
    const m = np.divide(np.multiply(c, this.scale), np.subtract(c, 1));
    return np.broadcastTo(np.where(np.greater(c, 1), m, Infinity), this.batchShape);
  }
  protected _variance(): Tensor {
    const c = this.concentration;
    const v = np.divide(np.multiply(np.square(this.scale), c), np.multiply(np.square(np.subtract(c, 1)), np.subtract(c, 2)));
    return np.broadcastTo(np.where(np.greater(c, 2), v, Infinity), this.batchShape);
  }
  protected _stddev(): Tensor { return np.sqrt(this._variance()); }
  protected _mode(): Tensor { return np.broadcastTo(this.scale, this.batchShape); }
  protected _entropy(): Tensor {
    const c = this.concentration;
    return np.broadcastTo(np.add(np.add(np.subtract(np.log(this.scale), np.log(c)), np.reciprocal(c)), 1), this.batchShape);
  }
  protected _defaultEventSpaceBijector(): Bijector {
    return new Chain([new Shift(this.scale, { validateArgs: this.validateArgs }), new Softplus({ validateArgs: this.validateArgs })], { validateArgs: this.validateArgs });
  }
}

// KL(a || b), TFP's form: b.α (log a.s - log b.s) + log a.α - log b.α + b.α/a.α - 1 when
// a.s >= b.s, inf otherwise (a puts mass where b has none).
registerKL(Pareto, Pareto, (a, b) => {
  const ca = a.concentration, cb = b.concentration;
  const kl = np.add(
    np.add(np.multiply(cb, np.subtract(np.log(a.scale), np.log(b.scale))), np.subtract(np.log(ca), np.log(cb))),
    np.subtract(np.divide(cb, ca), 1),
  );
  const shape = broadcastShapes(a.batchShape, b.batchShape, 'klDivergence: batch shapes');
  return np.broadcastTo(np.where(np.greaterEqual(a.scale, b.scale), kl, Infinity), shape);
});
