/**
 * `tfb.Invert(bijector)`: the inverse map, as TFP's `tfp.bijectors.Invert`: forward is the
 * bijector's inverse and vice versa, the log-det-Jacobians swap
 * (forwardLogDetJacobian(x, n) = bijector.inverseLogDetJacobian(x, n)), so do the minimum
 * event ndims and the event-shape functions. Name 'invert_' + the bijector's name. Numerics
 * (NaN/inf, accuracy) are those of the wrapped bijector.
 */
import type { ArrayLike } from '../types/dtype.js';
import { Tensor } from '../np/tensor.js';
import { Bijector, type BijectorCommonOptions } from './bijector.js';
import { isIncreasing } from './monotone.js';

/**
 * The inverse of a bijector.
 * @example
 * ```ts
 * const log = new tfb.Invert(new tfb.Exp());
 * log.name;           // 'invert_exp'
 * log.forward(1);     // 0
 * log.inverse(0);     // 1
 * ```
 */
export class Invert extends Bijector {
  /** The wrapped bijector. */
  readonly bijector: Bijector;

  constructor(bijector: Bijector, options: BijectorCommonOptions = {}) {
    if (!(bijector instanceof Bijector)) throw new TypeError('Invert: bijector must be a Bijector, e.g. new tfb.Invert(new tfb.Exp())');
    super({
      forwardMinEventNdims: bijector.inverseMinEventNdims, inverseMinEventNdims: bijector.forwardMinEventNdims,
      isConstantJacobian: bijector.isConstantJacobian, validateArgs: options.validateArgs, name: options.name ?? `invert_${bijector.name}`,
    });
    this.bijector = bijector;
  }

  /** The wrapped bijector's batch shape. */
  get batchShape(): number[] { return this.bijector.batchShape; }
  get parameters(): Readonly<Record<string, unknown>> { return { bijector: this.bijector, validateArgs: this.validateArgs, name: this.name }; }

  forward(x: ArrayLike): Tensor { return this.bijector.inverse(x); }
  inverse(y: ArrayLike): Tensor { return this.bijector.forward(y); }
  forwardLogDetJacobian(x: ArrayLike, eventNdims: number = this.forwardMinEventNdims): Tensor {
    return this.bijector.inverseLogDetJacobian(x, eventNdims);
  }
  inverseLogDetJacobian(y: ArrayLike, eventNdims: number = this.inverseMinEventNdims): Tensor {
    return this.bijector.forwardLogDetJacobian(y, eventNdims);
  }
  forwardEventNdims(n: number): number { return this.bijector.inverseEventNdims(n); }
  inverseEventNdims(n: number): number { return this.bijector.forwardEventNdims(n); }

  protected _isIncreasing(): boolean | undefined { return isIncreasing(this.bijector); }
  protected _forward(x: Tensor): Tensor { return this.bijector.inverse(x); }
  protected _inverse(y: Tensor): Tensor { return this.bijector.forward(y); }
  protected _forwardEventShape(shape: number[]): number[] { return this.bijector.inverseEventShape(shape); }
  protected _inverseEventShape(shape: number[]): number[] { return this.bijector.forwardEventShape(shape); }
}
