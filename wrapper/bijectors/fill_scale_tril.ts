/**
 * `tfb.FillScaleTriL`: an unconstrained vector of length n(n+1)/2 -> a lower-triangular
 * matrix with positive diagonal (a Cholesky-type scale), exactly TFP's construction:
 *   Chain([TransformDiagonal(Chain([Shift(diagShift), diagBijector])), FillTriangular()])
 * i.e. fill in TFP's order (FillTriangular), then map the diagonal through diagBijector
 * (default Softplus) and add diagShift (default 1e-5, keeping the diagonal away from 0;
 * `diagShift: null` means no shift). log|det J| is the diagonal bijector's (the fill is a
 * rearrangement). Accuracy, NaN and inf behaviour are the parts'. Provenance: TFP
 * bijectors/fill_scale_tril.py.
 */
import type { ParamInput } from '../util/variable.js';
import { Bijector, type BijectorCommonOptions } from './bijector.js';
import { Chain } from './chain.js';
import { Shift } from './shift.js';
import { Softplus } from './softplus.js';
import { TransformDiagonal } from './transform_diagonal.js';
import { FillTriangular } from './fill_triangular.js';

/** Options of {@link FillScaleTriL}. */
export interface FillScaleTriLOptions extends BijectorCommonOptions {
  /** Maps the diagonal to positive values (default `new Softplus()`). */
  diagBijector?: Bijector;
  /** Added to the diagonal after diagBijector (default 1e-5); null for no shift. */
  diagShift?: ParamInput | null;
}

/**
 * Vector -> lower-triangular scale with positive diagonal (`tfb.FillScaleTriL`), a Chain.
 * @example
 * ```ts
 * const b = new tfb.FillScaleTriL({ diagBijector: new tfb.Exp(), diagShift: null });
 * b.forward([0, 0, 0]);                // [[1, 0], [0, 1]]
 * b.inverse([[1, 0], [0.5, 2]]);       // [0.6931472, 0.5, 0]
 * new tfb.FillScaleTriL().forward(np.zeros([4, 6])).shape; // [4, 3, 3]
 * ```
 */
export class FillScaleTriL extends Chain {
  /** The bijector applied to the diagonal (before the shift). */
  declare readonly diagBijector: Bijector;
  /** The diagonal shift as given (null: none). */
  declare readonly diagShift: ParamInput | null;

  constructor(options: FillScaleTriLOptions = {}) {
    const diagBijector = options.diagBijector ?? new Softplus({ validateArgs: options.validateArgs });
    if (!(diagBijector instanceof Bijector)) throw new TypeError('FillScaleTriL: diagBijector must be a Bijector');
    const diagShift = options.diagShift === undefined ? 1e-5 : options.diagShift;
    const onDiag = diagShift === null ? diagBijector : new Chain([new Shift(diagShift), diagBijector]);
    super([new TransformDiagonal(onDiag, { validateArgs: options.validateArgs }), new FillTriangular({ validateArgs: options.validateArgs })], {
      validateArgs: options.validateArgs, name: options.name ?? 'fill_scale_tril',
    });
    Object.defineProperty(this, 'diagBijector', { value: diagBijector, enumerable: true });
    Object.defineProperty(this, 'diagShift', { value: diagShift, enumerable: true });
  }

  /** TFP's parameters: diagBijector and diagShift (their variables are trainable). */
  get parameters(): Readonly<Record<string, unknown>> {
    return { diagBijector: this.diagBijector, diagShift: this.diagShift, validateArgs: this.validateArgs, name: this.name };
  }
}
