/** Joining and splitting: concatenate, stack, split. */
import type { ArrayLike } from '../../types/dtype.js';
import { Tensor } from '../tensor.js';
import { bind } from '../primitive.js';
import { asTensor } from '../asarray.js';
import { describe } from '../dtypes.js';
import { axisArg, concatenatePrim, resultType } from '../prims/indexing.js';
import { astype } from './elementwise.js';
import { expandDims, reshape } from './shape.js';
import { slice } from './indexing.js';

const fmt = (s: readonly number[]): string => `[${s.join(', ')}]`;

/** The arrays of a list argument as tensors (a tensor is split along its first axis). */
function tensorList(arrays: readonly ArrayLike[] | Tensor, what: string): Tensor[] {
  if (arrays instanceof Tensor) {
    if (arrays.ndim === 0) throw new TypeError(`${what}: arrays must be a list of arrays or a tensor of rank >= 1; got a 0-d tensor`);
    if (arrays.shape[0] === 0) throw new RangeError(`${what}: need at least one array (the tensor has shape ${fmt(arrays.shape)})`);
    const rest = arrays.shape.slice(1);
    return Array.from({ length: arrays.shape[0] }, (_, i) =>
      reshape(slice(arrays, arrays.shape.map((_d, k) => (k === 0 ? i : 0)), arrays.shape.map((d, k) => (k === 0 ? i + 1 : d))), rest));
  }
  if (!Array.isArray(arrays)) throw new TypeError(`${what}: arrays must be a list of arrays; got ${describe(arrays)}`);
  if (arrays.length === 0) throw new RangeError(`${what}: need at least one array`);
  return arrays.map((a, i) => asTensor(a, undefined, `${what}: arrays[${i}]`));
}

/**
 * Joins arrays along an existing axis (jnp.concatenate). Inputs promote to one dtype;
 * their shapes must agree except along `axis`. `axis: null` flattens every input first.
 * A tensor as `arrays` is taken as the list of its sub-arrays along axis 0.
 * @example
 * ```ts
 * np.concatenate([[1, 2], [3]]);                    // [1, 2, 3]
 * np.concatenate([np.ones([2, 2]), np.zeros([2, 1])], 1).shape; // [2, 3]
 * ```
 */
export function concatenate(arrays: readonly ArrayLike[] | Tensor, axis: number | null = 0): Tensor {
  let ts = tensorList(arrays, 'concatenate');
  if (axis === null) {
    ts = ts.map((t) => reshape(t, [t.size]));
    axis = 0;
  }
  const first = ts[0];
  if (first.ndim === 0) throw new RangeError('concatenate: zero-dimensional arrays cannot be concatenated (use stack)');
  const nd = first.ndim;
  const ax = axisArg(axis, nd, 'concatenate');
  for (let i = 1; i < ts.length; i++) {
    const s = ts[i].shape;
    if (s.length !== nd) {
      throw new RangeError(`concatenate: all arrays must have the same number of dimensions; arrays[0] has shape ${fmt(first.shape)} and arrays[${i}] has shape ${fmt(s)}`);
    }
    if (s.some((d, k) => k !== ax && d !== first.shape[k])) {
      throw new RangeError(`concatenate: array dimensions except along axis ${ax} must match; arrays[0] has shape ${fmt(first.shape)} and arrays[${i}] has shape ${fmt(s)}`);
    }
  }
  const dt = resultType(ts);
  const cast = ts.map((t) => astype(t, dt));
  if (cast.length === 1) return cast[0];
  return bind(concatenatePrim, cast, { axis: ax });
}

/**
 * Joins arrays of one shape along a new axis (jnp.stack); `axis` indexes the result
 * (negative counts from the end, so -1 appends the new axis last).
 * @example
 * ```ts
 * np.stack([[1, 2], [3, 4]]).shape;      // [2, 2]
 * np.stack([[1, 2], [3, 4]], -1).toArray(); // [[1, 3], [2, 4]]
 * ```
 */
export function stack(arrays: readonly ArrayLike[] | Tensor, axis = 0): Tensor {
  const ts = tensorList(arrays, 'stack');
  const first = ts[0];
  for (let i = 1; i < ts.length; i++) {
    const s = ts[i].shape;
    if (s.length !== first.ndim || s.some((d, k) => d !== first.shape[k])) {
      throw new RangeError(`stack: all input arrays must have the same shape; arrays[0] has shape ${fmt(first.shape)} and arrays[${i}] has shape ${fmt(s)}`);
    }
  }
  const ax = axisArg(axis, first.ndim + 1, 'stack');
  const dt = resultType(ts); // before expandDims, which drops the weak typing of JS numbers
  return concatenate(ts.map((t) => expandDims(astype(t, dt), ax)), ax);
}

/**
 * Splits an array into sub-arrays along `axis` (jnp.split). A number `n` gives `n` equal
 * parts (the axis length must be divisible by it); a list of indices gives the pieces
 * between them, with Python slice semantics (negative indices count from the end,
 * indices are clamped to the axis, a decreasing pair gives an empty piece).
 * @example
 * ```ts
 * np.split(np.arange(6), 3).map((t) => t.toArray());      // [[0, 1], [2, 3], [4, 5]]
 * np.split(np.arange(6), [1, 4]).map((t) => t.shape[0]);  // [1, 3, 2]
 * ```
 */
export function split(a: ArrayLike, indicesOrSections: number | readonly number[], axis = 0): Tensor[] {
  const t = asTensor(a, undefined, 'a');
  if (t.ndim === 0) throw new RangeError('split: cannot split a 0-d array');
  const ax = axisArg(axis, t.ndim, 'split');
  const n = t.shape[ax];
  let bounds: number[];
  if (typeof indicesOrSections === 'number') {
    const k = indicesOrSections;
    if (!Number.isInteger(k) || k < 1) throw new RangeError(`split: the number of sections must be a positive integer; got ${describe(k)}`);
    if (n % k !== 0) {
      throw new RangeError(`split: array split does not result in an equal division: axis ${ax} of size ${n} (array of shape ${fmt(t.shape)}) into ${k} sections`);
    }
    bounds = Array.from({ length: k + 1 }, (_, i) => (i * n) / k);
  } else if (Array.isArray(indicesOrSections)) {
    const idx = indicesOrSections.map((i, k) => {
      if (typeof i !== 'number' || !Number.isInteger(i)) throw new TypeError(`split: indicesOrSections[${k}] must be an integer; got ${describe(i)}`);
      return i < 0 ? Math.max(0, i + n) : Math.min(i, n);
    });
    bounds = [0, ...idx, n];
  } else {
    throw new TypeError(`split: indicesOrSections must be a number or a list of integers; got ${describe(indicesOrSections)}`);
  }
  const out: Tensor[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const lo = bounds[i], hi = Math.max(lo, bounds[i + 1]);
    out.push(slice(t, t.shape.map((_, d) => (d === ax ? lo : 0)), t.shape.map((d, k) => (k === ax ? hi : d))));
  }
  return out;
}
