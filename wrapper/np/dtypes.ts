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

// Inside a gradient computation most arrays are temporaries of a few hundred elements.
// V8 gives every typed array over 64 elements its own off-heap backing store, which costs
// ~0.5-1.5 µs to allocate; inside `withSlab` such arrays are instead carved from fresh
// 64 KiB chunks (never reused, so still zero-filled). A chunk is freed when no view of it
// is reachable. Results that outlive the scope are copied out (`ownData`) by the caller, so
// long-lived tensors never pin a chunk. The current chunk carries over to the next scope
// (carving goes on where the last scope stopped): a fresh 64 KiB buffer costs ~7 µs
// (zeroing and page faults), so starting one per scope would cost more than a small
// gradient's own temporaries. Only that one chunk stays referenced between scopes.
const SLAB_BYTES = 1 << 16;
const SLAB_MAX_BYTES = 1 << 14;
let slabDepth = 0;
let slab: ArrayBuffer | null = null;
let slabOff = 0;

/** Runs `fn` with small temporaries allocated from shared chunks (see `ownData`). */
export function withSlab<T>(fn: () => T): T {
  slabDepth++;
  try {
    return fn();
  } finally {
    slabDepth--;
  }
}

/** `a` itself when it owns its buffer, else a copy that does (for results leaving a slab scope). */
export function ownData<A extends TypedArray>(a: A): A {
  // Slab views always hold more than 64 elements; smaller arrays own their storage, and
  // reading `.buffer` of such an (on-heap) array would make V8 move it off-heap.
  if (a.length <= 64) return a;
  return a.byteLength === a.buffer.byteLength ? a : (a.slice() as A);
}

/** A new zero-filled typed array for `dtype`. */
export function allocFor(dtype: DType, size: number): TypedArray {
  const C = CTORS[dtype];
  if (slabDepth > 0 && size > 64) {
    const bytes = size * C.BYTES_PER_ELEMENT;
    if (bytes <= SLAB_MAX_BYTES) {
      let off = (slabOff + 7) & ~7;
      if (slab === null || off + bytes > SLAB_BYTES) { slab = new ArrayBuffer(SLAB_BYTES); off = 0; }
      slabOff = off + bytes;
      return new C(slab, off, size);
    }
  }
  return new C(size);
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
