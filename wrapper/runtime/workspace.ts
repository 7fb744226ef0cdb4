import type { CoreExports } from './exports.js';

const PAGE = 65536;
const align16 = (n: number): number => (n + 15) & ~15;

/** A block of the persistent region (see {@link Workspace.allocPersistent}). */
interface Block { ptr: number; bytes: number; free: boolean }

/**
 * The core's linear memory above `heapBase()`: a persistent region at the bottom, then a
 * stack (mark/release) allocator.
 *
 * Kernels read and write only memory handed out here. Each public operation marks the
 * stack, allocates its buffers, runs its kernels, copies results out to JS-owned typed
 * arrays and releases, so nothing leaks and no user-visible `dispose()` exists. Memory
 * grows on demand (wasm memory never shrinks; its size is the largest demand).
 *
 * The persistent region holds the few buffers that must outlive an operation (an MCMC
 * integrator's state for a whole chain). A persistent block can be carved only while the
 * stack is empty (it moves the stack's bottom up); blocks are freed explicitly, holes are
 * reused first-fit, and free blocks at the region's end return to the stack.
 */
export class Workspace {
  private readonly heapStart: number;
  private base: number;
  private top: number;
  private readonly blocks: Block[] = [];

  constructor(private readonly ex: CoreExports) {
    this.heapStart = align16(ex.heapBase());
    this.base = this.heapStart;
    this.top = this.base;
  }

  /** Grows linear memory so that byte offset `end` is addressable. */
  private ensure(end: number): void {
    const have = this.ex.memory.buffer.byteLength;
    if (end > have) {
      try {
        this.ex.memory.grow(Math.ceil((end - have) / PAGE));
      } catch {
        throw new RangeError(`out of wasm memory: this operation needs ${end - this.heapStart} bytes of workspace`);
      }
    }
  }

  /** Reserves `bytes` (16-byte aligned) on the stack and returns the pointer. */
  alloc(bytes: number): number {
    const p = this.top;
    const end = align16(p + bytes);
    if (end > this.ex.memory.buffer.byteLength) this.ensure(end);
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

  /**
   * Reserves a persistent block of `bytes` (16-byte aligned) that stays valid until
   * {@link freePersistent}. Returns `undefined` while the stack is in use (a block cannot
   * be placed under live stack data); callers then fall back to stack allocation.
   */
  allocPersistent(bytes: number): number | undefined {
    if (this.top !== this.base) return undefined;
    this.trim();
    const size = align16(Math.max(16, bytes));
    for (let i = 0; i < this.blocks.length; i++) {
      const b = this.blocks[i];
      if (!b.free || b.bytes < size) continue;
      if (b.bytes - size >= 256) { // split; a smaller remainder stays with the block
        this.blocks.splice(i + 1, 0, { ptr: b.ptr + size, bytes: b.bytes - size, free: true });
        b.bytes = size;
      }
      b.free = false;
      return b.ptr;
    }
    const p = this.base;
    this.ensure(p + size);
    this.blocks.push({ ptr: p, bytes: size, free: false });
    this.base = this.top = p + size;
    return p;
  }

  /** Frees a block from {@link allocPersistent} (freeing twice or a foreign pointer throws). */
  freePersistent(ptr: number): void {
    const i = this.blocks.findIndex((b) => b.ptr === ptr);
    if (i < 0 || this.blocks[i].free) throw new Error(`freePersistent: ${ptr} is not a live persistent block`);
    this.blocks[i].free = true;
    // merge with free neighbours
    const next = this.blocks[i + 1];
    if (next?.free) { this.blocks[i].bytes += next.bytes; this.blocks.splice(i + 1, 1); }
    const prev = this.blocks[i - 1];
    if (prev?.free) { prev.bytes += this.blocks[i].bytes; this.blocks.splice(i, 1); }
    if (this.top === this.base) this.trim();
  }

  /** Returns free blocks at the region's end to the (empty) stack. */
  private trim(): void {
    let last = this.blocks[this.blocks.length - 1];
    while (last?.free) {
      this.blocks.pop();
      this.base = this.top = last.ptr;
      last = this.blocks[this.blocks.length - 1];
    }
  }

  /** Views into linear memory (re-made per call: growing memory detaches old views). */
  u32(ptr: number, n: number): Uint32Array { return new Uint32Array(this.ex.memory.buffer, ptr, n); }
  f32(ptr: number, n: number): Float32Array { return new Float32Array(this.ex.memory.buffer, ptr, n); }
  f64(ptr: number, n: number): Float64Array { return new Float64Array(this.ex.memory.buffer, ptr, n); }

  /** Bytes of linear memory in use on the stack right now. */
  get used(): number { return this.top - this.base; }
  /** Bytes held by live persistent blocks. */
  get persistentBytes(): number { return this.blocks.reduce((s, b) => s + (b.free ? 0 : b.bytes), 0); }
  /** Total linear memory size in bytes. */
  get memoryBytes(): number { return this.ex.memory.buffer.byteLength; }
}
