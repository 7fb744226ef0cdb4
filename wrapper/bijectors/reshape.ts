/**
 * `tfb.Reshape`: reshapes the rightmost dims of x from `eventShapeIn` to `eventShapeOut`
 * (the leading dims are the batch and are kept). One entry of each shape may be -1,
 * inferred from the element count as in TFP (`eventShapeIn` defaults to [-1]: any
 * vector). log|det J| = 0 (a rearrangement; constant Jacobian); values are copied exactly.
 * forwardMinEventNdims = eventShapeIn.length, inverseMinEventNdims = eventShapeOut.length.
 * A mismatching input shape is a RangeError naming the argument. Provenance: TFP
 * bijectors/reshape.py.
 */
import { Tensor } from '../np/tensor.js';
import * as np from '../np/index.js';
import { Bijector, type BijectorCommonOptions } from './bijector.js';
import { floatOf } from './float.js';

/** Options of {@link Reshape}. */
export interface ReshapeOptions extends BijectorCommonOptions {
  /** Event shape of y; at most one -1 (inferred). Required. */
  eventShapeOut: readonly number[];
  /** Event shape of x; at most one -1 (default [-1]). */
  eventShapeIn?: readonly number[];
}

function checkShape(s: unknown, arg: string): number[] {
  if (!Array.isArray(s) || s.some((d) => typeof d !== 'number' || !Number.isInteger(d) || d < -1)) {
    throw new TypeError(`Reshape: ${arg} must be an array of non-negative integers or -1; got ${JSON.stringify(s)}`);
  }
  if (s.filter((d) => d === -1).length > 1) throw new RangeError(`Reshape: ${arg} may contain at most one -1; got [${s.join(', ')}]`);
  return [...s];
}

const prod = (s: readonly number[]): number => s.reduce((a, b) => a * b, 1);

/** `shape` with its trailing `from` event shape replaced by `to` (-1s resolved), or a RangeError. */
function replaceEvent(shape: readonly number[], from: readonly number[], to: readonly number[], what: string): number[] {
  const k = from.length;
  const event = shape.slice(shape.length - k);
  if (shape.length < k || event.some((d, i) => from[i] !== -1 && from[i] !== d)) {
    throw new RangeError(`${what} must end in the event shape [${from.join(', ')}]; got shape [${shape.join(', ')}]`);
  }
  const size = prod(event), known = prod(to.filter((d) => d !== -1));
  let out = [...to];
  if (to.includes(-1)) {
    if (known === 0 || size % known !== 0) throw new RangeError(`${what}: cannot reshape an event of ${size} elements ([${event.join(', ')}]) to [${to.join(', ')}]`);
    out = to.map((d) => (d === -1 ? size / known : d));
  } else if (known !== size) {
    throw new RangeError(`${what}: cannot reshape an event of ${size} elements ([${event.join(', ')}]) to [${to.join(', ')}] (${known} elements)`);
  }
  return [...shape.slice(0, shape.length - k), ...out];
}

/**
 * Reshapes the event part of a tensor (`tfb.Reshape`).
 * @example
 * ```ts
 * const b = new tfb.Reshape({ eventShapeOut: [2, -1], eventShapeIn: [6] });
 * b.forward(np.arange(6)).shape;        // [2, 3]
 * b.inverse(np.ones([5, 2, 3])).shape;  // [5, 6]
 * b.forwardEventShape([6]);             // [2, 3]
 * ```
 */
export class Reshape extends Bijector {
  /** The event shape of y as given (may hold -1). */
  declare readonly eventShapeOut: readonly number[];
  /** The event shape of x as given (may hold -1). */
  declare readonly eventShapeIn: readonly number[];

  constructor(options: ReshapeOptions) {
    if (options?.eventShapeOut === undefined) throw new TypeError('Reshape: eventShapeOut is required');
    const out = checkShape(options.eventShapeOut, 'eventShapeOut');
    const inn = checkShape(options.eventShapeIn ?? [-1], 'eventShapeIn');
    if (!out.includes(-1) && !inn.includes(-1) && prod(out) !== prod(inn)) {
      throw new RangeError(`Reshape: eventShapeIn [${inn.join(', ')}] and eventShapeOut [${out.join(', ')}] have different numbers of elements`);
    }
    super({ forwardMinEventNdims: inn.length, inverseMinEventNdims: out.length, isConstantJacobian: true, validateArgs: options.validateArgs, name: options.name ?? 'reshape' });
    Object.defineProperty(this, 'eventShapeOut', { value: Object.freeze(out), enumerable: true });
    Object.defineProperty(this, 'eventShapeIn', { value: Object.freeze(inn), enumerable: true });
  }

  get parameters(): Readonly<Record<string, unknown>> {
    return { ...super.parameters, eventShapeOut: this.eventShapeOut, eventShapeIn: this.eventShapeIn };
  }

  protected _forward(x: Tensor): Tensor {
    return np.reshape(x, replaceEvent(x.shape, this.eventShapeIn, this.eventShapeOut, 'Reshape.forward: x'));
  }
  protected _inverse(y: Tensor): Tensor {
    return np.reshape(y, replaceEvent(y.shape, this.eventShapeOut, this.eventShapeIn, 'Reshape.inverse: y'));
  }
  protected _forwardLogDetJacobian(x: Tensor): Tensor { return np.zeros([], floatOf(x).dtype); }
  protected _inverseLogDetJacobian(y: Tensor): Tensor { return np.zeros([], floatOf(y).dtype); }
  protected _forwardEventShape(shape: number[]): number[] {
    return replaceEvent(shape, this.eventShapeIn, this.eventShapeOut, 'Reshape.forwardEventShape: shape');
  }
  protected _inverseEventShape(shape: number[]): number[] {
    return replaceEvent(shape, this.eventShapeOut, this.eventShapeIn, 'Reshape.inverseEventShape: shape');
  }
}
