/**
 * The Normal (Gaussian) distribution, as `tfd.Normal` on JAX.
 *
 * Sampling consumes the key exactly as TFP on JAX does: `_sample_n(n, seed)` draws
 * `random.normal(seed, [n, ...batchShape])` and returns `z * scale + loc` (separate
 * float32 roundings, as in eager execution), so `new Normal({ loc: 0, scale: 1 })
 * .sample({ seed: PRNGKey(0) })` is JAX's -0.20584226. log_prob uses TFP's form
 * `-0.5 (x/scale - loc/scale)^2 - log(scale) - 0.5 log(2 pi)`, evaluated in one pass by the
 * fused kernel (./fused/normal.ts) when the shapes allow, with the same bits. Invalid scale (<= 0) gives
 * NaN/inf results unless `validateArgs`, which throws naming `scale`.
 */
import type { KeyLike } from '../types/random.js';
import { Tensor } from '../np/tensor.js';
import type { ParamInput } from '../util/variable.js';
import type { Bijector } from '../bijectors/bijector.js';
import { Identity } from '../bijectors/identity.js';
import * as np from '../np/index.js';
import { broadcastShapes } from '../np/shape.js';
import { normal as randomNormal } from '../random/normal.js';
import { registerKL } from './kl.js';
import { normalLogProb } from './fused/normal.js';
import type { DistributionOptions } from './distribution.js';
import { LocScaleDistribution } from './loc_scale.js';

/** Parameters of {@link Normal}. */
export interface NormalOptions extends DistributionOptions {
  /** Mean. */
  loc: ParamInput;
  /** Standard deviation (> 0). */
  scale: ParamInput;
}

const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/**
 * Normal distribution with mean `loc` and standard deviation `scale` (broadcasting).
 * @example
 * ```ts
 * const d = new tfd.Normal({ loc: 0, scale: 1 });
 * d.logProb(0);                                 // -0.9189385
 * d.sample([2, 3], { seed: random.key(0) });    // shape [2, 3]
 * new tfd.Normal({ loc: np.ones(5), scale: np.ones(5) }).batchShape; // [5]
 * ```
 */
export class Normal extends LocScaleDistribution {
  constructor(options: NormalOptions) {
    super(options, 'Normal');
  }

  protected _sampleN(n: number, seed: KeyLike): Tensor {
    const z = randomNormal(seed, [n, ...this.batchShape], this._dtype as 'float32' | 'float64');
    // stop_gradient is not applied: the sample is a differentiable function of loc and scale
    return np.add(np.multiply(z, this.scale), this.loc);
  }

  protected _logProb(x: Tensor): Tensor {
    const xx = np.astype(x, this._dtype);
    const scale = this.scale, loc = this.loc;
    // one pass in the wasm core when x, loc, scale are single values or full-shape (same bits)
    const fused = normalLogProb(xx, loc, scale);
    if (fused) return fused;
    const unnorm = np.multiply(-0.5, np.square(np.subtract(np.divide(xx, scale), np.divide(loc, scale))));
    return np.subtract(unnorm, np.add(np.log(scale), HALF_LOG_TWO_PI));
  }

  protected _mean(): Tensor { return np.broadcastTo(this.loc, this.batchShape); }
  protected _stddev(): Tensor { return np.broadcastTo(this.scale, this.batchShape); }
  protected _mode(): Tensor { return this._mean(); }
  protected _entropy(): Tensor { return np.broadcastTo(np.add(np.log(this.scale), 0.5 + HALF_LOG_TWO_PI), this.batchShape); }
  protected _cdf(x: Tensor): Tensor { return np.ndtr(this.z(x)); }
  protected _logCdf(x: Tensor): Tensor { return np.logNdtr(this.z(x)); }
  protected _survivalFunction(x: Tensor): Tensor { return np.ndtr(np.negative(this.z(x))); }
  protected _logSurvivalFunction(x: Tensor): Tensor { return np.logNdtr(np.negative(this.z(x))); }
  protected _quantile(p: Tensor): Tensor { return np.add(np.multiply(np.ndtri(np.astype(p, this._dtype)), this.scale), this.loc); }
  protected _defaultEventSpaceBijector(): Bijector { return new Identity(); }

  private z(x: Tensor): Tensor {
    return np.divide(np.subtract(np.astype(x, this._dtype), this.loc), this.scale);
  }
}

// KL(a || b) of two normals, TFP's form: 0.5 ((la - lb)/sb)^2 + 0.5 expm1(2 d) - d, d = log sa - log sb.
registerKL(Normal, Normal, (a, b) => {
  const d = np.subtract(np.log(a.scale), np.log(b.scale));
  const m = np.divide(np.subtract(a.loc, b.loc), b.scale);
  const kl = np.subtract(np.add(np.multiply(0.5, np.square(m)), np.multiply(0.5, np.expm1(np.multiply(2, d)))), d);
  return np.broadcastTo(kl, broadcastShapes(a.batchShape, b.batchShape, 'klDivergence: batch shapes'));
});
