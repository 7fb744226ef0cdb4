/**
 * Internal: per-lag autocovariance of a real series by FFT, as TFP's
 * `tfp.stats.auto_correlation(x, max_lags, center=True, normalize=False)`:
 *
 *   acov[k] = (N - k)^-1 * sum_{n=0}^{N-1-k} (x[n] - mean) (x[n + k] - mean),  k = 0..maxLag
 *
 * (the "unbiased per lag" divisor N - k, so acov[0] is the biased variance). The series is
 * zero-padded to the power of two >= 2N, transformed with an iterative radix-2 complex FFT in
 * float64, multiplied by its conjugate and transformed back (Wiener–Khinchin), exactly the
 * computation TFP describes. Accuracy: float64 rounding of an O(N log N) FFT, about 1e-15
 * relative to acov[0]. NaN anywhere in the series makes every lag NaN.
 */

/** In-place iterative radix-2 FFT of (re, im), length a power of two; `inverse` scales by 1/L. */
function fft(re: Float64Array, im: Float64Array, inverse: boolean): void {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      let t = re[i]; re[i] = re[j]; re[j] = t;
      t = im[i]; im[i] = im[j]; im[j] = t;
    }
  }
  const sign = inverse ? 1 : -1;
  for (let len = 2; len <= n; len <<= 1) {
    const half = len >> 1;
    const ang = (sign * 2 * Math.PI) / len;
    for (let k = 0; k < half; k++) {
      const wr = Math.cos(ang * k), wi = Math.sin(ang * k);
      for (let s = 0; s < n; s += len) {
        const a = s + k, b = a + half;
        const xr = re[b] * wr - im[b] * wi;
        const xi = re[b] * wi + im[b] * wr;
        re[b] = re[a] - xr; im[b] = im[a] - xi;
        re[a] += xr; im[a] += xi;
      }
    }
  }
  if (inverse) {
    for (let i = 0; i < n; i++) { re[i] /= n; im[i] /= n; }
  }
}

/**
 * Autocovariance of `x` at lags 0..min(maxLag, N - 1) with TFP's (N - k) divisor.
 * @internal
 */
export function autocovariance(x: Float64Array, maxLag: number): Float64Array {
  const n = x.length;
  const lags = Math.min(maxLag, n - 1) + 1;
  let size = 1;
  while (size < 2 * n) size <<= 1;
  const re = new Float64Array(size), im = new Float64Array(size);
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i];
  mean /= n;
  for (let i = 0; i < n; i++) re[i] = x[i] - mean;
  fft(re, im, false);
  for (let i = 0; i < size; i++) { re[i] = re[i] * re[i] + im[i] * im[i]; im[i] = 0; }
  fft(re, im, true);
  const out = new Float64Array(lags);
  for (let k = 0; k < lags; k++) out[k] = re[k] / (n - k);
  return out;
}
