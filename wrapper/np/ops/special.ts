/**
 * Special functions (jax.scipy.special / jax.lax names in camelCase) with NumPy
 * broadcasting. Inputs promote to a float dtype like JAX's `promote_args_inexact`: float64
 * if any tensor operand is float64, else float32 if any is float32, else the default float
 * (float32, float64 under x64); JS numbers are weakly typed and adopt it. float32 results
 * are the float64 routine rounded once: within 1 ulp of the correctly rounded value.
 * Numerics, special values and measured error budgets: assembly/special/*.ts and
 * tests-ts/special-functions.test.ts.
 */
import type { ArrayLike, DType } from '../../types/dtype.js';
import { Tensor } from '../tensor.js';
import { bind } from '../primitive.js';
import { asTensor } from '../asarray.js';
import { defaultFloat } from '../../config.js';
import { astype, broadcastAll } from './elementwise.js';
import {
  specialUnaryPrim, specialBinaryPrim, specialTernaryPrim,
  type SpecialUnary, type SpecialBinary, type SpecialTernary,
} from '../prims/special.js';

/** The float dtype the operands promote to (weak JS numbers adopt the others'). */
function floatType(ts: readonly Tensor[]): DType {
  const strong = ts.filter((t) => !t._weak);
  if (strong.some((t) => t.dtype === 'float64')) return 'float64';
  if (strong.some((t) => t.dtype === 'float32')) return 'float32';
  return defaultFloat();
}

function unary(name: SpecialUnary, x: ArrayLike): Tensor {
  const t = asTensor(x, undefined, 'x');
  return bind(specialUnaryPrim(name), [astype(t, floatType([t]))], undefined);
}

function nary(name: string, args: readonly ArrayLike[], argNames: readonly string[]): Tensor[] {
  const ts = args.map((a, i) => asTensor(a, undefined, argNames[i]));
  const dt = floatType(ts);
  return broadcastAll(ts.map((t) => astype(t, dt)), name);
}

/** @internal A binary special primitive applied with promotion and broadcasting. */
export function specialBinary(name: SpecialBinary, a: ArrayLike, b: ArrayLike, argNames: readonly string[] = ['a', 'x']): Tensor {
  return bind(specialBinaryPrim(name), nary(name, [a, b], argNames), undefined);
}

/** @internal A ternary special primitive applied with promotion and broadcasting. */
export function specialTernary(name: SpecialTernary, a: ArrayLike, b: ArrayLike, x: ArrayLike): Tensor {
  return bind(specialTernaryPrim(name), nary(name, [a, b, x], ['a', 'b', 'x']), undefined);
}

/**
 * log|Γ(x)| (jax.lax.lgamma, jax.scipy.special.gammaln); +inf at the poles 0, -1, -2, ...
 * Gradient: digamma.
 * @example `np.lgamma([0.5, 10]) // [log √π, log 9!]`
 */
export const lgamma = (x: ArrayLike): Tensor => unary('lgamma', x);
/** Alias of {@link lgamma} (jax.scipy.special.gammaln). @example `np.gammaln(5) // log 24` */
export const gammaln = lgamma;
/**
 * ψ(x) = d/dx log Γ(x) (jax.scipy.special.digamma); ψ(0) = -inf, ψ(-0) = +inf, NaN at
 * negative integers (SciPy's conventions). Gradient: polygamma(1, x).
 * @example `np.digamma(1) // -0.5772156649 (minus Euler's constant)`
 */
export const digamma = (x: ArrayLike): Tensor => unary('digamma', x);
/**
 * ψ^(n)(x), the n-th derivative of digamma (jax.scipy.special.polygamma); n must be a
 * non-negative integer (NaN otherwise). Gradient in x: polygamma(n + 1, x); none in n.
 * @example `np.polygamma(1, 1) // π²/6`
 */
export const polygamma = (n: ArrayLike, x: ArrayLike): Tensor => specialBinary('polygamma', n, x, ['n', 'x']);
/** The error function. Gradient 2/√π e^{-x²}. @example `np.erf([0, 1]) // [0, 0.8427]` */
export const erf = (x: ArrayLike): Tensor => unary('erf', x);
/** 1 - erf(x), accurate in the upper tail (to x ≈ 27 before underflow). @example `np.erfc(10) // 2.088e-45` */
export const erfc = (x: ArrayLike): Tensor => unary('erfc', x);
/** e^{x²} erfc(x) (scipy.special.erfcx), finite for large x. @example `np.erfcx(1e3) // ≈ 1/(1e3 √π)` */
export const erfcx = (x: ArrayLike): Tensor => unary('erfcx', x);
/**
 * The inverse error function on [-1, 1] (±inf at ±1, NaN outside), accurate to float64
 * precision also near ±1. Gradient √π/2 e^{erfinv(x)²}. In float32 this is the float64
 * result rounded (within 1 ulp), not XLA's float32 erf_inv approximation (which
 * random.normal reproduces bit for bit, a few ulp from the true value).
 * @example `np.erfinv(0.5) // 0.4769362762`
 */
export const erfinv = (x: ArrayLike): Tensor => unary('erfinv', x);
/** The standard normal CDF Φ(x) (jax.scipy.special.ndtr). @example `np.ndtr(0) // 0.5` */
export const ndtr = (x: ArrayLike): Tensor => unary('ndtr', x);
/** The inverse of ndtr (the standard normal quantile) on [0, 1]. @example `np.ndtri(0.975) // 1.959963985` */
export const ndtri = (x: ArrayLike): Tensor => unary('ndtri', x);
/**
 * log Φ(x), accurate for all x (≈ -x²/2 for very negative x). Gradient φ(x)/Φ(x),
 * computed as sqrt(2/π)/erfcx(-x/√2) (no overflow or 0/0 in the tail).
 * @example `np.logNdtr(-20) // -203.917`
 */
export const logNdtr = (x: ArrayLike): Tensor => unary('logNdtr', x);
/** log|B(a, b)| = lgamma(a) + lgamma(b) - lgamma(a+b), computed without cancellation for large a, b. @example `np.betaln(2, 3) // log(1/12)` */
export const betaln = (a: ArrayLike, b: ArrayLike): Tensor => specialBinary('betaln', a, b, ['a', 'b']);
/**
 * The regularized incomplete beta function I_x(a, b) (jax.scipy.special.betainc), x in
 * [0, 1]. Differentiable in x, a and b (∂/∂a, ∂/∂b by forward-mode differentiation of the
 * series/continued fraction; JAX raises for those).
 * @example `np.betainc(2, 3, 0.4) // 0.5248`
 */
export const betainc = (a: ArrayLike, b: ArrayLike, x: ArrayLike): Tensor => specialTernary('betainc', a, b, x);
/**
 * The regularized lower incomplete gamma function P(a, x) (jax.scipy.special.gammainc).
 * Differentiable in x and a.
 * @example `np.gammainc(1, 2) // 1 - e^-2`
 */
export const gammainc = (a: ArrayLike, x: ArrayLike): Tensor => specialBinary('gammainc', a, x);
/** The regularized upper incomplete gamma function Q(a, x) = 1 - P(a, x), accurate when small. @example `np.gammaincc(1, 2) // e^-2` */
export const gammaincc = (a: ArrayLike, x: ArrayLike): Tensor => specialBinary('gammaincc', a, x);
/**
 * x log(y), with 0 wherever x == 0 (JAX's convention, also for y = 0 or NaN).
 * @example `np.xlogy(0, 0) // 0`
 */
export const xlogy = (x: ArrayLike, y: ArrayLike): Tensor => specialBinary('xlogy', x, y, ['x', 'y']);
/** x log(1 + y), with 0 wherever x == 0. @example `np.xlog1py(0, -1) // 0` */
export const xlog1py = (x: ArrayLike, y: ArrayLike): Tensor => specialBinary('xlog1py', x, y, ['x', 'y']);
/** e^{-|x|} I0(x), the exponentially scaled modified Bessel function of order 0. @example `np.i0e(0) // 1` */
export const i0e = (x: ArrayLike): Tensor => unary('i0e', x);
/** e^{-|x|} I1(x), the exponentially scaled modified Bessel function of order 1. @example `np.i1e(1) // 0.2079` */
export const i1e = (x: ArrayLike): Tensor => unary('i1e', x);
