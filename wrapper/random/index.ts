/**
 * `random`: JAX's `jax.random` with explicit Threefry keys and JAX's bits.
 * See each function for its exactness guarantee.
 */
export { key, PRNGKey, split, foldIn, keyData } from './key.js';
export { bits } from './bits.js';
export { uniform } from './uniform.js';
export { normal, exponential, gumbel } from './normal.js';
export type { BitsOptions } from './bits.js';
export type { UniformOptions } from './uniform.js';
export type { FloatSampleOptions } from './normal.js';
