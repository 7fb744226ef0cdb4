/**
 * The AutoBatched joint distributions (TFP's `JointDistribution{Sequential,Named,Coroutine}AutoBatched`):
 * the same models, with TFP's auto-batched semantics for `batchNdims` (default 0):
 *  - a part's event is everything one draw produces beyond the first `batchNdims` dims: event
 *    shape = part batch shape[batchNdims:] + part event shape, and the model has ONE batch
 *    shape (the broadcast of the parts' first `batchNdims` batch dims);
 *  - `logProb(sample())` has shape `batchShape` (a scalar by default): each part's log-prob is
 *    summed over its event dims, with no need for `Independent`;
 *  - `Root` is not needed in the coroutine flavour.
 * How extra leading dims are handled without vmap (see joint_distribution.ts): `sample` with
 * a sampleShape runs the model once per draw with TFP's iid keys and stacks (TFP's values on
 * JAX); `logProb` of a batch of values runs the model once on the whole batch and sums each
 * part over its trailing event dims (exact when the model's functions broadcast over leading
 * dims; index/reduce with negative axes). Numerics are the parts'.
 * Provenance: TFP distributions/joint_distribution_auto_batched.py, joint_distribution_vmap_mixin.py.
 */
import { JointDistributionSequential, type SequentialModelEntry } from './joint_distribution_sequential.js';
import { JointDistributionNamed, type NamedModelEntry } from './joint_distribution_named.js';
import { JointDistributionCoroutine, type CoroutineModel } from './joint_distribution_coroutine.js';
import type { AutoBatchedOptions } from './joint_distribution.js';

function checkBatchNdims(options: AutoBatchedOptions, cls: string): number {
  const b = options.batchNdims ?? 0;
  if (!Number.isInteger(b) || b < 0) throw new RangeError(`${cls}: batchNdims must be a non-negative integer; got ${String(b)}`);
  return b;
}

/**
 * JointDistributionSequential with auto-batched semantics.
 * @example
 * ```ts
 * const jd = new tfd.JointDistributionSequentialAutoBatched([
 *   new tfd.Normal({ loc: np.zeros(3), scale: 1 }),                        // event [3]
 *   (w) => new tfd.Normal({ loc: np.sum(w, { axis: -1 }), scale: 1 }),     // event []
 * ]);
 * const xs = jd.sample([5], { seed: random.key(0) }) as Tensor[]; // [5, 3], [5]
 * jd.logProb(xs).shape; // [5]
 * ```
 */
export class JointDistributionSequentialAutoBatched extends JointDistributionSequential {
  constructor(model: readonly SequentialModelEntry[], options: AutoBatchedOptions = {}) {
    super(model, { ...options, name: options.name ?? 'JointDistributionSequentialAutoBatched' });
    this._batchNdims = checkBatchNdims(options, 'JointDistributionSequentialAutoBatched');
  }
}

/**
 * JointDistributionNamed with auto-batched semantics.
 * @example
 * ```ts
 * const jd = new tfd.JointDistributionNamedAutoBatched({
 *   w: new tfd.Normal({ loc: np.zeros(3), scale: 1 }),
 *   y: (w) => new tfd.Normal({ loc: np.sum(w, { axis: -1 }), scale: 1 }),
 * });
 * jd.eventShape; // { w: [3], y: [] }
 * ```
 */
export class JointDistributionNamedAutoBatched extends JointDistributionNamed {
  constructor(model: Record<string, NamedModelEntry>, options: AutoBatchedOptions = {}) {
    super(model, { ...options, name: options.name ?? 'JointDistributionNamedAutoBatched' });
    this._batchNdims = checkBatchNdims(options, 'JointDistributionNamedAutoBatched');
  }
}

/**
 * JointDistributionCoroutine with auto-batched semantics (no Root needed).
 * @example
 * ```ts
 * const jd = new tfd.JointDistributionCoroutineAutoBatched(function* () {
 *   const w = yield new tfd.Normal({ loc: np.zeros(3), scale: 1 });
 *   yield new tfd.Normal({ loc: np.sum(w, { axis: -1 }), scale: 1 });
 * });
 * jd.logProb(jd.sample({ seed: random.key(0) })).shape; // []
 * ```
 */
export class JointDistributionCoroutineAutoBatched extends JointDistributionCoroutine {
  constructor(model: CoroutineModel, options: AutoBatchedOptions = {}) {
    super(model, { ...options, name: options.name ?? 'JointDistributionCoroutineAutoBatched' });
    this._batchNdims = checkBatchNdims(options, 'JointDistributionCoroutineAutoBatched');
  }
}
