/**
 * Default constraining bijectors shared by distributions' `parameterProperties` and
 * `experimentalDefaultEventSpaceBijector` (TFP's choices).
 */
import type { DType } from '../types/dtype.js';
import { Softplus } from './softplus.js';
import { eps } from './float.js';
import { full } from '../np/ops/creation.js';

/**
 * Softplus shifted up by machine epsilon: TFP's default for positive parameters
 * (`Softplus(low=eps(dtype))`), so an optimizer never reaches exactly 0.
 */
export function softplusLowerBound(dtype: DType): Softplus {
  return new Softplus({ low: full([], eps(dtype), dtype) });
}
