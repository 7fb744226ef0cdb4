/**
 * @internal Per-key Threefry helpers for samplers that draw element by element with their
 * own keys (gamma's Marsaglia-Tsang loop, ...): `split(key, n)` of one key, and batches of
 * scalar draws (`normal(k, ())`, `uniform(k, ())`, `exponential(k, ())` for many keys k),
 * all computed by the wasm core. Results equal JAX's single-key calls bit for bit.
 */
import type { FloatDType } from '../types/dtype.js';
import type { KeyLayout } from '../np/tensor.js';
import type { Core } from '../runtime/core.js';
import type { KeyInfo } from './key.js';
import { sampleFloat } from './engine.js';
import { relaxedKernels } from '../runtime/core.js';
import { sampleF32With } from '../runtime/relaxed.js';

/** Which scalar sampler a batch draws. */
export type ScalarKind = 'normal' | 'uniform' | 'exponential' | 'gumbel';
const F64 = { normal: 'normalF64', exponential: 'exponentialF64', gumbel: 'gumbelF64' } as const;

/** Split and scalar draws for keys of one Threefry layout. Use inside `c.ws.scoped`. */
export class KeyOps {
  private readonly scratch: number;
  private view: Uint32Array;

  constructor(private readonly c: Core, readonly layout: KeyLayout) {
    this.scratch = c.ws.alloc(8 * 8);
    this.view = new Uint32Array(c.ex.memory.buffer);
  }

  private words(): Uint32Array {
    // growing wasm memory detaches old views
    if (this.view.buffer !== this.c.ex.memory.buffer) this.view = new Uint32Array(this.c.ex.memory.buffer);
    return this.view;
  }

  /** `split(key, n)` (n <= 8): the n new keys' words go to `out[off .. off + 2n)`. */
  split(k0: number, k1: number, n: number, out: Uint32Array, off: number): void {
    if (this.layout === 'classic') this.c.ex.tfClassicU32(k0, k1, this.scratch, 2 * n);
    else this.c.ex.tfPartPairs(k0, k1, this.scratch, n, 0, 0);
    const w = this.words(), base = this.scratch >>> 2;
    for (let i = 0; i < 2 * n; i++) out[off + i] = w[base + i];
  }

  /**
   * One scalar draw of `kind` per key: `keys` holds m keys as words [k0, k1, ...].
   * Returns the m samples (float32 values are exact f32 in the Float64Array).
   */
  draw(kind: ScalarKind, dtype: FloatDType, keys: Uint32Array, m: number): Float64Array {
    const { ex, ws } = this.c;
    const classic = this.layout === 'classic';
    return ws.scoped(() => {
      if (dtype === 'float32') {
        const p = ws.alloc(4 * m);
        for (let i = 0; i < m; i++) {
          if (classic) ex.tfClassicU32(keys[2 * i], keys[2 * i + 1], p + 4 * i, 1);
          else ex.tfPartU32(keys[2 * i], keys[2 * i + 1], p + 4 * i, 1, 0);
        }
        if (m > 0) {
          if (kind === 'uniform') ex.uniformF32(p, p, m, 0, 1);
          else sampleF32With(ex, relaxedKernels(this.c), kind, p, p, m);
        }
        return Float64Array.from(ws.f32(p, m));
      }
      const p = ws.alloc(8 * m);
      for (let i = 0; i < m; i++) {
        if (classic) ex.tfClassicU64(keys[2 * i], keys[2 * i + 1], p + 8 * i, 1);
        else ex.tfPartPairs(keys[2 * i], keys[2 * i + 1], p + 8 * i, 1, 0, 1);
      }
      if (m > 0) {
        if (kind === 'normal') ex.normalF64(p, p, m);
        else if (kind === 'uniform') ex.uniformF64(p, p, m, 0, 1);
        else if (kind === 'exponential') ex.exponentialF64(p, p, m);
        else ex.gumbelF64(p, p, m);
      }
      return ws.f64(p, m).slice();
    });
  }
}

/** A KeyInfo for key words in the layout of `like`. */
export function keyAt(words: Uint32Array, i: number, like: KeyInfo): KeyInfo {
  return { k0: words[2 * i], k1: words[2 * i + 1], layout: like.layout };
}

/**
 * `normal/uniform/exponential/gumbel(k, shape, dtype)` of one key over a whole shape, as flat
 * values (bit-exact with JAX's calls, like the public samplers).
 */
export function drawArray(k: KeyInfo, shape: number[], dtype: FloatDType, kind: ScalarKind): Float32Array | Float64Array {
  const t = kind === 'uniform'
    ? sampleFloat(k, shape, dtype, (c, p, n) => c.ex.uniformF32(p, p, n, 0, 1), (c, p, n) => c.ex.uniformF64(p, p, n, 0, 1))
    : sampleFloat(k, shape, dtype, (c, p, n) => sampleF32With(c.ex, relaxedKernels(c), kind, p, p, n), (c, p, n) => c.ex[F64[kind]](p, p, n));
  return t._data as Float32Array | Float64Array;
}
