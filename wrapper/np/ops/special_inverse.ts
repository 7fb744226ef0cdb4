/**
 * Inverse regularized incomplete gamma and beta functions (scipy.special gammaincinv,
 * gammainccinv, betaincinv; TFP's tfp.math.igammainv, igammacinv, betaincinv) with NumPy
 * broadcasting and the promotion of the other special functions (float64 if any tensor
 * operand is float64, else float32, else the default float; JS numbers adopt it).
 * Differentiable in every argument. Algorithm, accuracy, special values and gradients:
 * ../prims/special_inverse.ts; tests: tests-ts/special-inverse.test.ts.
 */
import type { ArrayLike, DType } from '../../types/dtype.js';
import { Tensor } from '../tensor.js';
import { bind, type Primitive } from '../primitive.js';
import { asTensor } from '../asarray.js';
import { defaultFloat } from '../../config.js';
import { astype, broadcastAll } from './elementwise.js';
import { gammaincinvPrim, gammainccinvPrim, betaincinvPrim } from '../prims/special_inverse.js';

function apply(prim: Primitive, name: string, args: readonly ArrayLike[], argNames: readonly string[]): Tensor {
  const ts = args.map((v, i) => asTensor(v, undefined, argNames[i]));
  const strong = ts.filter((t) => !t._weak);
  const dt: DType = strong.some((t) => t.dtype === 'float64') ? 'float64'
    : strong.some((t) => t.dtype === 'float32') ? 'float32' : defaultFloat();
  return bind(prim, broadcastAll(ts.map((t) => astype(t, dt)), name), undefined);
}

/**
 * The x with P(a, x) = p (scipy.special.gammaincinv): the quantile of Gamma(a, 1).
 * p = 0 -> 0, p = 1 -> inf; NaN for a <= 0 or p outside [0, 1]. Gradients: ∂x/∂p =
 * 1/density, ∂x/∂a = -(∂P/∂a)/density.
 * @example
 * ```ts
 * np.gammaincinv(2, 0.5) // 1.6783469900166608
 * ```
 */
export const gammaincinv = (a: ArrayLike, p: ArrayLike): Tensor => apply(gammaincinvPrim(), 'gammaincinv', [a, p], ['a', 'p']);

/**
 * The x with Q(a, x) = 1 - P(a, x) = q (scipy.special.gammainccinv), accurate for tiny q
 * (upper-tail quantiles). q = 0 -> inf, q = 1 -> 0; NaN for a <= 0 or q outside [0, 1].
 * @example
 * ```ts
 * np.gammainccinv(1, 1e-300) // 690.7755278982137 (= 300 ln 10)
 * ```
 */
export const gammainccinv = (a: ArrayLike, q: ArrayLike): Tensor => apply(gammainccinvPrim(), 'gammainccinv', [a, q], ['a', 'q']);

/**
 * The x in [0, 1] with I_x(a, b) = p (scipy.special.betaincinv): the quantile of
 * Beta(a, b). p = 0 -> 0, p = 1 -> 1; NaN for a <= 0, b <= 0 or p outside [0, 1].
 * Gradients in p, a and b.
 * @example
 * ```ts
 * np.betaincinv(2, 3, 0.5) // 0.3857275681323736
 * ```
 */
export const betaincinv = (a: ArrayLike, b: ArrayLike, p: ArrayLike): Tensor =>
  apply(betaincinvPrim(), 'betaincinv', [a, b, p], ['a', 'b', 'p']);
