import type { CoreExports } from './exports.js';

const PAGE = 65536;
const align16 = (n: number): number => (n + 15) & ~15;

/**
 * A stack (mark/release) allocator over the core's linear memory, above `heapBase()`.
 *
 * Kernels read and write only memory handed out here. Each public operation marks the
 * stack, allocates its buffers, runs its kernels, copies results out to JS-owned typed
 * arrays and releases, so nothing leaks and no user-visible `dispose()` exists. Memory
 * grows on demand (wasm memory never shrinks; its size is the largest single request).
 */
export class Workspace {
  private readonly base: number;
  private top: number;

  constructor(private readonly ex: CoreExports) {
    this.base = align16(ex.heapBase());
    this.top = this.base;
  }

  /** Reserves `bytes` (16-byte aligned) and returns the pointer. */
  alloc(bytes: number): number {
    const p = this.top;
    const end = align16(p + bytes);
    const have = this.ex.memory.buffer.byteLength;
    if (end > have) {
      try {
        this.ex.memory.grow(Math.ceil((end - have) / PAGE));
      } catch {
        throw new RangeError(`out of wasm memory: this operation needs ${end - this.base} bytes of workspace`);
      }
    }
    this.top = end;
    return p;
  }

  /** Current stack position, for {@link release}. */
  mark(): number {
    return this.top;
  }

  /** Frees everything allocated since `mark`. */
  release(mark: number): void {
    this.top = mark;
  }

  /** Runs `fn` and frees what it allocated, even if it throws. */
  scoped<T>(fn: () => T): T {
    const m = this.top;
    try {
      return fn();
    } finally {
      this.top = m;
    }
  }

  /** Views into linear memory (re-made per call: growing memory detaches old views). */
  u32(ptr: number, n: number): Uint32Array { return new Uint32Array(this.ex.memory.buffer, ptr, n); }
  f32(ptr: number, n: number): Float32Array { return new Float32Array(this.ex.memory.buffer, ptr, n); }
  f64(ptr: number, n: number): Float64Array { return new Float64Array(this.ex.memory.buffer, ptr, n); }

  /** Bytes of linear memory in use by the workspace right now. */
  get used(): number { return this.top - this.base; }
  /** Total linear memory size in bytes. */
  get memoryBytes(): number { return this.ex.memory.buffer.byteLength; }
}
