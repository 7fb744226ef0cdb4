/**
 * `tfd.JointDistributionCoroutine`: a joint distribution given as a generator function that
 * yields each part's distribution and receives the part's value back:
 * `function* () { const a = yield Root(new tfd.Normal(...)); yield new tfd.Normal({ loc: a, ... }); }`.
 * `JointDistributionCoroutine.Root(d)` marks parts that depend on no other part; they are
 * sampled with the full `sampleShape` (the others inherit it through their parents), and the
 * first yielded part must be a Root to sample a batch (as in TFP).
 *
 * Samples, shapes and dtypes are ARRAYS in yield order (TFP returns a namedtuple; probasm
 * gives the plain array; part names are `partNames`). Part names follow TFP's
 * `_flat_resolve_names`: a yielded distribution's explicit `name` (one not containing its
 * class name, e.g. `new tfd.Normal({ loc: 0, scale: 1, name: 'w' })`), else `var0`, `var1`, ...
 * by yield position. The model's return value is ignored. Log-density by the chain rule
 * (joint_distribution.ts); numerics are the parts'.
 * Provenance: TFP distributions/joint_distribution_coroutine.py.
 */
import type { Tensor } from '../np/tensor.js';
import { Distribution } from './distribution.js';
import { JointDistribution, Root, type JointDistributionOptions } from './joint_distribution.js';
import { describeValue, explicitName } from './joint_distribution_util.js';

/** A model for JointDistributionCoroutine: a generator function yielding distributions. */
export type CoroutineModel = () => Generator<Distribution | Root, unknown, any>;

/**
 * A joint distribution from a generator function of distributions.
 * @example
 * ```ts
 * const Root = tfd.JointDistributionCoroutine.Root;
 * const jd = new tfd.JointDistributionCoroutine(function* () {
 *   const scale = yield Root(new tfd.HalfNormal({ scale: 1 }));
 *   const loc = yield Root(new tfd.Normal({ loc: 0, scale: 1 }));
 *   yield new tfd.Independent(
 *     new tfd.Normal({ loc: np.add(np.expandDims(loc, -1), np.zeros(3)), scale: np.expandDims(scale, -1) }),
 *     { reinterpretedBatchNdims: 1 });
 * });
 * const [scale, loc, obs] = jd.sample([2], { seed: random.key(0) }) as Tensor[]; // [2], [2], [2, 3]
 * jd.partNames; // ['var0', 'var1', 'var2']
 * ```
 */
export class JointDistributionCoroutine extends JointDistribution {
  private readonly _model: CoroutineModel;

  /**
   * Marks a distribution with no parents in the model (TFP's `JointDistributionCoroutine.Root`).
   * @example `const x = yield tfd.JointDistributionCoroutine.Root(new tfd.Normal({ loc: 0, scale: 1 }));`
   */
  static Root(distribution: Distribution): Root {
    if (!(distribution instanceof Distribution)) throw new TypeError(`JointDistributionCoroutine.Root: expected a Distribution; got ${describeValue(distribution)}`);
    return new Root(distribution);
  }

  constructor(model: CoroutineModel, options: JointDistributionOptions = {}) {
    super(options, 'JointDistributionCoroutine');
    if (typeof model !== 'function') throw new TypeError(`${this.constructor.name}: model must be a generator function (function* () { ... yield distribution ... }); got ${describeValue(model)}`);
    this._model = model;
  }

  /** The generator function as given. */
  get model(): CoroutineModel { return this._model; }
  protected get _kind(): 'array' { return 'array'; }
  protected get _requireRoot(): boolean { return !this.autoBatched; }

  protected *_modelCoroutine(): Generator<Distribution | Root, void, Tensor> {
    const g = this._model();
    if (g === null || typeof g !== 'object' || typeof (g as Generator).next !== 'function') {
      throw new TypeError(`${this.constructor.name}: model must be a generator function (function* () { ... }); calling it returned ${describeValue(g)}`);
    }
    let r = g.next();
    while (!r.done) {
      const x: Tensor = yield r.value as Distribution | Root;
      r = g.next(x);
    }
  }

  protected _resolveNames(): string[] {
    return this._singleSample().dists.map((d, i) => explicitName(d) ?? `var${i}`);
  }
}
