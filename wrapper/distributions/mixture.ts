/**
 * `tfd.Mixture`: a finite mixture of distributions that may be of different families, as
 * TFP's `tfd.Mixture`.
 *
 * Math: with weights w = softmax(cat logits) and components p_1..p_k (one distribution
 * each, same dtype, event shape and batch shape as `cat`):
 * `log p(x) = logsumexp_j(log_softmax(logits)_j + log p_j(x))`,
 * `logCdf(x) = logsumexp_j(log w_j + logCdf_j(x))`, `mean = sum_j w_j mean_j`,
 * `variance = sum_j w_j (var_j + (mean_j - mean)^2)` (law of total variance; TFP computes
 * the same quantity as its `stddev`). `entropyLowerBound() = sum_j w_j H_j` (TFP's bound).
 *
 * Sampling follows TFP on JAX: the key is salted (`foldIn(key, 813383119)`, TFP's
 * `sha512('Mixture') mod (2^31 - 1)`) and split into k + 1 keys; categories are drawn from
 * `cat` with the first, component j with key j + 1 (all components are drawn), and the
 * chosen draw is kept. Not reparameterized; gradients reach only the chosen component.
 * No default event space bijector (TFP returns None for mixtures): it throws.
 *
 * Provenance: TFP `distributions/mixture.py`. NaN/inf: as MixtureSameFamily (a NaN
 * component log-density gives NaN; -inf ones drop out of the logsumexp).
 */
import type { DType } from '../types/dtype.js';
import type { KeyLike } from '../types/random.js';
import { Tensor } from '../np/tensor.js';
import * as np from '../np/index.js';
import { foldIn, split } from '../random/key.js';
import type { Bijector } from '../bijectors/bijector.js';
import { Categorical } from './categorical.js';
import { describeDist } from './mixture_same_family.js';
import { Distribution, type DistributionOptions, type ParameterProperties, type ReparameterizationType } from './distribution.js';

/** TFP's salt for Mixture sampling: int(sha512('Mixture').hexdigest(), 16) % (2**31 - 1). */
const SALT = 813383119;

/** Options of {@link Mixture}. */
export interface MixtureOptions extends DistributionOptions {
  /** Categorical over the components (its batch shape is the mixture's). */
  cat: Categorical;
  /** The k components: same dtype, event shape and batch shape (that of `cat`). */
  components: readonly Distribution[];
}

const sameShape = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * Mixture({ cat, components }).
 * @example
 * ```ts
 * const m = new tfd.Mixture({
 *   cat: new tfd.Categorical({ probs: [0.25, 0.75] }),
 *   components: [new tfd.Normal({ loc: -1, scale: 0.5 }), new tfd.Gamma({ concentration: 2, rate: 1 })],
 * });
 * m.logProb(0);
 * m.sample([3], { seed: random.key(0) }).shape; // [3]
 * ```
 */
export class Mixture extends Distribution {
  /** The Categorical choosing a component. */
  readonly cat: Categorical;
  /** The components. */
  readonly components: readonly Distribution[];

  constructor(options: MixtureOptions) {
    super(options ?? {}, 'Mixture');
    if (options === undefined || options.cat === undefined || options.components === undefined) {
      throw new TypeError('Mixture: cat (a Categorical) and components (an array of distributions) are required');
    }
    const { cat, components } = options;
    if (!(cat instanceof Categorical)) throw new TypeError(`Mixture: cat must be a Categorical; got ${describeDist(cat)}`);
    if (!Array.isArray(components) || components.length === 0) throw new TypeError('Mixture: components must be a non-empty array of distributions');
    components.forEach((d, i) => { if (!(d instanceof Distribution)) throw new TypeError(`Mixture: components[${i}] must be a Distribution; got ${describeDist(d)}`); });
    const c0 = components[0];
    components.forEach((d, i) => {
      if (d.dtype !== c0.dtype) throw new TypeError(`Mixture: all components must have the same dtype; components[${i}] is ${d.dtype}, components[0] is ${c0.dtype}`);
      if (!sameShape(d.eventShape, c0.eventShape)) throw new RangeError(`Mixture: components[${i}] event shape [${d.eventShape.join(', ')}] differs from components[0]'s [${c0.eventShape.join(', ')}]`);
      if (!sameShape(d.batchShape, cat.batchShape)) throw new RangeError(`Mixture: components[${i}] batch shape [${d.batchShape.join(', ')}] must equal cat's batch shape [${cat.batchShape.join(', ')}]`);
    });
    const k = cat.logitsParameter().shape.at(-1);
    if (k !== components.length) throw new RangeError(`Mixture: cat has ${k} categories but ${components.length} components were given`);
    this.cat = cat;
    this.components = [...components];
  }

  get parameterProperties(): Readonly<Record<string, ParameterProperties>> { return {}; }
  get parameters(): Readonly<Record<string, unknown>> {
    return { cat: this.cat, components: this.components, validateArgs: this.validateArgs, allowNanStats: this.allowNanStats, name: this.name };
  }
  get dtype(): DType { return this.components[0].dtype; }
  get reparameterizationType(): ReparameterizationType { return 'NOT_REPARAMETERIZED'; }
  get batchShape(): number[] { return this.cat.batchShape; }
  get eventShape(): number[] { return this.components[0].eventShape; }
  /** Number of components. */
  get numComponents(): number { return this.components.length; }

  /** log w_j (j = 0..k-1), each of shape cat.batchShape. */
  private logWeights(): Tensor[] {
    const lw = np.logSoftmax(np.astype(this.cat.logitsParameter(), this.dtype), { axis: -1 });
    return this.components.map((_, j) => np.take(lw, j, { axis: -1 }));
  }
  /** w_j with trailing unit dims for the event. */
  private weights(): Tensor[] {
    const e = this.eventShape.length;
    return this.logWeights().map((l) => { const w = np.exp(l); return np.reshape(w, [...w.shape, ...new Array<number>(e).fill(1)]); });
  }

  protected _sampleN(n: number, seed: KeyLike): Tensor {
    const seeds = [...split(foldIn(seed, SALT), this.numComponents + 1)];
    const cats = np.astype(this.cat.sample([n], { seed: seeds[0] }), 'int32'); // [n, ...B]
    const e = this.eventShape.length;
    const draws = this.components.map((c, j) => c.sample([n], { seed: seeds[j + 1] }));
    const x = np.stack(draws, -1 - e); // [n, ...B, k, ...E]
    const k = this.numComponents, ones = new Array<number>(e).fill(1);
    const chosen = np.equal(np.reshape(cats, [...cats.shape, 1, ...ones]), np.reshape(np.arange(0, k, 1, 'int32'), [k, ...ones]));
    return np.sum(np.where(chosen, x, np.zeros([], x.dtype)), { axis: x.shape.length - 1 - e });
  }

  /** logsumexp_j(log w_j + f_j(x)). */
  private mix(f: (d: Distribution) => Tensor): Tensor {
    const lw = this.logWeights();
    return np.logsumexp(np.stack(this.components.map((d, j) => np.add(lw[j], f(d))), 0), { axis: 0 });
  }

  protected _logProb(x: Tensor): Tensor { return this.mix((d) => d.logProb(x)); }
  protected _logCdf(x: Tensor): Tensor { return this.mix((d) => d.logCdf(x)); }
  protected _cdf(x: Tensor): Tensor { return np.exp(this._logCdf(x)); }

  protected _mean(): Tensor {
    const w = this.weights();
    return this.components.map((d, j) => np.multiply(w[j], d.mean())).reduce((a, b) => np.add(a, b));
  }
  protected _variance(): Tensor {
    const w = this.weights(), means = this.components.map((d) => d.mean());
    const mean = means.map((m, j) => np.multiply(w[j], m)).reduce((a, b) => np.add(a, b));
    return this.components
      .map((d, j) => np.multiply(w[j], np.add(d.variance(), np.square(np.subtract(means[j], mean)))))
      .reduce((a, b) => np.add(a, b));
  }
  protected _stddev(): Tensor { return np.sqrt(this._variance()); }

  /**
   * A lower bound on the entropy: `sum_j w_j H(p_j)` (by concavity of -x log x; TFP's
   * `entropy_lower_bound`).
   * @example `m.entropyLowerBound()`
   */
  entropyLowerBound(): Tensor {
    const lw = this.logWeights();
    return this.components.map((d, j) => np.multiply(np.exp(lw[j]), d.entropy())).reduce((a, b) => np.add(a, b));
  }

  protected _defaultEventSpaceBijector(): Bijector {
    return this.notImplemented('experimentalDefaultEventSpaceBijector (TFP defines none for mixtures)');
  }
}
