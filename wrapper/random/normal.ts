import type { KeyLike } from '../types/random.js';
import type { FloatDType, Shape } from '../types/dtype.js';
import type { Tensor } from '../np/tensor.js';
import { keyInfo } from './key.js';
import { readArgs } from './args.js';
import { floatDType, sampleFloat, shapeArg } from './engine.js';
import { relaxedKernels } from '../runtime/core.js';
import { sampleF32With } from '../runtime/relaxed.js';

/** Options of {@link normal} and {@link exponential}. */
export interface FloatSampleOptions { shape?: Shape | number; dtype?: FloatDType }

/**
 * Standard normal samples, as `jax.random.normal(key, shape, dtype)`.
 *
 * float32 output is bit-exact with JAX on CPU: sqrt(2) * erf_inv(u) with XLA's float32
 * erf_inv, log1p and log and its fused multiply-adds, reproduced exactly in the wasm core
 * (SIMD and scalar builds agree bit for bit). float64 follows XLA's ErfInv64; it is not
 * verified against published JAX output.
 *
 * @example
 * ```ts
 * random.normal(random.key(0));       // Array(-0.20584226, dtype=float32)
 * random.normal(random.key(7), [3]);  // [-0.75546646, -0.18615817, -0.11654735]
 * random.normal(random.key(0), { shape: [1000], dtype: 'float64' });
 * ```
 */
export function normal(key: KeyLike, shape?: Shape | number | FloatSampleOptions, dtype?: FloatDType): Tensor;
export function normal(key: KeyLike, ...rest: unknown[]): Tensor {
  const o = readArgs<{ shape: unknown; dtype: unknown }>('normal', ['shape', 'dtype'], rest);
  const k = keyInfo(key);
  return sampleFloat(k, shapeArg(o.shape, 'normal'), floatDType(o.dtype, 'normal'),
    (c, p, n) => sampleF32With(c.ex, relaxedKernels(c), 'normal', p, p, n),
    (c, p, n) => c.ex.normalF64(p, p, n));
}

/**
 * Exponential(1) samples, as `jax.random.exponential(key, shape, dtype)`:
 * `-log1p(-uniform(key))` with XLA's float32 log1p (bit-exact with JAX for float32).
 *
 * @example
 * ```ts
 * random.exponential(random.key(0), [3]);
 * ```
 */
export function exponential(key: KeyLike, shape?: Shape | number | FloatSampleOptions, dtype?: FloatDType): Tensor;
export function exponential(key: KeyLike, ...rest: unknown[]): Tensor {
  const o = readArgs<{ shape: unknown; dtype: unknown }>('exponential', ['shape', 'dtype'], rest);
  const k = keyInfo(key);
  return sampleFloat(k, shapeArg(o.shape, 'exponential'), floatDType(o.dtype, 'exponential'),
    (c, p, n) => sampleF32With(c.ex, relaxedKernels(c), 'exponential', p, p, n),
    (c, p, n) => c.ex.exponentialF64(p, p, n));
}

/**
 * Standard Gumbel samples, as `jax.random.gumbel(key, shape, dtype)` (mode 'low'):
 * `-log(-log(uniform(key, minval=tiny)))` with XLA's float32 log.
 *
 * @example
 * ```ts
 * random.gumbel(random.key(0), [3]);
 * ```
 */
export function gumbel(key: KeyLike, shape?: Shape | number | FloatSampleOptions, dtype?: FloatDType): Tensor;
export function gumbel(key: KeyLike, ...rest: unknown[]): Tensor {
  const o = readArgs<{ shape: unknown; dtype: unknown }>('gumbel', ['shape', 'dtype'], rest);
  const k = keyInfo(key);
  return sampleFloat(k, shapeArg(o.shape, 'gumbel'), floatDType(o.dtype, 'gumbel'),
    (c, p, n) => sampleF32With(c.ex, relaxedKernels(c), 'gumbel', p, p, n),
    (c, p, n) => c.ex.gumbelF64(p, p, n));
}
