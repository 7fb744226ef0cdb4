/**
 * `tfd.Sample`: a distribution over IID draws of a base distribution, as TFP's `tfd.Sample`.
 *
 * Math: with base density p and sample shape s (n = prod(s) draws),
 * `p_Sample(x) = prod_i p(x[i])`, so log_prob sums the base log_prob over the sample
 * dims. Shapes: `batchShape = base.batchShape`, `eventShape = sampleShape + base.eventShape`.
 * Samples have shape `[...S, ...B, ...s, ...E]`: like TFP, one base draw of shape
 * `[n, ...s]` (key passed through unchanged, so the bits are those of the base sampler)
 * whose `s` dims are then moved after the batch dims. log_prob does the inverse
 * transpose, broadcasts the base log_prob over the sample dims, and sums them. mean,
 * variance, stddev and mode are the base statistics broadcast over `s`; entropy is
 * `n * base.entropy()`; KL(Sample || Sample) is `n * KL(base || base)`.
 * The default event space bijector applies the base one with the `s` dims moved in
 * front of the batch dims (TFP's `_DefaultSampleBijector`).
 *
 * Provenance: TFP `distributions/sample.py`. NaN/inf: whatever the base produces
 * (sums propagate NaN/inf). Accuracy: that of the base plus a plain float sum over `n`
 * terms (TFP's optional Kahan summation is not offered).
 */
import type { DType } from '../types/dtype.js';
import type { KeyLike } from '../types/random.js';
import { Tensor } from '../np/tensor.js';
import * as np from '../np/index.js';
import { broadcastShapes, checkShape, sizeOf } from '../np/shape.js';
import { Bijector } from '../bijectors/bijector.js';
import { klDivergence, registerKL } from './kl.js';
import { Distribution, type DistributionOptions, type ParameterProperties, type ReparameterizationType } from './distribution.js';

/** Options of {@link Sample}. */
export interface SampleDistributionOptions extends DistributionOptions {
  /** Shape of one IID draw set: a count or an array of non-negative integers (default []). */
  sampleShape?: number | readonly number[];
}

const range = (a: number, b: number): number[] => Array.from({ length: Math.max(0, b - a) }, (_, i) => a + i);
const invert = (perm: number[]): number[] => { const out = new Array<number>(perm.length); perm.forEach((p, i) => { out[p] = i; }); return out; };
/** Prepends size-1 dims so that `t` has at least `rank` dims. */
const padRank = (t: Tensor, rank: number): Tensor => t.shape.length >= rank ? t : np.reshape(t, [...new Array<number>(rank - t.shape.length).fill(1), ...t.shape]);

/**
 * Sample(distribution, { sampleShape }): IID draws as one event.
 * @example
 * ```ts
 * const s = new tfd.Sample(new tfd.Normal({ loc: np.zeros(3), scale: 1 }), { sampleShape: [5, 4] });
 * s.batchShape; // [3]
 * s.eventShape; // [5, 4]
 * s.sample([6], { seed: random.key(0) }).shape; // [6, 3, 5, 4]
 * s.logProb(np.zeros([5, 4])).shape;            // [3]
 * ```
 */
export class Sample extends Distribution {
  /** The base distribution. */
  readonly distribution: Distribution;
  /** The IID sample shape (part of the event shape). */
  readonly sampleShape: number[];

  constructor(distribution: Distribution, options: SampleDistributionOptions = {}) {
    super(options, `Sample${distribution instanceof Distribution ? distribution.name : ''}`);
    if (!(distribution instanceof Distribution)) throw new TypeError('Sample: distribution must be a Distribution');
    try {
      this.sampleShape = checkShape(options.sampleShape ?? [], 'sampleShape');
    } catch (e) {
      const E = e instanceof RangeError ? RangeError : TypeError;
      throw new E(`Sample: ${(e as Error).message}`);
    }
    this.distribution = distribution;
  }

  get parameterProperties(): Readonly<Record<string, ParameterProperties>> { return {}; }
  get parameters(): Readonly<Record<string, unknown>> {
    return { distribution: this.distribution, sampleShape: this.sampleShape, validateArgs: this.validateArgs, allowNanStats: this.allowNanStats, name: this.name };
  }
  protected _copy(p: Record<string, unknown>): Distribution {
    return new Sample(p.distribution as Distribution, p as SampleDistributionOptions);
  }
  get dtype(): DType { return this.distribution.dtype; }
  get reparameterizationType(): ReparameterizationType { return this.distribution.reparameterizationType; }
  get batchShape(): number[] { return this.distribution.batchShape; }
  get eventShape(): number[] { return [...this.sampleShape, ...this.distribution.eventShape]; }

  /** Permutation taking `[...S, ...s, ...B, ...E]` to `[...S, ...B, ...s, ...E]` (TFP's sampling permutation). */
  private samplingPerm(sampleNdims: number): number[] {
    const s = this.sampleShape.length, b = this.distribution.batchShape.length, e = this.distribution.eventShape.length;
    return [...range(0, sampleNdims), ...range(sampleNdims + s, sampleNdims + s + b), ...range(sampleNdims, sampleNdims + s), ...range(sampleNdims + s + b, sampleNdims + s + b + e)];
  }

  protected _sampleN(n: number, seed: KeyLike): Tensor {
    const x = this.distribution.sample([n, ...this.sampleShape], { seed });
    return np.transpose(x, this.samplingPerm(1));
  }

  protected _logProb(value: Tensor): Tensor {
    const s = this.sampleShape.length, b = this.distribution.batchShape.length, e = this.distribution.eventShape.length;
    const x = padRank(value, s + b + e);
    const sampleNdims = x.shape.length - s - b - e;
    const lp = this.distribution.logProb(np.transpose(x, invert(this.samplingPerm(sampleNdims))));
    // lp: [...S, ...s', ...B'] where s' may hold broadcast size-1 dims; broadcast before summing.
    const target = broadcastShapes(lp.shape, [...new Array<number>(sampleNdims).fill(1), ...this.sampleShape, ...new Array<number>(b).fill(1)], 'Sample.logProb');
    const full = np.broadcastTo(lp, target);
    return s === 0 ? full : np.sum(full, { axis: range(sampleNdims, sampleNdims + s) });
  }

  /** Broadcasts a base statistic of shape `B + E` to `B + s + E`. */
  private statistic(x: Tensor): Tensor {
    const B = this.distribution.batchShape, E = this.distribution.eventShape;
    const r = np.reshape(np.broadcastTo(x, [...B, ...E]), [...B, ...this.sampleShape.map(() => 1), ...E]);
    return np.broadcastTo(r, [...B, ...this.sampleShape, ...E]);
  }

  protected _mean(): Tensor { return this.statistic(this.distribution.mean()); }
  protected _variance(): Tensor { return this.statistic(this.distribution.variance()); }
  protected _stddev(): Tensor { return this.statistic(this.distribution.stddev()); }
  protected _mode(): Tensor { return this.statistic(this.distribution.mode()); }
  protected _entropy(): Tensor { return np.multiply(this.distribution.entropy(), sizeOf(this.sampleShape)); }
  protected _defaultEventSpaceBijector(): Bijector {
    return new SampleEventSpaceBijector(this, this.distribution.experimentalDefaultEventSpaceBijector());
  }
}

/**
 * Sample's event space bijector: moves the `s` dims in front of the batch dims, applies the
 * base distribution's bijector at the base event rank, moves them back; log-det-Jacobians
 * are broadcast over and summed across the `s` dims. Min event ndims are `s` plus the full
 * base event rank (TFP states `s` plus the base bijector's minimum, but its transposes
 * assume the full base event is present, which this makes explicit).
 */
class SampleEventSpaceBijector extends Bijector {
  private declare readonly dist: Sample;
  private declare readonly bijector: Bijector;
  private declare readonly xEventNdims: number;
  private declare readonly yEventNdims: number;

  constructor(dist: Sample, bijector: Bijector) {
    const s = dist.sampleShape.length, ye = dist.distribution.eventShape.length;
    const xe = bijector.inverseEventNdims(ye);
    super({ forwardMinEventNdims: s + xe, inverseMinEventNdims: s + ye, name: `sample_${bijector.name}` });
    Object.assign(this, { dist, bijector, xEventNdims: xe, yEventNdims: ye });
  }

  get parameters(): Readonly<Record<string, unknown>> { return { bijector: this.bijector, validateArgs: this.validateArgs, name: this.name }; }

  /** [...S, ...B, ...s, ...E] -> fn on [...S, ...s, ...B, ...E] -> back, where fn keeps `outEventNdims` event dims. */
  private around(fn: (t: Tensor) => Tensor, arg: Tensor, inEventNdims: number, outEventNdims: number): Tensor {
    const s = this.dist.sampleShape.length, b = this.dist.distribution.batchShape.length;
    const x = padRank(arg, s + b + inEventNdims);
    const S = x.shape.length - s - b - inEventNdims;
    const toFront = [...range(0, S), ...range(S + b, S + b + s), ...range(S, S + b), ...range(S + b + s, x.shape.length)];
    const r = padRank(fn(np.transpose(x, toFront)), S + s + b + outEventNdims);
    const S2 = r.shape.length - s - b - outEventNdims;
    const back = [...range(0, S2), ...range(S2 + s, S2 + s + b), ...range(S2, S2 + s), ...range(S2 + s + b, r.shape.length)];
    return np.transpose(r, back);
  }

  /** Broadcasts an LDJ of shape [...S, ...B, ...s'] over s and sums the s dims. */
  private reduce(ldj: Tensor): Tensor {
    const s = this.dist.sampleShape.length;
    if (s === 0) return ldj;
    const target = broadcastShapes(ldj.shape, this.dist.sampleShape, 'Sample bijector log-det-Jacobian');
    return np.sum(np.broadcastTo(ldj, target), { axis: range(target.length - s, target.length) });
  }

  protected _forward(x: Tensor): Tensor { return this.around((t) => this.bijector.forward(t), x, this.xEventNdims, this.yEventNdims); }
  protected _inverse(y: Tensor): Tensor { return this.around((t) => this.bijector.inverse(t), y, this.yEventNdims, this.xEventNdims); }
  protected _forwardLogDetJacobian(x: Tensor): Tensor {
    return this.reduce(this.around((t) => this.bijector.forwardLogDetJacobian(t, this.xEventNdims), x, this.xEventNdims, 0));
  }
  protected _inverseLogDetJacobian(y: Tensor): Tensor {
    return this.reduce(this.around((t) => this.bijector.inverseLogDetJacobian(t, this.yEventNdims), y, this.yEventNdims, 0));
  }
  protected _forwardEventShape(shape: number[]): number[] {
    const s = this.dist.sampleShape.length;
    return [...shape.slice(0, s), ...this.bijector.forwardEventShape(shape.slice(s))];
  }
  protected _inverseEventShape(shape: number[]): number[] {
    const s = this.dist.sampleShape.length;
    return [...shape.slice(0, s), ...this.bijector.inverseEventShape(shape.slice(s))];
  }
}

// KL(Sample(a, s) || Sample(b, s)) = prod(s) * KL(a || b), as TFP.
registerKL(Sample, Sample, (a, b) => {
  if (a.sampleShape.length !== b.sampleShape.length || a.sampleShape.some((d, i) => d !== b.sampleShape[i])) {
    throw new RangeError(`klDivergence: Sample distributions need identical sampleShape ([${a.sampleShape}] vs [${b.sampleShape}])`);
  }
  return np.multiply(klDivergence(a.distribution, b.distribution), sizeOf(a.sampleShape));
});
