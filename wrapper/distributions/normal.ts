/**
 * The Normal (Gaussian) distribution, as `tfd.Normal` on JAX.
 *
 * Sampling consumes the key exactly as TFP on JAX does: `_sample_n(n, seed)` draws
 * `random.normal(seed, [n, ...batchShape])` and returns `z * scale + loc` (separate
 * float32 roundings, as in eager execution), so `new Normal({ loc: 0, scale: 1 })
 * .sample({ seed: PRNGKey(0) })` is JAX's -0.20584226. log_prob uses TFP's form
 * `-0.5 (x/scale - loc/scale)^2 - log(scale) - 0.5 log(2 pi)`. Invalid scale (<= 0) gives
 * NaN/inf results unless `validateArgs`, which throws naming `scale`.
 */
import type { ArrayLike, DType } from '../types/dtype.js';
import type { KeyLike } from '../types/random.js';
import { Tensor } from '../np/tensor.js';
import { asTensor } from '../np/asarray.js';
import * as np from '../np/index.js';
import { normal as randomNormal } from '../random/normal.js';
import { Distribution, commonFloat, type DistributionOptions, type ParameterProperties, type ReparameterizationType } from './distribution.js';

/** Parameters of {@link Normal}. */
export interface NormalOptions extends DistributionOptions {
  /** Mean. */
  loc: ArrayLike;
  /** Standard deviation (> 0). */
  scale: ArrayLike;
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
export class Normal extends Distribution {
  readonly loc: Tensor;
  readonly scale: Tensor;
  private readonly _dtype: DType;

  constructor(options: NormalOptions) {
    super(options, 'Normal');
    if (options === undefined || options.loc === undefined || options.scale === undefined) {
      throw new TypeError('Normal: both loc and scale are required, e.g. new Normal({ loc: 0, scale: 1 })');
    }
    const loc = asTensor(options.loc, undefined, 'loc'), scale = asTensor(options.scale, undefined, 'scale');
    this._dtype = commonFloat([loc, scale]);
    this.loc = np.astype(loc, this._dtype);
    this.scale = np.astype(scale, this._dtype);
    void this.batchShape; // checks that loc and scale broadcast
    if (this.validateArgs) {
      const s = this.scale.data();
      for (let i = 0; i < s.length; i++) {
        if (!(s[i] > 0)) throw new RangeError(`Normal: scale must be positive; got ${s[i]} at index ${i}`);
      }
    }
  }

  get parameterProperties(): Readonly<Record<string, ParameterProperties>> {
    return { loc: { eventNdims: 0 }, scale: { eventNdims: 0 } };
  }
  get parameters(): Readonly<Record<string, unknown>> { return { loc: this.loc, scale: this.scale }; }
  get dtype(): DType { return this._dtype; }
  get reparameterizationType(): ReparameterizationType { return 'FULLY_REPARAMETERIZED'; }
  get eventShape(): number[] { return []; }

  protected _sampleN(n: number, seed: KeyLike): Tensor {
    const z = randomNormal(seed, [n, ...this.batchShape], this._dtype as 'float32' | 'float64');
    // stop_gradient is not applied: the sample is a differentiable function of loc and scale
    return np.add(np.multiply(z, this.scale), this.loc);
  }

  protected _logProb(x: Tensor): Tensor {
    const xx = np.astype(x, this._dtype);
    const unnorm = np.multiply(-0.5, np.square(np.subtract(np.divide(xx, this.scale), np.divide(this.loc, this.scale))));
    return np.subtract(unnorm, np.add(np.log(this.scale), HALF_LOG_TWO_PI));
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

  private z(x: Tensor): Tensor {
    return np.divide(np.subtract(np.astype(x, this._dtype), this.loc), this.scale);
  }
}
