// Plain-JS baselines for bench/ops.ts: straightforward loops over typed arrays, the
// code a person would write without a library. Each writes into caller-owned arrays so the
// timings measure the arithmetic, not allocation.

/** out[i] = Math.exp(x[i]) (rounded to float32 on store). */
export function expInto(x: Float32Array, out: Float32Array): void {
  for (let i = 0; i < x.length; i++) out[i] = Math.exp(x[i]);
}

/** out[i] = Math.log(x[i]). */
export function logInto(x: Float32Array, out: Float32Array): void {
  for (let i = 0; i < x.length; i++) out[i] = Math.log(x[i]);
}

/** Sum in a double accumulator (as probasm's f32 sum does), rounded to float32 at the end. */
export function sum(x: Float32Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return Math.fround(s);
}

/** Two-pass stable logsumexp: max, then sum of exp(x - max). */
export function logsumexp(x: Float32Array): number {
  let m = -Infinity;
  for (let i = 0; i < x.length; i++) if (x[i] > m) m = x[i];
  if (!Number.isFinite(m)) m = 0;
  let s = 0;
  for (let i = 0; i < x.length; i++) s += Math.exp(x[i] - m);
  return Math.fround(Math.log(s) + m);
}

/** c = a b for row-major a [m,k], b [k,n]: i-k-j loop order (unit stride inner loop). */
export function matmulInto(a: Float32Array, b: Float32Array, c: Float32Array, m: number, k: number, n: number): void {
  c.fill(0);
  for (let i = 0; i < m; i++) {
    const ci = i * n;
    for (let p = 0; p < k; p++) {
      const aip = a[i * k + p], bp = p * n;
      for (let j = 0; j < n; j++) c[ci + j] += aip * b[bp + j];
    }
  }
}

/** Lower Cholesky factor of row-major SPD a [n,n] (Cholesky–Banachiewicz, row by row). */
export function choleskyInto(a: Float64Array, l: Float64Array, n: number): void {
  l.fill(0);
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    for (let j = 0; j <= i; j++) {
      const rj = j * n;
      let s = a[ri + j];
      for (let p = 0; p < j; p++) s -= l[ri + p] * l[rj + p];
      l[ri + j] = i === j ? Math.sqrt(s) : s / l[rj + j];
    }
  }
}

/**
 * Multinomial logistic regression log-likelihood and its gradient, by hand:
 * Z = X w + b, ll = sum(Y * logSoftmax(Z)), dZ = Y - softmax(Z) * rowsum(Y),
 * dw = Xᵀ dZ, db = colsum(dZ). X [n,d], Y [n,c], w [d,c], b [c], all row-major Float64Array.
 * Scratch z must hold n*c values (one exp per logit). Writes gw [d,c] and gb [c]; returns ll.
 */
export function logisticValueAndGrad(
  X: Float64Array, Y: Float64Array, w: Float64Array, b: Float64Array,
  n: number, d: number, c: number,
  z: Float64Array, gw: Float64Array, gb: Float64Array,
): number {
  let ll = 0;
  gw.fill(0);
  gb.fill(0);
  for (let i = 0; i < n; i++) {
    const xi = i * d, zi = i * c;
    let m = -Infinity;
    for (let k = 0; k < c; k++) {
      let s = b[k];
      for (let p = 0; p < d; p++) s += X[xi + p] * w[p * c + k];
      z[zi + k] = s;
      if (s > m) m = s;
    }
    let se = 0, ysum = 0;
    for (let k = 0; k < c; k++) {
      const y = Y[zi + k];
      ll += y * (z[zi + k] - m); // minus log(se) * ysum below
      ysum += y;
      const e = Math.exp(z[zi + k] - m);
      z[zi + k] = e; // z now holds the unnormalized probabilities
      se += e;
    }
    ll -= Math.log(se) * ysum;
    const r = ysum / se;
    for (let k = 0; k < c; k++) {
      const g = Y[zi + k] - z[zi + k] * r;
      gb[k] += g;
      for (let p = 0; p < d; p++) gw[p * c + k] += X[xi + p] * g;
    }
  }
  return ll;
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];

/** log|Γ(x)| by the Lanczos approximation (g = 7, 9 terms; reflection below 0.5). */
export function lgamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgamma(1 - x);
  x -= 1;
  let a = LANCZOS[0];
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (x + i);
  return 0.9189385332046728 + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** out[i] = lgamma(x[i]). */
export function lgammaInto(x: Float32Array, out: Float32Array): void {
  for (let i = 0; i < x.length; i++) out[i] = lgamma(x[i]);
}
