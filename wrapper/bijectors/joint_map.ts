/**
 * `tfb.JointMap`: applies each bijector of a structure (an array or an object of
 * bijectors) to the matching part of a structured value, as TFP's
 * `tfp.bijectors.JointMap`: `JointMap([b0, b1]).forward([x0, x1]) = [b0.forward(x0),
 * b1.forward(x1)]`, and likewise for objects by key. The log-det-Jacobian is the sum of
 * the parts' log-det-Jacobians (each at its own event ndims; the parts' batch shapes
 * broadcast). Nested structures of bijectors become nested JointMaps. Numerics are the
 * parts'.
 *
 * Unlike every other bijector, JointMap's PUBLIC `forward`, `inverse`,
 * `forwardLogDetJacobian`, `inverseLogDetJacobian`, `forwardEventShape` and
 * `inverseEventShape` take and return structures (arrays/objects of tensors, of event
 * ndims, of shapes) of the same kind as the bijectors; a single tensor is a TypeError.
 * `forwardMinEventNdims`/`inverseMinEventNdims` are 0 (the base class holds one number);
 * the per-part values are `forwardMinEventNdimsParts`/`inverseMinEventNdimsParts`.
 * Provenance: TFP bijectors/joint_map.py and composition.py.
 */
import type { ArrayLike } from '../types/dtype.js';
import { Tensor } from '../np/tensor.js';
import * as np from '../np/index.js';
import { broadcastShapes } from '../np/shape.js';
import { Bijector, type BijectorCommonOptions } from './bijector.js';

/** A structure of values: an array, or an object keyed by part name. */
export type JointStructure<T> = readonly T[] | { readonly [key: string]: T };

/** What {@link JointMap} accepts: bijectors, or nested arrays/objects of them. */
export type JointBijectors = readonly (Bijector | JointBijectors)[] | { readonly [key: string]: Bijector | JointBijectors };

const isStructure = (v: unknown): v is JointStructure<unknown> =>
  Array.isArray(v) || (v !== null && typeof v === 'object' && !(v instanceof Tensor) && !ArrayBuffer.isView(v) && Object.getPrototypeOf(v) === Object.prototype);

/**
 * Applies a structure of bijectors part by part (`tfb.JointMap`).
 * @example
 * ```ts
 * const b = new tfb.JointMap({ scale: new tfb.Exp(), loc: new tfb.Identity() });
 * b.forward({ scale: 0, loc: 3 });                  // { scale: 1, loc: 3 }
 * b.forwardLogDetJacobian({ scale: 2, loc: 3 });    // 2
 * new tfb.JointMap([new tfb.Exp(), new tfb.Softplus()]).inverse([1, 1]); // [0, 0.5413249]
 * ```
 */
export class JointMap extends Bijector {
  /** The parts, in the structure given (nested arrays/objects wrapped as JointMaps). */
  declare readonly bijectors: readonly Bijector[] | Readonly<Record<string, Bijector>>;

  constructor(bijectors: JointBijectors, options: BijectorCommonOptions = {}) {
    if (!isStructure(bijectors)) throw new TypeError('JointMap: bijectors must be an array or an object of Bijectors');
    const wrap = (b: unknown, k: string): Bijector => {
      if (b instanceof Bijector) return b;
      if (isStructure(b)) return new JointMap(b as JointBijectors, { validateArgs: options.validateArgs });
      throw new TypeError(`JointMap: bijectors[${JSON.stringify(k)}] must be a Bijector (or an array/object of them); got ${b === null ? 'null' : typeof b}`);
    };
    const parts: readonly Bijector[] | Readonly<Record<string, Bijector>> = Array.isArray(bijectors)
      ? Object.freeze(bijectors.map((b, i) => wrap(b, String(i))))
      : Object.freeze(Object.fromEntries(Object.entries(bijectors).map(([k, b]) => [k, wrap(b, k)])));
    const list = Object.values(parts) as Bijector[];
    super({
      forwardMinEventNdims: 0, inverseMinEventNdims: 0, isConstantJacobian: list.every((b) => b.isConstantJacobian),
      validateArgs: options.validateArgs, name: options.name ?? `jointmap_of_${list.map((b) => b.name).join('_and_')}`,
    });
    Object.defineProperty(this, 'bijectors', { value: parts, enumerable: true });
  }

  get parameters(): Readonly<Record<string, unknown>> { return { bijectors: this.bijectors, validateArgs: this.validateArgs, name: this.name }; }

  /** Broadcast of the parts' batch shapes. */
  get batchShape(): number[] {
    return (Object.values(this.bijectors) as Bijector[]).reduce<number[]>((s, b) => broadcastShapes(s, b.batchShape, 'JointMap: batch shapes of the bijectors'), []);
  }

  /** Each part's forwardMinEventNdims, in the bijectors' structure. */
  get forwardMinEventNdimsParts(): JointStructure<number> { return this.mapParts(undefined, 'bijectors', (b) => b.forwardMinEventNdims); }
  /** Each part's inverseMinEventNdims, in the bijectors' structure. */
  get inverseMinEventNdimsParts(): JointStructure<number> { return this.mapParts(undefined, 'bijectors', (b) => b.inverseMinEventNdims); }

  /** Forward map of every part. @example `new tfb.JointMap([new tfb.Exp()]).forward([0]) // [1]` */
  forward(x: readonly ArrayLike[]): Tensor[];
  forward(x: { readonly [key: string]: ArrayLike }): Record<string, Tensor>;
  forward(x: never): never;
  forward(x: unknown): unknown { return this.mapParts(x, 'x', (b, v) => b.forward(v as ArrayLike)); }

  /** Inverse map of every part. @example `new tfb.JointMap([new tfb.Exp()]).inverse([1]) // [0]` */
  inverse(y: readonly ArrayLike[]): Tensor[];
  inverse(y: { readonly [key: string]: ArrayLike }): Record<string, Tensor>;
  inverse(y: never): never;
  inverse(y: unknown): unknown { return this.mapParts(y, 'y', (b, v) => b.inverse(v as ArrayLike)); }

  /**
   * Sum of the parts' forward log-det-Jacobians; `eventNdims` (optional) is a structure of
   * per-part event ndims (default: each part's minimum).
   * @example `new tfb.JointMap([new tfb.Exp(), new tfb.Exp()]).forwardLogDetJacobian([1, 2]) // 3`
   */
  forwardLogDetJacobian(x: readonly ArrayLike[], eventNdims?: readonly number[]): Tensor;
  forwardLogDetJacobian(x: { readonly [key: string]: ArrayLike }, eventNdims?: { readonly [key: string]: number }): Tensor;
  forwardLogDetJacobian(x: never, eventNdims?: never): never;
  forwardLogDetJacobian(x: unknown, eventNdims?: unknown): unknown {
    return this.sumParts(x, 'x', eventNdims, (b, v, nd) => b.forwardLogDetJacobian(v, nd));
  }

  /**
   * Sum of the parts' inverse log-det-Jacobians; `eventNdims` as in forwardLogDetJacobian.
   * @example `new tfb.JointMap({ a: new tfb.Exp() }).inverseLogDetJacobian({ a: 2 }) // -log 2`
   */
  inverseLogDetJacobian(y: readonly ArrayLike[], eventNdims?: readonly number[]): Tensor;
  inverseLogDetJacobian(y: { readonly [key: string]: ArrayLike }, eventNdims?: { readonly [key: string]: number }): Tensor;
  inverseLogDetJacobian(y: never, eventNdims?: never): never;
  inverseLogDetJacobian(y: unknown, eventNdims?: unknown): unknown {
    return this.sumParts(y, 'y', eventNdims, (b, v, nd) => b.inverseLogDetJacobian(v, nd));
  }

  /** Each part's forward event shape. @example `new tfb.JointMap([new tfb.FillTriangular()]).forwardEventShape([[3]]) // [[2, 2]]` */
  forwardEventShape(shapes: readonly (readonly number[])[]): number[][];
  forwardEventShape(shapes: { readonly [key: string]: readonly number[] }): Record<string, number[]>;
  forwardEventShape(shapes: never): never;
  forwardEventShape(shapes: unknown): unknown { return this.mapParts(shapes, 'shapes', (b, s) => b.forwardEventShape(s as number[])); }

  /** Each part's inverse event shape. */
  inverseEventShape(shapes: readonly (readonly number[])[]): number[][];
  inverseEventShape(shapes: { readonly [key: string]: readonly number[] }): Record<string, number[]>;
  inverseEventShape(shapes: never): never;
  inverseEventShape(shapes: unknown): unknown { return this.mapParts(shapes, 'shapes', (b, s) => b.inverseEventShape(s as number[])); }

  /** Not used: JointMap overrides the public methods (a single tensor is not a structure). */
  protected _forward(_x: Tensor): Tensor { throw new TypeError('JointMap: forward takes an array or an object of values, one per bijector'); }

  /** `fn(bijector, part)` over the structure; `value` undefined maps over the bijectors alone. */
  private mapParts<R>(value: unknown, arg: string, fn: (b: Bijector, v: unknown) => R): any {
    const parts = this.bijectors;
    if (value !== undefined) this.checkStructure(value, arg);
    const at = (k: string | number): unknown => (value === undefined ? undefined : (value as Record<string | number, unknown>)[k]);
    if (Array.isArray(parts)) return (parts as Bijector[]).map((b, i) => fn(b, at(i)));
    return Object.fromEntries(Object.entries(parts as Record<string, Bijector>).map(([k, b]) => [k, fn(b, at(k))]));
  }

  private sumParts(value: unknown, arg: string, eventNdims: unknown, fn: (b: Bijector, v: any, nd: any) => Tensor): Tensor {
    this.checkStructure(value, arg);
    if (eventNdims !== undefined) this.checkStructure(eventNdims, 'eventNdims');
    const get = (s: unknown, k: string | number): unknown => (s === undefined ? undefined : (s as Record<string | number, unknown>)[k]);
    const entries: [string | number, Bijector][] = Array.isArray(this.bijectors)
      ? (this.bijectors as Bijector[]).map((b, i) => [i, b])
      : Object.entries(this.bijectors as Record<string, Bijector>);
    const terms = entries.map(([k, b]) => fn(b, get(value, k), get(eventNdims, k)));
    if (terms.length === 0) return np.zeros([]);
    return terms.slice(1).reduce((acc, t) => np.add(acc, t), terms[0]);
  }

  private checkStructure(value: unknown, arg: string): void {
    const parts = this.bijectors;
    if (Array.isArray(parts)) {
      if (!Array.isArray(value)) throw new TypeError(`JointMap: ${arg} must be an array with one entry per bijector (${parts.length}); got ${describe(value)}`);
      if (value.length !== parts.length) throw new RangeError(`JointMap: ${arg} has ${value.length} entries but there are ${parts.length} bijectors`);
      return;
    }
    if (!isStructure(value) || Array.isArray(value)) throw new TypeError(`JointMap: ${arg} must be an object with keys ${JSON.stringify(Object.keys(parts))}; got ${describe(value)}`);
    const want = Object.keys(parts), got = Object.keys(value);
    const missing = want.filter((k) => !(k in value)), extra = got.filter((k) => !(k in parts));
    if (missing.length > 0 || extra.length > 0) {
      throw new RangeError(`JointMap: ${arg} must have the keys ${JSON.stringify(want)}${missing.length ? `; missing ${JSON.stringify(missing)}` : ''}${extra.length ? `; unexpected ${JSON.stringify(extra)}` : ''}`);
    }
  }
}

function describe(v: unknown): string {
  if (v instanceof Tensor) return `a Tensor of shape [${v.shape.join(', ')}]`;
  if (Array.isArray(v)) return `an array of length ${v.length}`;
  return v === null ? 'null' : typeof v;
}
