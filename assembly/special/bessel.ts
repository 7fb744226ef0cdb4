/**
 * Exponentially scaled modified Bessel functions of the first kind, float64:
 * i0e(x) = e^{-|x|} I0(x), i1e(x) = e^{-|x|} I1(x) (scipy.special.i0e / i1e).
 *
 * Contract (f64; float32 kernels round this result once): NaN -> NaN; i0e(±inf) = 0,
 * i1e(±inf) = ±0; i0e is even, i1e odd (i1e(-0) = -0). <= 8 ulp everywhere (measured max
 * 5 ulp, for |x| in 10..20 where the power series sums ~40 terms).
 *
 * Algorithms (own implementation): |x| < 20: the power series
 * I0 = Σ (x²/4)^k / (k!)², I1 = (x/2) Σ (x²/4)^k / (k! (k+1)!) (positive terms, no
 * cancellation), times e^{-|x|}; |x| >= 20: Hankel's asymptotic expansion
 * e^{-x} I_ν(x) ~ (2πx)^{-1/2} Σ_k (-1)^k Π_{j<=k} (4ν² - (2j-1)²) / (k! (8x)^k), summed
 * until the terms fall below 1e-17 (the smallest term and the neglected e^{-2x} part are
 * below 4e-18 relative at x = 20). Cephes uses Chebyshev fits instead; we need no tables.
 */

// @ts-ignore: decorator
@lazy const INV_SQRT_2PI: f64 = 0.3989422804014327;

function besselSeries(x: f64, nu: i32): f64 {
  const q = 0.25 * x * x;
  let t: f64 = nu == 0 ? 1 : 0.5 * x;
  let s = t;
  for (let k = 1; k < 200; k++) {
    t *= q / (<f64>k * <f64>(k + nu));
    s += t;
    if (t <= 1e-17 * s) break;
  }
  return s * Math.exp(-x);
}

function besselAsy(x: f64, nu: i32): f64 {
  const mu = <f64>(4 * nu * nu);
  const r = 1 / (8 * x);
  let t: f64 = 1, s: f64 = 1;
  for (let k = 1; k < 60; k++) {
    const o = <f64>(2 * k - 1);
    t *= -(mu - o * o) * r / <f64>k;
    s += t;
    if (abs(t) <= 1e-17 * s) break;
  }
  return s * INV_SQRT_2PI / Math.sqrt(x);
}

/** e^{-|x|} I0(x). */
export function i0e(x: f64): f64 {
  const ax = abs(x);
  if (ax < 20) return besselSeries(ax, 0);
  if (ax != ax) return x;
  if (ax == Infinity) return 0;
  return besselAsy(ax, 0);
}

/** e^{-|x|} I1(x). */
export function i1e(x: f64): f64 {
  const ax = abs(x);
  let r: f64;
  if (ax < 20) {
    if (ax == 0) return x;
    r = besselSeries(ax, 1);
  } else {
    if (ax != ax) return x;
    r = ax == Infinity ? 0 : besselAsy(ax, 1);
  }
  return x < 0 ? -r : r;
}
