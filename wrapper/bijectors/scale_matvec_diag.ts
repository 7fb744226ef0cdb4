/**
 * `tfb.ScaleMatvecDiag`: y = diag(scaleDiag) x, i.e. y = scaleDiag * x elementwise over
 * the last (event) axis. log|det J| = sum log|scaleDiag| (constant Jacobian); inverse
 * x = y / scaleDiag. A zero scale gives inf/NaN (and log|det J| = -inf) unless
 * validateArgs, which throws a RangeError naming `scaleDiag`. Exact to one rounding per
 * element. Provenance: TFP bijectors/scale_matvec_diag.py (adjoint is the same map for a
 * diagonal, so it is not an option here).
 */
import { Tensor } from '../np/tensor.js';
import * as np from '../np/index.js';
import type { ParamInput } from '../util/variable.js';
import { Bijector, type BijectorCommonOptions, type BijectorParameterProperties } from './bijector.js';
import { floatOf } from './float.js';

/** Options of {@link ScaleMatvecDiag}. */
export interface ScaleMatvecDiagOptions extends BijectorCommonOptions {
  /** The diagonal of the scale matrix, shape `[..., n]` (leading dims are the batch). Required. */
  scaleDiag: ParamInput;
}

/**
 * Scales a vector by a diagonal matrix (`tfb.ScaleMatvecDiag`); forwardMinEventNdims 1.
 * @example
 * ```ts
 * const b = new tfb.ScaleMatvecDiag({ scaleDiag: [2, 3] });
 * b.forward([1, 1]);                 // [2, 3]
 * b.forwardLogDetJacobian([1, 1]);   // log 6
 * ```
 */
export class ScaleMatvecDiag extends Bijector {
  constructor(options: ScaleMatvecDiagOptions) {
    super({ forwardMinEventNdims: 1, isConstantJacobian: true, validateArgs: options?.validateArgs, name: options?.name ?? 'scale_matvec_diag' });
    if (options?.scaleDiag === undefined) throw new TypeError('ScaleMatvecDiag: scaleDiag is required');
    this.initParams({ scaleDiag: options.scaleDiag });
    const s = this.param('scaleDiag');
    if (s.ndim < 1) throw new RangeError(`ScaleMatvecDiag: scaleDiag must have at least 1 dimension (the event); got shape [${s.shape.join(', ')}]`);
    if (this.validateArgs) {
      const d = s.data();
      for (let i = 0; i < d.length; i++) if (!(d[i] !== 0 && !Number.isNaN(d[i]))) throw new RangeError(`ScaleMatvecDiag: scaleDiag must be non-zero; got ${d[i]}`);
    }
  }

  get parameterProperties(): Readonly<Record<string, BijectorParameterProperties>> { return { scaleDiag: { eventNdims: 1 } }; }

  /** The diagonal (variables read now). */
  get scaleDiag(): Tensor { return this.param('scaleDiag'); }

  protected _forward(x: Tensor): Tensor { return np.multiply(floatOf(x, this._paramDtype), this.scaleDiag); }
  protected _inverse(y: Tensor): Tensor { return np.divide(floatOf(y, this._paramDtype), this.scaleDiag); }
  protected _forwardLogDetJacobian(_x: Tensor): Tensor { return np.sum(np.log(np.abs(this.scaleDiag)), { axis: -1 }); }
}
