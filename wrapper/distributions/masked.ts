/**
 * `tfd.Masked`: a distribution whose invalid batch members are masked out, as TFP's
 * `tfd.Masked`.
 *
 * Math: `validityMask` (boolean, broadcasting with the base batch shape; the batch shape is
 * their broadcast) marks valid members. For invalid members: `logProb(x) = 0` (and
 * `prob = 1`, `cdf = 1`, `logCdf = 0`, `survivalFunction = 0`, `logSurvivalFunction = -inf`),
 * `entropy = 0`, `variance = stddev = covariance = 0`, and `sample`, `mean`, `mode`,
 * `quantile` return the "safe value" `stopGradient(safeSampleFn(distribution))` (default:
 * one draw with the fixed key `PRNGKey(0)`, TFP's `zeros_seed`). Before the base is
 * evaluated, invalid positions of `x` are replaced by the safe value, so no NaN (and no
 * gradient) leaks from them to `x` or to the parameters.
 * Sampling: as TFP, the base is sampled at the broadcast batch shape (TFP's `BatchBroadcast`
 * key use: `base.sample([n, prod(batch)/prod(base batch)])`, key unchanged) and invalid
 * positions are replaced by the safe value. KL(Masked || Masked): the base KL where both
 * are valid, 0 where neither is, NaN where exactly one is.
 *
 * Provenance: TFP `distributions/masked.py`. Accuracy: the base's.
 */
import type { ArrayLike, DType } from '../types/dtype.js';
import type { KeyLike } from '../types/random.js';
import { Tensor } from '../np/tensor.js';
import { asTensor } from '../np/asarray.js';
import * as np from '../np/index.js';
import { broadcastShapes } from '../np/shape.js';
import { stopGradient } from '../autodiff/grad.js';
import { PRNGKey } from '../random/key.js';
import { Bijector } from '../bijectors/bijector.js';
import { klDivergence, registerKL } from './kl.js';
import { sampleBroadcastBatch } from './batch_broadcast_sample.js';
import { Distribution, type DistributionOptions, type ParameterProperties, type ReparameterizationType } from './distribution.js';

/** Options of {@link Masked}. */
export interface MaskedOptions extends DistributionOptions {
  /** Boolean mask (true = valid), broadcasting with the base batch shape. */
  validityMask: ArrayLike;
  /** A deterministic, safe value for invalid members (default: a draw with key PRNGKey(0)). */
  safeSampleFn?: (d: Distribution) => ArrayLike;
}

const fixedSample = (d: Distribution): Tensor => d.sample({ seed: PRNGKey(0) });
const withOnes = (t: Tensor, k: number): Tensor => k === 0 ? t : np.reshape(t, [...t.shape, ...new Array<number>(k).fill(1)]);

/**
 * Masked(distribution, { validityMask }).
 * @example
 * ```ts
 * const d = new tfd.Masked(new tfd.Normal({ loc: np.zeros(3), scale: 1 }), { validityMask: [true, false, true] });
 * d.logProb(np.zeros(3)); // [-0.9189385, 0, -0.9189385]
 * ```
 */
export class Masked extends Distribution {
  /** The base distribution. */
  readonly distribution: Distribution;
  /** The validity mask (bool tensor). */
  readonly validityMask: Tensor;
  /** The function giving the safe value for invalid members. */
  readonly safeSampleFn: (d: Distribution) => ArrayLike;

  constructor(distribution: Distribution, options: MaskedOptions) {
    super(options ?? {}, `Masked${distribution instanceof Distribution ? distribution.name : ''}`);
    if (!(distribution instanceof Distribution)) throw new TypeError('Masked: distribution must be a Distribution');
    if (options === undefined || options.validityMask === undefined) throw new TypeError('Masked: validityMask is required (a boolean array, true = valid)');
    const m = asTensor(options.validityMask, undefined, 'validityMask');
    if (m.dtype !== 'bool') throw new TypeError(`Masked: validityMask must be boolean (true = valid); got dtype ${m.dtype}`);
    broadcastShapes(distribution.batchShape, m.shape, 'Masked: validityMask and the distribution batch shape');
    this.distribution = distribution;
    this.validityMask = m;
    this.safeSampleFn = options.safeSampleFn ?? fixedSample;
  }

  get parameterProperties(): Readonly<Record<string, ParameterProperties>> { return {}; }
  get parameters(): Readonly<Record<string, unknown>> {
    return { distribution: this.distribution, validityMask: this.validityMask, safeSampleFn: this.safeSampleFn, validateArgs: this.validateArgs, allowNanStats: this.allowNanStats, name: this.name };
  }
  protected _copy(p: Record<string, unknown>): Distribution {
    return new Masked(p.distribution as Distribution, p as unknown as MaskedOptions);
  }
  get dtype(): DType { return this.distribution.dtype; }
  get reparameterizationType(): ReparameterizationType { return this.distribution.reparameterizationType; }
  get batchShape(): number[] { return broadcastShapes(this.distribution.batchShape, this.validityMask.shape, 'Masked'); }
  get eventShape(): number[] { return this.distribution.eventShape; }

  /** @internal The safe value, without gradient. */
  safeValue(): Tensor { return asTensor(stopGradient(asTensor(this.safeSampleFn(this.distribution), this.dtype, 'safeSampleFn result')) as Tensor); }

  /** The mask with `k` trailing unit dims. */
  private mask(k = 0): Tensor { return withOnes(this.validityMask, k); }

  protected _sampleN(n: number, seed: KeyLike): Tensor {
    const x = sampleBroadcastBatch(this.distribution, n, seed, this.batchShape);
    return np.where(this.mask(this.eventShape.length), x, this.safeValue());
  }

  /** f(safe x) where valid, `sentinel` elsewhere (TFP's make_arg0_safe functions). */
  private atSafe(f: (x: Tensor) => Tensor, x: Tensor, sentinel: number): Tensor {
    const safeX = np.where(this.mask(this.eventShape.length), x, this.safeValue());
    const v = f(safeX);
    return np.where(this.mask(), v, np.full([], sentinel, v.dtype));
  }
  /** A statistic with `k` event shapes: the base's where valid, `sentinel` (number or safe value) elsewhere. */
  private stat(v: Tensor, k: number, sentinel: number | 'safe'): Tensor {
    const s = sentinel === 'safe' ? np.astype(this.safeValue(), v.dtype) : np.full([], sentinel, v.dtype);
    return np.where(this.mask(k * this.eventShape.length), v, s);
  }

  protected _logProb(x: Tensor): Tensor { return this.atSafe((v) => this.distribution.logProb(v), x, 0); }
  protected _cdf(x: Tensor): Tensor { return this.atSafe((v) => this.distribution.cdf(v), x, 1); }
  protected _logCdf(x: Tensor): Tensor { return this.atSafe((v) => this.distribution.logCdf(v), x, 0); }
  protected _survivalFunction(x: Tensor): Tensor { return this.atSafe((v) => this.distribution.survivalFunction(v), x, 0); }
  protected _logSurvivalFunction(x: Tensor): Tensor { return this.atSafe((v) => this.distribution.logSurvivalFunction(v), x, -Infinity); }
  protected _entropy(): Tensor { return this.stat(this.distribution.entropy(), 0, 0); }
  protected _mean(): Tensor { return this.stat(this.distribution.mean(), 1, 'safe'); }
  protected _mode(): Tensor { return this.stat(this.distribution.mode(), 1, 'safe'); }
  protected _variance(): Tensor { return this.stat(this.distribution.variance(), 1, 0); }
  protected _stddev(): Tensor { return this.stat(this.distribution.stddev(), 1, 0); }
  protected _covariance(): Tensor { return this.stat(this.distribution.covariance(), 2, 0); }
  protected _quantile(p: Tensor): Tensor { return this.stat(this.distribution.quantile(p), 1, 'safe'); }
  protected _defaultEventSpaceBijector(): Bijector {
    return new MaskedEventSpaceBijector(this, this.distribution.experimentalDefaultEventSpaceBijector());
  }
}

/**
 * Masked's event space bijector (TFP's `_MaskedBijector`): invalid positions of x are
 * replaced by 0 (presumed safe in unconstrained space) before the base bijector, invalid
 * positions of y by the safe value; log-det-Jacobians are 0 at invalid positions.
 */
class MaskedEventSpaceBijector extends Bijector {
  private declare readonly dist: Masked;
  private declare readonly bijector: Bijector;
  private declare readonly xEvent: number;
  private declare readonly yEvent: number;

  constructor(dist: Masked, bijector: Bijector) {
    const ye = dist.eventShape.length, xe = bijector.inverseEventNdims(ye);
    super({ forwardMinEventNdims: xe, inverseMinEventNdims: ye, validateArgs: bijector.validateArgs, name: `masked_${bijector.name}` });
    Object.assign(this, { dist, bijector, xEvent: xe, yEvent: ye });
  }

  get parameters(): Readonly<Record<string, unknown>> { return { bijector: this.bijector, validateArgs: this.validateArgs, name: this.name }; }

  private safeX(x: Tensor): Tensor { return np.where(withOnes(this.dist.validityMask, this.xEvent), x, np.zeros([], x.dtype)); }
  private safeY(y: Tensor): Tensor { return np.where(withOnes(this.dist.validityMask, this.yEvent), y, np.astype(this.dist.safeValue(), y.dtype)); }
  private zeroInvalid(ldj: Tensor): Tensor { return np.where(this.dist.validityMask, ldj, np.zeros([], ldj.dtype)); }

  protected _forward(x: Tensor): Tensor { return this.safeY(this.bijector.forward(this.safeX(x))); }
  protected _inverse(y: Tensor): Tensor { return this.bijector.inverse(this.safeY(y)); }
  protected _forwardLogDetJacobian(x: Tensor): Tensor { return this.zeroInvalid(this.bijector.forwardLogDetJacobian(this.safeX(x), this.xEvent)); }
  protected _inverseLogDetJacobian(y: Tensor): Tensor { return this.zeroInvalid(this.bijector.inverseLogDetJacobian(this.safeY(y), this.yEvent)); }
  protected _forwardEventShape(shape: number[]): number[] { return this.bijector.forwardEventShape(shape); }
  protected _inverseEventShape(shape: number[]): number[] { return this.bijector.inverseEventShape(shape); }
}

// KL of two Masked distributions: base KL where both valid, 0 where neither, NaN otherwise (TFP).
registerKL(Masked, Masked, (a, b) => {
  const kl = klDivergence(a.distribution, b.distribution);
  const av = a.validityMask, bv = b.validityMask;
  if (!(a.allowNanStats && b.allowNanStats)) {
    const s = broadcastShapes(av.shape, bv.shape, 'klDivergence: masks');
    const ad = np.broadcastTo(av, s).data(), bd = np.broadcastTo(bv, s).data();
    for (let i = 0; i < ad.length; i++) if (ad[i] !== bd[i]) throw new Error('klDivergence: Masked KL is only defined where the validity masks agree (allowNanStats is false)');
  }
  const both = np.equal(np.add(np.astype(av, 'int32'), np.astype(bv, 'int32')), 2);
  const neither = np.equal(np.add(np.astype(av, 'int32'), np.astype(bv, 'int32')), 0);
  return np.where(both, kl, np.where(neither, np.zeros([], kl.dtype), np.full([], NaN, kl.dtype)));
});
