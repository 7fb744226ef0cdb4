/**
 * Log-gamma family, float64: lgamma (scipy gammaln: log|Γ(x)|), lgamma1p (log Γ(1+x), accurate
 * for tiny x), betaln (log|B(a,b)|), plus the shared helpers of the special-function kernels
 * (Chebyshev/Clenshaw evaluation, sinpi/cospi, Stirling's correction ω, log1pmx, exact
 * products).
 *
 * Contract (f64; float32 kernels round this result once). Budgets asserted by
 * tests-ts/special-functions.test.ts against mpmath:
 * - lgamma: NaN -> NaN, +inf -> +inf, -inf -> -inf (as SciPy), x in {0, -1, -2, ...} -> +inf
 *   (poles; also every x <= -2^52). x > 0: <= 4 ulp (measured max 2 ulp, including the zeros
 *   at 1 and 2, computed relative-accurately from the expansion in z = x - 2, and tiny x,
 *   where we return -log x - γx while SciPy (Cephes) overflows to inf below 1e-308).
 *   x < 0: <= 4 ulp + 1e-15 (|x| ln(2+|x|) + 3) absolute: a few ulp away from the zeros of
 *   lgamma (x ~ -2.457, -2.747, -3.14, ...), absolute error there (cancellation in the
 *   recurrence/reflection, inherent to log|Γ| near its zeros).
 * - betaln: log|B(a,b)|; a or b a pole of Γ (0, -1, ...) -> +inf; +inf with a finite
 *   positive -> -inf (also +inf with +inf, where SciPy gives NaN); a + b a non-positive
 *   integer -> -inf. For a, b > 0: <= 4.4e-16 (|y| + 1 + ln(1 + max(a, b))) (measured max
 *   7 ulp, at B(a,b) ~ 1 where log B is small). Negative non-integers use the plain sum of
 *   lgammas.
 *
 * Algorithms (own implementation; coefficient tables are Chebyshev interpolants computed with
 * mpmath at 50 digits by tests-ts/fixtures/special/gen_special.py --coefficients):
 * - 1.5 <= x < 3: lgamma(x) = z * L2(z), z = x - 2 (exact), L2 = lgamma(2+z)/z as a 24-term
 *   Chebyshev series on z in [-0.5, 1]; 0.5 <= x < 1.5: lgamma(1+z) = z L2(z) - log1p(z);
 *   0 < x < 0.5: lgamma(1+x) - log x. 3 <= x < 13: downward product recurrence into [2, 3).
 *   x >= 13: Stirling, (x-1/2) log x - x + log sqrt(2π) + ω(x), ω the Bernoulli series
 *   (10 terms, truncation < 1e-19 for x >= 10).
 * - -20 < x < 0: upward recurrence lgamma(x) = lgamma(x+n) - log|x (x+1) ... (x+n-1)| with
 *   exact factors; x <= -20: reflection log π - log|sin πx| - lgamma(1-x) with an exact
 *   argument reduction for sin πx (Cephes/Boost use the same identities).
 * - betaln (a >= b > 0): both >= 10: Stirling-balanced form
 *   log sqrt(2π) - log(a+b)/2 + (a-1/2) log(a/(a+b)) + (b-1/2) log(b/(a+b)) + ω(a)+ω(b)-ω(a+b);
 *   a >= 10 > b: lgamma(b) + [lgamma(a) - lgamma(a+b)] with the difference from Stirling
 *   without cancellation; else the sum of lgammas.
 */

// @ts-ignore: decorator
@lazy export const LN_SQRT_2PI: f64 = 0.91893853320467274178; // log(2π)/2
// @ts-ignore: decorator
@lazy export const LOG_PI: f64 = 1.1447298858494001741;
// @ts-ignore: decorator
@lazy export const EULER: f64 = 0.57721566490153286061;

/** Clenshaw evaluation of sum c[k] T_k(t), t in [-1, 1]. */
export function cheb(c: StaticArray<f64>, t: f64): f64 {
  const t2 = 2 * t;
  let b0: f64 = 0, b1: f64 = 0, b2: f64 = 0;
  for (let k = c.length - 1; k >= 1; k--) {
    b2 = b1;
    b1 = b0;
    b0 = t2 * b1 - b2 + unchecked(c[k]);
  }
  return t * b0 - b1 + unchecked(c[0]);
}

/** The rounding error of a*b: a*b = p + twoProdErr(a, b, p) exactly (Dekker, no overflow assumed). */
export function twoProdErr(a: f64, b: f64, p: f64): f64 {
  const ca = 134217729.0 * a, cb = 134217729.0 * b;
  const ah = ca - (ca - a), al = a - ah;
  const bh = cb - (cb - b), bl = b - bh;
  return ((ah * bh - p) + ah * bl + al * bh) + al * bl;
}

/** The rounding error of a+b: a+b = s + twoSumErr(a, b, s) exactly (Knuth). */
export function twoSumErr(a: f64, b: f64, s: f64): f64 {
  const bb = s - a;
  return (a - (s - bb)) + (b - bb);
}

/** sin(πx) with exact argument reduction (x finite). */
export function sinpi(x: f64): f64 {
  let r = x - 2 * Math.floor(x * 0.5 + 0.5); // in [-1, 1), exact
  if (r > 0.5) r = 1 - r;
  else if (r < -0.5) r = -1 - r;
  if (r == 0) return 0 * x; // sign of zero is irrelevant to callers
  return Math.sin(Math.PI * r);
}

/** cos(πx) with exact argument reduction (x finite). */
export function cospi(x: f64): f64 {
  const r = abs(x - 2 * Math.floor(x * 0.5 + 0.5)); // |r| in [0, 1]
  if (r == 0.5) return 0;
  if (r < 0.25) return Math.cos(Math.PI * r);
  if (r < 0.75) return Math.sin(Math.PI * (0.5 - r));
  return -Math.cos(Math.PI * (1 - r));
}

// Bernoulli-number coefficients B_2k / (2k (2k-1)) of Stirling's series, k = 1..10.
// @ts-ignore: decorator
@lazy const STIRLING: StaticArray<f64> = [
  0.083333333333333333333, -0.0027777777777777777778, 0.00079365079365079365079,
  -0.00059523809523809523810, 0.00084175084175084175084, -0.0019175269175269175269,
  0.0064102564102564102564, -0.029550653594771241830, 0.17964437236883057316,
  -1.3924322169059011164,
];

/** ω(x) = lgamma(x) - [(x - 1/2) log x - x + log sqrt(2π)], for x >= 10 (abs error < 1e-19). */
export function stirlingCorr(x: f64): f64 {
  if (x > 1e10) return 1 / (12 * x);
  const r = 1 / x, r2 = r * r;
  let s = unchecked(STIRLING[9]);
  for (let k = 8; k >= 0; k--) s = s * r2 + unchecked(STIRLING[k]);
  return s * r;
}

// lgamma(2+z)/z, Chebyshev series on z in [-0.5, 1] (t = (z - 0.25) / 0.75).
// @ts-ignore: decorator
@lazy const LG2: StaticArray<f64> = [
  0.48362763659842517, 0.22408351337696908, -0.016061611364725618, 0.0016796351005504537,
  -0.000206207082576848, 2.7619482587698902e-05, -3.902432064395172e-06, 5.712600238782988e-07,
  -8.57232441585347e-08, 1.3098706178370361e-08, -2.0291174319191596e-09, 3.177019404112652e-10,
  -5.0168902255267044e-11, 7.977607508944761e-12, -1.2759320707466868e-12, 2.0507506001786822e-13,
  -3.309998326505828e-14, 5.362087191185866e-15, -8.714427500704616e-16, 1.4203170417419452e-16,
  -2.3208252786405174e-17, 3.801021892031957e-18, -6.238290254064288e-19, 1.0257883130864376e-19,
];

// @ts-ignore: decorator
@inline function lg2(z: f64): f64 {
  return cheb(LG2, (z - 0.25) * (4.0 / 3.0));
}

/** log Γ(1+z) for z in [-0.5, 1], relative-accurate at z -> 0. */
export function lgamma1pSmall(z: f64): f64 {
  return z * lg2(z) - Math.log1p(z);
}

/** log Γ(1+a), accurate for tiny a (a > -1). */
export function lgamma1p(a: f64): f64 {
  if (a >= -0.5 && a <= 1) return lgamma1pSmall(a);
  return lgamma(1 + a);
}

/** log(1+t) - t for t > -1, relative-accurate near 0. `r` = 1 + t computed directly (used when t < -0.5). */
export function log1pmxR(t: f64, r: f64): f64 {
  if (t < -0.5) return Math.log(r) - t;
  if (t > 1) return Math.log1p(t) - t;
  // log1p(t) = 2 atanh(u), u = t/(2+t): log1p(t) - t = -t u + 2 (u^3/3 + u^5/5 + ...)
  const u = t / (2 + t), u2 = u * u;
  let s: f64 = 0, p = u * u2;
  for (let k = 3; k < 80; k += 2) {
    const term = p / <f64>k;
    s += term;
    if (abs(term) <= 1e-17 * abs(s)) break;
    p *= u2;
  }
  return 2 * s - t * u;
}

/** log(1+t) - t. */
export function log1pmx(t: f64): f64 {
  return log1pmxR(t, 1 + t);
}

/** log|Γ(x)| for x > 0 finite. */
function lgammaPos(x: f64): f64 {
  if (x < 0.5) return lgamma1pSmall(x) - Math.log(x);
  if (x < 1.5) return lgamma1pSmall(x - 1);
  if (x < 3) { const z = x - 2; return z * lg2(z); }
  if (x < 13) {
    let y = x, p: f64 = 1;
    while (y >= 3) { y -= 1; p *= y; }
    const z = y - 2;
    return Math.log(p) + z * lg2(z);
  }
  if (x > 1e17) return x * (Math.log(x) - 1); // the rest is below 1e-17 relative
  return (x - 0.5) * Math.log(x) - x + LN_SQRT_2PI + stirlingCorr(x);
}

/** log|Γ(x)| (scipy.special.gammaln). */
export function lgamma(x: f64): f64 {
  if (x > 0) return x == Infinity ? x : lgammaPos(x);
  if (x != x) return x;
  if (x == -Infinity) return x;
  if (x == Math.floor(x)) return Infinity; // 0, -0 and the negative integers: poles
  if (x > -20) {
    // upward recurrence: all factors x + k are exact
    const n = <i32>Math.ceil(0.5 - x); // x + n in [0.5, 1.5)
    const z = x + <f64>(n - 1); // exact
    let logp: f64 = 0, p: f64 = 1;
    for (let k = 0; k < n; k++) {
      p *= x + <f64>k;
      if (abs(p) < 1e-280) { logp += Math.log(abs(p)); p = 1; }
    }
    return lgamma1pSmall(z) - (logp + Math.log(abs(p)));
  }
  // reflection: |Γ(x)| = π / (|sin πx| Γ(1-x)), with lgamma(1-x) = lgamma(-x) + log(-x)
  const s = abs(sinpi(x));
  return LOG_PI - Math.log(s) - (lgammaPos(-x) + Math.log(-x));
}

/** lgamma(a) - lgamma(a+b) for a >= 10, 0 < b <= a (no cancellation). */
export function lgammaDiff(a: f64, b: f64): f64 {
  const ab = a + b;
  return -(a - 0.5) * Math.log1p(b / a) - b * Math.log(ab) + b + (stirlingCorr(a) - stirlingCorr(ab));
}

/** log|B(a, b)| (scipy.special.betaln). */
export function betaln(a: f64, b: f64): f64 {
  if (a != a || b != b) return a + b;
  if (a < b) { const t = a; a = b; b = t; } // a >= b
  if (b > 0) {
    if (a == Infinity) return -Infinity;
    if (b >= 10) {
      const ab = a + b;
      return LN_SQRT_2PI - 0.5 * Math.log(ab) - (a - 0.5) * Math.log1p(b / a) + (b - 0.5) * Math.log(b / ab) +
        (stirlingCorr(a) + stirlingCorr(b) - stirlingCorr(ab));
    }
    if (a >= 10) return lgamma(b) + lgammaDiff(a, b);
    return lgamma(a) + lgamma(b) - lgamma(a + b);
  }
  // b <= 0
  if (b == -Infinity) return a == Infinity ? Infinity : NaN; // as SciPy
  if (b == Math.floor(b) || (a <= 0 && a == Math.floor(a))) return Infinity; // pole of Γ(b) or Γ(a)
  const s = a + b;
  if (s == Math.floor(s) && s <= 0) return -Infinity; // pole of Γ(a+b)
  return lgamma(a) + lgamma(b) - lgamma(s);
}
