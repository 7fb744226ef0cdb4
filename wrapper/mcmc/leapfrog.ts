/**
 * The leapfrog integrator over wasm linear memory (kernels: assembly/integrators/leapfrog.ts).
 *
 * One `Integrator` serves one transition (one `oneStep` of HMC or NUTS); its buffers
 * (positions, momenta, gradients, tree ends, candidates, U-turn checkpoints...) live in
 * one block of linear memory that the kernel keeps for the whole chain
 * ({@link IntegratorBuffers}: a persistent workspace block, carved on the first
 * transition and reused by every later one, so a chain runs without allocation growth).
 * Inside a transition the integrator state never leaves linear memory: the kernels
 * update momenta and positions in place; only the positions are copied out to tensors
 * for each target call, and the gradients copied back in (the target goes through the
 * autodiff layer). The state that crosses transitions is the chain state itself, which
 * the kernel protocol returns as (JS-owned) tensors; loading it costs O(state size) per
 * transition, against O(state size x leapfrog steps) plus a gradient evaluation per
 * leapfrog step inside.
 *
 * A persistent block can be placed only while the workspace stack is empty (it sits
 * under the stack). When a transition runs inside someone's workspace scope, its buffers
 * go on the stack for that transition instead (same results). The block is freed by
 * `sampleChain`/`windowedAdaptiveNuts` when they finish (`releaseKernelBuffers`), when a
 * transition needs a different size, or when the kernel is garbage-collected.
 *
 * Layout: see `PartsLayout` (wrapper/mcmc/util.ts): `nChains` rows of `d` elements.
 * Scalars per chain (log-probs, energies) are JS numbers (float64), rounded to the state's
 * dtype where they become results.
 */
import { core, type Core } from '../runtime/core.js';
import type { Workspace } from '../runtime/workspace.js';
import type { Tensor } from '../np/tensor.js';
import type { TypedArray } from '../types/dtype.js';
import type { TargetLogProbFn } from './kernel.js';
import { targetAndGrads, PartsLayout, hasPrefix } from './util.js';

/** Pointers are byte offsets into linear memory. */
export type Ptr = number;

/**
 * A transition's integrator: buffers in linear memory plus the kernels over them.
 * Create with {@link withIntegrator}; pointers are valid until it returns.
 */
export class Integrator {
  readonly c: Core;
  readonly f64: boolean;
  readonly bytes: number;
  /** Coefficient vectors: step size (positive), signed step size, inverse mass. */
  readonly eps: Ptr;
  readonly epsDir: Ptr;
  readonly invMass: Ptr;
  private readonly chainTmp: Ptr;
  private readonly chainTmp2: Ptr;
  /** Target calls made (gradient evaluations). */
  gradEvals = 0;

  /** Next free byte of the kernel's block and its end (0, 0 without a block). */
  private cursor: number;
  private readonly end: number;

  constructor(readonly layout: PartsLayout, readonly fn: TargetLogProbFn, eps: Float64Array, invMass: Float64Array | undefined, block?: { ptr: Ptr; bytes: number }) {
    this.c = core();
    this.f64 = layout.dtype === 'float64';
    this.bytes = this.f64 ? 8 : 4;
    this.cursor = block?.ptr ?? 0;
    this.end = block ? block.ptr + block.bytes : 0;
    this.eps = this.vec();
    this.epsDir = this.vec();
    this.invMass = this.vec();
    this.chainTmp = this.take(layout.nChains * this.bytes);
    this.chainTmp2 = this.take(layout.nChains * this.bytes);
    this.arr(this.eps).set(eps);
    this.arr(this.epsDir).set(eps);
    if (invMass) this.arr(this.invMass).set(invMass);
    else this.arr(this.invMass).fill(1);
  }

  /** `bytes` from the kernel's block, or from the transition's stack scope once it is used up. */
  private take(bytes: number): Ptr {
    const size = align16(bytes);
    if (this.cursor + size <= this.end) {
      const p = this.cursor;
      this.cursor += size;
      return p;
    }
    return this.c.ws.alloc(size);
  }

  /** A new n-element vector for this transition. */
  vec(): Ptr {
    return this.take(Math.max(1, this.layout.n) * this.bytes);
  }

  /** A typed view of `len` elements at `p` (re-made: memory growth detaches old views). */
  arr(p: Ptr, len = this.layout.n): TypedArray {
    const buf = this.c.ex.memory.buffer;
    return this.f64 ? new Float64Array(buf, p, len) : new Float32Array(buf, p, len);
  }

  /** The whole memory as elements of the dtype (index = byte offset / element size). */
  private mem(): TypedArray {
    const buf = this.c.ex.memory.buffer;
    return this.f64 ? new Float64Array(buf) : new Float32Array(buf);
  }

  /** Copies the per-part tensors into the flat vector at `p`. */
  load(p: Ptr, parts: readonly Tensor[]): void {
    this.layout.gather(parts.map((t) => t._data as ArrayLike<number>), this.mem(), p / this.bytes);
  }

  /** The flat vector at `p` as new tensors, one per part. */
  read(p: Ptr): Tensor[] {
    return this.layout.scatter(this.mem(), p / this.bytes);
  }

  /** dst = src (whole vectors). */
  copy(dst: Ptr, src: Ptr): void {
    if (dst === src) return;
    const e = this.bytes, m = this.mem();
    m.copyWithin(dst / e, src / e, src / e + this.layout.n);
  }

  /** dst row c = src row c, for every chain with `mask[c]` set (all chains without a mask). */
  copyRows(dst: Ptr, src: Ptr, mask?: ArrayLike<number | boolean>): void {
    if (!mask) return this.copy(dst, src);
    const e = this.bytes, d = this.layout.d, m = this.mem();
    for (let c = 0; c < this.layout.nChains; c++) {
      if (mask[c]) m.copyWithin(dst / e + c * d, src / e + c * d, src / e + (c + 1) * d);
    }
  }

  /** Sets the signed step size: chain c integrates forward where `forward[c]`, else backward. */
  setDirections(forward: ArrayLike<number | boolean>): void {
    const d = this.layout.d, base = this.arr(this.eps), dir = this.arr(this.epsDir);
    for (let c = 0; c < this.layout.nChains; c++) {
      const s = forward[c] ? 1 : -1;
      for (let j = c * d; j < (c + 1) * d; j++) dir[j] = s * base[j];
    }
  }

  /**
   * The target at the positions `q`: writes the gradient to `g`, returns the per-chain
   * log-probs. The positions go out as fresh tensors (the target may keep them).
   */
  evaluate(q: Ptr, g: Ptr): Float64Array {
    const parts = this.read(q);
    const { logProb, grads } = targetAndGrads(this.fn, parts);
    this.gradEvals++;
    if (logProb.size !== this.layout.nChains || !hasPrefix(logProb.shape, this.layout.batchShape) || logProb.shape.length !== this.layout.batchShape.length) {
      throw new RangeError(`targetLogProbFn returned shape [${logProb.shape.join(', ')}]; expected the chain shape [${this.layout.batchShape.join(', ')}] it returned for the initial state`);
    }
    this.load(g, grads);
    const out = new Float64Array(this.layout.nChains);
    for (let i = 0; i < out.length; i++) out[i] = Number(logProb._data[i]);
    return out;
  }

  /** p += (scale * epsDir) * g. */
  momentum(p: Ptr, g: Ptr, scale: number): void {
    const n = this.layout.n;
    if (this.f64) this.c.ex.leapfrogMomentumF64(p, g, this.epsDir, scale, n);
    else this.c.ex.leapfrogMomentumF32(p, g, this.epsDir, scale, n);
  }

  /** q += epsDir * (invMass * p). */
  position(q: Ptr, p: Ptr): void {
    const n = this.layout.n;
    if (this.f64) this.c.ex.leapfrogPositionF64(q, p, this.epsDir, this.invMass, n);
    else this.c.ex.leapfrogPositionF32(q, p, this.epsDir, this.invMass, n);
  }

  /**
   * `steps` leapfrog steps from (q, p, g) in place, as TFP's SimpleLeapfrogIntegrator:
   * a half momentum step, then per step a position step, a target call and a full
   * momentum step, then half a momentum step back. Returns the final per-chain log-probs.
   */
  leapfrog(q: Ptr, p: Ptr, g: Ptr, steps: number): Float64Array {
    this.momentum(p, g, 0.5);
    let lp: Float64Array | undefined;
    for (let i = 0; i < steps; i++) {
      this.position(q, p);
      lp = this.evaluate(q, g);
      this.momentum(p, g, 1);
    }
    this.momentum(p, g, -0.5);
    return lp!;
  }

  /** Per-chain kinetic energy 0.5 * sum p * invMass * p. */
  kinetic(p: Ptr): Float64Array {
    const { nChains, d } = this.layout;
    if (this.f64) this.c.ex.leapfrogKineticF64(p, this.invMass, this.chainTmp, nChains, d);
    else this.c.ex.leapfrogKineticF32(p, this.invMass, this.chainTmp, nChains, d);
    return Float64Array.from(this.arr(this.chainTmp, nChains));
  }

  /** Momentum draw p = z / sqrt(invMass) from standard normal draws per part. */
  drawMomentum(p: Ptr, z: readonly Tensor[]): void {
    this.load(p, z);
    const n = this.layout.n;
    if (this.f64) this.c.ex.leapfrogMomentumDrawF64(p, this.invMass, p, n);
    else this.c.ex.leapfrogMomentumDrawF32(p, this.invMass, p, n);
  }

  /** dst += src. */
  accumulate(dst: Ptr, src: Ptr): void {
    const n = this.layout.n;
    if (this.f64) this.c.ex.leapfrogAccumulateF64(dst, src, n);
    else this.c.ex.leapfrogAccumulateF32(dst, src, n);
  }

  /**
   * The generalized no-U-turn test per chain: with s = rho - rhoPrev (rho when rhoPrev is
   * 0), true where s . (invMass pl) >= 0 and s . (invMass pr) >= 0.
   */
  noUturn(rho: Ptr, rhoPrev: Ptr, pl: Ptr, pr: Ptr): Uint8Array {
    const { nChains, d } = this.layout;
    if (this.f64) this.c.ex.leapfrogUturnDotsF64(rho, rhoPrev, this.invMass, pl, pr, this.chainTmp, this.chainTmp2, nChains, d);
    else this.c.ex.leapfrogUturnDotsF32(rho, rhoPrev, this.invMass, pl, pr, this.chainTmp, this.chainTmp2, nChains, d);
    const l = this.arr(this.chainTmp, nChains), r = this.arr(this.chainTmp2, nChains);
    const out = new Uint8Array(nChains);
    for (let c = 0; c < nChains; c++) out[c] = l[c] >= 0 && r[c] >= 0 ? 1 : 0;
    return out;
  }
}

const align16 = (n: number): number => (n + 15) & ~15;

/** Bytes an integrator needs for `vecs` vectors of the layout plus its own buffers. */
export function integratorBytes(layout: PartsLayout, vecs: number): number {
  const e = layout.dtype === 'float64' ? 8 : 4;
  return (vecs + 3) * align16(Math.max(1, layout.n) * e) + 2 * align16(layout.nChains * e);
}

interface Held { readonly ws: Workspace; readonly ptr: Ptr; readonly bytes: number }
const finalizer = typeof FinalizationRegistry === 'function'
  ? new FinalizationRegistry<Held>((h) => h.ws.freePersistent(h.ptr))
  : undefined;

/**
 * The integrator block a kernel keeps across transitions (one per kernel object): a
 * persistent workspace block, grown when a transition needs more, freed by
 * {@link IntegratorBuffers.release}, or when its owner is garbage-collected.
 */
export class IntegratorBuffers {
  private held: Held | undefined;

  constructor(private readonly owner: object) {}

  /** A block of at least `bytes` for the current core, or `undefined` when none can be placed now. */
  acquire(bytes: number): { ptr: Ptr; bytes: number } | undefined {
    const ws = core().ws;
    if (this.held && this.held.ws === ws && this.held.bytes >= bytes) return this.held;
    this.release();
    const ptr = ws.allocPersistent(bytes);
    if (ptr === undefined) return undefined;
    this.held = { ws, ptr, bytes };
    finalizer?.register(this.owner, this.held, this);
    return this.held;
  }

  /** Frees the block (the next transition carves a new one). */
  release(): void {
    const h = this.held;
    if (!h) return;
    finalizer?.unregister(this);
    h.ws.freePersistent(h.ptr);
    this.held = undefined;
  }
}

/**
 * Runs `body` with an integrator whose `vecs` vectors (and its own buffers) come from the
 * kernel's persistent block when `buffers` can provide one, else from a workspace scope.
 * Whatever the target allocates is released on exit (also when `body` throws).
 */
export function withIntegrator<T>(layout: PartsLayout, fn: TargetLogProbFn, eps: Float64Array, invMass: Float64Array | undefined, body: (it: Integrator) => T, buffers?: IntegratorBuffers, vecs = 0): T {
  const ws = core().ws;
  const block = buffers?.acquire(integratorBytes(layout, vecs));
  return ws.scoped(() => body(new Integrator(layout, fn, eps, invMass, block)));
}

/**
 * Frees the integrator blocks of `kernel` and of every kernel it wraps (`innerKernel`,
 * TransformedTransitionKernel's and adaptation kernels' inner kernels). `sampleChain` and
 * `windowedAdaptiveNuts` call it when they finish; a later `oneStep` simply carves anew.
 */
export function releaseKernelBuffers(kernel: unknown): void {
  type K = { innerKernel?: unknown; transformedInnerKernel?: unknown; integratorBuffers?: IntegratorBuffers };
  const seen = new Set<unknown>();
  const todo: unknown[] = [kernel];
  while (todo.length > 0) {
    const k = todo.pop() as K | undefined;
    if (!k || typeof k !== 'object' || seen.has(k)) continue;
    seen.add(k);
    k.integratorBuffers?.release();
    todo.push(k.innerKernel, k.transformedInnerKernel);
  }
}
