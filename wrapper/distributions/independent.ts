/**
 * `tfd.Independent`: reinterprets the rightmost `reinterpretedBatchNdims` batch dimensions
 * of a distribution as event dimensions; log_prob sums over them. Sampling is the base
 * distribution's (same key consumption).
 */
import type { DType } from '../types/dtype.js';
import type { KeyLike } from '../types/random.js';
import { Tensor } from '../np/tensor.js';
import * as np from '../np/index.js';
import { klDivergence, registerKL } from './kl.js';
import type { Bijector } from '../bijectors/bijector.js';
import { Distribution, type DistributionOptions, type ParameterProperties, type ReparameterizationType, type SampleOptions } from './distribution.js';

/** Options of {@link Independent}. */
export interface IndependentOptions extends DistributionOptions {
  /** How many rightmost batch dims become event dims (default: all of them). */
  reinterpretedBatchNdims?: number;
}

/**
 * Independent(distribution, { reinterpretedBatchNdims }).
 * @example
 * ```ts
 * const d = new tfd.Independent(new tfd.Normal({ loc: np.zeros(5), scale: 1 }), { reinterpretedBatchNdims: 1 });
 * d.eventShape; // [5]
 * d.logProb(np.zeros([10, 2, 5])).shape; // [10, 2]
 * ```
 */
export class Independent extends Distribution {
  readonly distribution: Distribution;
  readonly reinterpretedBatchNdims: number;

  constructor(distribution: Distribution, options: IndependentOptions = {}) {
    super(options, `Independent${distribution.constructor.name}`);
    if (!(distribution instanceof Distribution)) throw new TypeError('Independent: distribution must be a Distribution');
    const nb = distribution.batchShape.length;
    const r = options.reinterpretedBatchNdims ?? nb;
    if (!Number.isInteger(r) || r < 0 || r > nb) {
      throw new RangeError(`Independent: reinterpretedBatchNdims must be an integer in [0, ${nb}] (the base batch rank); got ${r}`);
    }
    this.distribution = distribution;
    this.reinterpretedBatchNdims = r;
  }

  get parameterProperties(): Readonly<Record<string, ParameterProperties>> { return {}; }
  get parameters(): Readonly<Record<string, unknown>> {
    return { distribution: this.distribution, reinterpretedBatchNdims: this.reinterpretedBatchNdims, validateArgs: this.validateArgs, allowNanStats: this.allowNanStats, name: this.name };
  }
  protected _copy(p: Record<string, unknown>): Distribution {
    return new Independent(p.distribution as Distribution, p as IndependentOptions);
  }
  get dtype(): DType { return this.distribution.dtype; }
  get reparameterizationType(): ReparameterizationType { return this.distribution.reparameterizationType; }
  get batchShape(): number[] {
    const b = this.distribution.batchShape;
    return b.slice(0, b.length - this.reinterpretedBatchNdims);
  }
  get eventShape(): number[] {
    const b = this.distribution.batchShape;
    return [...b.slice(b.length - this.reinterpretedBatchNdims), ...this.distribution.eventShape];
  }

  protected _sampleN(n: number, seed: KeyLike): Tensor {
    return this.distribution.sample([n], { seed } as SampleOptions);
  }

  protected _logProb(x: Tensor): Tensor {
    const lp = this.distribution.logProb(x);
    const r = this.reinterpretedBatchNdims;
    if (r === 0) return lp;
    const axes = Array.from({ length: r }, (_, i) => lp.shape.length - r + i);
    return np.sum(lp, { axis: axes });
  }

  protected _mean(): Tensor { return this.distribution.mean(); }
  protected _variance(): Tensor { return this.distribution.variance(); }
  protected _stddev(): Tensor { return this.distribution.stddev(); }
  protected _mode(): Tensor { return this.distribution.mode(); }
  protected _covariance(): Tensor {
    if (this.reinterpretedBatchNdims !== 1 || this.distribution.eventShape.length !== 0) return this.notImplemented('covariance (only for one reinterpreted dimension of a scalar distribution)');
    const v = this.distribution.variance();
    return np.multiply(np.expandDims(v, -1), np.eye(v.shape[v.shape.length - 1], undefined, 0, v.dtype));
  }
  protected _defaultEventSpaceBijector(): Bijector { return this.distribution.experimentalDefaultEventSpaceBijector(); }
  protected _entropy(): Tensor {
    const e = this.distribution.entropy();
    const r = this.reinterpretedBatchNdims;
    return r === 0 ? e : np.sum(e, { axis: Array.from({ length: r }, (_, i) => e.shape.length - r + i) });
  }
}

// KL of two Independents with the same event rank: the base KL summed over the reinterpreted dims.
registerKL(Independent, Independent, (a, b) => {
  if (a.eventShape.length !== b.eventShape.length || a.distribution.eventShape.length !== b.distribution.eventShape.length) {
    throw new Error(`klDivergence: Independent distributions with different event ranks ([${a.eventShape}] vs [${b.eventShape}])`);
  }
  const kl = klDivergence(a.distribution, b.distribution);
  const r = a.eventShape.length - a.distribution.eventShape.length;
  return r === 0 ? kl : np.sum(kl, { axis: Array.from({ length: r }, (_, i) => kl.shape.length - r + i) });
});
