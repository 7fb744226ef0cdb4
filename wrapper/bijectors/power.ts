/**
 * `tfb.Power(power)`: y = x^power, as TFP's `tfp.bijectors.Power`. The domain is x >= 0,
 * except for odd integer powers, where it is the whole real line. Inverse y^(1/power)
 * (sign(y) |y|^(1/power) for odd integer powers); log|dy/dx| = log|power| +
 * (power - 1) log|x| (computed with xlogy, so power = 1 gives 0 at x = 0). Negative x with a
 * non-odd-integer power gives NaN (with `validateArgs`: a RangeError); power = 0 is not a
 * bijection (NaN/inf; `validateArgs`: RangeError naming `power`). Increasing when power > 0,
 * decreasing when power < 0 (TFP's `_is_increasing`). Accuracy: that of `np.power`/`np.log`.
 */
import { Tensor } from '../np/tensor.js';
import * as np from '../np/index.js';
import type { ParamInput } from '../util/variable.js';
import { Bijector, type BijectorCommonOptions, type BijectorParameterProperties } from './bijector.js';
import { floatOf } from './float.js';
import { signDirection } from './monotone.js';

/** Elementwise: whether p is an odd integer (boolean tensor). */
function isOddInteger(p: Tensor): Tensor {
  const half = np.divide(p, 2);
  return np.where(np.equal(p, np.round(p)), np.notEqual(np.multiply(np.floor(half), 2), p), false);
}

/**
 * y = x^power on the non-negative reals (all reals for odd integer powers).
 * @example
 * ```ts
 * new tfb.Power(2).forward([1, 2, 3]);   // [1, 4, 9]
 * new tfb.Power(3).inverse(-8);          // -2
 * new tfb.Power(0.5).forwardLogDetJacobian(4); // log(0.5) - 0.5 log 4
 * ```
 */
export class Power extends Bijector {
  constructor(power: ParamInput, options: BijectorCommonOptions = {}) {
    super({ forwardMinEventNdims: 0, validateArgs: options.validateArgs, name: options.name ?? 'power' });
    if (power === undefined || power === null) throw new TypeError('Power: power is required, e.g. new tfb.Power(2)');
    this.initParams({ power });
    if (this.validateArgs) {
      const d = this.power.data();
      for (let i = 0; i < d.length; i++) {
        if (!(Number(d[i]) !== 0 && !Number.isNaN(Number(d[i])))) throw new RangeError(`Power: power must be non-zero; got ${d[i]}${d.length > 1 ? ` at index ${i}` : ''}`);
      }
    }
  }

  /** The power (current value). */
  get power(): Tensor { return this.param('power'); }

  get parameterProperties(): Readonly<Record<string, BijectorParameterProperties>> { return { power: { eventNdims: 0 } }; }

  protected _isIncreasing(): boolean | undefined { return signDirection(this.power); }

  protected _forward(x: Tensor): Tensor {
    const xf = this.checked(floatOf(x, this._paramDtype), 'x');
    return np.power(xf, this.power);
  }

  protected _inverse(y: Tensor): Tensor {
    const yf = this.checked(floatOf(y, this._paramDtype), 'y'), p = this.power;
    const inv = np.reciprocal(p);
    return np.where(isOddInteger(p), np.multiply(np.sign(yf), np.power(np.abs(yf), inv)), np.power(yf, inv));
  }

  protected _forwardLogDetJacobian(x: Tensor): Tensor {
    const xf = this.checked(floatOf(x, this._paramDtype), 'x'), p = this.power;
    return np.add(np.log(np.abs(p)), np.xlogy(np.subtract(p, 1), np.abs(xf)));
  }

  /** With validateArgs: negative inputs are only allowed for odd integer powers. */
  private checked(t: Tensor, arg: string): Tensor {
    if (!this.validateArgs) return t;
    const ok = np.where(isOddInteger(this.power), true, np.greaterEqual(t, 0)).data();
    for (let i = 0; i < ok.length; i++) {
      if (!ok[i]) throw new RangeError(`Power: ${arg} must be non-negative unless power is an odd integer; got a negative element at index ${i}`);
    }
    return t;
  }
}
