/** Shared by bijectors: inputs as float tensors (ints/bools and weak scalars to the default float). */
import { Tensor } from '../np/tensor.js';
import { astype } from '../np/ops/elementwise.js';
import { isFloat } from '../np/asarray.js';
import { defaultFloat } from '../config.js';
import type { DType } from '../types/dtype.js';

/** `x` as a float tensor: float inputs keep their dtype (weak scalars take `like` or the default float). */
export function floatOf(x: Tensor, like?: DType): Tensor {
  if (x._weak) return astype(x, like ?? defaultFloat());
  return isFloat(x.dtype) ? x : astype(x, like ?? defaultFloat());
}

/** Machine epsilon of a float dtype. */
export function eps(dtype: DType): number {
  return dtype === 'float64' ? 2 ** -52 : 2 ** -23;
}
