/**
 * xlogy(x, y) = x log y and xlog1py(x, y) = x log1p(y), float64, with JAX's convention: the
 * result is 0 wherever x == 0, whatever y is (SciPy differs only at y = NaN, where it
 * returns NaN). Otherwise IEEE: xlogy(x, 0) = -inf x, log of a negative number NaN.
 * Error: one log (musl, < 1 ulp) and one multiplication: <= 2 ulp (measured 1 ulp; float32:
 * the f64 result rounded once, <= 1 ulp).
 */

/** x log y, 0 where x == 0. */
export function xlogy(x: f64, y: f64): f64 {
  return x == 0 ? 0 : x * Math.log(y);
}

/** x log(1 + y), 0 where x == 0. */
export function xlog1py(x: f64, y: f64): f64 {
  return x == 0 ? 0 : x * Math.log1p(y);
}
