/**
 * `tfb.Pad`: pads the rightmost dims of x (`tf.pad` semantics with TFP's `axis`): each
 * `paddings` pair [before, after] grows the dimension `axis[i]` (negative, counted from the
 * right; default the rightmost `paddings.length` dims) with `constantValues` (or mirrored
 * values for mode 'reflect'/'symmetric'). The inverse slices the padding off (the padded
 * values are not checked). log|det J| = 0, as TFP (the map is an embedding; constant
 * Jacobian). forward/inverse min event ndims = -min(axis). Values are copied exactly.
 * Provenance: TFP bijectors/pad.py.
 */
import { Tensor } from '../np/tensor.js';
import * as np from '../np/index.js';
import { Bijector, type BijectorCommonOptions } from './bijector.js';
import { floatOf } from './float.js';

/** Options of {@link Pad}. */
export interface PadOptions extends BijectorCommonOptions {
  /** [before, after] pairs, one per padded axis (default [[0, 1]]: one after the last). */
  paddings?: readonly (readonly [number, number] | readonly number[])[];
  /** 'constant' (default), 'reflect' or 'symmetric' (as tf.pad's modes; any case). */
  mode?: 'constant' | 'reflect' | 'symmetric' | 'CONSTANT' | 'REFLECT' | 'SYMMETRIC';
  /** The value padded in constant mode (default 0). */
  constantValues?: number;
  /** The (negative) axes the pairs apply to (default: the rightmost `paddings.length`). */
  axis?: number | readonly number[];
}

/**
 * Pads the event (`tfb.Pad`).
 * @example
 * ```ts
 * new tfb.Pad().forward([3, 4]);                              // [3, 4, 0]
 * new tfb.Pad({ axis: -2 }).forward([[3, 4]]);                // [[3, 4], [0, 0]]
 * new tfb.Pad({ paddings: [[1, 0]], constantValues: 7 }).inverse([7, 1, 2]); // [1, 2]
 * ```
 */
export class Pad extends Bijector {
  /** The [before, after] pairs. */
  declare readonly paddings: readonly (readonly [number, number])[];
  /** The padded axes (negative). */
  declare readonly axis: readonly number[];
  /** The padding mode (lower case). */
  declare readonly mode: 'constant' | 'reflect' | 'symmetric';
  /** The constant padded in constant mode. */
  declare readonly constantValues: number;

  constructor(options: PadOptions = {}) {
    const raw = options.paddings ?? [[0, 1]];
    if (!Array.isArray(raw) || raw.length < 1 || raw.some((p) => !Array.isArray(p) || p.length !== 2 || p.some((v: unknown) => typeof v !== 'number' || !Number.isInteger(v) || (v as number) < 0))) {
      throw new TypeError(`Pad: paddings must be a non-empty array of [before, after] pairs of non-negative integers; got ${JSON.stringify(raw)}`);
    }
    const paddings = raw.map((p) => [p[0], p[1]] as [number, number]);
    const axisRaw = options.axis === undefined ? paddings.map((_, i) => i - paddings.length) : typeof options.axis === 'number' ? [options.axis] : [...options.axis];
    if (axisRaw.some((a) => typeof a !== 'number' || !Number.isInteger(a) || a > -1)) throw new RangeError(`Pad: axis must hold negative integers (counted from the right); got ${JSON.stringify(options.axis)}`);
    if (new Set(axisRaw).size !== axisRaw.length) throw new RangeError(`Pad: axis elements must be unique; got [${axisRaw.join(', ')}]`);
    if (axisRaw.length !== paddings.length) throw new RangeError(`Pad: axis and paddings must have the same number of elements; got ${axisRaw.length} and ${paddings.length}`);
    const mode = (options.mode ?? 'constant').toLowerCase();
    if (mode !== 'constant' && mode !== 'reflect' && mode !== 'symmetric') throw new RangeError(`Pad: mode must be 'constant', 'reflect' or 'symmetric'; got ${JSON.stringify(options.mode)}`);
    const cv = options.constantValues ?? 0;
    if (typeof cv !== 'number') throw new TypeError(`Pad: constantValues must be a number; got ${typeof cv}`);
    const minNdims = -Math.min(...axisRaw);
    super({ forwardMinEventNdims: minNdims, isConstantJacobian: true, validateArgs: options.validateArgs, name: options.name ?? 'pad' });
    for (const [k, v] of [['paddings', paddings], ['axis', axisRaw], ['mode', mode], ['constantValues', cv]] as const) {
      Object.defineProperty(this, k, { value: v, enumerable: true });
    }
  }

  get parameters(): Readonly<Record<string, unknown>> {
    return { ...super.parameters, paddings: this.paddings, mode: this.mode, constantValues: this.constantValues, axis: this.axis };
  }

  private widths(rank: number): [number, number][] {
    const w = Array.from({ length: rank }, () => [0, 0] as [number, number]);
    this.axis.forEach((a, i) => { w[rank + a] = [this.paddings[i][0], this.paddings[i][1]]; });
    return w;
  }

  protected _forward(x: Tensor): Tensor {
    const xf = floatOf(x);
    return this.mode === 'constant'
      ? np.pad(xf, this.widths(xf.ndim), { constantValues: this.constantValues })
      : np.pad(xf, this.widths(xf.ndim), { mode: this.mode });
  }

  protected _inverse(y: Tensor): Tensor {
    const yf = floatOf(y), w = this.widths(yf.ndim);
    const limits = yf.shape.map((d, i) => d - w[i][1]);
    if (limits.some((l, i) => l < w[i][0])) throw new RangeError(`Pad.inverse: y of shape [${yf.shape.join(', ')}] is smaller than the padding`);
    return np.slice(yf, w.map((p) => p[0]), limits);
  }

  protected _forwardLogDetJacobian(x: Tensor): Tensor { return np.zeros([], floatOf(x).dtype); }
  protected _inverseLogDetJacobian(y: Tensor): Tensor { return np.zeros([], floatOf(y).dtype); }

  private eventShape(shape: number[], sign: 1 | -1, what: string): number[] {
    if (shape.length < this.forwardMinEventNdims) throw new RangeError(`Pad.${what}: shape must have at least ${this.forwardMinEventNdims} dimension(s); got [${shape.join(', ')}]`);
    const out = [...shape];
    this.axis.forEach((a, i) => { out[shape.length + a] += sign * (this.paddings[i][0] + this.paddings[i][1]); });
    if (out.some((d) => d < 0)) throw new RangeError(`Pad.${what}: shape [${shape.join(', ')}] is smaller than the padding`);
    return out;
  }
  protected _forwardEventShape(shape: number[]): number[] { return this.eventShape(shape, 1, 'forwardEventShape'); }
  protected _inverseEventShape(shape: number[]): number[] { return this.eventShape(shape, -1, 'inverseEventShape'); }
}
