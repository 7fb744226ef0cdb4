import type { Shape } from '../types/dtype.js';
import { describe } from './dtypes.js';

/** Largest element count one array may have (wasm32 linear memory is at most 4 GiB). */
export const MAX_SIZE = 2 ** 29;

/**
 * Validates a shape given as a number or an array of numbers, returning a fresh array.
 * Every dimension must be a non-negative integer and the product at most {@link MAX_SIZE}.
 */
export function checkShape(shape: unknown, arg = 'shape'): number[] {
  const dims = typeof shape === 'number' ? [shape] : shape;
  if (!Array.isArray(dims)) {
    throw new TypeError(`${arg} must be a non-negative integer or an array of them; got ${describe(shape)}`);
  }
  let size = 1;
  for (let i = 0; i < dims.length; i++) {
    const d = dims[i];
    if (typeof d !== 'number' || !Number.isInteger(d) || d < 0) {
      throw new RangeError(`${arg}[${i}] must be a non-negative integer; got ${describe(d)} (shape ${describe(shape)})`);
    }
    size *= d;
  }
  if (size > MAX_SIZE) {
    throw new RangeError(`${arg} ${describe(shape)} has ${size} elements; at most ${MAX_SIZE} are supported`);
  }
  return dims.slice() as number[];
}

/** Number of elements of a shape. */
export function sizeOf(shape: Shape): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Row-major strides (in elements). */
export function stridesOf(shape: Shape): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) { s[i] = acc; acc *= shape[i]; }
  return s;
}

/** NumPy broadcasting of two shapes; `what` names the operands in the error. */
export function broadcastShapes(a: Shape, b: Shape, what = 'operands'): number[] {
  const n = Math.max(a.length, b.length);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const da = a[a.length - n + i] ?? 1, db = b[b.length - n + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) {
      throw new RangeError(`${what} have shapes [${a.join(', ')}] and [${b.join(', ')}], which do not broadcast`);
    }
    out[i] = da === 1 ? db : da;
  }
  return out;
}

/** Element indices of `from` (row-major) read when broadcasting it to `to`. */
export function broadcastIndex(from: Shape, to: Shape): Int32Array {
  const n = sizeOf(to);
  const idx = new Int32Array(n);
  const off = to.length - from.length;
  const fs = stridesOf(from);
  const counter = new Array<number>(to.length).fill(0);
  for (let k = 0; k < n; k++) {
    let src = 0;
    for (let d = 0; d < from.length; d++) if (from[d] !== 1) src += counter[d + off] * fs[d];
    idx[k] = src;
    for (let d = to.length - 1; d >= 0; d--) { if (++counter[d] < to[d]) break; counter[d] = 0; }
  }
  return idx;
}

/** Throws unless two shapes are equal (internal shape rules). */
export function sameShapeOrThrow(a: Shape, b: Shape, what: string): void {
  if (a.length !== b.length || a.some((d, i) => d !== b[i])) {
    throw new RangeError(`${what}: shapes [${a.join(', ')}] and [${b.join(', ')}] differ`);
  }
}

/**
 * Normalizes an axis argument (number, list, or undefined for all) against `ndim`:
 * sorted, unique, non-negative. `what` names the function in errors.
 */
export function normalizeAxes(axis: number | readonly number[] | undefined | null, ndim: number, what: string): number[] {
  if (axis === undefined || axis === null) return Array.from({ length: ndim }, (_, i) => i);
  const list = typeof axis === 'number' ? [axis] : [...axis];
  const out = new Set<number>();
  for (const a of list) {
    if (typeof a !== 'number' || !Number.isInteger(a) || a < -ndim || a >= ndim) {
      throw new RangeError(`${what}: axis ${describe(a)} is out of bounds for an array of dimension ${ndim}`);
    }
    const n = a < 0 ? a + ndim : a;
    if (out.has(n)) throw new RangeError(`${what}: repeated axis ${a}`);
    out.add(n);
  }
  return [...out].sort((x, y) => x - y);
}

/**
 * Copies into `r` (row-major over `dims`) the elements of `src` visited by an odometer
 * that starts at `offset` and moves `step[d]` elements per unit of dimension d. Serves
 * slicing (strided steps), flips (negative steps) and transposes (permuted strides).
 */
export function gatherStrided(src: ArrayLike<number>, r: { [i: number]: number; length: number }, dims: Shape, offset: number, step: readonly number[]): void {
  const nd = dims.length, n = r.length;
  const ctr = new Array<number>(nd).fill(0);
  let off = offset;
  for (let k = 0; k < n; k++) {
    r[k] = src[off];
    for (let d = nd - 1; d >= 0; d--) {
      off += step[d];
      if (++ctr[d] < dims[d]) break;
      off -= step[d] * dims[d];
      ctr[d] = 0;
    }
  }
}
