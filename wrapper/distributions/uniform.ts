/**
 * The continuous uniform distribution on [low, high], as `tfd.Uniform` on JAX.
 *
 * Math (TFP): prob = 1/(high - low) for low <= x <= high, 0 outside, NaN at NaN x (so
 * log prob = -log(range) or -inf); cdf = clip((x - low)/range, 0, 1); sf = clip((high - x)/
 * range, 0, 1) (TFP: 1 - cdf, the same function; this form keeps the digits near high);
 * quantile = (1 - p) low + p high; mean = (low + high)/2; variance = range^2/12; stddev =
 * range/sqrt(12); entropy = log(range). TFP defines no mode, so `mode()` throws.
 *
 * Sampling consumes the key exactly as TFP on JAX: u = random.uniform(seed, [n, ...batch])
 * (JAX's [0, 1) floats), x = low + (high - low) u, each operation rounded to the dtype (so
 * float32 samples of Uniform(0, 1) are bit-identical with `random.uniform`).
 *
 * Invalid parameters (low >= high) are not NaN in TFP (the density is 0 or negative);
 * `validateArgs` throws a RangeError naming `low` and `high`. `high`'s default constraining
 * bijector is not defined (TFP: BIJECTOR_NOT_IMPLEMENTED, since it depends on `low`);
 * calling it throws.
 */
import type { DType } from '../types/dtype.js';
import type { KeyLike } from '../types/random.js';
import { Tensor } from '../np/tensor.js';
import type { ParamInput } from '../util/variable.js';
import type { Bijector } from '../bijectors/bijector.js';
import { Sigmoid } from '../bijectors/sigmoid.js';
import * as np from '../np/index.js';
import { broadcastShapes } from '../np/shape.js';
import { uniform as randomUniform } from '../random/uniform.js';
import { registerKL } from './kl.js';
import { Distribution, type DistributionOptions, type ParameterProperties, type ReparameterizationType } from './distribution.js';

/** Parameters of {@link Uniform}. */
export interface UniformOptions extends DistributionOptions {
  /** Lower bound (default 0). */
  low?: ParamInput;
  /** Upper bound (default 1; must exceed low). */
  high?: ParamInput;
}

/**
 * Uniform distribution on [low, high] (default [0, 1]).
 * @example
 * ```ts
 * const d = new tfd.Uniform({ low: -1, high: 3 });
 * d.logProb(0);                                // -1.3862944
 * d.cdf(1);                                    // 0.5
 * new tfd.Uniform().sample([2], { seed: random.key(0) }); // same as random.uniform(random.key(0), [2])
 * ```
 */
export class Uniform extends Distribution {
  private readonly _dtype: DType;

  constructor(options: UniformOptions = {}) {
    super(options ?? {}, 'Uniform');
    const o = options ?? {};
    this._dtype = this.initParams({ low: o.low ?? 0, high: o.high ?? 1 });
    if (this.validateArgs) {
      const lo = np.broadcastTo(this.low, this.batchShape).data(), hi = np.broadcastTo(this.high, this.batchShape).data();
      for (let i = 0; i < lo.length; i++) {
        if (!(Number(lo[i]) < Number(hi[i]))) {
          throw new RangeError(`Uniform: low must be less than high; got low=${lo[i]}, high=${hi[i]}${lo.length > 1 ? ` at index ${i}` : ''}`);
        }
      }
    }
  }

  /** Lower bound (current value). */
  get low(): Tensor { return this.param('low'); }
  /** Upper bound (current value). */
  get high(): Tensor { return this.param('high'); }
  /** high - low. @example `new tfd.Uniform({ low: 1, high: 4 }).range() // 3` */
  range(): Tensor { return np.subtract(this.high, this.low); }

  get parameterProperties(): Readonly<Record<string, ParameterProperties>> {
    return {
      low: { eventNdims: 0 },
      high: {
        eventNdims: 0,
        defaultConstrainingBijector: () => {
          throw new Error('Uniform: high has no default constraining bijector (it depends on low; TFP: BIJECTOR_NOT_IMPLEMENTED)');
        },
      },
    };
  }
  get dtype(): DType { return this._dtype; }
  get reparameterizationType(): ReparameterizationType { return 'FULLY_REPARAMETERIZED'; }
  get eventShape(): number[] { return []; }

  protected _sampleN(n: number, seed: KeyLike): Tensor {
    const u = randomUniform(seed, [n, ...this.batchShape], this._dtype as 'float32' | 'float64');
    return np.add(this.low, np.multiply(this.range(), u));
  }

  protected _logProb(x: Tensor): Tensor {
    const xx = np.astype(x, this._dtype);
    const inside = np.where(np.greater(xx, this.high), -Infinity, np.negative(np.log(this.range())));
    return np.where(np.isnan(xx), xx, np.where(np.less(xx, this.low), -Infinity, inside));
  }

  protected _cdf(x: Tensor): Tensor {
    return np.clip(np.divide(np.subtract(np.astype(x, this._dtype), this.low), this.range()), 0, 1);
  }
  protected _survivalFunction(x: Tensor): Tensor {
    return np.clip(np.divide(np.subtract(this.high, np.astype(x, this._dtype)), this.range()), 0, 1);
  }
  protected _quantile(p: Tensor): Tensor {
    const pp = np.astype(p, this._dtype);
    return np.add(np.multiply(np.subtract(1, pp), this.low), np.multiply(pp, this.high));
  }

  protected _mean(): Tensor { return np.broadcastTo(np.multiply(np.add(this.low, this.high), 0.5), this.batchShape); }
  protected _variance(): Tensor { return np.broadcastTo(np.divide(np.square(this.range()), 12), this.batchShape); }
  protected _stddev(): Tensor { return np.broadcastTo(np.divide(this.range(), Math.sqrt(12)), this.batchShape); }
  protected _entropy(): Tensor { return np.broadcastTo(np.log(this.range()), this.batchShape); }
  protected _defaultEventSpaceBijector(): Bijector {
    return new Sigmoid({ low: this.low, high: this.high, validateArgs: this.validateArgs });
  }
}

// KL(a || b) of two uniforms (TFP): log(range_b / range_a) when [la, ha] lies in [lb, hb], else inf.
registerKL(Uniform, Uniform, (a, b) => {
  const logRatio = np.subtract(np.log(b.range()), np.log(a.range()));
  const kl = np.where(np.lessEqual(b.low, a.low), np.where(np.lessEqual(a.high, b.high), logRatio, Infinity), Infinity);
  return np.broadcastTo(kl, broadcastShapes(a.batchShape, b.batchShape, 'klDivergence: batch shapes'));
});
