/**
 * @internal Array-valued parameters of the samplers (p, logits, a, lam, mean, ...): reading
 * numbers, nested arrays, typed arrays and tensors into flat row-major values, checking
 * them against a `shape` argument as JAX's `_check_shape` does, and gathering along an axis.
 */
import type { DType, FloatDType, Shape, TypedArray } from '../types/dtype.js';
import { Tensor } from '../np/tensor.js';
import { allocFor, describe, dtypeOfArray, isTypedArray } from '../np/dtypes.js';
import { broadcastShapes, checkShape, sizeOf } from '../np/shape.js';
import { defaultFloat } from '../config.js';

/** Read-only indexed numbers (the global `ArrayLike<number>`, which the project's `ArrayLike` type shadows). */
export interface Nums { readonly length: number; readonly [i: number]: number }

/**
 * A parameter read into JS. `dtype` is the tensor's or typed array's dtype; plain JS
 * numbers and number arrays have none (JAX treats Python scalars as weakly typed, and
 * lists become the default dtype), and arrays of booleans are 'bool'.
 */
export interface Param {
  readonly values: ArrayLike<number>;
  readonly shape: number[];
  readonly dtype?: DType;
}

function nestedShape(x: readonly unknown[], fn: string, arg: string): number[] {
  const shape: number[] = [];
  let cur: unknown = x;
  while (Array.isArray(cur)) {
    shape.push(cur.length);
    if (cur.length === 0) break;
    cur = cur[0];
  }
  checkShape(shape, `${fn}: ${arg}'s shape`);
  return shape;
}

/** Reads a number, boolean, (nested) array, typed array or Tensor; `fn: arg` names it in errors. */
export function readParam(x: unknown, fn: string, arg: string): Param {
  if (typeof x === 'number') return { values: [x], shape: [] };
  if (typeof x === 'boolean') return { values: [x ? 1 : 0], shape: [], dtype: 'bool' };
  if (x instanceof Tensor) return { values: x._data, shape: [...x.shape], dtype: x.dtype };
  if (isTypedArray(x)) return { values: x, shape: [x.length], dtype: dtypeOfArray(x) };
  if (Array.isArray(x)) {
    const shape = nestedShape(x, fn, arg);
    const out = new Float64Array(sizeOf(shape));
    let n = 0, bools = 0;
    const walk = (v: unknown, dim: number, path: string): void => {
      if (dim === shape.length) {
        if (typeof v === 'number') out[n++] = v;
        else if (typeof v === 'boolean') { out[n++] = v ? 1 : 0; bools++; }
        else throw new TypeError(`${fn}: ${arg}${path} must be a number; got ${describe(v)}`);
        return;
      }
      if (!Array.isArray(v) || v.length !== shape[dim]) {
        throw new TypeError(`${fn}: ${arg} must be a rectangular (non-ragged) array of shape [${shape.join(', ')}]; ${arg}${path} is ${describe(v)}`);
      }
      for (let i = 0; i < v.length; i++) walk(v[i], dim + 1, `${path}[${i}]`);
    };
    walk(x, 0, '');
    if (bools !== 0 && bools !== out.length) throw new TypeError(`${fn}: ${arg} mixes booleans and numbers`);
    return { values: out, shape, dtype: bools !== 0 ? 'bool' : undefined };
  }
  throw new TypeError(`${fn}: ${arg} must be a number, an array of numbers or a Tensor; got ${describe(x)}`);
}

/** True for float dtypes. */
export function isFloat(d: DType | undefined): d is FloatDType {
  return d === 'float32' || d === 'float64';
}

/** The dtype a float-valued parameter computes in: its own float dtype, else the default float. */
export function floatOf(p: Param): FloatDType {
  return isFloat(p.dtype) ? p.dtype : defaultFloat();
}

/** Rounds to the dtype's precision (float32: Math.fround; float64: unchanged). */
export function caster(dtype: FloatDType): (x: number) => number {
  return dtype === 'float32' ? Math.fround : (x: number) => x;
}

/** Checks every value with `ok`, throwing `${fn}: ${arg} ${what}` with the first bad one. */
export function checkValues(p: Param, fn: string, arg: string, what: string, ok: (v: number) => boolean): void {
  const v = p.values;
  for (let i = 0; i < v.length; i++) {
    if (!ok(v[i])) {
      const at = p.shape.length === 0 ? '' : ` (element ${i} of the flattened ${arg})`;
      throw new RangeError(`${fn}: ${arg} ${what}; got ${v[i]}${at}`);
    }
  }
}

/**
 * JAX's `_check_shape`: each parameter shape must broadcast to `shape` without changing it.
 */
export function checkParamShapes(fn: string, shape: Shape, params: readonly (readonly [string, Shape])[]): void {
  for (const [name, ps] of params) {
    let ok = ps.length <= shape.length;
    if (ok) {
      for (let i = 0; i < ps.length; i++) {
        const d = ps[ps.length - 1 - i], s = shape[shape.length - 1 - i];
        if (d !== 1 && d !== s) { ok = false; break; }
      }
    }
    if (!ok) {
      throw new RangeError(`${fn}: ${name} has shape [${ps.join(', ')}], which does not broadcast to shape [${shape.join(', ')}]`);
    }
  }
}

/** Broadcasts several parameter shapes together (the default output shape). */
export function broadcastAll(fn: string, params: readonly (readonly [string, Shape])[]): number[] {
  let out: number[] = [];
  for (const [, s] of params) out = broadcastShapes(out, s, `${fn}: ${params.map((p) => p[0]).join(' and ')}`);
  return out;
}

/** A shape argument that may be omitted (undefined: use `dflt`). */
export function optShape(shape: unknown, fn: string, dflt: () => number[]): number[] {
  return shape === undefined ? dflt() : checkShape(shape, `${fn}: shape`);
}

/** Normalizes an axis for `ndim` dimensions (negative counts from the end). */
export function normAxis(axis: unknown, ndim: number, fn: string, arg = 'axis'): number {
  if (typeof axis !== 'number' || !Number.isInteger(axis)) {
    throw new TypeError(`${fn}: ${arg} must be an integer; got ${describe(axis)}`);
  }
  if (axis < -ndim || axis >= ndim) {
    throw new RangeError(`${fn}: ${arg} ${axis} is out of bounds for an array of ${ndim} dimension${ndim === 1 ? '' : 's'}`);
  }
  return axis < 0 ? axis + ndim : axis;
}

/** Validates a boolean flag. */
export function boolArg(x: unknown, dflt: boolean, fn: string, arg: string): boolean {
  if (x === undefined) return dflt;
  if (typeof x !== 'boolean') throw new TypeError(`${fn}: ${arg} must be true or false; got ${describe(x)}`);
  return x;
}

/**
 * `take(x, ind, axis)` for a row-major array: the result has shape
 * `shape[:axis] + indShape + shape[axis+1:]`.
 */
export function takeAlong(values: ArrayLike<number>, shape: Shape, axis: number, ind: ArrayLike<number>, indShape: Shape, dtype: DType): Tensor {
  const outer = sizeOf(shape.slice(0, axis)), n = shape[axis], inner = sizeOf(shape.slice(axis + 1));
  const m = ind.length;
  const out = allocFor(dtype, outer * m * inner) as TypedArray;
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < m; j++) {
      const src = (o * n + ind[j]) * inner, dst = (o * m + j) * inner;
      for (let i = 0; i < inner; i++) out[dst + i] = values[src + i];
    }
  }
  return new Tensor(out, [...shape.slice(0, axis), ...indShape, ...shape.slice(axis + 1)]);
}

/** The next representable float32 after x toward +inf (dir > 0) or -inf (dir < 0). */
export function nextafter32(x: number, dir: number): number {
  if (Number.isNaN(x)) return x;
  if (x === 0) return dir > 0 ? 1.401298464324817e-45 : -1.401298464324817e-45;
  if (x === Infinity && dir > 0) return x;
  if (x === -Infinity && dir < 0) return x;
  const f = new Float32Array([x]), u = new Uint32Array(f.buffer);
  if (x === Infinity) return 3.4028234663852886e38;
  if (x === -Infinity) return -3.4028234663852886e38;
  u[0] += (x > 0) === (dir > 0) ? 1 : -1;
  return f[0];
}

/** The next representable float64 after x toward +inf (dir > 0) or -inf (dir < 0). */
export function nextafter64(x: number, dir: number): number {
  if (Number.isNaN(x)) return x;
  if (x === 0) return dir > 0 ? Number.MIN_VALUE : -Number.MIN_VALUE;
  if (x === Infinity) return dir > 0 ? x : Number.MAX_VALUE;
  if (x === -Infinity) return dir < 0 ? x : -Number.MAX_VALUE;
  const f = new Float64Array([x]), u = new BigUint64Array(f.buffer);
  u[0] += (x > 0) === (dir > 0) ? 1n : -1n;
  return f[0];
}
