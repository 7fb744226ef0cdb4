/**
 * Error-function family, float64: erf, erfc, erfcx (scaled erfc, e^{x²} erfc x), and the
 * exact-exponent helpers the normal-distribution kernels (ndtri.ts) share.
 *
 * Contract (f64; float32 kernels round this result once):
 * - erf: NaN -> NaN, ±inf -> ±1, -0 -> -0. <= 4 ulp (measured max 1 ulp).
 * - erfc: NaN -> NaN, -inf -> 2, +inf -> 0; 0 from x > 27.23 (underflow). <= 4 ulp for all
 *   x (measured max 2 ulp), including the far tail: e^{-x²} is evaluated from the exact
 *   square x² = s + e (Dekker) as e^{-s} (1 - e), not from the rounded x² (which would cost
 *   2x² ulp). Subnormal results carry the absolute error of the format.
 * - erfcx: erfcx(-inf) = +inf, erfcx(+inf) = 0; overflows to inf below x = -26.63.
 *   <= 4 ulp (measured max 2 ulp); x < 0 as 2 e^{x²} - erfcx(-x).
 *
 * Algorithms (own implementation): |x| < 0.5: Taylor series of erf(x)/x in x² (14 terms,
 * exact rational coefficients times 2/√π). Otherwise erfc(x) = e^{-x²} erfcx(x), with
 * erfcx on [0, ∞) from one Chebyshev series of (1 + 2x) erfcx(x) in y = (x - 3.5)/(x + 3.5)
 * (28 terms, the mapping of Schonfelder, Math. Comp. 32 (1978); coefficients computed with
 * mpmath, see gen_special.py --coefficients); erf = 1 - erfc; negative x by symmetry.
 */
import { cheb, twoProdErr } from "./lgamma";

// @ts-ignore: decorator
@lazy export const TWO_OVER_SQRT_PI: f64 = 1.1283791670955126;
// @ts-ignore: decorator
@lazy export const ONE_OVER_SQRT_PI: f64 = 0.5641895835477563;

// erf(x) / x = Σ c_n x^{2n}, c_n = 2/√π (-1)^n / (n! (2n+1))
// @ts-ignore: decorator
@lazy const ERF_T: StaticArray<f64> = [
  1.1283791670955126, -0.37612638903183754, 0.11283791670955126, -0.026866170645131252,
  0.005223977625442188, -0.0008548327023450853, 0.00012055332981789664, -1.492565035840625e-05,
  1.6462114365889248e-06, -1.6365844691234924e-07, 1.4807192815879218e-08, -1.2290555301717928e-09,
  9.422759064650411e-11, -6.7113668551641105e-12,
];

// (1 + 2x) erfcx(x), Chebyshev series in y = (x - 3.5)/(x + 3.5), x in [0, ∞)
// @ts-ignore: decorator
@lazy const ERFCX: StaticArray<f64> = [
  1.177632731636124, -0.001630177283414629, -0.08733682573463146, 0.05800974837029327,
  -0.024340115396182225, 0.007529483715635749, -0.0017438817577112521, 0.00028269829816555584,
  -2.31849116112635e-05, -2.111766698133041e-06, 8.765760156892822e-07, -6.105702635086118e-08,
  -1.7116664716341917e-08, 3.391360268611259e-09, 2.54661619366046e-10, -1.2482784079516295e-10,
  -2.2122757753433792e-12, 4.4272603638230294e-12, -3.367266128031013e-14, -1.6519256000923578e-13,
  1.9024103044538835e-15, 6.601187937172832e-15, 2.880282449409004e-17, -2.7791709635743296e-16,
  -1.0764465740332641e-17, 1.1885144203998814e-17, 1.0933660522821855e-18, -4.888175126555364e-19,
];

/** erf(x) for |x| <= 0.5. */
function erfSmall(x: f64): f64 {
  const z = x * x;
  let p = unchecked(ERF_T[13]);
  for (let k = 12; k >= 0; k--) p = p * z + unchecked(ERF_T[k]);
  return x * p;
}

/** erfcx(x) for x >= 0. */
export function erfcxPos(x: f64): f64 {
  if (x > 1e300) return ONE_OVER_SQRT_PI / x;
  const y = (x - 3.5) / (x + 3.5);
  return cheb(ERFCX, y) / (1 + 2 * x);
}

/** e^{-(h+l)²} from the exact square (l may be 0); 0 when it underflows. */
export function expNegSq(h: f64, l: f64): f64 {
  const s = h * h;
  if (s > 746) return 0;
  const t = twoProdErr(h, h, s) + 2 * h * l;
  return Math.exp(-s) * (1 - t);
}

/** e^{+(h)²} from the exact square; inf when it overflows. */
export function expPosSq(h: f64): f64 {
  const s = h * h;
  if (s > 710) return Infinity;
  return Math.exp(s) * (1 + twoProdErr(h, h, s));
}

/** erfc(h + l) for h >= 0.5, l a tiny correction (|l| <= ulp(h)). */
export function erfcDD(h: f64, l: f64): f64 {
  if (h > 27.3) return 0;
  return expNegSq(h, l) * erfcxPos(h);
}

/** erf(x). */
export function erf(x: f64): f64 {
  const ax = abs(x);
  if (ax < 0.5) return erfSmall(x);
  if (ax != ax) return x;
  const r = 1 - erfcDD(ax, 0);
  return x < 0 ? -r : r;
}

/** erfc(x). */
export function erfc(x: f64): f64 {
  if (x < 0.5) {
    if (x > -0.5) return 1 - erfSmall(x);
    return 2 - erfcDD(-x, 0);
  }
  if (x != x) return x;
  return erfcDD(x, 0);
}

/** erfcx(x) = e^{x²} erfc(x) (scipy.special.erfcx). */
export function erfcx(x: f64): f64 {
  if (x >= 0) return erfcxPos(x);
  if (x != x) return x;
  if (x < -26.7) return Infinity;
  return 2 * expPosSq(x) - erfcxPos(-x);
}
