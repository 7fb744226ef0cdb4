/**
 * Monotonicity of scalar bijectors, as TFP's `_internal_is_increasing`: what
 * `TransformedDistribution` needs for `cdf`, `survivalFunction` and `quantile` (a
 * decreasing bijector swaps the cdf and the survival function). Bijectors report it with a
 * protected `_isIncreasing(): boolean | undefined` method; `undefined` means "not known to
 * be monotone in one direction" (e.g. a batch of scales with mixed signs), and bijectors
 * without the method (or that are not elementwise) count as unknown.
 */
import type { Tensor } from '../np/tensor.js';
import type { Bijector } from './bijector.js';

type MaybeMonotone = { _isIncreasing?: () => boolean | undefined };

/**
 * Whether the scalar bijector `b` is increasing (true), decreasing (false) or neither /
 * unknown (undefined). Only elementwise bijectors (min event ndims 0 both ways) qualify.
 * @example `isIncreasing(new tfb.Scale(-2)) // false`
 */
export function isIncreasing(b: Bijector): boolean | undefined {
  if (b.forwardMinEventNdims !== 0 || b.inverseMinEventNdims !== 0) return undefined;
  const fn = (b as unknown as MaybeMonotone)._isIncreasing;
  return typeof fn === 'function' ? fn.call(b) : undefined;
}

/**
 * true when every element of `t` is > 0, false when every element is < 0, else undefined
 * (zeros, NaN, or mixed signs): the direction of a map whose slope has the sign of `t`.
 * @example `signDirection(np.array([2, 3])) // true`
 */
export function signDirection(t: Tensor): boolean | undefined {
  const d = t.data();
  let pos = true, neg = true;
  for (let i = 0; i < d.length; i++) {
    const v = Number(d[i]);
    if (!(v > 0)) pos = false;
    if (!(v < 0)) neg = false;
  }
  return pos ? true : neg ? false : undefined;
}
