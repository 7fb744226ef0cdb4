import type { KeyLike } from '../types/random.js';
import type { FloatDType, Shape } from '../types/dtype.js';
import type { Tensor } from '../np/tensor.js';
import { describe } from '../np/dtypes.js';
import { keyInfo } from './key.js';
import { readArgs } from './args.js';
import { floatDType, sampleFloat, shapeArg } from './engine.js';

/** Options of {@link uniform}. */
export interface UniformOptions { shape?: Shape | number; dtype?: FloatDType; minval?: number; maxval?: number }

/** @internal Checks scalar bounds (JAX casts them to the dtype first). */
export function checkBounds(fn: string, minval: unknown, maxval: unknown, dtype: FloatDType): [number, number] {
  for (const [name, v] of [['minval', minval], ['maxval', maxval]] as const) {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new TypeError(`${fn}: ${name} must be a finite number; got ${describe(v)}`);
    }
  }
  const lo = dtype === 'float32' ? Math.fround(minval as number) : (minval as number);
  const hi = dtype === 'float32' ? Math.fround(maxval as number) : (maxval as number);
  if (!(lo < hi)) throw new RangeError(`${fn}: minval must be less than maxval; got minval=${minval}, maxval=${maxval}`);
  if (!Number.isFinite(hi - lo) || (dtype === 'float32' && !Number.isFinite(Math.fround(hi - lo)))) {
    throw new RangeError(`${fn}: maxval - minval overflows ${dtype}; got minval=${minval}, maxval=${maxval}`);
  }
  return [lo, hi];
}

/**
 * Uniform floats in [minval, maxval), as `jax.random.uniform(key, shape, dtype, minval,
 * maxval)`: float32 output is bit-exact with JAX (including XLA's fused multiply-add of
 * `u * (maxval - minval) + minval`), in both Threefry layouts. Bounds are numbers;
 * `minval >= maxval` is an error (JAX would silently return minval).
 *
 * @example
 * ```ts
 * random.uniform(random.key(0), [3]);                 // [0.9653214, 0.31468165, 0.63302994]
 * random.uniform(random.key(0), [2], 'float64');
 * random.uniform(random.key(0), { shape: [4], minval: -2, maxval: 5 });
 * ```
 */
export function uniform(key: KeyLike, shape?: Shape | number | UniformOptions, dtype?: FloatDType, minval?: number, maxval?: number): Tensor;
export function uniform(key: KeyLike, ...rest: unknown[]): Tensor {
  const o = readArgs<{ shape: unknown; dtype: unknown; minval: unknown; maxval: unknown }>(
    'uniform', ['shape', 'dtype', 'minval', 'maxval'], rest);
  const k = keyInfo(key);
  const shape = shapeArg(o.shape, 'uniform');
  const dtype = floatDType(o.dtype, 'uniform');
  const [lo, hi] = checkBounds('uniform', o.minval ?? 0, o.maxval ?? 1, dtype);
  return sampleFloat(k, shape, dtype,
    (c, p, n) => c.ex.uniformF32(p, p, n, lo, hi),
    (c, p, n) => c.ex.uniformF64(p, p, n, lo, hi));
}
