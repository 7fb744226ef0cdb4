/**
 * Shared by the discrete families (Bernoulli, Binomial, Categorical, Geometric,
 * NegativeBinomial, OneHotCategorical, Multinomial, FiniteDiscrete, Poisson): the
 * "exactly one of two parameterizations" rule of TFP (`logits` xor `probs`, `rate` xor
 * `logRate`), TFP's `multiply_no_nan`, sample dtype casts, the validation of probability
 * vectors, and the error raised for the default event-space bijector (TFP returns no
 * bijector for discrete distributions; here that is a clear Error). `multiplyNoNan` gives 0
 * wherever y == 0, even for x = inf or NaN; `log1mexp` switches at -log 2 (Maechler 2012)
 * and is accurate to a few ulp on all of a <= 0 (-inf at a = 0).
 */
import type { DType } from '../types/dtype.js';
import { Tensor } from '../np/tensor.js';
import * as np from '../np/index.js';
import { checkDType } from '../np/dtypes.js';
import { isDeferred, resolveParam, type ParamInput } from '../util/variable.js';

/**
 * Throws a TypeError unless exactly one of `options[a]`, `options[b]` is given.
 * @example `exactlyOne('Bernoulli', { probs: 0.3 }, 'logits', 'probs')`
 */
export function exactlyOne(family: string, options: object | undefined, a: string, b: string): void {
  const o = (options ?? {}) as Record<string, unknown>;
  const hasA = o[a] !== undefined && o[a] !== null, hasB = o[b] !== undefined && o[b] !== null;
  if (hasA === hasB) {
    throw new TypeError(`${family}: give exactly one of ${a} or ${b}${hasA ? ' (both were given)' : ''}, e.g. new ${family}({ ${b}: ... })`);
  }
}

/**
 * TFP's `multiply_no_nan(x, y)`: x * y, and 0 wherever y == 0 (even if x is inf or NaN).
 * @example `multiplyNoNan(-Infinity, 0) // 0`
 */
export function multiplyNoNan(x: Tensor | number, y: Tensor | number): Tensor {
  const yt = y instanceof Tensor ? y : np.array(y);
  return np.where(np.equal(yt, 0), 0, np.multiply(x, yt));
}

/**
 * log(1 - exp(a)) for a <= 0, accurate at both ends (TFP's `log1mexp`, Maechler's switch at -log 2).
 * @example `log1mexp(-1e-20) // log(1e-20)`
 */
export function log1mexp(a: Tensor): Tensor {
  const small = np.greater(a, -Math.LN2);
  const safeSmall = np.where(small, a, -1);
  const safeLarge = np.where(small, -1, a);
  return np.where(small, np.log(np.negative(np.expm1(safeSmall))), np.log1p(np.negative(np.exp(safeLarge))));
}

/** Sample dtypes the integer-valued families accept (TFP's `dtype` argument). */
export type SampleDType = 'int32' | 'float32' | 'float64' | 'bool';

/** Checks a `dtype` option (default 'int32'). @example `sampleDType('Bernoulli', undefined) // 'int32'` */
export function sampleDType(family: string, dtype: unknown): SampleDType {
  if (dtype === undefined) return 'int32';
  return checkDType(dtype, `${family}: dtype`, ['int32', 'float32', 'float64', 'bool']) as SampleDType;
}

/** The value of a parameter as given (for shape and dtype checks at construction). @example `peek([1, 2], 'probs')!.shape // [2]` */
export function peek(p: ParamInput | undefined, name: string): Tensor | undefined {
  if (p === undefined) return undefined;
  return isDeferred(p) ? p.value : resolveParam(p, name);
}

/** Throws a TypeError unless the given parameter has a floating dtype (TFP: "must have floating type"). @example `requireFloat('Bernoulli', np.array([1], 'int32'), 'probs') // throws` */
export function requireFloat(family: string, p: ParamInput | undefined, name: string): void {
  const t = peek(p, name);
  if (t !== undefined && !t._weak && t.dtype !== 'float32' && t.dtype !== 'float64') {
    throw new TypeError(`${family}: ${name} must have a floating dtype; got ${t.dtype}`);
  }
}

/**
 * With validate on, checks that each vector along the last axis of `probs` is non-negative
 * and sums to 1 (within max(10, K) * eps), throwing a RangeError naming `name`.
 * @example `checkProbVectors('Categorical', 'probs', np.array([0.5, 0.6]), 'float32') // throws: must sum to 1`
 */
export function checkProbVectors(family: string, name: string, probs: Tensor, dtype: DType): void {
  const d = probs.data();
  const k = probs.shape[probs.shape.length - 1];
  const tol = Math.max(10, k) * (dtype === 'float64' ? 2 ** -52 : 2 ** -23);
  for (let i = 0; i < d.length; i++) {
    if (!(Number(d[i]) >= 0)) throw new RangeError(`${family}: ${name} must be non-negative; got ${d[i]} at index ${i}`);
  }
  for (let r = 0; r * k < d.length; r++) {
    let s = 0;
    for (let j = 0; j < k; j++) s += Number(d[r * k + j]);
    if (!(Math.abs(s - 1) <= tol)) throw new RangeError(`${family}: ${name} must sum to 1 along the last axis; got ${s}${d.length > k ? ` in row ${r}` : ''}`);
  }
}

/** TFP's discrete distributions have no default event-space bijector: a clear Error. @example `noEventSpaceBijector('Poisson') // throws` */
export function noEventSpaceBijector(family: string): never {
  throw new Error(`${family} is a discrete distribution: it has no default event space bijector (TFP returns none; MCMC over discrete variables needs another method)`);
}

/** Element-wise `a && b` of bool tensors. @example `and(np.less(x, 1), np.greater(x, 0))` */
export function and(a: Tensor, b: Tensor): Tensor { return np.where(a, b, false); }
/** Element-wise `a || b` of bool tensors. @example `or(np.less(x, 0), np.greater(x, 1))` */
export function or(a: Tensor, b: Tensor): Tensor { return np.where(a, true, b); }
/** Element-wise `!a` of a bool tensor. @example `not(np.isnan(x))` */
export function not(a: Tensor): Tensor { return np.where(a, false, true); }
/** Element-wise |x| == inf. @example `isinf(np.array([1, -Infinity])) // [false, true]` */
export function isinf(x: Tensor): Tensor { return np.equal(np.abs(x), Infinity); }
