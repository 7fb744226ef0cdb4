/**
 * `tfd.JointDistributionSequential`: a joint distribution given as an array whose entries
 * are distributions or functions of the values of EARLIER entries returning a distribution.
 * As in TFP, a function receives the earlier values most recent first: the entry at index i
 * with k required parameters is called with `(x[i-1], x[i-2], ..., x[i-k])`. Required
 * parameters are those before the first default value or rest parameter (`fn.length`), so
 * minified code works. Entries that are distributions or functions without required
 * parameters are roots (sampled with the full `sampleShape`).
 *
 * Part names (for pinning by name, TFP's `_resolve_graph`): a distribution's explicit `name`;
 * else the parameter name a later function uses for it (read from the function's source);
 * else 'x', 'x1', 'x2', ... counting from the last part. Log-density by the chain rule
 * (see joint_distribution.ts); numerics are the parts'.
 * Provenance: TFP distributions/joint_distribution_sequential.py.
 */
import type { Tensor } from '../np/tensor.js';
import { Distribution } from './distribution.js';
import { JointDistribution, Root, type JointDistributionOptions } from './joint_distribution.js';
import { describeValue, explicitName, parseParams } from './joint_distribution_util.js';

/** An entry of a JointDistributionSequential model. */
export type SequentialModelEntry = Distribution | ((...previous: any[]) => Distribution);

/**
 * A joint distribution from an array of distributions and functions of earlier values
 * (most recent first).
 * @example
 * ```ts
 * const jd = new tfd.JointDistributionSequential([
 *   new tfd.HalfNormal({ scale: 1 }),                                   // scale
 *   new tfd.Normal({ loc: 0, scale: 1 }),                               // loc
 *   (loc, scale) => new tfd.Independent(                                // obs (most recent first)
 *     new tfd.Normal({ loc: np.add(np.expandDims(loc, -1), np.zeros(3)), scale: np.expandDims(scale, -1) }),
 *     { reinterpretedBatchNdims: 1 }),
 * ]);
 * const [scale, loc, obs] = jd.sample({ seed: random.key(0) }) as Tensor[];
 * jd.logProb([scale, loc, obs]);
 * String(jd); // 'tfp.distributions.JointDistributionSequential("JointDistributionSequential", batch_shape=[[], [], []], event_shape=[[], [], [3]], dtype=[float32, float32, float32])'
 * ```
 */
export class JointDistributionSequential extends JointDistribution {
  private readonly _model: readonly SequentialModelEntry[];
  /** Per entry: null for a distribution, else the number of required parameters. */
  private readonly _nargs: (number | null)[];
  /** Per entry: the required parameter names when readable. */
  private readonly _argNames: (string[] | undefined)[];

  constructor(model: readonly SequentialModelEntry[], options: JointDistributionOptions = {}) {
    super(options, 'JointDistributionSequential');
    const cls = this.constructor.name;
    if (!Array.isArray(model)) throw new TypeError(`${cls}: model must be an array of distributions and functions; got ${describeValue(model)}`);
    if (model.length === 0) throw new RangeError(`${cls}: model has no parts`);
    this._model = Object.freeze([...model]);
    this._nargs = [];
    this._argNames = [];
    model.forEach((e, i) => {
      if (e instanceof Distribution) { this._nargs.push(null); this._argNames.push(undefined); return; }
      if (typeof e !== 'function') {
        throw new TypeError(`${cls}: model[${i}] must be a Distribution or a function of earlier parts' values returning one; got ${describeValue(e)}`);
      }
      const k = e.length;
      if (k > i) throw new RangeError(`${cls}: model[${i}] takes ${k} argument(s) but only ${i} earlier part(s) exist`);
      const parsed = parseParams(e, `${cls}: model[${i}]`);
      this._nargs.push(k);
      this._argNames.push(parsed && parsed.required.length === k ? parsed.required : undefined);
    });
  }

  /** The model array as given. */
  get model(): readonly SequentialModelEntry[] { return this._model; }
  protected get _kind(): 'array' { return 'array'; }
  protected _partLabel(i: number): string { return `model[${i}]`; }
  get numParts(): number { return this._model.length; }

  protected *_modelCoroutine(): Generator<Distribution | Root, void, Tensor> {
    const xs: Tensor[] = [];
    for (let i = 0; i < this._model.length; i++) {
      const e = this._model[i];
      const k = this._nargs[i];
      let x: Tensor;
      if (k === null) x = yield new Root(e as Distribution);
      else if (k === 0) x = yield new Root((e as () => Distribution)());
      else x = yield (e as (...a: Tensor[]) => Distribution)(...xs.slice(i - k).reverse());
      xs.push(x);
    }
  }

  protected _resolveNames(): string[] {
    const n = this._model.length;
    const names: (string | undefined)[] = new Array(n).fill(undefined);
    for (let i = n - 1; i >= 0; i--) {
      this._argNames[i]?.forEach((nm, j) => { names[i - j - 1] = nm; });
    }
    this._singleSample().dists.forEach((d, i) => { const e = explicitName(d); if (e) names[i] = e; });
    let j = 0;
    for (let i = n - 1; i >= 0; i--) {
      if (names[i] === undefined) { names[i] = j === 0 ? 'x' : `x${j}`; j++; }
    }
    return names as string[];
  }
}
