import type { Tensor } from '../np/tensor.js';

/**
 * A PRNG key: a uint32 tensor of shape [2] (as made by `random.key`/`PRNGKey`/`split`),
 * or its two words as a plain array or Uint32Array.
 */
export type KeyLike = Tensor | readonly [number, number] | readonly number[] | Uint32Array;

/** A seed: an integer in [-2^63, 2^64), as a number (safe integers) or a bigint. */
export type Seed = number | bigint;

/** Options of `random.key` / `random.PRNGKey`. */
export interface KeyOptions {
  /**
   * Pin this key (and every key split or folded from it) to a Threefry counter layout:
   * `true` is JAX's "partitionable" layout, `false` the classic one. Omitted, the key
   * follows `config.update('jax_threefry_partitionable', ...)` at each use.
   */
  partitionable?: boolean;
}
