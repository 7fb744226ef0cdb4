import type { DType, TypedArray } from '../types/dtype.js';

const CTORS = {
  float32: Float32Array,
  float64: Float64Array,
  int32: Int32Array,
  uint32: Uint32Array,
  bool: Uint8Array,
} as const;

/** The dtypes probasm knows, in a stable order (for error messages). */
export const DTYPES: readonly DType[] = ['float32', 'float64', 'int32', 'uint32', 'bool'];

/** Checks a dtype name and returns it; `arg` names the argument in the error. */
export function checkDType(dtype: unknown, arg = 'dtype', allowed: readonly DType[] = DTYPES): DType {
  if (typeof dtype !== 'string' || !(allowed as readonly string[]).includes(dtype)) {
    throw new TypeError(
      `${arg} must be one of ${allowed.map((d) => `'${d}'`).join(', ')}; got ${describe(dtype)}`);
  }
  return dtype as DType;
}

/** A new zero-filled typed array for `dtype`. */
export function allocFor(dtype: DType, size: number): TypedArray {
  return new CTORS[dtype](size);
}

/** The dtype that stores in this typed array's type. */
export function dtypeOfArray(a: TypedArray): DType {
  if (a instanceof Float32Array) return 'float32';
  if (a instanceof Float64Array) return 'float64';
  if (a instanceof Int32Array) return 'int32';
  if (a instanceof Uint32Array) return 'uint32';
  if (a instanceof Uint8Array) return 'bool';
  throw new TypeError(`unsupported typed array ${(a as object).constructor?.name}`);
}

/** Bytes per element. */
export function itemSize(dtype: DType): number {
  return CTORS[dtype].BYTES_PER_ELEMENT;
}

export function isTypedArray(x: unknown): x is TypedArray {
  return x instanceof Float32Array || x instanceof Float64Array || x instanceof Int32Array ||
    x instanceof Uint32Array || x instanceof Uint8Array;
}

/** A short description of a value for error messages. */
export function describe(x: unknown): string {
  if (typeof x === 'string') return `'${x}'`;
  if (typeof x === 'bigint') return `${x}n`;
  if (Array.isArray(x)) return `[${x.slice(0, 8).map(describe).join(', ')}${x.length > 8 ? ', ...' : ''}]`;
  if (x === null || typeof x !== 'object') return String(x);
  return (x as object).constructor?.name ?? 'object';
}
