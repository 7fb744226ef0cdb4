/**
 * Stan's rank-normalized diagnostics (Vehtari, Gelman, Simpson, Carpenter & Bürkner 2021,
 * "Rank-normalization, folding, and localization: an improved R-hat"), as Stan, the R
 * package posterior and ArviZ report them:
 *
 * - rank normalization: chains are split in halves (the middle draw of an odd length is
 *   dropped), draws are replaced by z = Phi^-1((r - 3/8) / (S + 1/4)) of their pooled
 *   average ranks r among the S draws (posterior's offset; rstan 2.21's `monitor` uses
 *   (r - 1/2) / S, which moves results by well under 1%);
 * - {@link rankNormalizedRhat}: R = sqrt(((n - 1)/n W + B/n) / W) (BDA3 eq. 11.4) of z
 *   ("bulk") and of the z of the folded draws |x - median(x)| ("tail"); max(bulk, tail);
 * - {@link rankNormalizedEss}: Stan's ESS (posterior `ess_bulk` / `ess_tail`, rstan
 *   `ess_rfun`) of the split chains: biased autocovariances acov_c[k] (divisor n) per
 *   chain, meanVar = n/(n-1) mean_c acov_c[0], var+ = (n-1)/n meanVar + var(chain means),
 *   rho[k] = 1 - (meanVar - mean_c acov_c[k]) / var+, Geyer's initial positive sequence
 *   (pairs summed while rho[2j] + rho[2j+1] > 0, at most n - 4 lags) made monotone, and
 *   ESS = C n / max(-1 + 2 sum_{k < K} rho[k] + rho[K], 1 / log10(C n)), K the truncation
 *   lag (the last even rho is kept when positive, Stan's "improved" estimate; for K = 0 the
 *   sum is rho[0], as R's 1:0 indexing gives). Bulk: of z. Tail: the smaller of the ESS
 *   of the indicators I(x <= q05) and I(x <= q95) (R's type-7 quantiles of all draws,
 *   not rank-normalized), i.e. of the 5% and 95% quantile estimates.
 *
 * Float64 in JavaScript (FFT autocovariances, a sort for ranks, `np.ndtri`), returned in
 * the states' float dtype. NaN anywhere in a component, a constant component, or fewer
 * than 3 draws per split chain give NaN (posterior returns NA). Tested against an
 * independent numpy/scipy implementation (tests-ts/fixtures/mcmc/gen_diagnostics.py).
 */
import { Tensor } from '../np/tensor.js';
import * as np from '../np/index.js';
import type { ArrayLike } from '../types/dtype.js';
import { autocovariance } from './autocovariance.js';
import { chainNdims, columns, isPartList, meanOf, toF64, varianceOf, wrap, type DiagnosticStates } from './diagnostic.js';

/** Options of {@link rankNormalizedRhat}. */
export interface RankNormalizedRhatOptions {
  /** Number of dimensions after the draws dimension that index chains (>= 1). Default 1. */
  independentChainNdims?: number;
  /** Which statistic: `'max'` (Stan's R-hat, default), `'bulk'`, or `'tail'` (folded). */
  statistic?: 'max' | 'bulk' | 'tail';
}

/** BDA3 R-hat sqrt(((n-1)/n W + B/n) / W) of equal-length chains. */
function rhatBasic(chains: Float64Array[]): number {
  const n = chains[0].length;
  const bDivN = varianceOf(chains.map(meanOf), 1);
  let w = 0;
  for (const x of chains) w += varianceOf(x, 1);
  w /= chains.length;
  return Math.sqrt((((n - 1) / n) * w + bDivN) / w);
}

/** Stan's split: first and last floor(n/2) draws of each chain as two chains. */
const splitMiddle = (chains: Float64Array[]): Float64Array[] => {
  const n = chains[0].length, half = Math.floor(n / 2);
  return chains.flatMap((x) => [x.subarray(0, half), x.subarray(n - half, n)]);
};

/** Pooled average ranks -> Phi^-1((r - 3/8) / (S + 1/4)), same layout. */
function zScale(chains: Float64Array[]): Float64Array[] {
  const len = chains[0].length, s = len * chains.length;
  const all = new Float64Array(s);
  chains.forEach((x, c) => all.set(x, c * len));
  const order = Array.from({ length: s }, (_, i) => i).sort((a, b) => all[a] - all[b]);
  const p = new Float64Array(s);
  for (let i = 0; i < s;) {
    let j = i;
    while (j + 1 < s && all[order[j + 1]] === all[order[i]]) j++;
    const rank = (i + j) / 2 + 1; // average of the 1-based ranks i+1..j+1
    for (let k = i; k <= j; k++) p[order[k]] = (rank - 0.375) / (s + 0.25);
    i = j + 1;
  }
  const z = np.ndtri(new Tensor(p, [s]))._data as Float64Array;
  return chains.map((_, c) => z.slice(c * len, (c + 1) * len));
}

function medianOf(chains: Float64Array[]): number {
  const all = Float64Array.from(chains.flatMap((x) => Array.from(x))).sort();
  const m = all.length;
  return m % 2 ? all[(m - 1) / 2] : (all[m / 2 - 1] + all[m / 2]) / 2;
}

/**
 * Applies `stat` to each component's chains (axis 0 draws, then `icn` chain axes; the
 * result has the remaining shape), for one state or a list of parts.
 */
function perComponent(
  chainsStates: DiagnosticStates, fn: string, icn: number, minDraws: number, stat: (chains: Float64Array[]) => number,
): Tensor | Tensor[] {
  const one = (state: Tensor): Tensor => {
    if (state.ndim < 1 + icn) throw new RangeError(`${fn}: states of rank ${state.ndim} cannot have a draws dimension and ${icn} chain dimension(s)`);
    if (state.shape[0] < minDraws) throw new RangeError(`${fn}: needs at least ${minDraws} draws per chain; got ${state.shape[0]}`);
    const chainAxes = Array.from({ length: icn }, (_, i) => i + 1);
    const { series, restShape } = columns(toF64(state), state.shape, chainAxes);
    const out = new Float64Array(series.length);
    series.forEach((chains, r) => { out[r] = stat(chains); });
    return wrap(out, restShape, state);
  };
  if (isPartList(chainsStates)) return chainsStates.map(one);
  return one(np.asarray(chainsStates as ArrayLike));
}

/**
 * Rank-normalized split R-hat (Vehtari et al. 2021) — the R-hat Stan, posterior and ArviZ
 * report: max of the bulk R-hat (of rank-normalized split chains) and the tail R-hat (of the
 * rank-normalized folded draws |x - median|). Values above 1.01 suggest the chains have not
 * mixed. States are laid out as for {@link potentialScaleReduction}; needs >= 4 draws.
 * Unlike TFP's `potentialScaleReduction`, the result is on the scale of a standard deviation
 * (square-rooted), and splitting drops the middle draw of an odd length (Stan's rule).
 * @example
 * ```ts
 * const rhat = mcmc.rankNormalizedRhat(allStates);                       // [n, nChains, d] -> [d]
 * const bulk = mcmc.rankNormalizedRhat(allStates, { statistic: 'bulk' });
 * ```
 */
export function rankNormalizedRhat(chainsStates: readonly Tensor[], options?: RankNormalizedRhatOptions): Tensor[];
export function rankNormalizedRhat(chainsStates: ArrayLike, options?: RankNormalizedRhatOptions): Tensor;
export function rankNormalizedRhat(chainsStates: DiagnosticStates, options: RankNormalizedRhatOptions = {}): Tensor | Tensor[] {
  const fn = 'rankNormalizedRhat';
  const icn = chainNdims(options.independentChainNdims, fn);
  const statistic = options.statistic ?? 'max';
  if (!['max', 'bulk', 'tail'].includes(statistic)) throw new RangeError(`${fn}: statistic must be 'max', 'bulk' or 'tail'; got ${String(statistic)}`);
  return perComponent(chainsStates, fn, icn, 4, (chains) => {
    if (chains.some((x) => x.some(Number.isNaN))) return NaN;
    const bulk = statistic === 'tail' ? -Infinity : rhatBasic(zScale(splitMiddle(chains)));
    if (statistic === 'bulk') return bulk;
    const med = medianOf(chains);
    return Math.max(bulk, rhatBasic(zScale(splitMiddle(chains.map((x) => x.map((v) => Math.abs(v - med)))))));
  });
}

/** Options of {@link rankNormalizedEss}. */
export interface RankNormalizedEssOptions {
  /** Number of dimensions after the draws dimension that index chains (>= 1). Default 1. */
  independentChainNdims?: number;
  /** `'bulk'` (default: ESS of the rank-normalized draws) or `'tail'` (of the 5% and 95% quantiles). */
  statistic?: 'bulk' | 'tail';
}

/** Stan's ESS (rstan `ess_rfun`, posterior `.ess`) of equal-length chains; see the file comment. */
function essStan(chains: Float64Array[]): number {
  const c = chains.length, n = chains[0].length;
  if (n < 3) return NaN;
  let first = chains[0][0], constant = true;
  for (const x of chains) {
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(x[i])) return NaN;
      if (x[i] !== first) constant = false;
    }
  }
  if (constant) return NaN;
  const acov = chains.map((x) => {
    const a = autocovariance(x, n - 1); // divisor n - k: rescaled to Stan's biased divisor n
    for (let k = 0; k < n; k++) a[k] *= (n - k) / n;
    return a;
  });
  const meanAcov = (k: number): number => { let s = 0; for (const a of acov) s += a[k]; return s / c; };
  const meanVar = (meanAcov(0) * n) / (n - 1);
  let varPlus = (meanVar * (n - 1)) / n;
  if (c > 1) varPlus += varianceOf(chains.map(meanOf), 1);
  const rho = new Float64Array(n);
  let t = 0, even = 1, odd = 1 - (meanVar - meanAcov(1)) / varPlus;
  rho[0] = even; rho[1] = odd;
  while (t < n - 5 && !Number.isNaN(even + odd) && even + odd > 0) {
    t += 2;
    even = 1 - (meanVar - meanAcov(t)) / varPlus;
    odd = 1 - (meanVar - meanAcov(t + 1)) / varPlus;
    if (even + odd >= 0) { rho[t] = even; rho[t + 1] = odd; }
  }
  const maxT = t;
  if (even > 0) rho[maxT] = even;
  for (t = 0; t <= maxT - 4;) { // initial monotone sequence
    t += 2;
    if (rho[t] + rho[t + 1] > rho[t - 2] + rho[t - 1]) { rho[t] = (rho[t - 2] + rho[t - 1]) / 2; rho[t + 1] = rho[t]; }
  }
  let sum = maxT === 0 ? rho[0] : 0;
  for (let k = 0; k < maxT; k++) sum += rho[k];
  const total = c * n;
  return total / Math.max(-1 + 2 * sum + rho[maxT], 1 / Math.log10(total));
}

/** R's default (type 7) quantile of all draws of all chains. */
function quantile7(chains: Float64Array[], p: number): number {
  const all = Float64Array.from(chains.flatMap((x) => Array.from(x))).sort();
  const h = (all.length - 1) * p, lo = Math.floor(h);
  return lo + 1 < all.length ? all[lo] + (h - lo) * (all[lo + 1] - all[lo]) : all[lo];
}

/**
 * Stan's bulk or tail effective sample size (Vehtari et al. 2021; posterior `ess_bulk` /
 * `ess_tail`, the ESS columns Stan prints): split, rank-normalized chains and Geyer's
 * monotone initial positive sequence over the chains together. States are laid out as for
 * {@link rankNormalizedRhat} (axis 0 draws, then `independentChainNdims` chain axes); the
 * result has the remaining (event) shape. Needs >= 6 draws per chain (3 per half); NaN
 * for a component with NaN/inf draws or no variation. TFP's own estimator is
 * `effectiveSampleSize`, which does not rank-normalize or split.
 * @example
 * ```ts
 * const bulk = mcmc.rankNormalizedEss(allStates);                       // [n, nChains, d] -> [d]
 * const tail = mcmc.rankNormalizedEss(allStates, { statistic: 'tail' });
 * const [essW, essB] = mcmc.rankNormalizedEss([w, b]) as Tensor[];     // one per part
 * ```
 */
export function rankNormalizedEss(chainsStates: readonly Tensor[], options?: RankNormalizedEssOptions): Tensor[];
export function rankNormalizedEss(chainsStates: ArrayLike, options?: RankNormalizedEssOptions): Tensor;
export function rankNormalizedEss(chainsStates: DiagnosticStates, options: RankNormalizedEssOptions = {}): Tensor | Tensor[] {
  const fn = 'rankNormalizedEss';
  const icn = chainNdims(options.independentChainNdims, fn);
  const statistic = options.statistic ?? 'bulk';
  if (statistic !== 'bulk' && statistic !== 'tail') throw new RangeError(`${fn}: statistic must be 'bulk' or 'tail'; got ${String(statistic)}`);
  return perComponent(chainsStates, fn, icn, 6, (chains) => {
    if (chains.some((x) => x.some((v) => !Number.isFinite(v)))) return NaN;
    if (statistic === 'bulk') return essStan(zScale(splitMiddle(chains)));
    const below = (q: number) => splitMiddle(chains.map((x) => x.map((v) => (v <= q ? 1 : 0))));
    return Math.min(essStan(below(quantile7(chains, 0.05))), essStan(below(quantile7(chains, 0.95))));
  });
}
