/**
 * `tfd.JointDistributionNamed`: a joint distribution given as an object whose values are
 * distributions, or functions receiving other parts' values BY NAME and returning a
 * distribution. Dependencies are resolved in one of two ways (both documented, both tested):
 *  - from the function's parameter names, read from its source text
 *    (`(loc, scale) => ...`, `function (loc, scale) {...}`, method shorthand); parameters with
 *    default values (and a rest parameter) are not dependencies, as TFP feeds only required
 *    args; destructured parameters are not supported (TypeError). Tools that rewrite names
 *    can break this form: minifiers, and esbuild (tsx, tsup, Vite), which renames a parameter
 *    shadowing an outer variable by appending a number (`loc` -> `loc2`; such a name is read
 *    as `loc` when `loc2` is not a part but `loc` is). Code that goes through a minifier
 *    should use the explicit form;
 *  - explicitly: `{ fn, deps: ['loc', 'scale'] }` calls `fn(values.loc, values.scale)` (robust
 *    to minification).
 * Parts run in TFP's order for a plain dict (`_best_order`: a depth-first walk from the
 * deepest part, ties broken by name, parents before children), which fixes how the seed is
 * split among the parts. Samples, shapes and dtypes are objects in the model's key order.
 * Log-density by the chain rule (joint_distribution.ts); numerics are the parts'.
 * Provenance: TFP distributions/joint_distribution_named.py.
 */
import type { Tensor } from '../np/tensor.js';
import { Distribution } from './distribution.js';
import { JointDistribution, Root, type JointDistributionOptions } from './joint_distribution.js';
import { describeValue, isPlainObject, parseParams } from './joint_distribution_util.js';

/** A function of other parts' values (by parameter name) returning a distribution. */
export type NamedMaker = (...values: any[]) => Distribution;
/** The explicit-dependency form: `fn` is called with the values of `deps`, in that order. */
export interface NamedMakerWithDeps { fn: NamedMaker; deps: readonly string[] }
/** An entry of a JointDistributionNamed model. */
export type NamedModelEntry = Distribution | NamedMaker | NamedMakerWithDeps;

/**
 * A joint distribution from an object of distributions and functions of other parts by name.
 * @example
 * ```ts
 * const jd = new tfd.JointDistributionNamed({
 *   scale: new tfd.HalfNormal({ scale: 1 }),
 *   loc: new tfd.Normal({ loc: 0, scale: 1 }),
 *   obs: (loc, scale) => new tfd.Independent(
 *     new tfd.Normal({ loc: np.add(np.expandDims(loc, -1), np.zeros(3)), scale: np.expandDims(scale, -1) }),
 *     { reinterpretedBatchNdims: 1 }),
 *   // or: obs: { fn: (m, s) => ..., deps: ['loc', 'scale'] },
 * });
 * const { scale, loc, obs } = jd.sample({ seed: random.key(0) }) as Record<string, Tensor>;
 * jd.logProb({ scale, loc, obs });
 * ```
 */
export class JointDistributionNamed extends JointDistribution {
  private readonly _model: Readonly<Record<string, NamedModelEntry>>;
  /** Per key: null for a distribution instance, else the dependency names. */
  private readonly _parents: Record<string, string[] | null>;
  private readonly _fns: Record<string, NamedMaker>;
  /** Execution order (TFP's best order). */
  private readonly _order: string[];

  constructor(model: Record<string, NamedModelEntry>, options: JointDistributionOptions = {}) {
    super(options, 'JointDistributionNamed');
    const cls = this.constructor.name;
    if (!isPlainObject(model)) throw new TypeError(`${cls}: model must be an object of distributions and functions; got ${describeValue(model)}`);
    const keys = Object.keys(model);
    if (keys.length === 0) throw new RangeError(`${cls}: model has no parts`);
    this._model = Object.freeze({ ...model });
    this._parents = {};
    this._fns = {};
    for (const k of keys) {
      const e = model[k] as unknown;
      const what = `${cls}: part '${k}'`;
      if (e instanceof Distribution) { this._parents[k] = null; continue; }
      if (typeof e === 'function') {
        const parsed = parseParams(e, what);
        if (!parsed || parsed.required.length !== e.length) {
          throw new TypeError(`${what}: cannot read the function's parameter names (native, bound or minified code?); use the explicit form { fn, deps: ['a', 'b'] }`);
        }
        this._parents[k] = parsed.required.map((p) => undoRename(p, keys));
        this._fns[k] = e as NamedMaker;
      } else if (isPlainObject(e) && typeof e.fn === 'function' && Array.isArray(e.deps)) {
        const deps = e.deps as unknown[];
        if (!deps.every((d) => typeof d === 'string')) throw new TypeError(`${what}: deps must be an array of part names (strings)`);
        this._parents[k] = [...deps as string[]];
        this._fns[k] = e.fn as NamedMaker;
      } else {
        throw new TypeError(`${what} must be a Distribution, a function of other parts by parameter name, or { fn, deps }; got ${describeValue(e)}`);
      }
      for (const p of this._parents[k] as string[]) {
        if (!keys.includes(p)) {
          throw new RangeError(`${what} depends on '${p}', which is not a part of the model (the parts are ${keys.join(', ')}); if a transpiler renamed the parameter, use { fn, deps: [...] }`);
        }
        if (p === k) throw new RangeError(`${what} depends on itself`);
      }
    }
    this._order = bestOrder(this._parents, cls);
  }

  /** The model object as given. */
  get model(): Readonly<Record<string, NamedModelEntry>> { return this._model; }
  protected get _kind(): 'object' { return 'object'; }
  protected _partLabel(i: number): string { return `part '${this._order[i]}'`; }
  protected _structureKeys(): string[] { return Object.keys(this._model); }
  protected _resolveNames(): string[] { return [...this._order]; }
  get numParts(): number { return this._order.length; }
  /** The dependencies of each part (TFP's `_resolve_graph`), in execution order. */
  resolveGraph(): [string, string[]][] { return this._order.map((k) => [k, [...(this._parents[k] ?? [])]]); }

  protected *_modelCoroutine(): Generator<Distribution | Root, void, Tensor> {
    const vals: Record<string, Tensor> = {};
    for (const k of this._order) {
      const ps = this._parents[k];
      let x: Tensor;
      if (ps === null) x = yield new Root(this._model[k] as Distribution);
      else if (ps.length === 0) x = yield new Root(this._fns[k]());
      else x = yield this._fns[k](...ps.map((p) => vals[p]));
      vals[k] = x;
    }
  }
}

/**
 * esbuild (tsx, tsup, Vite) renames a parameter that shadows a variable of an enclosing
 * scope by appending a number (`loc` -> `loc2`). When a parameter name is not a part but
 * drops to one without its trailing digits, the part is meant.
 */
function undoRename(p: string, keys: string[]): string {
  if (keys.includes(p)) return p;
  const m = /^(.*\D)\d+$/.exec(p);
  return m && keys.includes(m[1]) ? m[1] : p;
}

/**
 * TFP's `_best_order` for a dict model: depth = longest path to a root; visit parts from the
 * deepest (ties: larger name first), each after its parents (deepest parent first). Throws
 * on a dependency cycle.
 */
function bestOrder(parents: Record<string, string[] | null>, cls: string): string[] {
  const depth: Record<string, number> = {};
  const onPath = new Set<string>();
  const explore = (k: string): number => {
    if (depth[k] !== undefined) return depth[k];
    if (onPath.has(k)) throw new RangeError(`${cls}: the parts depend on each other in a cycle through '${k}'`);
    onPath.add(k);
    const ps = parents[k];
    const d = ps && ps.length ? 1 + Math.max(...ps.map(explore)) : 0;
    onPath.delete(k);
    depth[k] = d;
    return d;
  };
  const keys = Object.keys(parents);
  keys.forEach(explore);
  const desc = (a: string, b: string): number => (depth[b] - depth[a]) || (a < b ? 1 : a > b ? -1 : 0);
  const visited = new Set<string>();
  const out: string[] = [];
  const visit = (k: string): void => {
    if (visited.has(k)) return;
    visited.add(k);
    [...(parents[k] ?? [])].sort(desc).forEach(visit);
    out.push(k);
  };
  [...keys].sort(desc).forEach(visit);
  return out;
}
