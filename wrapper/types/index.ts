/** Public types of probasm. */
export type { DType, FloatDType, IntDType, TypedArray, TypedArrayFor, Shape, ArrayLike, NestedArray } from './dtype.js';
export type { InitOptions, Backend, ModuleSource } from './runtime.js';
export type { KeyLike, Seed, KeyOptions } from './random.js';
