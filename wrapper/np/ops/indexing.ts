/** Indexing: slice, take, takeAlongAxis, gather, scatterAdd, oneHot. */
import type { ArrayLike, DType } from '../../types/dtype.js';
import { Tensor } from '../tensor.js';
import { bind } from '../primitive.js';
import { asTensor, isFloat } from '../asarray.js';
import { allocFor, checkDType, describe } from '../dtypes.js';
import { broadcastShapes, sizeOf, stridesOf } from '../shape.js';
import { defaultFloat } from '../../config.js';
import { axisArg, indexTensor, scatterAddPrim, slicePrim, takePrim, type IndexMode } from '../prims/indexing.js';
import { astype } from './elementwise.js';
import { broadcastTo, reshape } from './shape.js';

const fmt = (s: readonly number[]): string => `[${s.join(', ')}]`;

function intList(x: unknown, n: number, what: string, arg: string, shape: readonly number[]): number[] {
  if (!Array.isArray(x)) throw new TypeError(`${what}: ${arg} must be an array of ${n} integers; got ${describe(x)}`);
  if (x.length !== n) {
    throw new RangeError(`${what}: ${arg} has length ${x.length} but the array has ${n} dimensions (shape ${fmt(shape)})`);
  }
  return x.map((v, i) => {
    if (typeof v !== 'number' || !Number.isInteger(v)) throw new TypeError(`${what}: ${arg}[${i}] must be an integer; got ${describe(v)}`);
    return v;
  });
}

/**
 * A strided slice, like `lax.slice`: elements `starts[d], starts[d] + strides[d], ...`
 * below `limits[d]` on every axis. Bounds must satisfy `0 <= start <= limit <= dim` and
 * strides are positive (default 1); no negative indices or clamping (that is NumPy
 * slicing, which this is not).
 * @example
 * ```ts
 * np.slice(np.arange(10), [1], [8], [3]).toArray();              // [1, 4, 7]
 * np.slice(np.ones([4, 5]), [1, 0], [3, 5]).shape;                // [2, 5]
 * ```
 */
export function slice(a: ArrayLike, starts: readonly number[], limits: readonly number[], strides?: readonly number[]): Tensor {
  const t = asTensor(a, undefined, 'a');
  const nd = t.ndim;
  const s = intList(starts, nd, 'slice', 'starts', t.shape);
  const l = intList(limits, nd, 'slice', 'limits', t.shape);
  const st = strides === undefined ? new Array<number>(nd).fill(1) : intList(strides, nd, 'slice', 'strides', t.shape);
  for (let d = 0; d < nd; d++) {
    if (s[d] < 0 || l[d] > t.shape[d] || s[d] > l[d]) {
      throw new RangeError(`slice: need 0 <= starts[${d}] <= limits[${d}] <= ${t.shape[d]} (array of shape ${fmt(t.shape)}); got starts ${fmt(s)} and limits ${fmt(l)}`);
    }
    if (st[d] < 1) throw new RangeError(`slice: strides must be positive; got strides ${fmt(st)}`);
  }
  if (s.every((v) => v === 0) && l.every((v, d) => v === t.shape[d]) && st.every((v) => v === 1)) return t;
  return bind(slicePrim, [t], { starts: s, limits: l, strides: st });
}

/** Options of {@link take}, {@link takeAlongAxis} and {@link gather}. */
export interface TakeOptions {
  /**
   * Out-of-bounds indices: 'fill' (default) writes `fillValue`; 'clip' clamps into
   * `[0, n - 1]`; 'wrap' takes them modulo `n`. Negative indices in `[-n, 0)` count from
   * the end in 'fill' mode (in 'clip' mode they clamp to 0, as in JAX).
   */
  mode?: IndexMode;
  /** What 'fill' mode writes: default NaN for floats, and 0 for ints and bool (JAX uses INT_MIN/UINT_MAX/true). */
  fillValue?: number;
}

function takeParams(o: TakeOptions, dtype: DType, what: string): { mode: IndexMode; fillValue: number } {
  const mode = o.mode ?? 'fill';
  if (mode !== 'fill' && mode !== 'clip' && mode !== 'wrap') {
    throw new RangeError(`${what}: mode must be 'fill', 'clip' or 'wrap'; got ${describe(mode)}`);
  }
  const fillValue = o.fillValue ?? (isFloat(dtype) ? NaN : 0);
  if (typeof fillValue !== 'number') throw new TypeError(`${what}: fillValue must be a number; got ${describe(fillValue)}`);
  return { mode, fillValue };
}

function checkModeOnEmpty(n: number, k: number, mode: IndexMode, what: string, shape: readonly number[], axis: number): void {
  if (n === 0 && k > 0) {
    throw new RangeError(`${what}: cannot take a non-empty selection from axis ${axis} of size 0 (array of shape ${fmt(shape)})${mode === 'fill' ? '' : ` in '${mode}' mode`}`);
  }
}

/**
 * Takes elements along an axis (jnp.take): the result has shape
 * `a.shape[:axis] + indices.shape + a.shape[axis+1:]`. With no `axis` (or `null`) the
 * array is flattened first. Indices are integers (an int tensor, or JS numbers that are
 * integral); see {@link TakeOptions} for out-of-bounds handling. Differentiable in `a`
 * (the gradient scatter-adds the cotangent back; repeated indices accumulate).
 * @example
 * ```ts
 * np.take([10, 20, 30], [2, 0, -1]).toArray();             // [30, 10, 30]
 * np.take([10, 20, 30], [5]).toArray();                    // [NaN]
 * np.take([10, 20, 30], [5], { mode: 'clip' }).toArray();  // [30]
 * np.take(np.ones([2, 3]), [[0, 1]], { axis: 1 }).shape;   // [2, 1, 2]
 * ```
 */
export function take(a: ArrayLike, indices: ArrayLike, options: TakeOptions & { axis?: number | null } = {}): Tensor {
  let t = asTensor(a, undefined, 'a');
  const idx = indexTensor(indices, 'take');
  let axis: number;
  if (options.axis === undefined || options.axis === null) {
    t = reshape(t, [t.size]);
    axis = 0;
  } else {
    if (t.ndim === 0) throw new RangeError('take: cannot take along an axis of a 0-d array (omit axis to flatten it)');
    axis = axisArg(options.axis, t.ndim, 'take');
  }
  const p = takeParams(options, t.dtype, 'take');
  checkModeOnEmpty(t.shape[axis], idx.size, p.mode, 'take', t.shape, axis);
  return bind(takePrim, [t, idx], { axis, ...p });
}

/**
 * Gathers rows: `a[indices]` for an integer index array (NumPy advanced indexing on the
 * first axis), i.e. `take(a, indices, { axis: 0 })`. The result has shape
 * `indices.shape + a.shape[1:]`: the index array's dimensions lead.
 * @example
 * ```ts
 * const emb = np.reshape(np.arange(6), [3, 2]);  // 3 rows of 2
 * np.gather(emb, [[2, 0], [1, 1]]).shape;        // [2, 2, 2]
 * ```
 */
export function gather(a: ArrayLike, indices: ArrayLike, options: TakeOptions = {}): Tensor {
  return take(a, indices, { ...options, axis: 0 });
}

/**
 * Takes values along an axis with an index array of the same rank
 * (jnp.take_along_axis): `out[..., i, ...] = a[..., indices[..., i, ...], ...]`. Off
 * `axis`, `a` and `indices` broadcast against each other. `axis: null` flattens `a`
 * (then `indices` must be 1-D). Typical use: values at `argsort`/`argmax` positions.
 * @example
 * ```ts
 * const x = np.array([[10, 30, 20], [60, 40, 50]]);
 * np.takeAlongAxis(x, [[1], [0]], 1).toArray(); // [[30], [60]]
 * ```
 */
export function takeAlongAxis(a: ArrayLike, indices: ArrayLike, axis: number | null, options: TakeOptions = {}): Tensor {
  let t = asTensor(a, undefined, 'a');
  const idx = indexTensor(indices, 'takeAlongAxis');
  if (axis === null) {
    t = reshape(t, [t.size]);
    if (idx.ndim !== 1) throw new RangeError(`takeAlongAxis: with axis null, indices must be 1-D; got shape ${fmt(idx.shape)}`);
    axis = 0;
  }
  if (idx.ndim !== t.ndim) {
    throw new RangeError(`takeAlongAxis: indices and a must have the same number of dimensions; got indices of shape ${fmt(idx.shape)} and a of shape ${fmt(t.shape)}`);
  }
  if (t.ndim === 0) throw new RangeError('takeAlongAxis: a must have at least one dimension');
  const ax = axisArg(axis, t.ndim, 'takeAlongAxis');
  const p = takeParams(options, t.dtype, 'takeAlongAxis');
  const n = t.shape[ax];
  const offA = t.shape.map((d, i) => (i === ax ? 1 : d)), offI = idx.shape.map((d, i) => (i === ax ? 1 : d));
  let common: number[];
  try {
    common = broadcastShapes(offA, offI, 'takeAlongAxis: a and indices (off the axis)');
  } catch {
    throw new RangeError(`takeAlongAxis: a of shape ${fmt(t.shape)} and indices of shape ${fmt(idx.shape)} do not broadcast off axis ${ax}`);
  }
  const outShape = common.map((d, i) => (i === ax ? idx.shape[ax] : d));
  const aShape = common.map((d, i) => (i === ax ? n : d));
  checkModeOnEmpty(n, sizeOf(outShape), p.mode, 'takeAlongAxis', t.shape, ax);
  const ab = broadcastTo(t, aShape);
  // flat positions into ab (computed in JS: indices carry no gradient); size(ab) marks a fill
  const total = sizeOf(outShape), flat = new Int32Array(total), src = idx._data;
  const ist = stridesOf(idx.shape), ast = stridesOf(aShape), nd = outShape.length;
  const ctr = new Array<number>(nd).fill(0);
  const oob = sizeOf(aShape);
  for (let k = 0; k < total; k++) {
    let io = 0, ao = 0;
    for (let d = 0; d < nd; d++) {
      if (idx.shape[d] !== 1) io += ctr[d] * ist[d];
      if (d !== ax) ao += ctr[d] * ast[d];
    }
    let j = src[io];
    if (p.mode === 'fill') { if (j < 0) j += n; if (j < 0 || j >= n) j = -1; }
    else if (p.mode === 'clip') j = j < 0 ? 0 : j >= n ? n - 1 : j;
    else j = ((j % n) + n) % n;
    flat[k] = j < 0 ? oob : ao + j * ast[ax];
    for (let d = nd - 1; d >= 0; d--) { if (++ctr[d] < outShape[d]) break; ctr[d] = 0; }
  }
  const flatA = reshape(ab, [oob]);
  if (oob === 0) return reshape(flatA, outShape); // nothing to take (total is 0 too)
  const r = bind(takePrim, [flatA, new Tensor(flat, [total])], { axis: 0, mode: 'fill', fillValue: p.fillValue });
  return reshape(r, outShape);
}

/**
 * `a` with `updates` added at `indices` along `axis` (like `a.at[(..., indices)].add(updates)`
 * on one axis); repeated indices accumulate. `updates` broadcasts to
 * `a.shape[:axis] + indices.shape + a.shape[axis+1:]` and is cast to `a`'s dtype.
 * Default mode 'fill' drops out-of-bounds indices (negative ones count from the end);
 * 'clip' clamps; 'wrap' wraps. Differentiable in `a` and `updates` (the gradient of
 * `updates` is a `take`).
 * @example
 * ```ts
 * np.scatterAdd(np.zeros(3), [0, 2, 0], [1, 2, 3]).toArray(); // [4, 0, 2]
 * ```
 */
export function scatterAdd(a: ArrayLike, indices: ArrayLike, updates: ArrayLike, options: { axis?: number; mode?: IndexMode } = {}): Tensor {
  const t = asTensor(a, undefined, 'a');
  if (t.ndim === 0) throw new RangeError('scatterAdd: a must have at least one dimension');
  const idx = indexTensor(indices, 'scatterAdd');
  const axis = axisArg(options.axis ?? 0, t.ndim, 'scatterAdd');
  const { mode } = takeParams({ mode: options.mode }, t.dtype, 'scatterAdd');
  const want = [...t.shape.slice(0, axis), ...idx.shape, ...t.shape.slice(axis + 1)];
  const u0 = asTensor(updates, undefined, 'updates');
  let u: Tensor;
  try {
    u = broadcastTo(astype(u0, t.dtype), want);
  } catch {
    throw new RangeError(`scatterAdd: updates of shape ${fmt(u0.shape)} do not broadcast to shape ${fmt(want)} (a of shape ${fmt(t.shape)}, indices of shape ${fmt(idx.shape)}, axis ${axis})`);
  }
  checkModeOnEmpty(t.shape[axis], idx.size, mode, 'scatterAdd', t.shape, axis);
  return bind(scatterAddPrim, [t, idx, u], { axis, mode });
}

/**
 * One-hot encoding (jax.nn.one_hot): `out[..., c] = (x[...] == c)` for classes
 * `c = 0..numClasses-1`, inserted at `axis` (default -1, the last axis of the result).
 * Indices outside `[0, numClasses)`, negative ones included, give all zeros; values are
 * compared exactly, so non-integers also give zeros. The result is a constant for
 * autodiff. Default dtype: the default float.
 * @example
 * ```ts
 * np.oneHot([0, 2, 5], 3).toArray(); // [[1, 0, 0], [0, 0, 1], [0, 0, 0]]
 * ```
 */
export function oneHot(x: ArrayLike, numClasses: number, options: { dtype?: DType; axis?: number } = {}): Tensor {
  const t = asTensor(x, undefined, 'x');
  if (typeof numClasses !== 'number' || !Number.isInteger(numClasses) || numClasses < 0) {
    throw new RangeError(`oneHot: numClasses must be a non-negative integer; got ${describe(numClasses)}`);
  }
  const dtype = options.dtype === undefined ? defaultFloat() : checkDType(options.dtype, 'oneHot: dtype');
  const nd = t.ndim + 1;
  const axis = axisArg(options.axis ?? -1, nd, 'oneHot');
  const outShape = [...t.shape.slice(0, axis), numClasses, ...t.shape.slice(axis)];
  const r = allocFor(dtype, sizeOf(outShape));
  const inner = sizeOf(t.shape.slice(axis)), outer = sizeOf(t.shape.slice(0, axis)), src = t._data;
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const c = src[o * inner + i];
      if (Number.isInteger(c) && c >= 0 && c < numClasses) r[(o * numClasses + c) * inner + i] = 1;
    }
  }
  return new Tensor(r, outShape);
}
