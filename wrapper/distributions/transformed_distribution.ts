/**
 * `tfd.TransformedDistribution({ distribution, bijector })`: the law of Y = g(X) for
 * X ~ distribution and a bijector g, as TFP's `tfd.TransformedDistribution`.
 *
 * - sample: g(base sample), drawing the base sample with the same key (so it is
 *   bit-identical with `bijector.forward(distribution.sample(shape, { seed }))`).
 * - logProb(y) = base.logProb(g^-1(y)) + log|det J_{g^-1}(y)|, the Jacobian term summed over
 *   this distribution's event dims (change of variables).
 * - cdf / logCdf / survivalFunction / logSurvivalFunction / quantile: only for scalar
 *   monotone bijectors; a decreasing one swaps cdf and survival function, and quantile(p)
 *   is g(base.quantile(p)) or g(base.quantile(1 - p)).
 * - mean, mode, stddev (variance), entropy: only for constant-Jacobian (affine) bijectors,
 *   as TFP: mean = g(base mean), stddev = |g(base stddev) - g(0)|,
 *   entropy = base entropy - log|det J_{g^-1}|. Otherwise a clear "does not implement" Error.
 * - experimentalDefaultEventSpaceBijector = Chain([bijector, base's]) (TFP: `bijector(base's)`).
 * - KL(TD(a, g) || TD(b, g)) = KL(a || b) when both use the same bijector object.
 *
 * The batch shape is the base's broadcast with the bijector's batch dims not used by one
 * event (TFP's parameter-property inference). Default name: bijector.name + base name
 * ('sigmoidNormal'). NaN/inf and accuracy are those of the base and the bijector.
 */
import type { DType } from '../types/dtype.js';
import type { KeyLike } from '../types/random.js';
import { Tensor } from '../np/tensor.js';
import * as np from '../np/index.js';
import { broadcastShapes } from '../np/shape.js';
import { Bijector, composers } from '../bijectors/bijector.js';
import { Chain } from '../bijectors/chain.js';
import { isIncreasing } from '../bijectors/monotone.js';
import { klDivergence, registerKL } from './kl.js';
import { Distribution, type DistributionOptions, type ParameterProperties, type ReparameterizationType, type SampleOptions } from './distribution.js';

/** Options of {@link TransformedDistribution}. */
export interface TransformedDistributionOptions extends Omit<DistributionOptions, 'allowNanStats'> {
  /** The base distribution p(x). */
  distribution: Distribution;
  /** The transform y = g(x). */
  bijector: Bijector;
}

const sameShape = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((d, i) => d === b[i]);

/**
 * The distribution of `bijector.forward(X)` for X ~ `distribution`.
 * @example
 * ```ts
 * const logNormal = new tfd.TransformedDistribution({ distribution: new tfd.Normal({ loc: 0, scale: 1 }), bijector: new tfb.Exp() });
 * logNormal.logProb(1);       // -0.9189385
 * logNormal.cdf(1);           // 0.5
 * const logitNormal = new tfb.Sigmoid()(new tfd.Normal({ loc: 0, scale: 1 })); // the same class, by calling
 * ```
 */
export class TransformedDistribution extends Distribution {
  /** The base distribution. */
  readonly distribution: Distribution;
  /** The transform. */
  readonly bijector: Bijector;

  constructor(options: TransformedDistributionOptions) {
    if (options === undefined || options === null || typeof options !== 'object') {
      throw new TypeError('TransformedDistribution: expected { distribution, bijector }, e.g. new TransformedDistribution({ distribution: new Normal({ loc: 0, scale: 1 }), bijector: new Exp() })');
    }
    const { distribution, bijector } = options;
    if (!(distribution instanceof Distribution)) throw new TypeError('TransformedDistribution: distribution must be a Distribution');
    if (!(bijector instanceof Bijector)) throw new TypeError('TransformedDistribution: bijector must be a Bijector');
    super({ validateArgs: options.validateArgs, allowNanStats: distribution.allowNanStats, name: options.name }, `${bijector.name}${distribution.name}`);
    this.distribution = distribution;
    this.bijector = bijector;
    const be = distribution.eventShape.length;
    if (be < bijector.forwardMinEventNdims) {
      throw new RangeError(`TransformedDistribution: the bijector '${bijector.name}' needs events of at least ${bijector.forwardMinEventNdims} dimension(s); the base distribution's event shape is [${distribution.eventShape.join(', ')}]`);
    }
    void this.batchShape; // the bijector's batch must broadcast with the base's
  }

  get parameterProperties(): Readonly<Record<string, ParameterProperties>> { return {}; }
  get parameters(): Readonly<Record<string, unknown>> {
    return { distribution: this.distribution, bijector: this.bijector, validateArgs: this.validateArgs, name: this.name };
  }
  protected _copy(p: Record<string, unknown>): Distribution {
    return new TransformedDistribution(p as unknown as TransformedDistributionOptions);
  }

  get dtype(): DType { return this.distribution.dtype; }
  get reparameterizationType(): ReparameterizationType { return this.distribution.reparameterizationType; }
  get eventShape(): number[] { return this.bijector.forwardEventShape(this.distribution.eventShape); }
  get batchShape(): number[] {
    const bb = this.bijector.batchShape;
    const used = Math.max(0, this.distribution.eventShape.length - this.bijector.forwardMinEventNdims);
    return broadcastShapes(this.distribution.batchShape, bb.slice(0, Math.max(0, bb.length - used)), 'TransformedDistribution: batch shapes of the distribution and the bijector');
  }

  protected _sampleN(n: number, seed: KeyLike): Tensor {
    let x = this.distribution.sample([n], { seed } as SampleOptions);
    const batch = this.batchShape, baseBatch = this.distribution.batchShape;
    if (batch.length > baseBatch.length) {
      // room for the bijector's batch dims: [n, 1.., ...baseBatch, ...baseEvent]
      x = np.reshape(x, [n, ...new Array<number>(batch.length - baseBatch.length).fill(1), ...x.shape.slice(1)]);
    }
    const y = this.bijector.forward(x);
    const want = [n, ...batch, ...this.eventShape];
    return sameShape(y.shape, want) ? y : np.broadcastTo(y, want);
  }

  protected _logProb(y: Tensor): Tensor {
    const x = this.bijector.inverse(y);
    const ildj = this.bijector.inverseLogDetJacobian(y, this.eventShape.length);
    return np.add(this.distribution.logProb(x), ildj);
  }

  /** +1/-1 direction of a scalar monotone bijector, or a clear error. */
  private direction(what: string): boolean {
    const inc = isIncreasing(this.bijector);
    if (inc === undefined) {
      return this.notImplemented(`${what} (the bijector '${this.bijector.name}' is not a scalar bijector known to be monotone in one direction)`);
    }
    return inc;
  }

  protected _cdf(y: Tensor): Tensor {
    const inc = this.direction('cdf'), x = this.bijector.inverse(y);
    return inc ? this.distribution.cdf(x) : this.distribution.survivalFunction(x);
  }
  protected _logCdf(y: Tensor): Tensor {
    const inc = this.direction('logCdf'), x = this.bijector.inverse(y);
    return inc ? this.distribution.logCdf(x) : this.distribution.logSurvivalFunction(x);
  }
  protected _survivalFunction(y: Tensor): Tensor {
    const inc = this.direction('survivalFunction'), x = this.bijector.inverse(y);
    return inc ? this.distribution.survivalFunction(x) : this.distribution.cdf(x);
  }
  protected _logSurvivalFunction(y: Tensor): Tensor {
    const inc = this.direction('logSurvivalFunction'), x = this.bijector.inverse(y);
    return inc ? this.distribution.logSurvivalFunction(x) : this.distribution.logCdf(x);
  }
  protected _quantile(p: Tensor): Tensor {
    const inc = this.direction('quantile');
    return this.bijector.forward(this.distribution.quantile(inc ? p : np.subtract(1, p)));
  }

  private affine(what: string): void {
    if (!this.bijector.isConstantJacobian) this.notImplemented(`${what} (only for bijectors with a constant Jacobian; '${this.bijector.name}' is not affine)`);
  }
  private full(t: Tensor): Tensor {
    const want = [...this.batchShape, ...this.eventShape];
    return sameShape(t.shape, want) ? t : np.broadcastTo(t, want);
  }

  protected _mean(): Tensor { this.affine('mean'); return this.full(this.bijector.forward(this.distribution.mean())); }
  protected _mode(): Tensor { this.affine('mode'); return this.full(this.bijector.forward(this.distribution.mode())); }
  protected _stddev(): Tensor {
    this.affine('stddev');
    if (this.bijector.forwardMinEventNdims !== 0 || this.bijector.inverseMinEventNdims !== 0) {
      return this.notImplemented('stddev (only for scalar affine bijectors)');
    }
    const s = this.distribution.stddev();
    return this.full(np.abs(np.subtract(this.bijector.forward(s), this.bijector.forward(np.zerosLike(s)))));
  }
  protected _entropy(): Tensor {
    this.affine('entropy');
    const ev = this.eventShape;
    const ildj = this.bijector.inverseLogDetJacobian(np.zeros(ev, this.dtype), ev.length);
    const h = np.subtract(this.distribution.entropy(), ildj);
    return sameShape(h.shape, this.batchShape) ? h : np.broadcastTo(h, this.batchShape);
  }
  protected _defaultEventSpaceBijector(): Bijector {
    return new Chain([this.bijector, this.distribution.experimentalDefaultEventSpaceBijector()]);
  }
}

composers.transform = (b, d) => new TransformedDistribution({ distribution: d, bijector: b });

// KL(TD(a, g) || TD(b, g)) = KL(a || b): a bijection does not change the divergence (TFP's rule, same bijector only).
registerKL(TransformedDistribution, TransformedDistribution, (a, b) => {
  if (a.bijector !== b.bijector) {
    throw new Error(`klDivergence: TransformedDistribution KL needs the same bijector object on both sides; got '${a.bijector.name}' and '${b.bijector.name}'`);
  }
  return klDivergence(a.distribution, b.distribution);
});
