import type { FloatDType } from '../types/dtype.js';
import { Tensor } from '../np/tensor.js';
import { checkDType } from '../np/dtypes.js';
import { checkShape, sizeOf } from '../np/shape.js';
import { defaultFloat } from '../config.js';
import { core, type Core } from '../runtime/core.js';
import type { KeyInfo } from './key.js';

/**
 * Fills `n` 32-bit words of JAX's `random_bits(key, 32, shape)` at a new workspace
 * pointer (classic or partitionable layout). Call inside `ws.scoped`.
 */
export function bits32At(c: Core, k: KeyInfo, n: number): number {
  const p = c.ws.alloc(4 * n);
  if (n === 0) return p;
  if (k.layout === 'classic') c.ex.tfClassicU32(k.k0, k.k1, p, n);
  else c.ex.tfPartU32(k.k0, k.k1, p, n, 0);
  return p;
}

/** Same for 64-bit words (`random_bits(key, 64, shape)`), little-endian pairs. */
export function bits64At(c: Core, k: KeyInfo, n: number): number {
  const p = c.ws.alloc(8 * n);
  if (n === 0) return p;
  if (k.layout === 'classic') c.ex.tfClassicU64(k.k0, k.k1, p, n);
  else c.ex.tfPartPairs(k.k0, k.k1, p, n, 0, 1);
  return p;
}

/** Validates a float dtype argument (default: float32, or float64 under x64). */
export function floatDType(dtype: unknown, fn: string): FloatDType {
  if (dtype === undefined) return defaultFloat();
  return checkDType(dtype, `${fn}: dtype`, ['float32', 'float64']) as FloatDType;
}

/** Validates a shape argument (default []). */
export function shapeArg(shape: unknown, fn: string): number[] {
  return shape === undefined ? [] : checkShape(shape, `${fn}: shape`);
}

type Transform = (c: Core, p: number, n: number) => void;

/**
 * Draws bits for `shape` and maps them to floats in place with a wasm kernel
 * (f32 kernels take 32-bit words, f64 kernels 64-bit words), copying the result out.
 */
export function sampleFloat(k: KeyInfo, shape: number[], dtype: FloatDType, f32: Transform, f64: Transform): Tensor {
  const n = sizeOf(shape);
  const c = core();
  return c.ws.scoped(() => {
    if (dtype === 'float32') {
      const p = bits32At(c, k, n);
      if (n > 0) f32(c, p, n);
      return new Tensor(c.ws.f32(p, n).slice(), shape);
    }
    const p = bits64At(c, k, n);
    if (n > 0) f64(c, p, n);
    return new Tensor(c.ws.f64(p, n).slice(), shape);
  });
}
