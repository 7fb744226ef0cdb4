/**
 * `tfd.MixtureSameFamily`: a finite mixture whose k components are the batch members along
 * the last batch dimension of one distribution, as TFP's `tfd.MixtureSameFamily`.
 *
 * Math: with mixing weights w = softmax(logits) of the Categorical `mixtureDistribution`
 * and component densities p_j (`componentsDistribution`, batch shape `[...B, k]`):
 * `log p(x) = logsumexp_j(log_softmax(logits)_j + log p_j(x))` (stable for far tails),
 * `mean = sum_j w_j mean_j`, `variance = sum_j w_j var_j + sum_j w_j (mean_j - mean)^2`
 * (law of total variance), `covariance` likewise for vector events, `logCdf` (scalar
 * events) = `logsumexp_j(log w_j + logCdf_j(x))`. The batch shape is the broadcast of the
 * mixture's batch shape and the components' batch shape without its last dimension.
 *
 * Sampling follows TFP on JAX: the key is salted (`foldIn(key, 1208372839)`, TFP's
 * `sha512('MixtureSameFamily') mod (2^31 - 1)`) and split in two,
 * `[componentsKey, mixKey]`; all components are drawn with `componentsKey` at the full batch
 * shape `[...B, k]` (TFP's BatchBroadcast key use), categories with `mixKey` from the
 * Categorical (its logits broadcast to `[...B, k]` when the batch shapes differ), and the
 * chosen component's draw is kept. Samples are not reparameterized (TFP's optional
 * implicit reparameterization is not offered); gradients reach only the chosen
 * component's parameters.
 * No default event space bijector (TFP returns None for mixtures): it throws.
 *
 * Provenance: TFP `distributions/mixture_same_family.py`. NaN/inf: a component with NaN
 * log-density makes the mixture NaN; -inf component log-densities are ignored by the
 * logsumexp. Accuracy: a few ulps beyond that of the component log-densities.
 */
import type { DType } from '../types/dtype.js';
import type { KeyLike } from '../types/random.js';
import { Tensor } from '../np/tensor.js';
import * as np from '../np/index.js';
import { broadcastShapes } from '../np/shape.js';
import { foldIn, split } from '../random/key.js';
import type { Bijector } from '../bijectors/bijector.js';
import { Categorical } from './categorical.js';
import { sampleBroadcastBatch } from './batch_broadcast_sample.js';
import { Distribution, type DistributionOptions, type ParameterProperties, type ReparameterizationType } from './distribution.js';

/** TFP's salt for MixtureSameFamily sampling: int(sha512('MixtureSameFamily').hexdigest(), 16) % (2**31 - 1). */
const SALT = 1208372839;

/** Options of {@link MixtureSameFamily}. */
export interface MixtureSameFamilyOptions extends DistributionOptions {
  /** Categorical over the k components (batch shape broadcasting with the components' batch shape without its last dim). */
  mixtureDistribution: Categorical;
  /** The components: a distribution whose last batch dimension (size k) indexes the components. */
  componentsDistribution: Distribution;
}

const ones = (k: number): number[] => new Array<number>(k).fill(1);

/**
 * MixtureSameFamily({ mixtureDistribution, componentsDistribution }).
 * @example
 * ```ts
 * const gm = new tfd.MixtureSameFamily({
 *   mixtureDistribution: new tfd.Categorical({ probs: [0.3, 0.7] }),
 *   componentsDistribution: new tfd.Normal({ loc: [-1, 1], scale: [0.1, 0.5] }),
 * });
 * gm.mean();     // 0.4
 * gm.variance(); // 1.018
 * gm.logProb(0);
 * ```
 */
export class MixtureSameFamily extends Distribution {
  /** The Categorical choosing a component. */
  readonly mixtureDistribution: Categorical;
  /** The components (last batch dim indexes them). */
  readonly componentsDistribution: Distribution;

  constructor(options: MixtureSameFamilyOptions) {
    super(options ?? {}, 'MixtureSameFamily');
    if (options === undefined || options.mixtureDistribution === undefined || options.componentsDistribution === undefined) {
      throw new TypeError('MixtureSameFamily: mixtureDistribution (a Categorical) and componentsDistribution are required');
    }
    const { mixtureDistribution: mix, componentsDistribution: comp } = options;
    if (!(mix instanceof Categorical)) throw new TypeError(`MixtureSameFamily: mixtureDistribution must be a Categorical; got ${describeDist(mix)}`);
    if (!(comp instanceof Distribution)) throw new TypeError(`MixtureSameFamily: componentsDistribution must be a Distribution; got ${describeDist(comp)}`);
    const cb = comp.batchShape;
    if (cb.length < 1) throw new RangeError('MixtureSameFamily: componentsDistribution must have at least one batch dimension (its last one indexes the components)');
    const km = mix.logitsParameter().shape.at(-1), kc = cb[cb.length - 1];
    if (km !== kc) throw new RangeError(`MixtureSameFamily: mixtureDistribution has ${km} categories but componentsDistribution.batchShape[-1] is ${kc}`);
    broadcastShapes(mix.batchShape, cb.slice(0, -1), 'MixtureSameFamily: mixtureDistribution.batchShape and componentsDistribution.batchShape[:-1]');
    this.mixtureDistribution = mix;
    this.componentsDistribution = comp;
  }

  get parameterProperties(): Readonly<Record<string, ParameterProperties>> { return {}; }
  get parameters(): Readonly<Record<string, unknown>> {
    return { mixtureDistribution: this.mixtureDistribution, componentsDistribution: this.componentsDistribution, validateArgs: this.validateArgs, allowNanStats: this.allowNanStats, name: this.name };
  }
  get dtype(): DType { return this.componentsDistribution.dtype; }
  get reparameterizationType(): ReparameterizationType { return 'NOT_REPARAMETERIZED'; }
  get batchShape(): number[] {
    return broadcastShapes(this.mixtureDistribution.batchShape, this.componentsDistribution.batchShape.slice(0, -1), 'MixtureSameFamily');
  }
  get eventShape(): number[] { return this.componentsDistribution.eventShape; }
  /** Number of components k. */
  get numComponents(): number { const b = this.componentsDistribution.batchShape; return b[b.length - 1]; }

  /** log w: log_softmax of the mixture logits, shape [...Bm, k]. */
  private logWeights(): Tensor { return np.logSoftmax(np.astype(this.mixtureDistribution.logitsParameter(), this.dtype), { axis: -1 }); }
  /** w with `e` trailing unit dims: [...Bm, k, 1*e]. */
  private weights(e: number): Tensor { const w = np.exp(this.logWeights()); return np.reshape(w, [...w.shape, ...ones(e)]); }

  /** Inserts the component axis before the event dims of x. */
  private padComponentAxis(x: Tensor): Tensor {
    const e = this.eventShape.length;
    if (x.shape.length < e) throw new RangeError(`MixtureSameFamily: value must have at least ${e} dimension(s) (the event); got shape [${x.shape.join(', ')}]`);
    const d = x.shape.length - e;
    return np.reshape(x, [...x.shape.slice(0, d), 1, ...x.shape.slice(d)]);
  }

  protected _sampleN(n: number, seed: KeyLike): Tensor {
    const [componentsSeed, mixSeed] = split(foldIn(seed, SALT), 2);
    const B = this.batchShape, k = this.numComponents, e = this.eventShape.length;
    const x = sampleBroadcastBatch(this.componentsDistribution, n, componentsSeed, [...B, k]); // [n, ...B, k, ...E]
    let mix: Categorical = this.mixtureDistribution;
    const mb = mix.batchShape;
    if (mb.length !== B.length || mb.some((v, i) => v !== B[i])) mix = new Categorical({ logits: np.broadcastTo(mix.logitsParameter(), [...B, k]) });
    const cats = np.astype(mix.sample([n], { seed: mixSeed }), 'int32'); // [n, ...B]
    const chosen = np.equal(np.reshape(cats, [...cats.shape, 1, ...ones(e)]), np.reshape(np.arange(0, k, 1, 'int32'), [k, ...ones(e)]));
    return np.sum(np.where(chosen, x, np.zeros([], x.dtype)), { axis: x.shape.length - 1 - e });
  }

  /**
   * log w_j + log p_j(x) for each component j: shape `broadcast(sample + batch) + [k]`
   * (TFP's per-mixture-component log prob).
   */
  private perComponentLogProb(x: Tensor): Tensor {
    return np.add(this.componentsDistribution.logProb(this.padComponentAxis(x)), this.logWeights());
  }

  protected _logProb(x: Tensor): Tensor { return np.logsumexp(this.perComponentLogProb(x), { axis: -1 }); }
  protected _logCdf(x: Tensor): Tensor {
    return np.logsumexp(np.add(this.componentsDistribution.logCdf(this.padComponentAxis(x)), this.logWeights()), { axis: -1 });
  }
  protected _cdf(x: Tensor): Tensor { return np.exp(this._logCdf(x)); }

  protected _mean(): Tensor {
    const e = this.eventShape.length;
    const m = np.sum(np.multiply(this.weights(e), this.componentsDistribution.mean()), { axis: -1 - e });
    return np.broadcastTo(m, [...this.batchShape, ...this.eventShape]);
  }

  protected _variance(): Tensor {
    const e = this.eventShape.length, w = this.weights(e), axis = -1 - e;
    const means = this.componentsDistribution.mean();
    const meanCondVar = np.sum(np.multiply(w, this.componentsDistribution.variance()), { axis });
    const mean = np.sum(np.multiply(w, means), { axis, keepdims: true });
    const varCondMean = np.sum(np.multiply(w, np.square(np.subtract(means, mean))), { axis });
    return np.broadcastTo(np.add(meanCondVar, varCondMean), [...this.batchShape, ...this.eventShape]);
  }
  protected _stddev(): Tensor { return np.sqrt(this._variance()); }

  protected _covariance(): Tensor {
    if (this.eventShape.length !== 1) return this.notImplemented('covariance (only for vector events)');
    const w = this.weights(2), means = this.componentsDistribution.mean(); // w: [...Bm, k, 1, 1], means: [...Bc, k, d]
    const meanCondVar = np.sum(np.multiply(w, this.componentsDistribution.covariance()), { axis: -3 });
    const mean = np.sum(np.multiply(np.squeeze(w, -1), means), { axis: -2, keepdims: true });
    const z = np.subtract(means, mean);
    const outer = np.multiply(np.expandDims(z, -1), np.expandDims(z, -2));
    const d = this.eventShape[0];
    return np.broadcastTo(np.add(meanCondVar, np.sum(np.multiply(w, outer), { axis: -3 })), [...this.batchShape, d, d]);
  }

  /**
   * The posterior over components given observations: a Categorical with logits
   * `log w_j + log p_j(x)` (TFP's `posterior_marginal`).
   * @example `gm.posteriorMarginal([0, 1]).probsParameter() // shape [2, k]`
   */
  posteriorMarginal(observations: Tensor | number | number[]): Categorical {
    return new Categorical({ logits: this.perComponentLogProb(np.asarray(observations, this.dtype)) });
  }

  /**
   * The most likely component for each observation (TFP's `posterior_mode`).
   * @example `gm.posteriorMode([-1, 1]) // int32 indices`
   */
  posteriorMode(observations: Tensor | number | number[]): Tensor {
    return np.argmax(this.perComponentLogProb(np.asarray(observations, this.dtype)), { axis: -1 });
  }

  protected _defaultEventSpaceBijector(): Bijector {
    return this.notImplemented('experimentalDefaultEventSpaceBijector (TFP defines none for mixtures)');
  }
}

/** @internal A short description of a non-distribution argument for error messages. */
export function describeDist(v: unknown): string {
  if (v === null || v === undefined) return String(v);
  if (typeof v === 'object' || typeof v === 'function') return (v as object).constructor?.name ?? typeof v;
  return typeof v;
}
