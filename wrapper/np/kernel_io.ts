import type { DType, TypedArray } from '../types/dtype.js';
import { Tensor } from './tensor.js';
import { allocFor, itemSize } from './dtypes.js';
import { sizeOf } from './shape.js';
import { core, type Core } from '../runtime/core.js';

/** A typed-array view of workspace memory for `dtype` (re-made: growth detaches views). */
export function view(c: Core, dtype: DType, ptr: number, n: number): TypedArray {
  const buf = c.ex.memory.buffer;
  switch (dtype) {
    case 'float32': return new Float32Array(buf, ptr, n);
    case 'float64': return new Float64Array(buf, ptr, n);
    case 'int32': return new Int32Array(buf, ptr, n);
    case 'uint32': return new Uint32Array(buf, ptr, n);
    default: return new Uint8Array(buf, ptr, n);
  }
}

/** Copies a tensor into fresh workspace memory and returns the pointer (call inside ws.scoped). */
export function stage(c: Core, t: Tensor): number {
  const p = c.ws.alloc(Math.max(1, t.size) * itemSize(t.dtype));
  if (t.size) view(c, t.dtype, p, t.size).set(t._data);
  return p;
}

/** Reserves workspace for an output of `shape`/`dtype`. */
export function reserve(c: Core, dtype: DType, shape: readonly number[]): number {
  return c.ws.alloc(Math.max(1, sizeOf(shape)) * itemSize(dtype));
}

/** Copies an output out of the workspace into a new tensor. */
export function collect(c: Core, dtype: DType, shape: readonly number[], ptr: number): Tensor {
  const n = sizeOf(shape);
  const a = allocFor(dtype, n);
  if (n) a.set(view(c, dtype, ptr, n));
  return new Tensor(a, shape);
}

/** Runs `fn` with the core and a scoped workspace. */
export function withCore<T>(fn: (c: Core) => T): T {
  const c = core();
  const ws = c.ws, m = ws.mark();
  try {
    return fn(c);
  } finally {
    ws.release(m);
  }
}
