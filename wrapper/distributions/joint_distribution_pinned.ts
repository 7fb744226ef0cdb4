/**
 * `JointDistributionPinned` (TFP's `tfp.experimental.distributions.JointDistributionPinned`,
 * from `jd.experimentalPin(...)`): a joint distribution with some parts fixed to observed
 * values. Over the free parts it is the unnormalized posterior density
 * `unnormalizedLogProb(free) = jd.logProb(free ∪ pins)` (the joint log-density, not divided
 * by the evidence), the target of MCMC. Numerics are the joint distribution's.
 *
 * Free parts are passed as one structure: for the array flavours an array of the free parts
 * in order (or an object by part name), for JointDistributionNamed an object by name; or, for
 * the array flavours, one argument per free part.
 */
import type { ArrayLike, DType } from '../types/dtype.js';
import type { KeyLike } from '../types/random.js';
import { Tensor } from '../np/tensor.js';
import { asTensor } from '../np/asarray.js';
import { checkShape } from '../np/shape.js';
import type { JointDistribution, JointStructure } from './joint_distribution.js';
import { JointDistributionBijector } from './joint_distribution_bijector.js';
import { describeValue, isPlainObject, shapeStr } from './joint_distribution_util.js';

/**
 * A joint distribution with some parts pinned; an unnormalized density over the others.
 * @example
 * ```ts
 * const pinned = jd.experimentalPin({ obs: [0.5, 1.5, 1] });
 * pinned.unnormalizedLogProb([scale, loc]);      // = jd.logProb([scale, loc, obs])
 * const b = pinned.experimentalDefaultEventSpaceBijector(); // JointMap over scale and loc
 * ```
 */
export class JointDistributionPinned {
  /** The underlying joint distribution. */
  readonly distribution: JointDistribution;
  /** @internal Flat (execution order) pinned values; undefined for free parts. */
  readonly _pins: readonly (Tensor | undefined)[];
  /** Flat indices of the free parts. */
  private readonly free: number[];

  /** @internal Use `jd.experimentalPin(...)`. */
  constructor(distribution: JointDistribution, pins: readonly unknown[]) {
    this.distribution = distribution;
    const ds = distribution._singleSample().dists;
    this._pins = pins.map((v, i) => (v === undefined || v === null ? undefined : v instanceof Tensor ? v : asTensor(v, ds[i].dtype, `pin of part ${i}`)));
    this.free = ds.map((_, i) => i).filter((i) => this._pins[i] === undefined);
    if (this.free.length === ds.length) throw new RangeError(`${distribution.constructor.name}.experimentalPin: no part is pinned (the parts are ${this.names(ds.map((_, i) => i)).join(', ')})`);
  }

  private names(idx: number[]): string[] {
    let names: string[];
    try { names = this.distribution.partNames; } catch { names = this.distribution._singleSample().dists.map((_, i) => `part ${i}`); }
    return idx.map((i) => names[i]);
  }
  private get isNamed(): boolean { return !Array.isArray(this.distribution.model) && typeof this.distribution.model !== 'function'; }

  /** Names of the pinned parts. */
  get pinnedNames(): string[] { return this.names(this._pins.flatMap((p, i) => (p ? [i] : []))); }
  /** Names of the free parts, in order. */
  get unpinnedNames(): string[] { return this.names(this.free); }
  /** The pins by part name. */
  get pins(): Record<string, Tensor> {
    const names = this.distribution.partNames;
    return Object.fromEntries(this._pins.flatMap((p, i) => (p ? [[names[i], p]] : [])));
  }

  private structure<T>(flat: T[]): JointStructure<T> {
    if (!this.isNamed) return flat;
    const names = this.unpinnedNames;
    const order = Object.keys(this.distribution.model as object).filter((k) => names.includes(k));
    return Object.fromEntries(order.map((k) => [k, flat[names.indexOf(k)]]));
  }

  /** Event shapes of the free parts. */
  get eventShape(): JointStructure<number[]> {
    const es = this.distribution._eventShapesFlat();
    return this.structure(this.free.map((i) => es[i]));
  }
  /** Dtypes of the free parts. */
  get dtype(): JointStructure<DType> {
    const ds = this.distribution._singleSample().dists;
    return this.structure(this.free.map((i) => ds[i].dtype));
  }

  /** @internal Free-part values (structure or one argument per free part) -> full flat values. */
  _fullValues(args: readonly unknown[], what: string): (Tensor | ArrayLike)[] {
    const cls = 'JointDistributionPinned';
    const names = this.unpinnedNames;
    let flatFree: unknown[];
    let v: unknown = args.length === 1 ? args[0] : args;
    if (args.length === 0) throw new TypeError(`${cls}.${what}: no values given for the free parts (${names.join(', ')})`);
    if (args.length === 1 && this.free.length === 1 && !(Array.isArray(v) && v.length === 1) && !isPlainObject(v)) v = [v];
    if (Array.isArray(v) && !this.isNamed) {
      if (v.length !== names.length) throw new RangeError(`${cls}.${what}: expected values for ${names.length} free parts (${names.join(', ')}); got ${v.length}`);
      flatFree = v;
    } else if (isPlainObject(v)) {
      const unknown = Object.keys(v).filter((k) => !names.includes(k));
      if (unknown.length) throw new RangeError(`${cls}.${what}: unknown or pinned part name(s) ${unknown.map((k) => `'${k}'`).join(', ')}; the free parts are ${names.join(', ')}`);
      flatFree = names.map((k) => (v as Record<string, unknown>)[k]);
    } else {
      throw new TypeError(`${cls}.${what}: expected ${this.isNamed ? 'an object keyed by part name' : 'an array (or object by part name)'} of the free parts (${names.join(', ')}); got ${describeValue(v)}`);
    }
    const full: (Tensor | ArrayLike)[] = this._pins.map((p) => p as Tensor);
    this.free.forEach((i, j) => {
      const x = flatFree[j];
      if (x === undefined || x === null) throw new RangeError(`${cls}.${what}: no value for free part '${names[j]}'`);
      full[i] = x as ArrayLike;
    });
    return full;
  }

  /**
   * The joint log-density at the free values together with the pins (unnormalized: the
   * evidence is not subtracted).
   * @example `pinned.unnormalizedLogProb([scale, loc])`
   */
  unnormalizedLogProb(...values: unknown[]): Tensor {
    const jd = this.distribution;
    return jd._sumParts(jd._logProbPartsFlat(this._fullValues(values, 'unnormalizedLogProb')));
  }

  /**
   * @internal The unnormalized log-density at the free parts given flat, in `unpinnedNames`
   * order, as tensors (no structure checks): the MCMC target's hot path.
   */
  _unnormalizedLogProbFlat(free: readonly Tensor[]): Tensor {
    const full: (Tensor | undefined)[] = [...this._pins];
    for (let j = 0; j < this.free.length; j++) full[this.free[j]] = free[j];
    const jd = this.distribution;
    return jd._sumParts(jd._logProbPartsFlat(full));
  }

  /** Per-part log-densities (pinned parts included), in the joint distribution's structure. */
  unnormalizedLogProbParts(...values: unknown[]): JointStructure<Tensor> {
    const jd = this.distribution;
    return jd._unflatten(jd._logProbPartsFlat(this._fullValues(values, 'unnormalizedLogProbParts')));
  }

  /**
   * Draws the free parts from the model with the pins in place (the prior of the free parts
   * given upstream pins), with the joint distribution's keys.
   * @example `pinned.sampleUnpinned([4], { seed: random.key(0) })`
   */
  sampleUnpinned(sampleShape: number | readonly number[], options: { seed: KeyLike }): JointStructure<Tensor> {
    if (!options || options.seed === undefined) throw new TypeError('JointDistributionPinned.sampleUnpinned: a seed is required');
    const shape = checkShape(sampleShape, 'sampleShape');
    const xs = this.distribution._sampleFlat(shape, options.seed, [...this._pins]);
    return this.structure(this.free.map((i) => xs[i]));
  }

  /**
   * JointMap of the free parts' default event-space bijectors (structure of the free parts):
   * maps unconstrained reals onto the support of the free parts, for MCMC.
   * @example `pinned.experimentalDefaultEventSpaceBijector().forward([0, 0])`
   */
  experimentalDefaultEventSpaceBijector(): JointDistributionBijector {
    return JointDistributionBijector.fromParts(this.distribution, this.free);
  }

  /** TFP-like repr. */
  toString(): string {
    const es = this.distribution._eventShapesFlat();
    const names = this.unpinnedNames;
    return `tfp.experimental.distributions.JointDistributionPinned("${this.distribution.name}", pins=[${this.pinnedNames.join(', ')}], event_shape={${this.free.map((i, j) => `'${names[j]}': ${shapeStr(es[i])}`).join(', ')}})`;
  }
}
