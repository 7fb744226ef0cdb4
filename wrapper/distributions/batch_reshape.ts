/**
 * `tfd.BatchReshape`: the same distribution with its batch dimensions reshaped, as TFP's
 * `tfd.BatchReshape`.
 *
 * Math: nothing changes but the layout: the batch members (in row-major order) are those of
 * the base distribution, so `batchShape` must have the base's number of batch members (one
 * entry may be -1, inferred). Sampling draws `base.sample([n])` with the key passed through
 * unchanged (the same bits as the base, as TFP) and reshapes to `[n, ...batchShape, ...E]`.
 * log_prob (and cdf, ...) reshape `x` from `[...S, ...batchShape, ...E]` to
 * `[...S, ...base.batchShape, ...E]` and the result back; unlike TFP (which rejects
 * broadcasting here), `x` is first broadcast to the full batch shape, so a single event
 * evaluates against every batch member. Statistics are the base's, reshaped.
 * The default event space bijector applies the base's on the reshaped batch.
 *
 * Provenance: TFP `distributions/batch_reshape.py`. NaN/inf and accuracy: the base's
 * (reshapes are exact).
 */
import type { DType } from '../types/dtype.js';
import type { KeyLike } from '../types/random.js';
import { Tensor } from '../np/tensor.js';
import * as np from '../np/index.js';
import { broadcastShapes, sizeOf } from '../np/shape.js';
import { Bijector } from '../bijectors/bijector.js';
import { Distribution, type DistributionOptions, type ParameterProperties, type ReparameterizationType } from './distribution.js';

/** Options of {@link BatchReshape}. */
export interface BatchReshapeOptions extends DistributionOptions {
  /** The new batch shape: same number of batch members as the base; at most one -1 (inferred). */
  batchShape: readonly number[];
}

/** Resolves a -1 in `shape` so that it has `size` elements; throws naming `batchShape` otherwise. */
function resolveShape(shape: unknown, size: number, base: number[]): number[] {
  if (!Array.isArray(shape)) throw new TypeError(`BatchReshape: batchShape must be an array of integers; got ${String(shape)}`);
  let unknown = -1, known = 1;
  shape.forEach((d, i) => {
    if (typeof d !== 'number' || !Number.isInteger(d) || d < -1) throw new RangeError(`BatchReshape: batchShape[${i}] must be a non-negative integer or -1; got ${String(d)}`);
    if (d === -1) {
      if (unknown >= 0) throw new RangeError('BatchReshape: batchShape may contain at most one -1');
      unknown = i;
    } else known *= d;
  });
  const out = [...shape] as number[];
  if (unknown >= 0) {
    if (known === 0 || size % known !== 0) throw new RangeError(`BatchReshape: cannot infer the -1 in batchShape [${shape.join(', ')}] for a base batch shape [${base.join(', ')}] (${size} members)`);
    out[unknown] = size / known;
  }
  if (sizeOf(out) !== size) throw new RangeError(`BatchReshape: batchShape [${shape.join(', ')}] has ${sizeOf(out)} members but the base batch shape [${base.join(', ')}] has ${size}`);
  return out;
}

/**
 * BatchReshape(distribution, { batchShape }).
 * @example
 * ```ts
 * const d = new tfd.BatchReshape(new tfd.Normal({ loc: np.zeros(6), scale: 1 }), { batchShape: [2, -1] });
 * d.batchShape;                                 // [2, 3]
 * d.logProb(np.zeros([2, 3])).shape;            // [2, 3]
 * d.sample([4], { seed: random.key(0) }).shape; // [4, 2, 3]
 * ```
 */
export class BatchReshape extends Distribution {
  /** The base distribution. */
  readonly distribution: Distribution;
  private readonly newBatch: number[];
  private readonly givenBatch: number[];

  constructor(distribution: Distribution, options: BatchReshapeOptions) {
    super(options ?? {}, `BatchReshape${distribution instanceof Distribution ? distribution.name : ''}`);
    if (!(distribution instanceof Distribution)) throw new TypeError('BatchReshape: distribution must be a Distribution');
    if (options === undefined || options.batchShape === undefined) throw new TypeError('BatchReshape: batchShape is required, e.g. new BatchReshape(d, { batchShape: [2, -1] })');
    const base = distribution.batchShape;
    this.newBatch = resolveShape(options.batchShape, sizeOf(base), base);
    this.givenBatch = [...options.batchShape];
    this.distribution = distribution;
  }

  get parameterProperties(): Readonly<Record<string, ParameterProperties>> { return {}; }
  get parameters(): Readonly<Record<string, unknown>> {
    return { distribution: this.distribution, batchShape: this.givenBatch, validateArgs: this.validateArgs, allowNanStats: this.allowNanStats, name: this.name };
  }
  protected _copy(p: Record<string, unknown>): Distribution {
    return new BatchReshape(p.distribution as Distribution, p as unknown as BatchReshapeOptions);
  }
  get dtype(): DType { return this.distribution.dtype; }
  get reparameterizationType(): ReparameterizationType { return this.distribution.reparameterizationType; }
  get batchShape(): number[] { return [...this.newBatch]; }
  get eventShape(): number[] { return this.distribution.eventShape; }

  protected _sampleN(n: number, seed: KeyLike): Tensor {
    return np.reshape(this.distribution.sample([n], { seed }), [n, ...this.newBatch, ...this.eventShape]);
  }

  /** Calls `fn` on x laid out for the base, and lays its result out for this batch shape. */
  private viaBase(fn: (x: Tensor) => Tensor, value: Tensor): Tensor {
    const nb = this.newBatch.length, eventShape = this.eventShape, eventNdims = eventShape.length;
    const lead = value.shape.slice(0, Math.max(0, value.shape.length - nb - eventNdims));
    const tail = value.shape.slice(lead.length);
    const bad = (): never => { throw new RangeError(`BatchReshape: value of shape [${value.shape.join(', ')}] does not broadcast to the batch shape [${this.newBatch.join(', ')}] and event shape [${eventShape.join(', ')}]`); };
    let full: number[] = [];
    try { full = broadcastShapes(tail, [...this.newBatch, ...eventShape], 'value'); } catch { bad(); }
    if (full.length !== nb + eventNdims || full.some((d, i) => d !== [...this.newBatch, ...eventShape][i])) bad();
    const x = np.reshape(np.broadcastTo(value, [...lead, ...full]), [...lead, ...this.distribution.batchShape, ...full.slice(nb)]);
    return np.reshape(fn(x), [...lead, ...this.newBatch]);
  }

  protected _logProb(x: Tensor): Tensor { return this.viaBase((v) => this.distribution.logProb(v), x); }
  protected _cdf(x: Tensor): Tensor { return this.viaBase((v) => this.distribution.cdf(v), x); }
  protected _logCdf(x: Tensor): Tensor { return this.viaBase((v) => this.distribution.logCdf(v), x); }
  protected _survivalFunction(x: Tensor): Tensor { return this.viaBase((v) => this.distribution.survivalFunction(v), x); }
  protected _logSurvivalFunction(x: Tensor): Tensor { return this.viaBase((v) => this.distribution.logSurvivalFunction(v), x); }

  /** A base statistic of shape base.batchShape + tail, reshaped to batchShape + tail. */
  private reshaped(t: Tensor, tail: number[]): Tensor {
    return np.reshape(np.broadcastTo(t, [...this.distribution.batchShape, ...tail]), [...this.newBatch, ...tail]);
  }
  protected _mean(): Tensor { return this.reshaped(this.distribution.mean(), this.eventShape); }
  protected _variance(): Tensor { return this.reshaped(this.distribution.variance(), this.eventShape); }
  protected _stddev(): Tensor { return this.reshaped(this.distribution.stddev(), this.eventShape); }
  protected _mode(): Tensor { return this.reshaped(this.distribution.mode(), this.eventShape); }
  protected _entropy(): Tensor { return this.reshaped(this.distribution.entropy(), []); }
  protected _covariance(): Tensor { const e = this.eventShape; return this.reshaped(this.distribution.covariance(), [...e, ...e]); }
  protected _quantile(p: Tensor): Tensor {
    // quantile's argument has no event dims; its result has the event shape (scalar events only).
    const nb = this.newBatch.length;
    const lead = p.shape.slice(0, Math.max(0, p.shape.length - nb));
    const x = np.reshape(np.broadcastTo(p, [...lead, ...this.newBatch]), [...lead, ...this.distribution.batchShape]);
    return np.reshape(this.distribution.quantile(x), [...lead, ...this.newBatch]);
  }
  protected _defaultEventSpaceBijector(): Bijector {
    return new BatchReshapeBijector(this, this.distribution.experimentalDefaultEventSpaceBijector());
  }
}

/** The base's event space bijector applied through the batch reshape (values keep any sample dims). */
class BatchReshapeBijector extends Bijector {
  private declare readonly dist: BatchReshape;
  private declare readonly bijector: Bijector;

  constructor(dist: BatchReshape, bijector: Bijector) {
    const ye = dist.eventShape.length, xe = bijector.inverseEventNdims(ye);
    super({ forwardMinEventNdims: xe, inverseMinEventNdims: ye, name: `batch_reshape_${bijector.name}` });
    Object.assign(this, { dist, bijector });
  }

  get parameters(): Readonly<Record<string, unknown>> { return { bijector: this.bijector, validateArgs: this.validateArgs, name: this.name }; }

  /** x: [...S, ...newBatch, ...E] -> fn on [...S, ...oldBatch, ...E] -> [...S, ...newBatch, ...E'] (E' = the output's event dims). */
  private through(fn: (t: Tensor) => Tensor, arg: Tensor, inEvent: number, outEvent: number): Tensor {
    const nb = this.dist.batchShape.length, ob = this.dist.distribution.batchShape;
    const lead = arg.shape.slice(0, Math.max(0, arg.shape.length - nb - inEvent));
    const ev = arg.shape.slice(arg.shape.length - inEvent);
    const full = np.broadcastTo(arg, [...lead, ...this.dist.batchShape, ...ev]);
    const r = fn(np.reshape(full, [...lead, ...ob, ...ev]));
    const rev = r.shape.slice(r.shape.length - outEvent);
    return np.reshape(r, [...lead, ...this.dist.batchShape, ...rev]);
  }

  protected _forward(x: Tensor): Tensor { return this.through((t) => this.bijector.forward(t), x, this.forwardMinEventNdims, this.inverseMinEventNdims); }
  protected _inverse(y: Tensor): Tensor { return this.through((t) => this.bijector.inverse(t), y, this.inverseMinEventNdims, this.forwardMinEventNdims); }
  protected _forwardLogDetJacobian(x: Tensor): Tensor { return this.through((t) => this.bijector.forwardLogDetJacobian(t, this.forwardMinEventNdims), x, this.forwardMinEventNdims, 0); }
  protected _inverseLogDetJacobian(y: Tensor): Tensor { return this.through((t) => this.bijector.inverseLogDetJacobian(t, this.inverseMinEventNdims), y, this.inverseMinEventNdims, 0); }
  protected _forwardEventShape(shape: number[]): number[] { return this.bijector.forwardEventShape(shape); }
  protected _inverseEventShape(shape: number[]): number[] { return this.bijector.inverseEventShape(shape); }
}
