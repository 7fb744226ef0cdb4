/**
 * Elementwise `np` functions with NumPy broadcasting and JAX-like type promotion. Each
 * promotes and broadcasts its operands, then applies one primitive (see ../prims).
 */
import type { ArrayLike, DType } from '../../types/dtype.js';
import { Tensor } from '../tensor.js';
import { bind } from '../primitive.js';
import { asTensor, isFloat, promoteTypes } from '../asarray.js';
import { broadcastShapes } from '../shape.js';
import { defaultFloat } from '../../config.js';
import { unaryPrim, binaryPrim, type UnaryName, type BinaryName, INT_UNARY, INT_BINARY } from '../prims/elementwise.js';
import { astypePrim, comparePrim, selectPrim, broadcastPrim, type CompareOp } from '../prims/structural.js';
import { checkDType } from '../dtypes.js';

/** Converts to `dtype` (differentiable between float types), like `x.astype(dtype)`. @example `np.astype([1.7, -1.7], 'int32') // [1, -1]` */
export function astype(x: ArrayLike, dtype: DType): Tensor {
  const t = asTensor(x);
  checkDType(dtype, 'astype: dtype');
  // a weak scalar is a JS literal (never traced): rebuild it from its exact value
  if (t._weak) return asTensor(t._weakValue ?? t._data[0], dtype);
  return t.dtype === dtype ? t : bind(astypePrim, [t], dtype);
}

/** @internal Broadcasts tensors to one shape (no-op when already equal). */
export function broadcastAll(ts: Tensor[], what: string): Tensor[] {
  let shape = ts[0].shape as number[];
  for (let i = 1; i < ts.length; i++) shape = broadcastShapes(shape, ts[i].shape, `${what}: operands`);
  return ts.map((t) => (t.shape.length === shape.length && t.shape.every((d, i) => d === shape[i]) ? t : bind(broadcastPrim, [t], shape)));
}

function unary(name: UnaryName, x: ArrayLike): Tensor {
  let t = asTensor(x, undefined, 'x');
  const intOk = (INT_UNARY as readonly string[]).includes(name) && (t.dtype === 'int32' || t.dtype === 'uint32');
  if (!isFloat(t.dtype) && !intOk) t = astype(t, defaultFloat());
  else if (t._weak) t = astype(t, t.dtype);
  return bind(unaryPrim(name), [t], undefined);
}

function binary(name: BinaryName, a: ArrayLike, b: ArrayLike): Tensor {
  const x = asTensor(a, undefined, 'x1'), y = asTensor(b, undefined, 'x2');
  let dt = promoteTypes(x, y);
  const intOk = (INT_BINARY as readonly string[]).includes(name) && (dt === 'int32' || dt === 'uint32');
  if (!isFloat(dt) && !intOk) dt = defaultFloat();
  if (isFloat(dt)) { // float kernels broadcast while staging (no broadcast copy)
    return bind(binaryPrim(name), [astype(x, dt), astype(y, dt)], undefined);
  }
  const [xx, yy] = broadcastAll([astype(x, dt), astype(y, dt)], name);
  return bind(binaryPrim(name), [xx, yy], undefined);
}

/** Elementwise `x1 + x2`. @example `np.add([1, 2], 1) // Array([2., 3.], dtype=float32)` */
export const add = (x1: ArrayLike, x2: ArrayLike): Tensor => binary('add', x1, x2);
/** Elementwise `x1 - x2`. @example `np.subtract(3, [1, 2])` */
export const subtract = (x1: ArrayLike, x2: ArrayLike): Tensor => binary('sub', x1, x2);
/** Elementwise `x1 * x2`. @example `np.multiply([1, 2], [3, 4])` */
export const multiply = (x1: ArrayLike, x2: ArrayLike): Tensor => binary('mul', x1, x2);
/** Elementwise true division (ints promote to float). @example `np.divide(1, [2, 4])` */
export const divide = (x1: ArrayLike, x2: ArrayLike): Tensor => binary('div', x1, x2);
/** Elementwise maximum, NaN-propagating. @example `np.maximum([1, 5], 3)` */
export const maximum = (x1: ArrayLike, x2: ArrayLike): Tensor => binary('max', x1, x2);
/** Elementwise minimum, NaN-propagating. @example `np.minimum([1, 5], 3)` */
export const minimum = (x1: ArrayLike, x2: ArrayLike): Tensor => binary('min', x1, x2);
/** Elementwise `x1 ** x2`. @example `np.power([2, 3], 2)` */
export const power = (x1: ArrayLike, x2: ArrayLike): Tensor => binary('pow', x1, x2);
/** Elementwise `atan2(x1, x2)`. @example `np.arctan2(1, 1)` */
export const arctan2 = (x1: ArrayLike, x2: ArrayLike): Tensor => binary('atan2', x1, x2);

/** `-x`. @example `np.negative([1, -2])` */
export const negative = (x: ArrayLike): Tensor => unary('neg', x);
/** `|x|`. @example `np.abs([-1, 2])` */
export const abs = (x: ArrayLike): Tensor => unary('abs', x);
/** Sign (-1, 0 or 1; gradient zero). @example `np.sign([-2, 0, 3])` */
export const sign = (x: ArrayLike): Tensor => unary('sign', x);
/** Square root. @example `np.sqrt([4, 9])` */
export const sqrt = (x: ArrayLike): Tensor => unary('sqrt', x);
/** `1 / sqrt(x)`. @example `np.rsqrt(4)` */
export const rsqrt = (x: ArrayLike): Tensor => unary('rsqrt', x);
/** `x * x`. @example `np.square([1, 2])` */
export const square = (x: ArrayLike): Tensor => unary('square', x);
/** `1 / x`. @example `np.reciprocal([2, 4])` */
export const reciprocal = (x: ArrayLike): Tensor => unary('reciprocal', x);
/** `e^x`. @example `np.exp([0, 1])` */
export const exp = (x: ArrayLike): Tensor => unary('exp', x);
/** `e^x - 1`, accurate near 0. @example `np.expm1(1e-10)` */
export const expm1 = (x: ArrayLike): Tensor => unary('expm1', x);
/** Natural log. @example `np.log([1, Math.E])` */
export const log = (x: ArrayLike): Tensor => unary('log', x);
/** `log(1 + x)`, accurate near 0. @example `np.log1p(1e-10)` */
export const log1p = (x: ArrayLike): Tensor => unary('log1p', x);
/** Sine. @example `np.sin(0)` */
export const sin = (x: ArrayLike): Tensor => unary('sin', x);
/** Cosine. @example `np.cos(0)` */
export const cos = (x: ArrayLike): Tensor => unary('cos', x);
/** Tangent. @example `np.tan(0)` */
export const tan = (x: ArrayLike): Tensor => unary('tan', x);
/** Inverse sine. @example `np.arcsin(1)` */
export const arcsin = (x: ArrayLike): Tensor => unary('asin', x);
/** Inverse cosine. @example `np.arccos(1)` */
export const arccos = (x: ArrayLike): Tensor => unary('acos', x);
/** Inverse tangent. @example `np.arctan(1)` */
export const arctan = (x: ArrayLike): Tensor => unary('atan', x);
/** Hyperbolic sine. @example `np.sinh(1)` */
export const sinh = (x: ArrayLike): Tensor => unary('sinh', x);
/** Hyperbolic cosine. @example `np.cosh(1)` */
export const cosh = (x: ArrayLike): Tensor => unary('cosh', x);
/** Hyperbolic tangent. @example `np.tanh([0, 1])` */
export const tanh = (x: ArrayLike): Tensor => unary('tanh', x);
/** Logistic sigmoid `1 / (1 + e^-x)` (jax.nn.sigmoid, scipy expit). @example `np.sigmoid(0) // 0.5` */
export const sigmoid = (x: ArrayLike): Tensor => unary('sigmoid', x);
/** `log(1 + e^x)`, stable for large |x|. @example `np.softplus(0) // log 2` */
export const softplus = (x: ArrayLike): Tensor => unary('softplus', x);
/** `log(sigmoid(x))`, stable. @example `np.logSigmoid(0)` */
export const logSigmoid = (x: ArrayLike): Tensor => unary('logSigmoid', x);
/** Round down. @example `np.floor([1.5, -1.5])` */
export const floor = (x: ArrayLike): Tensor => unary('floor', x);
/** Round up. @example `np.ceil([1.5, -1.5])` */
export const ceil = (x: ArrayLike): Tensor => unary('ceil', x);
/** Round half to even (like jnp.round). @example `np.round([0.5, 1.5])` */
export const round = (x: ArrayLike): Tensor => unary('round', x);

/** `log(p / (1 - p))`. @example `np.logit(0.5) // 0` */
export const logit = (p: ArrayLike): Tensor => subtract(log(p), log1p(negative(p)));
/** `log(e^x1 + e^x2)`, stable. @example `np.logaddexp(0, 0) // log 2` */
export function logaddexp(x1: ArrayLike, x2: ArrayLike): Tensor {
  const m = maximum(x1, x2);
  const mSafe = where(isfinite(m), m, 0);
  return add(log(add(exp(subtract(x1, mSafe)), exp(subtract(x2, mSafe)))), mSafe);
}
/** Clips to [min, max]. @example `np.clip([-1, 5], 0, 3)` */
export const clip = (x: ArrayLike, min?: ArrayLike | null, max?: ArrayLike | null): Tensor => {
  let t = asTensor(x);
  if (min !== undefined && min !== null) t = maximum(t, min);
  if (max !== undefined && max !== null) t = minimum(t, max);
  return t;
};

function compare(op: CompareOp, a: ArrayLike, b: ArrayLike): Tensor {
  const x = asTensor(a, undefined, 'x1'), y = asTensor(b, undefined, 'x2');
  const dt = promoteTypes(x, y);
  const [xx, yy] = broadcastAll([astype(x, dt), astype(y, dt)], op);
  return bind(comparePrim, [xx, yy], op);
}
/** `x1 < x2` (bool). @example `np.less([1, 2], 2)` */
export const less = (x1: ArrayLike, x2: ArrayLike): Tensor => compare('lt', x1, x2);
/** `x1 <= x2` (bool). @example `np.lessEqual([1, 2], 1)` */
export const lessEqual = (x1: ArrayLike, x2: ArrayLike): Tensor => compare('le', x1, x2);
/** `x1 > x2` (bool). @example `np.greater([1, 2], 1)` */
export const greater = (x1: ArrayLike, x2: ArrayLike): Tensor => compare('gt', x1, x2);
/** `x1 >= x2` (bool). @example `np.greaterEqual([1, 2], 2)` */
export const greaterEqual = (x1: ArrayLike, x2: ArrayLike): Tensor => compare('ge', x1, x2);
/** `x1 == x2` (bool). @example `np.equal([1, 2], 2)` */
export const equal = (x1: ArrayLike, x2: ArrayLike): Tensor => compare('eq', x1, x2);
/** `x1 != x2` (bool). @example `np.notEqual([1, 2], 2)` */
export const notEqual = (x1: ArrayLike, x2: ArrayLike): Tensor => compare('ne', x1, x2);
/** True where x is NaN. @example `np.isnan([NaN, 1])` */
export const isnan = (x: ArrayLike): Tensor => notEqual(x, x);
/** True where x is finite. @example `np.isfinite([Infinity, 1])` */
export function isfinite(x: ArrayLike): Tensor {
  const t = asTensor(x);
  if (!isFloat(t.dtype)) return new Tensor(new Uint8Array(t.size).fill(1), t.shape);
  return less(abs(t), Infinity);
}

/**
 * Elementwise choice: `condition ? x : y`, broadcasting all three (like jnp.where with
 * three arguments). Gradients flow to x and y where selected.
 * @example `np.where(np.greater(x, 0), x, 0)`
 */
export function where(condition: ArrayLike, x: ArrayLike, y: ArrayLike): Tensor {
  const c = astype(asTensor(condition, undefined, 'condition'), 'bool');
  const a = asTensor(x, undefined, 'x'), b = asTensor(y, undefined, 'y');
  const dt = promoteTypes(a, b);
  const [cc, aa, bb] = broadcastAll([c, astype(a, dt), astype(b, dt)], 'where');
  return bind(selectPrim, [cc, aa, bb], undefined);
}
