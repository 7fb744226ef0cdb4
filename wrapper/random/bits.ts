import type { KeyLike } from '../types/random.js';
import type { Shape } from '../types/dtype.js';
import { Tensor } from '../np/tensor.js';
import { checkDType } from '../np/dtypes.js';
import { sizeOf } from '../np/shape.js';
import { core } from '../runtime/core.js';
import { keyInfo } from './key.js';
import { readArgs } from './args.js';
import { shapeArg, bits32At } from './engine.js';

/** Options of {@link bits}. */
export interface BitsOptions { shape?: Shape | number; dtype?: 'uint32' }

/**
 * Uniform random bits, as `jax.random.bits(key, shape, dtype)`: bit-exact with JAX in
 * both Threefry layouts. Only `uint32` is supported (probasm has no 8/16/64-bit dtypes).
 *
 * @example
 * ```ts
 * random.bits(random.key(0), [3]).toArray(); // [4146024105, 1351547692, 2718843009]
 * random.bits(random.key(0), { shape: [2, 3] });
 * ```
 */
export function bits(key: KeyLike, shape?: Shape | number | BitsOptions, dtype?: 'uint32'): Tensor;
export function bits(key: KeyLike, ...rest: unknown[]): Tensor {
  const o = readArgs<{ shape: unknown; dtype: unknown }>('bits', ['shape', 'dtype'], rest);
  const k = keyInfo(key);
  const shape = shapeArg(o.shape, 'bits');
  if (o.dtype !== undefined) checkDType(o.dtype, 'bits: dtype', ['uint32']);
  const n = sizeOf(shape);
  const c = core();
  return c.ws.scoped(() => {
    const p = bits32At(c, k, n);
    return new Tensor(c.ws.u32(p, n).slice(), shape);
  });
}
