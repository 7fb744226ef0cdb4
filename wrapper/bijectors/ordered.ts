/**
 * `tfb.Ordered`: the inverse direction of {@link Ascending} — forward maps a strictly
 * increasing vector to R^n (x_0 = y_0, x_i = log(y_i - y_{i-1})), inverse builds the
 * increasing vector by a cumulative sum of exponentials. log|det J| of the forward map is
 * -sum_{i>=1} log(y_i - y_{i-1}); non-increasing input gives -inf/NaN. TFP deprecated
 * Ordered in favour of `Invert(Ascending())`; it is kept here with TFP's semantics.
 * Provenance: TFP bijectors/ordered.py.
 */
import { Tensor } from '../np/tensor.js';
import { Bijector, type BijectorCommonOptions } from './bijector.js';
import { floatOf } from './float.js';
import { ascendingFldj, ascendingForward, ascendingIldj, ascendingInverse } from './ascending.js';

/**
 * Ordered vector -> unconstrained vector (`tfb.Ordered`, deprecated in TFP: it is
 * `Invert(Ascending())`); min event ndims 1.
 * @example
 * ```ts
 * new tfb.Ordered().forward([2, 3, 4]);   // [2, 0, 0]
 * new tfb.Ordered().inverse([2, 0, 0]);   // [2, 3, 4]
 * ```
 */
export class Ordered extends Bijector {
  constructor(options: BijectorCommonOptions = {}) {
    super({ forwardMinEventNdims: 1, validateArgs: options.validateArgs, name: options.name ?? 'ordered' });
  }
  protected _forward(x: Tensor): Tensor { return ascendingInverse(floatOf(x)); }
  protected _inverse(y: Tensor): Tensor { return ascendingForward(floatOf(y)); }
  protected _forwardLogDetJacobian(x: Tensor): Tensor { return ascendingIldj(floatOf(x)); }
  protected _inverseLogDetJacobian(y: Tensor): Tensor { return ascendingFldj(floatOf(y)); }
}
