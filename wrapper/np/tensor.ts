import type { DType, NestedArray, Shape, TypedArray } from '../types/dtype.js';
import { allocFor, dtypeOfArray, describe } from './dtypes.js';
import { sizeOf, checkShape } from './shape.js';
import { formatTensor } from './format.js';
import type { TapeNode } from '../autodiff/trace.js';

/** Which Threefry counter layout a key is pinned to (internal). */
export type KeyLayout = 'classic' | 'partitionable';

/**
 * An immutable n-dimensional array, like a `jax.Array`.
 *
 * Storage is a JS typed array owned by the tensor (so no `dispose()` is ever needed);
 * kernels copy it into the wasm workspace and back. `data()` returns a copy, so a tensor
 * can never be changed after it is made.
 *
 * @example
 * ```ts
 * const k = random.key(0);
 * const x = random.normal(k, [2, 3]);
 * x.shape;      // [2, 3]
 * x.dtype;      // 'float32'
 * x.toArray();  // [[...], [...]]
 * const [row0, row1] = x; // iterates over axis 0
 * String(x);    // 'Array([[...]], dtype=float32)'
 * ```
 */
export class Tensor implements Iterable<Tensor> {
  /** Dimensions, outermost first. */
  readonly shape: readonly number[];
  /** Element type. */
  readonly dtype: DType;
  /** Number of elements. */
  readonly size: number;
  /** @internal Backing store; never mutated after construction. */
  readonly _data: TypedArray;
  /** @internal Threefry layout a PRNG key is pinned to, if any. */
  _keyLayout?: KeyLayout;
  /** @internal This tensor's node in each active gradient trace, by trace level. */
  _nodes?: (TapeNode | undefined)[];
  /** @internal A weakly typed scalar (from a JS number): adopts the other operand's dtype. */
  _weak?: boolean;
  /** @internal The exact JS number of a weak scalar (its storage holds it in the default float). */
  _weakValue?: number;

  /**
   * Wraps a typed array (not copied: do not change it afterwards) as a tensor of `shape`.
   * The dtype follows the array type (a Uint8Array is `bool`); pass `dtype` to check it.
   */
  constructor(data: TypedArray, shape: Shape, dtype?: DType) {
    const dims = Array.prototype.slice.call(shape) as number[];
    let size = 1;
    for (let i = 0; i < dims.length; i++) {
      const d = dims[i];
      if (!(Number.isInteger(d) && d >= 0)) checkShape(dims); // throws the descriptive error
      size *= d;
    }
    const dt = dtypeOfArray(data);
    if (dtype !== undefined && dtype !== dt) {
      throw new TypeError(`data is a ${data.constructor.name}, which stores ${dt}, not dtype '${dtype}'`);
    }
    if (size !== data.length) {
      throw new RangeError(`data has ${data.length} elements but shape [${dims.join(', ')}] needs ${size}`);
    }
    this.shape = dims;
    this.dtype = dt;
    this.size = data.length;
    this._data = data;
  }

  /** Number of dimensions. */
  get ndim(): number {
    return this.shape.length;
  }

  /** A copy of the elements in row-major order (bool as 0/1 in a Uint8Array). */
  data(): TypedArray {
    return this._data.slice();
  }

  /** The elements as nested arrays (numbers, or booleans for bool); a number for 0-d. */
  toArray(): NestedArray | number | boolean {
    const d = this._data, isBool = this.dtype === 'bool';
    const at = (i: number): number | boolean => (isBool ? d[i] !== 0 : d[i]);
    if (this.shape.length === 0) return at(0);
    const build = (dim: number, offset: number, stride: number): NestedArray => {
      const n = this.shape[dim];
      const inner = stride / (n || 1);
      const out: (number | boolean | NestedArray)[] = new Array(n);
      for (let i = 0; i < n; i++) {
        out[i] = dim === this.shape.length - 1 ? at(offset + i) : build(dim + 1, offset + i * inner, inner);
      }
      return out;
    };
    return build(0, 0, this.size);
  }

  /** The single element of a size-1 tensor. */
  item(): number | boolean {
    if (this.size !== 1) {
      throw new RangeError(`item() needs a tensor with one element; this one has shape [${this.shape.join(', ')}]`);
    }
    return this.dtype === 'bool' ? this._data[0] !== 0 : this._data[0];
  }

  /** JAX-style text, e.g. `Array([4., 4.], dtype=float32)`. */
  toString(): string {
    return formatTensor(this);
  }

  /** Iterates over axis 0, yielding tensors of shape `shape.slice(1)`. */
  *[Symbol.iterator](): Iterator<Tensor> {
    if (this.shape.length === 0) throw new TypeError('iteration over a 0-d tensor');
    for (let i = 0; i < this.shape[0]; i++) yield this.index(i);
  }

  /** The sub-tensor at position `i` of axis 0 (negative counts from the end). */
  index(i: number): Tensor {
    const n = this.shape[0];
    if (this.shape.length === 0) throw new TypeError('cannot index a 0-d tensor');
    if (!Number.isInteger(i) || i < -n || i >= n) {
      throw new RangeError(`index ${describe(i)} is out of bounds for axis 0 of size ${n}`);
    }
    if (i < 0) i += n;
    const inner = this.size / n;
    const t = new Tensor(this._data.slice(i * inner, (i + 1) * inner), this.shape.slice(1));
    if (this._keyLayout) t._keyLayout = this._keyLayout;
    return t;
  }

  /** Same as {@link index}, named like `Array.prototype.at` (negative counts from the end). */
  at(i: number): Tensor {
    return this.index(i);
  }

  /** @internal A tensor over a fresh array of `dtype` and `shape` filled by `fill`. */
  static _make(dtype: DType, shape: Shape, fill?: (a: TypedArray) => void): Tensor {
    const a = allocFor(dtype, sizeOf(shape));
    if (fill) fill(a);
    return new Tensor(a, shape);
  }
}
