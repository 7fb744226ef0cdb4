/**
 * Digamma family, float64: digamma ψ(x) (scipy psi), polygamma ψ^(n)(x) for integer n >= 0,
 * and the Hurwitz zeta function ζ(s, q) for s > 1, q > 0 that polygamma rests on.
 *
 * Contract (f64; float32 kernels round this result once):
 * - digamma: NaN -> NaN, +inf -> +inf, -inf -> NaN, +0 -> -inf, -0 -> +inf, negative
 *   integers -> NaN (all as SciPy). x > 0: <= 4 ulp (measured max 1 ulp), including the
 *   positive zero x0 = 1.4616... (ψ is evaluated as (x - x0) P(x) on [1, 2], x0 in two
 *   parts). x < 0 (reflection ψ(1-x) - π cot πx, exact reduction): <= 4 ulp +
 *   1e-15 (ln(2+|x|) + π|cot πx|) absolute, i.e. a few ulp away from the negative zeros
 *   (-0.5040.., -1.5734.., ...) and absolute error near them.
 * - polygamma(n, x): n must be a non-negative integer (else NaN); n = 0 is digamma. For n >= 1:
 *   x = +inf -> 0; x a non-positive integer or -inf -> (-1)^(n+1) inf (as SciPy); x > 0:
 *   (-1)^(n+1) n! ζ(n+1, x); x < 0: the reflection (-1)^n ψ^(n)(1-x) - π^(n+1) cot^(n)(πx),
 *   the n-th derivative of cot being a polynomial in cot (n <= 60, else NaN). Relative error
 *   <= 1e-14 (measured max 1.5e-15 for n = 1..10 over x in [-10, 1e8]; absolute near the
 *   zeros of ψ^(n) for x < 0). n! overflows for n > 170 (inf or NaN results).
 * - zeta(s, q), q > 0: direct sum up to q+N >= max(12, s+12), then Euler-Maclaurin with up to 14
 *   Bernoulli terms (truncation < 1e-18 relative).
 *
 * Algorithms (own implementation, after the identities Cephes psi.c/zeta.c and Boost use):
 * x >= 10: asymptotic series log x - 1/(2x) - Σ B_2k/(2k x^2k) (10 terms); 1 <= x < 2: the
 * Chebyshev series of ψ(x)/(x - x0) (25 terms, mpmath-computed, see gen_special.py
 * --coefficients); 2 <= x < 10: downward recurrence into [1, 2); 0 < x < 1: ψ(x+1) - 1/x.
 */
import { cheb, sinpi, cospi } from "./lgamma";

// ψ(1+u) / (u - (x0 - 1)), Chebyshev series on u in [0, 1] (t = 2u - 1).
// @ts-ignore: decorator
@lazy const PSI: StaticArray<f64> = [
  0.983570260441567, -0.2270640863346444, 0.03336889902393011, -0.005320077271596548,
  0.0008788656937820505, -0.00014773492650606044, 2.5060543468359146e-05, -4.2721034029993324e-06,
  7.302769272465923e-07, -1.2502886813559594e-07, 2.1425009322359472e-08, -3.673295918565179e-09,
  6.299717236108931e-10, -1.080593028883266e-10, 1.853735192053638e-11, -3.18023536582553e-12,
  5.456147570322795e-13, -9.360993131036438e-14, 1.606064636295075e-14, -2.7555431377438815e-15,
  4.727736178601912e-16, -8.11148420346509e-17, 1.391707769474154e-17, -2.3877901082188625e-18,
  4.096797187161558e-19,
];
// x0 - 1 = 0.46163214496836234126265954232572132846819620400644..., in two parts
// @ts-ignore: decorator
@lazy const X0M1_HI: f64 = 0.46163214496836236;
// @ts-ignore: decorator
@lazy const X0M1_LO: f64 = -1.5522348162858677e-17;

// B_2k / (2k), k = 1..10
// @ts-ignore: decorator
@lazy const PSI_ASY: StaticArray<f64> = [
  0.083333333333333333333, -0.0083333333333333333333, 0.0039682539682539682540,
  -0.0041666666666666666667, 0.0075757575757575757576, -0.021092796092796092796,
  0.083333333333333333333, -0.44325980392156862745, 3.0539543302701197438, -26.456212121212121212,
];

/** ψ(1+u) for u in [0, 1], relative-accurate at the zero u = x0 - 1 (u exact). */
function psi1p(u: f64): f64 {
  return ((u - X0M1_HI) - X0M1_LO) * cheb(PSI, 2 * u - 1);
}

function psiAsy(x: f64): f64 {
  if (x > 1e17) return Math.log(x) - 0.5 / x;
  const r2 = 1 / (x * x);
  let s = unchecked(PSI_ASY[9]);
  for (let k = 8; k >= 0; k--) s = s * r2 + unchecked(PSI_ASY[k]);
  return Math.log(x) - 0.5 / x - s * r2;
}

function psiPos(x: f64): f64 {
  if (x >= 10) return psiAsy(x);
  if (x < 1) return psi1p(x) - 1 / x;
  if (x < 2) return psi1p(x - 1);
  let s: f64 = 0, y = x;
  while (y >= 2) { y -= 1; s += 1 / y; } // exact y
  return psi1p(y - 1) + s;
}

/** ψ(x) (scipy.special.psi / digamma). */
export function digamma(x: f64): f64 {
  if (x > 0) return x == Infinity ? x : psiPos(x);
  if (x == 0) return 1 / x > 0 ? -Infinity : Infinity; // as SciPy: ψ(+0) = -inf, ψ(-0) = +inf
  if (x != x || x == Math.floor(x)) return NaN; // NaN, -inf and the negative integers
  // reflection: ψ(x) = ψ(1 - x) - π cos(πx) / sin(πx)
  return psiPos(1 - x) - Math.PI * cospi(x) / sinpi(x);
}

// B_2j / (2j)!, j = 1..14 (Euler-Maclaurin)
// @ts-ignore: decorator
@lazy const EM: StaticArray<f64> = [
  0.083333333333333333333, -0.0013888888888888888889, 3.3068783068783068783e-05,
  -8.2671957671957671958e-07, 2.0876756987868098979e-08, -5.2841901386874931848e-10,
  1.3382536530684678833e-11, -3.3896802963225828668e-13, 8.5860620562778445641e-15,
  -2.1748686985580618731e-16, 5.5090028283602295151e-18, -1.3954464685812523341e-19,
  3.5347070396294674717e-21, -8.9535174270375468504e-23,
];

/** Hurwitz zeta ζ(s, q) = Σ_k (q+k)^-s for s > 1, q > 0. */
export function zeta(s: f64, q: f64): f64 {
  const lim = max<f64>(12, s + 12);
  let sum: f64 = 0, a = q;
  while (a < lim) { sum += Math.pow(a, -s); a += 1; }
  // Euler-Maclaurin tail from a
  const ia = 1 / a, ia2 = ia * ia;
  let p = Math.pow(a, -s); // a^-s
  let tail = a * p / (s - 1) + 0.5 * p;
  // term j: B_2j/(2j)! * s (s+1) ... (s+2j-2) * a^(-s-2j+1)
  let fac = s * ia * p; // s a^(-s-1)
  for (let j = 0; j < 14; j++) {
    const t = unchecked(EM[j]) * fac;
    tail += t;
    if (abs(t) <= 1e-18 * abs(tail)) break;
    fac *= (s + <f64>(2 * j + 1)) * (s + <f64>(2 * j + 2)) * ia2;
  }
  return sum + tail;
}

// Scratch for the coefficients of the n-th derivative of cot as a polynomial in cot
// (static data: kernels never allocate).
const COTP: usize = memory.data(8 * 64, 16);
const COTQ: usize = memory.data(8 * 64, 16);

/** d^n/du^n cot(u) evaluated through c = cot(u): P_0 = c, P_{k+1} = -(1 + c^2) P_k'(c). */
function cotDeriv(n: i32, c: f64): f64 {
  // coefficients p[j] of c^j, degree n+1
  for (let j = 0; j < 64; j++) store<f64>(COTP + (<usize>j << 3), 0);
  store<f64>(COTP + 8, 1);
  for (let k = 0; k < n; k++) {
    // q[m] = -((m+1) p[m+1] + (m-1) p[m-1])
    for (let m = 0; m <= k + 2; m++) {
      const up = m + 1 <= k + 1 ? <f64>(m + 1) * load<f64>(COTP + (<usize>(m + 1) << 3)) : 0;
      const dn = m >= 1 ? <f64>(m - 1) * load<f64>(COTP + (<usize>(m - 1) << 3)) : 0;
      store<f64>(COTQ + (<usize>m << 3), -(up + dn));
    }
    for (let m = 0; m <= k + 2; m++) store<f64>(COTP + (<usize>m << 3), load<f64>(COTQ + (<usize>m << 3)));
  }
  let r: f64 = 0;
  for (let j = n + 1; j >= 0; j--) r = r * c + load<f64>(COTP + (<usize>j << 3));
  return r;
}

function factorial(n: i32): f64 {
  let f: f64 = 1;
  for (let k = 2; k <= n; k++) f *= <f64>k;
  return f;
}

/** ψ^(n)(x), n >= 1 integer, x > 0 finite. */
function polygammaPos(n: i32, x: f64): f64 {
  const r = factorial(n) * zeta(<f64>(n + 1), x);
  return (n & 1) ? r : -r;
}

/** ψ^(n)(x) (scipy.special.polygamma) for integer n >= 0; NaN for other n. */
export function polygamma(nf: f64, x: f64): f64 {
  if (nf != nf || x != x || nf < 0 || nf != Math.floor(nf)) return NaN;
  if (nf == 0) return digamma(x);
  if (nf > 1e4) return NaN;
  const n = <i32>nf;
  const sgnInf = (n & 1) ? Infinity : -Infinity; // (-1)^(n+1) inf
  if (x == Infinity) return 0;
  if (x > 0) return polygammaPos(n, x);
  if (x == -Infinity || x == Math.floor(x)) return sgnInf;
  if (x > -1e-8) {
    // next to the pole at 0: ψ^(n)(x) = ψ^(n)(1+x) - (-1)^n n! / x^(n+1) (overflows to inf)
    const t = factorial(n) / Math.pow(-x, <f64>(n + 1)); // n!/|x|^(n+1); (-1)^n/x^(n+1) = -1/|x|^(n+1)
    return polygammaPos(n, 1 + x) + t;
  }
  if (n > 60) return NaN;
  // reflection: ψ^(n)(x) = (-1)^n ψ^(n)(1-x) - π^(n+1) cot^(n)(πx)
  const c = cospi(x) / sinpi(x);
  const refl = polygammaPos(n, 1 - x);
  return ((n & 1) ? -refl : refl) - Math.pow(Math.PI, <f64>(n + 1)) * cotDeriv(n, c);
}
