/**
 * The relaxed-SIMD side module (assembly/relaxed/): float32 normal, exponential and gumbel
 * sampling with one `f32x4.relaxed_madd` per fused step instead of the SIMD build's exact
 * f64x2 emulation (about 1.6x faster end to end for normals), with the same bits.
 *
 * It is attached to the SIMD core by `init()` only when all of these hold: the entry point
 * bundles it (the default entry does; `init({ module })` and the workerd entry do not), the
 * runtime validates relaxed SIMD, `relaxedFused()` says the engine fuses relaxed_madd
 * (hardware FMA), and each kernel reproduces the core's exact kernel on a check set of
 * 1,024 words. Otherwise nothing changes: the SIMD build's exact kernel runs. The module
 * imports the core's memory and has no data of its own; its constants and scratch live in
 * a persistent workspace block. `init({ relaxedSimd: false })` turns it off.
 */
import type { ModuleSource } from '../types/runtime.js';
import type { CoreExports } from './exports.js';
import type { Workspace } from './workspace.js';
import { featureProbe } from './simd.js';

/** The side module's exports. */
export interface RelaxedExports {
  relaxedTableBytes(): number;
  relaxedInit(tbl: number): void;
  relaxedFused(): number;
  normalF32Relaxed(inp: number, out: number, n: number, tbl: number): number;
  exponentialF32Relaxed(inp: number, out: number, n: number, tbl: number): number;
  gumbelF32Relaxed(inp: number, out: number, n: number, tbl: number): number;
}

/** The float32 samplers the side module runs. */
export type RelaxedSampler = 'normal' | 'exponential' | 'gumbel';
const EXACT = { normal: 'normalF32', exponential: 'exponentialF32', gumbel: 'gumbelF32' } as const;
const RELAXED = { normal: 'normalF32Relaxed', exponential: 'exponentialF32Relaxed', gumbel: 'gumbelF32Relaxed' } as const;
const SAMPLERS: readonly RelaxedSampler[] = ['normal', 'exponential', 'gumbel'];

/** Relaxed kernels attached to one SIMD core. */
export interface RelaxedKernels {
  readonly ex: RelaxedExports;
  /** The constant and scratch table (persistent workspace block). */
  readonly tbl: number;
}

/**
 * (module (func (result v128) (f32x4.relaxed_madd (v128.const 0) (v128.const 0) (v128.const 0)))):
 * validates exactly when the runtime implements relaxed SIMD.
 */
const PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 61, 1, 59, 0,
  253, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 253, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  253, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 253, 133, 2, 11,
]);

/** Whether this runtime validates relaxed SIMD (cached). */
export const relaxedSimdSupported: () => boolean = featureProbe(PROBE);

const CHECK = 1024;

/**
 * Instantiates the side module against `ex`'s memory and returns its kernels, or `null`
 * when relaxed_madd is not fused here, the check set disagrees with the exact kernel, or
 * the module cannot be instantiated (it is optional: the core works the same without it).
 */
export async function attachRelaxed(ex: CoreExports, ws: Workspace, src: ModuleSource): Promise<RelaxedKernels | null> {
  if (!relaxedSimdSupported()) return null;
  try {
    const imports = { env: { memory: ex.memory } };
    let rx: RelaxedExports;
    if (src instanceof WebAssembly.Module) rx = (await WebAssembly.instantiate(src, imports)).exports as unknown as RelaxedExports;
    else if (src instanceof ArrayBuffer || ArrayBuffer.isView(src)) {
      rx = (await WebAssembly.instantiate(src as BufferSource, imports)).instance.exports as unknown as RelaxedExports;
    } else return null;
    return verifyRelaxed(rx, ex, ws);
  } catch {
    return null;
  }
}

/**
 * @internal The side module's kernels if `relaxedFused()` is 1 and the kernel reproduces
 * the exact kernel on the check set; else null (its table freed).
 */
export function verifyRelaxed(rx: RelaxedExports, ex: CoreExports, ws: Workspace): RelaxedKernels | null {
  if (rx.relaxedFused() !== 1) return null;
  const tbl = ws.allocPersistent(rx.relaxedTableBytes());
  if (tbl === undefined) return null;
  rx.relaxedInit(tbl);
  const same = ws.scoped(() => {
    const inp = ws.alloc(4 * CHECK), a = ws.alloc(4 * CHECK), b = ws.alloc(4 * CHECK);
    const words = new Uint32Array(ex.memory.buffer, inp, CHECK);
    // every branch of each sampler, the extremes, and a hashed spread
    for (let i = 0; i < CHECK; i++) words[i] = i < 512 ? Math.imul(i, 0x9e3779b1) >>> 0 : ((i - 512) * 16383) << 9;
    words[0] = 0; words[1] = 0xffffffff;
    for (const kind of SAMPLERS) {
      ex[EXACT[kind]](inp, a, CHECK);
      rx[RELAXED[kind]](inp, b, CHECK, tbl);
      const x = new Uint32Array(ex.memory.buffer, a, CHECK), y = new Uint32Array(ex.memory.buffer, b, CHECK);
      for (let i = 0; i < CHECK; i++) if (x[i] !== y[i]) return false;
    }
    return true;
  });
  if (!same) {
    ws.freePersistent(tbl);
    return null;
  }
  return { ex: rx, tbl };
}

/**
 * float32 samples of `kind` from the random words at `inp` into `out` (may be equal): the
 * relaxed kernel when `rk` is given (multiples of 4), the core's exact kernel for the rest.
 */
export function sampleF32With(ex: CoreExports, rk: RelaxedKernels | null, kind: RelaxedSampler, inp: number, out: number, n: number): void {
  const done = rk ? rk.ex[RELAXED[kind]](inp, out, n, rk.tbl) : 0;
  if (done < n) ex[EXACT[kind]](inp + 4 * done, out + 4 * done, n - done);
}
