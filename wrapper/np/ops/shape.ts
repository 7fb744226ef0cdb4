/** Shape `np` functions: reshape, transpose, broadcastTo, expandDims, squeeze. */
import type { ArrayLike } from '../../types/dtype.js';
import { Tensor } from '../tensor.js';
import { bind } from '../primitive.js';
import { asTensor } from '../asarray.js';
import { broadcastShapes, checkShape, normalizeAxes, sizeOf } from '../shape.js';
import { broadcastPrim, reshapePrim, transposePrim } from '../prims/structural.js';
import { describe } from '../dtypes.js';

/**
 * Gives a new shape to an array without changing its data; one dimension may be -1.
 * @example `np.reshape(np.arange(6), [2, -1]).shape // [2, 3]`
 */
export function reshape(a: ArrayLike, newShape: number | readonly number[]): Tensor {
  const t = asTensor(a, undefined, 'a');
  const dims = typeof newShape === 'number' ? [newShape] : [...newShape];
  const neg = dims.filter((d) => d === -1).length;
  if (neg > 1) throw new RangeError('reshape: can only specify one unknown dimension (-1)');
  if (neg === 1) {
    const known = sizeOf(dims.filter((d) => d !== -1));
    if (known === 0 || t.size % known !== 0) {
      throw new RangeError(`reshape: cannot reshape an array of size ${t.size} into shape [${dims.join(', ')}]`);
    }
    dims[dims.indexOf(-1)] = t.size / known;
  }
  const shape = checkShape(dims, 'reshape: newShape');
  if (shape.length === t.shape.length && shape.every((d, i) => d === t.shape[i])) return t;
  return bind(reshapePrim, [t], shape);
}

/**
 * Permutes axes (default: reverses them).
 * @example `np.transpose(np.ones([2, 3])).shape // [3, 2]`
 */
export function transpose(a: ArrayLike, axes?: readonly number[]): Tensor {
  const t = asTensor(a, undefined, 'a');
  const nd = t.shape.length;
  const perm = axes === undefined ? Array.from({ length: nd }, (_, i) => nd - 1 - i) : axes.map((x) => (x < 0 ? x + nd : x));
  if (perm.length !== nd || new Set(perm).size !== nd || perm.some((p) => !Number.isInteger(p) || p < 0 || p >= nd)) {
    throw new RangeError(`transpose: axes ${describe(axes)} is not a permutation of ${nd} axes`);
  }
  if (perm.every((p, i) => p === i)) return t;
  return bind(transposePrim, [t], perm);
}

/**
 * Broadcasts an array to a shape (NumPy rules).
 * @example `np.broadcastTo([1, 2], [3, 2]).shape // [3, 2]`
 */
export function broadcastTo(a: ArrayLike, shape: readonly number[]): Tensor {
  const t = asTensor(a, undefined, 'a');
  const target = checkShape([...shape], 'broadcastTo: shape');
  const b = broadcastShapes(t.shape, target, 'broadcastTo: array and shape');
  if (b.length !== target.length || b.some((d, i) => d !== target[i])) {
    throw new RangeError(`broadcastTo: cannot broadcast shape [${t.shape.join(', ')}] to [${target.join(', ')}]`);
  }
  if (t.shape.length === target.length && t.shape.every((d, i) => d === target[i])) return t;
  return bind(broadcastPrim, [t], target);
}

/**
 * Inserts length-1 axes at the given positions (of the result).
 * @example `np.expandDims([1, 2], 0).shape // [1, 2]`
 */
export function expandDims(a: ArrayLike, axis: number | readonly number[]): Tensor {
  const t = asTensor(a, undefined, 'a');
  const list = typeof axis === 'number' ? [axis] : axis;
  const nd = t.shape.length + list.length;
  const axes = normalizeAxes(list, nd, 'expandDims');
  const shape: number[] = [];
  let k = 0;
  for (let i = 0; i < nd; i++) shape.push(axes.includes(i) ? 1 : t.shape[k++]);
  return reshape(t, shape);
}

/**
 * Removes length-1 axes (all of them by default).
 * @example `np.squeeze(np.ones([1, 3, 1])).shape // [3]`
 */
export function squeeze(a: ArrayLike, axis?: number | readonly number[]): Tensor {
  const t = asTensor(a, undefined, 'a');
  const axes = axis === undefined ? t.shape.flatMap((d, i) => (d === 1 ? [i] : [])) : normalizeAxes(axis, t.shape.length, 'squeeze');
  for (const ax of axes) {
    if (t.shape[ax] !== 1) throw new RangeError(`squeeze: cannot select an axis to squeeze out which has size ${t.shape[ax]} (axis ${ax})`);
  }
  return reshape(t, t.shape.filter((_, i) => !axes.includes(i)));
}
