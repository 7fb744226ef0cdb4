import type { KeyLike, KeyOptions, Seed } from '../types/random.js';
import { Tensor, type KeyLayout } from '../np/tensor.js';
import { checkShape, sizeOf } from '../np/shape.js';
import { describe } from '../np/dtypes.js';
import { config } from '../config.js';
import { core } from '../runtime/core.js';

/** @internal A validated single key. */
export interface KeyInfo {
  readonly k0: number;
  readonly k1: number;
  readonly layout: KeyLayout;
}

const TWO32 = 4294967296n;

function seedWords(seed: Seed, arg: string): [number, number] {
  let s: bigint;
  if (typeof seed === 'bigint') {
    s = seed;
  } else if (typeof seed === 'number' && Number.isSafeInteger(seed)) {
    s = BigInt(seed);
  } else {
    throw new TypeError(`${arg} must be an integer (a safe-integer number or a bigint); got ${describe(seed)}`);
  }
  if (s < -(2n ** 63n) || s >= 2n ** 64n) {
    throw new RangeError(`${arg} must be in [-2^63, 2^64), like JAX's int64/uint64 seeds; got ${s}`);
  }
  const lo = Number(((s % TWO32) + TWO32) % TWO32);
  // x32: the seed is canonicalized to int32 first, so the high word is 0 (PRNG-NOTES 2.3).
  const hi = config.read('jax_enable_x64') ? Number((((s >> 32n) % TWO32) + TWO32) % TWO32) : 0;
  return [hi, lo];
}

function makeKey(words: Uint32Array, shape: number[], layout?: KeyLayout): Tensor {
  const t = new Tensor(words, shape);
  if (layout) t._keyLayout = layout;
  return t;
}

/**
 * A PRNG key from an integer seed, as `jax.random.key(seed)`: a uint32 tensor of shape
 * [2] holding `[hi, lo]` of the seed (hi is 0 unless `jax_enable_x64` is on, as in JAX).
 * Seeds may be any integer in [-2^63, 2^64): numbers up to 2^53, bigints beyond.
 *
 * Unlike JAX's typed keys, probasm keys are the raw key data (like `PRNGKey`), so they
 * print, compare and serialize as plain arrays.
 *
 * @example
 * ```ts
 * const k = random.key(0);            // Array([0, 0], dtype=uint32)
 * const big = random.key(2n ** 40n);  // bigint seeds
 * const p = random.key(0, { partitionable: true }); // pinned to the partitionable layout
 * ```
 */
export function key(seed: Seed, options: KeyOptions = {}): Tensor {
  const [hi, lo] = seedWords(seed, 'seed');
  const layout = options.partitionable === undefined ? undefined : options.partitionable ? 'partitionable' : 'classic';
  return makeKey(new Uint32Array([hi, lo]), [2], layout);
}

/**
 * `jax.random.PRNGKey(seed)`: the same raw key as {@link key}.
 *
 * @example
 * ```ts
 * random.PRNGKey(-1).toArray(); // [0, 4294967295] (x32, as JAX)
 * ```
 */
export function PRNGKey(seed: Seed, options: KeyOptions = {}): Tensor {
  return key(seed, options);
}

/** @internal Validates a single key and resolves its layout. */
export function keyInfo(k: unknown, arg = 'key'): KeyInfo {
  let a: ArrayLike<number>;
  let layout: KeyLayout | undefined;
  if (k instanceof Tensor) {
    if (k.dtype !== 'uint32' || k.shape.length !== 1 || k.shape[0] !== 2) {
      throw new TypeError(`${arg} must be a single PRNG key: a uint32 tensor of shape [2]; got a ${k.dtype} tensor of shape [${k.shape.join(', ')}]` +
        (k.dtype === 'uint32' && k.shape[k.shape.length - 1] === 2 ? ' (a key array: pick one key, e.g. with split(...) destructuring)' : ''));
    }
    a = k._data as Uint32Array;
    layout = k._keyLayout;
  } else if (k instanceof Uint32Array || Array.isArray(k)) {
    if (k.length !== 2) throw new TypeError(`${arg} must have exactly 2 words [hi, lo]; got ${k.length}`);
    a = k as ArrayLike<number>;
  } else {
    throw new TypeError(`${arg} must be a PRNG key (random.key(seed)) or two uint32 words; got ${describe(k)}`);
  }
  for (let i = 0; i < 2; i++) {
    const w = a[i];
    if (typeof w !== 'number' || !Number.isInteger(w) || w < 0 || w > 0xffffffff) {
      throw new RangeError(`${arg}[${i}] must be an integer in [0, 2^32); got ${describe(w)}`);
    }
  }
  return {
    k0: a[0], k1: a[1],
    layout: layout ?? (config.read('jax_threefry_partitionable') ? 'partitionable' : 'classic'),
  };
}

/** @internal Hashes keys for split: n new keys, flat [k0, k1, ...]. */
export function splitWords(k: KeyInfo, n: number): Uint32Array {
  if (n === 0) return new Uint32Array(0);
  const { ex, ws } = core();
  return ws.scoped(() => {
    const p = ws.alloc(8 * n);
    if (k.layout === 'classic') ex.tfClassicU32(k.k0, k.k1, p, 2 * n);
    else ex.tfPartPairs(k.k0, k.k1, p, n, 0, 0);
    return ws.u32(p, 2 * n).slice();
  });
}

/**
 * Splits a key into `num` new keys, as `jax.random.split`: a key array of shape
 * [...num, 2]. `num` may be a count (default 2) or a shape. The result iterates over its
 * first axis, so it destructures.
 *
 * @example
 * ```ts
 * const [k1, k2] = random.split(random.key(0));
 * const keys = random.split(random.key(0), 4);      // shape [4, 2]
 * const grid = random.split(random.key(0), [2, 2]); // shape [2, 2, 2]
 * ```
 */
export function split(k: KeyLike, num: number | readonly number[] = 2): Tensor {
  const info = keyInfo(k);
  const shape = checkShape(num as number | number[], 'num');
  const words = splitWords(info, sizeOf(shape));
  return makeKey(words, [...shape, 2], (k instanceof Tensor ? k._keyLayout : undefined));
}

/**
 * Folds an integer into a key, as `jax.random.fold_in`: a new key that depends on both.
 * `data` is taken modulo 2^32 (negative int32 values wrap as in JAX).
 *
 * @example
 * ```ts
 * const stepKey = random.foldIn(random.key(0), 5); // [1524306142, 1887795613]
 * ```
 */
export function foldIn(k: KeyLike, data: number): Tensor {
  const info = keyInfo(k);
  if (typeof data !== 'number' || !Number.isInteger(data) || data < -(2 ** 31) || data >= 2 ** 32) {
    throw new RangeError(`data must be an integer in [-2^31, 2^32); got ${describe(data)}`);
  }
  const { ex, ws } = core();
  const words = ws.scoped(() => {
    const p = ws.alloc(8);
    ex.threefry2x32(info.k0, info.k1, 0, data >>> 0, p);
    return ws.u32(p, 2).slice();
  });
  return makeKey(words, [2], (k instanceof Tensor ? k._keyLayout : undefined));
}

/**
 * The raw uint32 data of a key or key array, as `jax.random.key_data` (a copy, without
 * any layout pin).
 *
 * @example
 * ```ts
 * random.keyData(random.key(7)).toArray(); // [0, 7]
 * ```
 */
export function keyData(k: KeyLike | Tensor): Tensor {
  if (k instanceof Tensor) {
    if (k.dtype !== 'uint32' || k.shape[k.shape.length - 1] !== 2) {
      throw new TypeError(`key must be a uint32 key or key array with last dimension 2; got ${k.dtype} [${k.shape.join(', ')}]`);
    }
    return new Tensor(k._data.slice() as Uint32Array, k.shape);
  }
  const info = keyInfo(k);
  return new Tensor(new Uint32Array([info.k0, info.k1]), [2]);
}
