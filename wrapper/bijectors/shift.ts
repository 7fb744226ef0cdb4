/**
 * `tfb.Shift(shift)`: y = x + shift, x = y - shift, log|dy/dx| = 0 (a constant Jacobian),
 * as TFP's `tfp.bijectors.Shift`. Elementwise (min event ndims 0); `shift` broadcasts and
 * gives the batch shape. NaN/inf propagate as in IEEE arithmetic (inf + -inf = NaN).
 * Exact up to one rounding per operation.
 */
import { Tensor } from '../np/tensor.js';
import * as np from '../np/index.js';
import type { ParamInput } from '../util/variable.js';
import { Bijector, type BijectorCommonOptions, type BijectorParameterProperties } from './bijector.js';
import { floatOf } from './float.js';

/**
 * y = x + shift.
 * @example
 * ```ts
 * new tfb.Shift(1).forward([0, 1]);              // [1, 2]
 * new tfb.Shift([1, 2, 3]).batchShape;           // [3]
 * new tfb.Shift(1)(new tfb.Scale(3)).forward(np.ones(5)); // [4, 4, 4, 4, 4]
 * ```
 */
export class Shift extends Bijector {
  constructor(shift: ParamInput, options: BijectorCommonOptions = {}) {
    super({ forwardMinEventNdims: 0, isConstantJacobian: true, validateArgs: options.validateArgs, name: options.name ?? 'shift' });
    if (shift === undefined || shift === null) throw new TypeError('Shift: shift is required, e.g. new tfb.Shift(1)');
    this.initParams({ shift });
  }

  /** The shift (current value). */
  get shift(): Tensor { return this.param('shift'); }

  get parameterProperties(): Readonly<Record<string, BijectorParameterProperties>> { return { shift: { eventNdims: 0 } }; }

  protected _isIncreasing(): boolean | undefined { return true; }
  protected _forward(x: Tensor): Tensor { return np.add(floatOf(x, this._paramDtype), this.shift); }
  protected _inverse(y: Tensor): Tensor { return np.subtract(floatOf(y, this._paramDtype), this.shift); }
  protected _forwardLogDetJacobian(x: Tensor): Tensor { return np.zeros([], ldjDtype(x, this.shift)); }
  protected _inverseLogDetJacobian(y: Tensor): Tensor { return np.zeros([], ldjDtype(y, this.shift)); }
}

/** float64 if either the input or the parameter is float64, else float32. */
function ldjDtype(a: Tensor, b: Tensor): 'float32' | 'float64' {
  return (!a._weak && a.dtype === 'float64') || b.dtype === 'float64' ? 'float64' : 'float32';
}
