/** Array creation: array/asarray, zeros, ones, full, eye, arange, linspace, *Like. */
import type { ArrayLike, DType, Shape } from '../../types/dtype.js';
import { Tensor } from '../tensor.js';
import { asTensor, castTensor } from '../asarray.js';
import { allocFor, checkDType, describe } from '../dtypes.js';
import { checkShape, sizeOf } from '../shape.js';
import { defaultFloat } from '../../config.js';

/**
 * A new tensor from nested arrays, a typed array, a number or a tensor (copied). Numbers
 * default to float32 (float64 under x64); pass `dtype` to choose.
 * @example `np.array([[1, 2], [3, 4]])  // Array([[1., 2.], [3., 4.]], dtype=float32)`
 */
export function array(object: ArrayLike, dtype?: DType): Tensor {
  const t = asTensor(object, dtype, 'object');
  const c = object instanceof Tensor && t === object ? new Tensor(t._data.slice(), t.shape) : t;
  c._weak = undefined;
  c._weakValue = undefined;
  return c;
}

/** Like {@link array} but returns tensors unchanged (no copy). @example `np.asarray(t) === t` */
export function asarray(a: ArrayLike, dtype?: DType): Tensor {
  return asTensor(a, dtype, 'a');
}

/** A tensor of `shape` filled with `value`. @example `np.full([2, 2], 7)` */
export function full(shape: Shape | number, value: number | boolean, dtype?: DType): Tensor {
  const s = checkShape(shape as number[], 'shape');
  const dt = dtype === undefined ? (typeof value === 'boolean' ? 'bool' : defaultFloat()) : checkDType(dtype);
  if (typeof value !== 'number' && typeof value !== 'boolean') throw new TypeError(`full: value must be a number or boolean; got ${describe(value)}`);
  const a = allocFor(dt, sizeOf(s));
  a.fill(typeof value === 'boolean' ? Number(value) : value);
  return new Tensor(a, s);
}

/** Zeros. @example `np.zeros([2, 3])` */
export const zeros = (shape: Shape | number, dtype?: DType): Tensor => full(shape, 0, dtype);
/** Ones. @example `np.ones(5)` */
export const ones = (shape: Shape | number, dtype?: DType): Tensor => full(shape, 1, dtype);
/** Zeros with the shape and dtype of `a`. @example `np.zerosLike(x)` */
export const zerosLike = (a: ArrayLike, dtype?: DType): Tensor => { const t = asTensor(a); return full(t.shape, 0, dtype ?? t.dtype); };
/** Ones with the shape and dtype of `a`. @example `np.onesLike(x)` */
export const onesLike = (a: ArrayLike, dtype?: DType): Tensor => { const t = asTensor(a); return full(t.shape, 1, dtype ?? t.dtype); };

/** Identity-like matrix with ones on diagonal `k`. @example `np.eye(3)` */
export function eye(n: number, m?: number, k = 0, dtype?: DType): Tensor {
  const cols = m ?? n;
  const t = zeros([n, cols], dtype);
  const a = t._data;
  for (let i = 0; i < n; i++) { const j = i + k; if (j >= 0 && j < cols) a[i * cols + j] = 1; }
  return t;
}

/**
 * Evenly spaced values in [start, stop) with `step`; `arange(n)` is 0..n-1. Integer
 * arguments give int32 (as in JAX), otherwise the default float.
 * @example `np.arange(5)  // Array([0, 1, 2, 3, 4], dtype=int32)`
 */
export function arange(start: number, stop?: number, step = 1, dtype?: DType): Tensor {
  if (stop === undefined) { stop = start; start = 0; }
  for (const [n, v] of [['start', start], ['stop', stop], ['step', step]] as const) {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new TypeError(`arange: ${n} must be a finite number; got ${describe(v)}`);
  }
  if (step === 0) throw new RangeError('arange: step must not be 0');
  const n = Math.max(0, Math.ceil((stop - start) / step));
  const dt = dtype ?? ([start, stop, step].every(Number.isInteger) ? 'int32' : defaultFloat());
  const a = allocFor(dt, n);
  for (let i = 0; i < n; i++) a[i] = start + i * step;
  return new Tensor(a, [n]);
}

/**
 * `num` evenly spaced values from start to stop (inclusive unless `endpoint: false`).
 * @example `np.linspace(0, 1, 5)  // [0, 0.25, 0.5, 0.75, 1]`
 */
export function linspace(start: number, stop: number, num = 50, options: { endpoint?: boolean; dtype?: DType } = {}): Tensor {
  if (!Number.isInteger(num) || num < 0) throw new RangeError(`linspace: num must be a non-negative integer; got ${describe(num)}`);
  const endpoint = options.endpoint ?? true;
  const div = endpoint ? num - 1 : num;
  const step = div > 0 ? (stop - start) / div : 0;
  const a = new Float64Array(num);
  for (let i = 0; i < num; i++) a[i] = start + i * step;
  if (endpoint && num > 1) a[num - 1] = stop;
  return castTensor(new Tensor(a, [num]), options.dtype ?? defaultFloat());
}
