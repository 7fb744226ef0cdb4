/**
 * `np`: jax.numpy's names in camelCase over the wasm core, with NumPy broadcasting,
 * JAX-like type promotion (float32 default) and reverse-mode autodiff through every
 * differentiable op (see `grad`).
 */
export * from './ops/creation.js';
export * from './ops/elementwise.js';
export * from './ops/shape.js';
export * from './ops/reduce.js';
export * from './ops/join.js';
export * from './ops/indexing.js';
export * from './ops/structure.js';
export * from './ops/softmax.js';
export * from './ops/cumulative.js';
export * from './ops/linalg.js';
export * from './ops/special.js';
export * from './ops/special_inverse.js';
