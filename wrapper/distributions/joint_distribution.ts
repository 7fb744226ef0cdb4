/**
 * The `JointDistribution` base class (TFP's `tfd.JointDistribution`): a distribution over
 * several parts where each part's distribution may depend on the values of earlier parts.
 * By the chain rule, log p(x_0, ..., x_{n-1}) = sum_i log p_i(x_i | x_0..x_{i-1}); `logProb`
 * is that sum and `logProbParts` its terms. Numerics (NaN/inf, accuracy) are the parts'.
 *
 * Every flavour (Sequential, Named, Coroutine) is reduced to one "model coroutine": a
 * generator yielding each part's distribution (wrapped in {@link Root} when it depends on no
 * other part) and receiving the part's value back. Executing it samples or pins each part
 * in turn. Root parts are sampled with `sampleShape`; the others with shape `[]` (their batch
 * shape already carries the sample dims of their parents), as in TFP.
 *
 * Seeds: see joint_distribution_util.ts (TFP on JAX: salt with fold_in, then one
 * `split(s, 2)` per part in execution order).
 *
 * AutoBatched variants (`batchNdims` set, TFP's `JointDistribution*AutoBatched`): a part's
 * event is its whole single-draw value (the part's batch dims past `batchNdims` plus its
 * event dims), so `logProb(sample())` is a scalar (shape `batchShape`). TFP evaluates extra
 * leading dims with `vmap`; probasm has no vmap, so:
 *  - `sample` with a non-trivial `sampleShape` (or pinned values with extra leading dims) runs
 *    the model once per draw with TFP's iid keys and stacks the draws: the same values as
 *    TFP on JAX, and the model never sees a batch;
 *  - `logProb`/`logProbParts` of values with extra leading dims run the model ONCE on the
 *    whole batch and sum each part's log-prob over its trailing
 *    `singleDrawBatchRank - batchNdims` dims. This is exact when the model's functions
 *    broadcast over leading dims (index and reduce along trailing axes: `np.sum(w, { axis: -1 })`,
 *    not `w[0]`), which the usual models do.
 * Provenance: TFP distributions/joint_distribution.py, joint_distribution_vmap_mixin.py.
 */
import type { ArrayLike, DType } from '../types/dtype.js';
import type { KeyLike } from '../types/random.js';
import { Tensor } from '../np/tensor.js';
import { asTensor } from '../np/asarray.js';
import { broadcastShapes, checkShape, sizeOf } from '../np/shape.js';
import * as np from '../np/index.js';
import { keyInfo, key as makeKey } from '../random/key.js';
import { uniqueVariables, type Variable } from '../util/variable.js';
import { Distribution, type ReparameterizationType } from './distribution.js';
import { describeValue, iidSeeds, isPlainObject, partSeeds, shapeStr } from './joint_distribution_util.js';
import { JointDistributionPinned } from './joint_distribution_pinned.js';
import { JointDistributionBijector } from './joint_distribution_bijector.js';

/**
 * Marks a part that depends on no other part (sampled with the full `sampleShape`).
 * @example `const w = yield tfd.JointDistributionCoroutine.Root(new tfd.Normal({ loc: 0, scale: 1 }));`
 */
export class Root {
  constructor(readonly distribution: Distribution) {}
}

/** A structure of per-part things: an array (Sequential, Coroutine) or an object by part name (Named). */
export type JointStructure<T> = T[] | Record<string, T>;
/** Values given for the parts: tensors or array-likes; `undefined`/`null` means "sample it" where allowed. */
export type PartValues = readonly (ArrayLike | null | undefined)[] | { readonly [name: string]: ArrayLike | null | undefined };

/** Options common to the joint distributions. */
export interface JointDistributionOptions {
  /** Validate arguments: with it, parts whose log-probs would broadcast against each other throw. */
  validateArgs?: boolean;
  /** Name (default: the class name). */
  name?: string;
}

/** Options of the AutoBatched variants. */
export interface AutoBatchedOptions extends JointDistributionOptions {
  /** Leading batch dims shared by all parts (default 0: `logProb(sample())` is a scalar). */
  batchNdims?: number;
}

/** `{ seed, value? }` of `sample`: `value` pins some parts (undefined/null entries are sampled). */
export interface JointSampleOptions { seed: KeyLike; value?: PartValues }

/** Options of `sampleDistributions`. */
export interface SampleDistributionsOptions { seed: KeyLike; value?: PartValues; sampleShape?: number | readonly number[] }

/** @internal One execution of the model. */
interface Execution { dists: Distribution[]; values: Tensor[]; roots: boolean[] }

const ZERO_KEY = (): Tensor => makeKey(0);

/**
 * Base class of JointDistributionSequential, Named, Coroutine and their AutoBatched
 * variants. Not a subclass of `Distribution`: its shapes and dtypes are structures.
 * @example
 * ```ts
 * const jd = new tfd.JointDistributionSequential([
 *   new tfd.Normal({ loc: 0, scale: 1 }),
 *   (z) => new tfd.Normal({ loc: z, scale: 1 }),
 * ]);
 * const [z, x] = jd.sample({ seed: random.key(0) }) as Tensor[];
 * jd.logProb([z, x]);            // = jd.logProb(z, x)
 * ```
 */
export abstract class JointDistribution {
  /** The distribution's name. */
  readonly name: string;
  /** Whether arguments are validated. */
  readonly validateArgs: boolean;
  /** @internal Set by the AutoBatched variants: the number of shared batch dims. */
  protected _batchNdims: number | undefined = undefined;
  private _single: Execution | undefined;

  protected constructor(options: JointDistributionOptions, defaultName: string) {
    this.name = options.name ?? defaultName;
    this.validateArgs = options.validateArgs ?? false;
  }

  /** The model as given (array, object or generator function). */
  abstract get model(): unknown;
  /** @internal Yields every part's distribution (Root for parts without parents), receiving its value. */
  protected abstract _modelCoroutine(): Generator<Distribution | Root, void, Tensor>;
  /** @internal 'array' (Sequential, Coroutine) or 'object' (Named). */
  protected abstract get _kind(): 'array' | 'object';
  /** @internal The part names in execution order (may throw on duplicates). */
  protected abstract _resolveNames(): string[];
  /** @internal A label for part `i` in error messages (before names can be resolved). */
  protected _partLabel(i: number): string { return `part ${i}`; }
  /** @internal Whether a non-Root first part is an error when sampling a batch. */
  protected get _requireRoot(): boolean { return false; }

  /** Whether this is an AutoBatched variant. */
  get autoBatched(): boolean { return this._batchNdims !== undefined; }
  /** AutoBatched: the number of shared leading batch dims; undefined otherwise. */
  get batchNdims(): number | undefined { return this._batchNdims; }

  /** The part names in execution order (TFP's `_flat_resolve_names`). */
  get partNames(): string[] {
    const names = this._resolveNames();
    const seen = new Set<string>();
    for (const n of names) {
      if (seen.has(n)) throw new Error(`${this.constructor.name}: duplicated part name '${n}' (give the distributions distinct names)`);
      seen.add(n);
    }
    return names;
  }

  /** @internal The parts of one draw (the model run once with a zero key), cached. */
  _singleSample(): Execution {
    if (!this._single) this._single = this._execute([], ZERO_KEY(), undefined);
    return this._single;
  }
  /** Number of parts. */
  get numParts(): number { return this._singleSample().dists.length; }

  /** @internal Flat (execution-order) list -> the model's structure. */
  _unflatten<T>(xs: readonly T[]): JointStructure<T> {
    if (this._kind === 'array') return [...xs];
    const names = this.partNames;
    const byName = new Map(names.map((n, i) => [n, xs[i]]));
    const out: Record<string, T> = {};
    for (const k of this._structureKeys()) out[k] = byName.get(k) as T;
    return out;
  }
  /** @internal Object keys in the model's declaration order (Named). */
  protected _structureKeys(): string[] { return this.partNames; }

  /**
   * @internal Resolves user values to a flat list in execution order: one structure, or one
   * value per part as separate arguments (array flavours). `partial` allows missing parts.
   */
  _resolveValues(args: readonly unknown[], what: string, partial: boolean): (Tensor | ArrayLike | undefined)[] {
    const n = this.numParts;
    const cls = this.constructor.name;
    let v: unknown;
    if (args.length === 0) throw new TypeError(`${cls}.${what}: no values given; pass one structure (array/object) of ${n} part values`);
    if (args.length === 1) {
      v = args[0];
      const a = v as unknown[];
      const isStruct = this._kind === 'object' ? true : n > 1 ? true : (Array.isArray(a) && a.length === 1) || isPlainObject(v);
      if (!isStruct) v = [v];
    } else {
      if (this._kind === 'object') throw new TypeError(`${cls}.${what}: takes one object keyed by part name (${this.partNames.join(', ')}); got ${args.length} arguments`);
      v = args;
    }
    let flat: unknown[];
    if (Array.isArray(v)) {
      if (this._kind === 'object') throw new TypeError(`${cls}.${what}: takes an object keyed by part name (${this.partNames.join(', ')}); got an array`);
      if (v.length > n || (!partial && v.length !== n)) {
        throw new RangeError(`${cls}.${what}: expected values for ${n} parts (${this.safeNames()}); got ${v.length}`);
      }
      const arr = v as unknown[];
      flat = Array.from({ length: n }, (_, i) => arr[i]);
    } else if (isPlainObject(v)) {
      const names = this.partNames;
      const unknown = Object.keys(v).filter((k) => !names.includes(k));
      if (unknown.length) throw new RangeError(`${cls}.${what}: unknown part name(s) ${unknown.map((k) => `'${k}'`).join(', ')}; the parts are ${names.join(', ')}`);
      flat = names.map((k) => (v as Record<string, unknown>)[k]);
    } else {
      throw new TypeError(`${cls}.${what}: expected ${this._kind === 'object' ? 'an object keyed by part name' : 'an array (or object by part name)'} of part values; got ${describeValue(v)}`);
    }
    return flat.map((x, i) => {
      if (x === undefined || x === null) {
        if (!partial) throw new RangeError(`${cls}.${what}: no value for ${this._partLabel(i)}${this.nameSuffix(i)}`);
        return undefined;
      }
      return x as Tensor | ArrayLike;
    });
  }

  private safeNames(): string { try { return this.partNames.join(', '); } catch { return `${this.numParts} parts`; } }
  private nameSuffix(i: number): string {
    try { const nm = this.partNames[i]; return this._partLabel(i).includes(`'${nm}'`) ? '' : ` ('${nm}')`; } catch { return ''; }
  }

  /**
   * @internal Runs the model: pinned parts take `values[i]`, the others are sampled with
   * TFP's per-part keys (roots with `sampleShape`, others with []).
   */
  _execute(sampleShape: number[], seed: KeyLike | undefined, values: readonly (Tensor | ArrayLike | undefined)[] | undefined): Execution {
    const cls = this.constructor.name;
    const nextSeed = seed === undefined ? undefined : partSeeds(seed);
    const gen = this._modelCoroutine();
    const dists: Distribution[] = [], out: Tensor[] = [], roots: boolean[] = [];
    let step = gen.next(undefined as unknown as Tensor);
    let i = 0;
    while (!step.done) {
      const y = step.value as unknown;
      const isRoot = y instanceof Root;
      const d = isRoot ? (y as Root).distribution : y;
      if (!(d instanceof Distribution)) {
        throw new TypeError(`${cls}: ${this._partLabel(i)} is ${describeValue(d)}, not a Distribution${this._kind === 'array' && !Array.isArray(this.model) ? ' (yield a tfd distribution or JointDistributionCoroutine.Root(distribution))' : ''}`);
      }
      if (i === 0 && !isRoot && this._requireRoot && sampleShape.length > 0) {
        throw new Error(`${cls}: the first distribution yielded must be wrapped in Root to sample with sampleShape [${sampleShape.join(', ')}]`);
      }
      const k = nextSeed?.();
      const given = values?.[i];
      let x: Tensor;
      if (given === undefined) {
        if (k === undefined) throw new RangeError(`${cls}: no value for ${this._partLabel(i)} (the model has more parts than values were given)`);
        x = d.sample(isRoot ? sampleShape : [], { seed: k });
      } else {
        x = given instanceof Tensor ? given : asTensor(given, d.dtype, `value of ${this._partLabel(i)}`);
      }
      dists.push(d); out.push(x); roots.push(isRoot);
      i++;
      step = gen.next(x);
    }
    if (values && values.length > i) throw new RangeError(`${cls}: got values for ${values.length} parts but the model has ${i}`);
    return { dists, values: out, roots };
  }

  /** @internal Per part, the rank of one draw's value (AutoBatched core ranks). */
  _coreRanks(): number[] {
    return this._singleSample().dists.map((d) => d.batchShape.length + d.eventShape.length);
  }

  /**
   * Draws a sample: an array (Sequential, Coroutine: in yield order) or an object (Named) of
   * tensors shaped `sampleShape + batchShape + eventShape` per part. `value` pins parts.
   * @example `jd.sample([2], { seed: random.key(0) })`
   */
  sample(options: JointSampleOptions): JointStructure<Tensor>;
  sample(sampleShape: number | readonly number[], options: JointSampleOptions): JointStructure<Tensor>;
  sample(a: number | readonly number[] | JointSampleOptions, b?: JointSampleOptions): JointStructure<Tensor> {
    const [shapeArg, opts] = typeof a === 'object' && !Array.isArray(a) ? [[], a as JointSampleOptions] : [a as number | number[], b];
    if (!opts || opts.seed === undefined) {
      throw new TypeError(`${this.constructor.name}.sample: a seed is required, e.g. sample([3], { seed: random.key(0) })`);
    }
    keyInfo(opts.seed, 'seed');
    const sampleShape = checkShape(shapeArg, 'sampleShape');
    const values = opts.value === undefined ? undefined : this._resolveValues([opts.value], 'sample', true);
    return this._unflatten(this._sampleFlat(sampleShape, opts.seed, values));
  }

  /** @internal Flat sample (AutoBatched: per-draw execution when there are extra dims). */
  _sampleFlat(sampleShape: number[], seed: KeyLike, values: (Tensor | ArrayLike | undefined)[] | undefined): Tensor[] {
    if (!this.autoBatched) return this._execute(sampleShape, seed, values).values;
    const core = this._coreRanks();
    const pinned = values?.map((v, i) => (v === undefined ? undefined : asTensor(v, v instanceof Tensor ? undefined : this._singleSample().dists[i].dtype, 'value')));
    let batch: number[] = [];
    pinned?.forEach((v, i) => {
      if (!v) return;
      if (v.ndim < core[i]) throw new RangeError(`${this.constructor.name}.sample: the value of ${this._partLabel(i)} has shape ${shapeStr(v.shape)}, fewer dims than one draw (${core[i]})`);
      batch = broadcastShapes(batch, v.shape.slice(0, v.ndim - core[i]), 'sample: leading dims of the pinned values');
    });
    if (sampleShape.length === 0 && batch.length === 0) return this._execute([], seed, pinned).values;
    const n = sizeOf(sampleShape), b = sizeOf(batch);
    const seeds: KeyLike[] = sampleShape.length === 0 ? [seed] : iidSeeds(seed, n);
    const flatPins = pinned?.map((v, i) => (v ? np.reshape(np.broadcastTo(v, [...batch, ...v.shape.slice(v.ndim - core[i])]), [b, ...v.shape.slice(v.ndim - core[i])]) : undefined));
    const draws: Tensor[][] = [];
    for (let s = 0; s < seeds.length; s++) {
      for (let j = 0; j < b; j++) {
        draws.push(this._execute([], seeds[s], flatPins?.map((v) => (v ? v.index(j) : undefined))).values);
      }
    }
    return draws[0].map((_, p) => {
      const stacked = np.stack(draws.map((d) => d[p]), 0);
      return np.reshape(stacked, [...sampleShape, ...batch, ...stacked.shape.slice(1)]);
    });
  }

  /**
   * The distributions of every part and the values they were given: with `value`, some
   * parts are pinned (undefined/null entries are sampled), and downstream parts are
   * conditioned on the pinned values. Keys are split as in `sample`, so unpinned parts get
   * the same draws as `sample` with the same seed.
   * @example `const { distributions, values } = jd.sampleDistributions({ seed, value: [undefined, 2] })`
   */
  sampleDistributions(options: SampleDistributionsOptions): { distributions: JointStructure<Distribution>; values: JointStructure<Tensor> } {
    if (!options || options.seed === undefined) throw new TypeError(`${this.constructor.name}.sampleDistributions: a seed is required`);
    keyInfo(options.seed, 'seed');
    const sampleShape = checkShape(options.sampleShape ?? [], 'sampleShape');
    const values = options.value === undefined ? undefined : this._resolveValues([options.value], 'sampleDistributions', true);
    let ex: Execution;
    if (this.autoBatched) {
      // Draws as `sample`; the distributions from one run of the model on the whole batch.
      const xs = this._sampleFlat(sampleShape, options.seed, values);
      ex = this._execute([], undefined, xs);
    } else {
      ex = this._execute(sampleShape, options.seed, values);
    }
    return { distributions: this._unflatten(ex.dists), values: this._unflatten(ex.values) };
  }

  /**
   * Log-density of each part at the given values (one structure, or one argument per part
   * for the array flavours). AutoBatched: each part summed over its event dims.
   * @example `jd.logProbParts([scale, loc, obs])`
   */
  logProbParts(...values: unknown[]): JointStructure<Tensor> {
    return this._unflatten(this._logProbPartsFlat(this._resolveValues(values, 'logProbParts', false)));
  }

  /**
   * Joint log-density: the sum of `logProbParts`. Values as one structure (array for
   * Sequential/Coroutine, object for Named) or, for the array flavours, one argument per part.
   * @example `jd.logProb(jd.sample({ seed: random.key(0) }))`
   */
  logProb(...values: unknown[]): Tensor {
    return this._sumParts(this._logProbPartsFlat(this._resolveValues(values, 'logProb', false)));
  }

  /** exp(logProb). @example `jd.prob([0, 0])` */
  prob(...values: unknown[]): Tensor { return np.exp(this.logProb(...values)); }

  /** @internal Flat per-part log-probs for flat full values. */
  _logProbPartsFlat(values: readonly (Tensor | ArrayLike | undefined)[]): Tensor[] {
    const ex = this._execute([], undefined, values);
    const parts = ex.dists.map((d, i) => d.logProb(ex.values[i]));
    if (!this.autoBatched) return parts;
    const single = this._singleSample().dists;
    const bnd = this._batchNdims as number;
    return parts.map((lp, i) => {
      const r = single[i].batchShape.length - bnd;
      if (r <= 0) return lp;
      if (lp.ndim < r) throw new RangeError(`${this.constructor.name}: the log-prob of ${this._partLabel(i)} has shape ${shapeStr(lp.shape)}, fewer than its ${r} event dim(s); check the value's shape`);
      return np.sum(lp, { axis: Array.from({ length: r }, (_, k) => lp.ndim - r + k) });
    });
  }

  /** @internal Sum of parts (validateArgs: they must not broadcast against each other). */
  _sumParts(parts: Tensor[]): Tensor {
    if (this.validateArgs) {
      for (let i = 1; i < parts.length; i++) {
        if (shapeStr(parts[i].shape) !== shapeStr(parts[0].shape)) {
          throw new Error(`${this.constructor.name}: log-prob parts have shapes ${parts.map((p) => shapeStr(p.shape)).join(', ')}; broadcasting probably indicates an error in the model`);
        }
      }
    }
    if (parts.length === 0) return np.zeros([]);
    return parts.slice(1).reduce((acc, p) => np.add(acc, p), parts[0]);
  }

  /** Per-part batch shapes; AutoBatched: the model's one batch shape (the shared `batchNdims` prefix). */
  get batchShape(): JointStructure<number[]> | number[] {
    const ds = this._singleSample().dists;
    if (!this.autoBatched) return this._unflatten(ds.map((d) => d.batchShape));
    const bnd = this._batchNdims as number;
    return ds.reduce<number[]>((s, d, i) => {
      if (d.batchShape.length < bnd) throw new RangeError(`${this.constructor.name}: ${this._partLabel(i)} has batch shape ${shapeStr(d.batchShape)}, fewer than batchNdims=${bnd} dims`);
      return broadcastShapes(s, d.batchShape.slice(0, bnd), 'batch shapes of the parts');
    }, []);
  }

  /** Per-part event shapes (AutoBatched: batch dims past `batchNdims` plus event dims). */
  get eventShape(): JointStructure<number[]> {
    return this._unflatten(this._eventShapesFlat());
  }
  /** @internal Flat event shapes. */
  _eventShapesFlat(): number[][] {
    const bnd = this._batchNdims;
    return this._singleSample().dists.map((d) => (bnd === undefined ? d.eventShape : [...d.batchShape.slice(bnd), ...d.eventShape]));
  }

  /** Per-part dtypes. */
  get dtype(): JointStructure<DType> { return this._unflatten(this._singleSample().dists.map((d) => d.dtype)); }
  /** Per-part reparameterization types. */
  get reparameterizationType(): JointStructure<ReparameterizationType> {
    return this._unflatten(this._singleSample().dists.map((d) => d.reparameterizationType));
  }

  /** The trainable variables of every part (of one run of the model), each once. */
  get trainableVariables(): Variable[] {
    return uniqueVariables(this._singleSample().dists.flatMap((d) => d.trainableVariables));
  }

  /**
   * Pins some parts (one structure with undefined/null for free parts, or an object by part
   * name), giving an unnormalized density over the rest (TFP's `experimental_pin`).
   * @example `jd.experimentalPin({ obs: [1, 2, 3] }).unnormalizedLogProb([scale, loc])`
   */
  experimentalPin(...values: unknown[]): JointDistributionPinned {
    const flat = this._resolveValues(values.length === 1 ? values : [values], 'experimentalPin', true);
    return new JointDistributionPinned(this, flat);
  }

  /**
   * The bijector from unconstrained reals to the support of every part, as a `tfb.JointMap`
   * of the parts' default event-space bijectors (of one run of the model). Its
   * log-det-Jacobians default to each part's event rank. With arguments, pins first.
   * @example `jd.experimentalDefaultEventSpaceBijector().forward([0, 0])`
   */
  experimentalDefaultEventSpaceBijector(...pins: unknown[]): JointDistributionBijector {
    if (pins.length > 0) return this.experimentalPin(...pins).experimentalDefaultEventSpaceBijector();
    const ds = this._singleSample().dists;
    return JointDistributionBijector.fromParts(this, ds.map((_, i) => i));
  }

  /** TFP's repr. */
  toString(): string {
    const ds = this._singleSample().dists;
    const fmt = (xs: string[]): string => {
      if (this._kind === 'array') return `[${xs.join(', ')}]`;
      const names = this.partNames;
      const byName = new Map(names.map((n, i) => [n, xs[i]]));
      return `{${this._structureKeys().map((k) => `'${k}': ${byName.get(k)}`).join(', ')}}`;
    };
    const batch = this.autoBatched ? shapeStr(this.batchShape as number[]) : fmt(ds.map((d) => shapeStr(d.batchShape)));
    return `tfp.distributions.${this.constructor.name}("${this.name}", batch_shape=${batch}, event_shape=${fmt(this._eventShapesFlat().map(shapeStr))}, dtype=${fmt(ds.map((d) => d.dtype))})`;
  }
}
