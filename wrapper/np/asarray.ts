import type { ArrayLike, DType, TypedArray } from '../types/dtype.js';
import { Tensor } from './tensor.js';
import { allocFor, checkDType, describe, dtypeOfArray, isTypedArray } from './dtypes.js';
import { defaultFloat } from '../config.js';

function inferShape(x: unknown, arg: string): number[] {
  const shape: number[] = [];
  let cur: unknown = x;
  while (Array.isArray(cur)) {
    shape.push(cur.length);
    cur = cur[0];
  }
  return shape;
}

function flatten(x: unknown, shape: number[], depth: number, out: unknown[], arg: string): void {
  if (depth === shape.length) {
    if (typeof x !== 'number' && typeof x !== 'boolean') {
      throw new TypeError(`${arg} must hold numbers or booleans; found ${describe(x)}`);
    }
    out.push(x);
    return;
  }
  if (!Array.isArray(x) || x.length !== shape[depth]) {
    throw new RangeError(`${arg} is ragged: expected ${shape[depth]} elements at depth ${depth}, found ${Array.isArray(x) ? x.length : describe(x)}`);
  }
  for (const e of x) flatten(e, shape, depth + 1, out, arg);
}

/** Converts values to a typed array of `dtype` (NumPy casting: floats truncate toward zero into ints). */
function fill(dtype: DType, values: { readonly length: number; readonly [i: number]: number | boolean }): TypedArray {
  const a = allocFor(dtype, values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    a[i] = typeof v === 'boolean' ? Number(v) : dtype === 'bool' ? Number(v !== 0) : v;
  }
  return a;
}

/**
 * Any array-like to a Tensor (the core of `np.array`/`np.asarray`). Without `dtype`:
 * tensors keep theirs, typed arrays give theirs (Uint8Array is bool), booleans give bool,
 * and JS numbers give the default float (float32, or float64 under x64), because JS does
 * not tell 1 from 1.0. A bare number becomes a weakly typed scalar that adopts the other
 * operand's dtype in arithmetic, like a Python scalar in JAX.
 */
export function asTensor(x: ArrayLike | unknown, dtype?: DType, arg = 'x'): Tensor {
  if (dtype !== undefined) checkDType(dtype, 'dtype');
  if (x instanceof Tensor) return dtype === undefined || dtype === x.dtype ? x : castTensor(x, dtype);
  if (typeof x === 'number' || typeof x === 'boolean') {
    const dt = dtype ?? (typeof x === 'boolean' ? 'bool' : defaultFloat());
    const t = new Tensor(fill(dt, [x]), []);
    if (dtype === undefined && typeof x === 'number') { t._weak = true; t._weakValue = x; }
    return t;
  }
  if (isTypedArray(x)) {
    const own = dtypeOfArray(x);
    return new Tensor(dtype === undefined || dtype === own ? x.slice() : fill(dtype, x), [x.length]);
  }
  if (Array.isArray(x)) {
    const shape = inferShape(x, arg);
    const flat: (number | boolean)[] = [];
    flatten(x, shape, 0, flat, arg);
    const dt = dtype ?? (flat.length > 0 && flat.every((v) => typeof v === 'boolean') ? 'bool' : defaultFloat());
    return new Tensor(fill(dt, flat), shape);
  }
  throw new TypeError(`${arg} must be a Tensor, a number, a boolean, a typed array or nested arrays; got ${describe(x)}`);
}

/** A copy of `t` converted to `dtype` (no autodiff; see np's astype for the differentiable op). */
export function castTensor(t: Tensor, dtype: DType): Tensor {
  if (dtype === t.dtype) return t;
  const src = t._data;
  const a = allocFor(dtype, src.length);
  if (dtype === 'bool') for (let i = 0; i < src.length; i++) a[i] = src[i] !== 0 ? 1 : 0;
  else if (dtype === 'int32' || dtype === 'uint32') for (let i = 0; i < src.length; i++) a[i] = Math.trunc(src[i]);
  else a.set(src);
  return new Tensor(a, t.shape);
}

const RANK: Record<DType, number> = { bool: 0, uint32: 1, int32: 2, float32: 3, float64: 4 };

/**
 * JAX-like type promotion of two operands: weak scalars adopt the other dtype (an
 * integer-valued number joins an int dtype, a fractional one lifts it to the default
 * float); int and float give the float; float32 and float64 give float64; int32 and
 * uint32 give int32 (JAX's int64, canonicalized without x64); bool with a number gives
 * the number's type.
 */
export function promoteTypes(a: Tensor, b: Tensor): DType {
  if (a._weak && !b._weak) return weakJoin(a, b.dtype);
  if (b._weak && !a._weak) return weakJoin(b, a.dtype);
  if (a.dtype === b.dtype) return a.dtype;
  const [lo, hi] = RANK[a.dtype] <= RANK[b.dtype] ? [a.dtype, b.dtype] : [b.dtype, a.dtype];
  if (lo === 'uint32' && hi === 'int32') return 'int32';
  return hi;
}

function weakJoin(weak: Tensor, strong: DType): DType {
  if (strong === 'float32' || strong === 'float64') return strong;
  const v = weak._weakValue ?? weak._data[0];
  if (strong === 'bool') return weak.dtype;
  return Number.isInteger(v) ? strong : defaultFloat();
}

/** True for float32/float64. */
export function isFloat(dtype: DType): boolean {
  return dtype === 'float32' || dtype === 'float64';
}
