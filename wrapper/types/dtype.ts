/** The element types a {@link Tensor} can hold (JAX's names). */
export type DType = 'float32' | 'float64' | 'int32' | 'uint32' | 'bool';

/** Floating-point dtypes. */
export type FloatDType = 'float32' | 'float64';

/** Integer dtypes. */
export type IntDType = 'int32' | 'uint32';

/** The typed array that stores each dtype (bool is stored as 0/1 bytes). */
export interface TypedArrayFor {
  float32: Float32Array;
  float64: Float64Array;
  int32: Int32Array;
  uint32: Uint32Array;
  bool: Uint8Array;
}

/** Any typed array a tensor may be stored in. */
export type TypedArray = Float32Array | Float64Array | Int32Array | Uint32Array | Uint8Array;

/** A shape: non-negative integer dimensions, outermost first. */
export type Shape = readonly number[];

/**
 * Anything accepted where a tensor is expected: a Tensor, a number, a boolean, a typed
 * array, or nested arrays of numbers/booleans.
 */
export type ArrayLike = import('../np/tensor.js').Tensor | number | boolean | TypedArray | NestedArray;

/** Nested arrays of numbers or booleans. */
export type NestedArray = ReadonlyArray<number | boolean | NestedArray>;
