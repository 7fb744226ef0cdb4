/**
 * MCMC convergence diagnostics: TFP's `tfp.mcmc.effective_sample_size` and
 * `tfp.mcmc.potential_scale_reduction`, and the helpers they share with ./rank_normalized.ts.
 *
 * - {@link effectiveSampleSize} (TFP semantics): with acov[k] the per-lag autocovariance
 *   (divisor N - k, see autocovariance.ts) of each chain,
 *   single chain: rho[k] = acov[k] / acov[0];
 *   cross-chain (`crossChainDims`, Vehtari et al. 2021 eq. 10 as TFP writes it):
 *   rho[k] = 1 - (W_b - mean_c acov_c[k]) / (W_b + B/N), with W_b the mean of the chains'
 *   biased variances and B/N the (C - 1)-divisor variance of the chain means;
 *   then ESS = C N / (-1 + 2 sum_k (N - k)/N rho[k]), the sum truncated after
 *   `filterBeyondLag` lags and at the first rho[k] < `filterThreshold` (default 0; `null`
 *   for none), or — with `filterBeyondPositivePairs` — at the first pair
 *   rho[2j] + rho[2j+1] < 0 (Geyer's initial positive sequence; an odd last lag is dropped).
 * - {@link potentialScaleReduction} (TFP semantics, Brooks & Gelman 1998): with n draws
 *   per chain, m chains, W the mean of the chains' (n - 1)-divisor variances and B/n the
 *   (m - 1)-divisor variance of the chain means,
 *   R = ((m + 1)/m) ((n - 1)/n W + B/n) / W - (n - 1)/(m n)   (a variance ratio: NOT
 *   square-rooted). `splitChains` halves every chain first (an odd last draw is dropped).
 * - Stan's rank-normalized split R-hat and bulk/tail ESS: ./rank_normalized.ts.
 *
 * Computed in float64 in JavaScript (FFT for the autocovariances, a sort for the ranks,
 * `np.ndtri` for Phi^-1) and returned in the states' float dtype (integers give float32).
 * Tested against an independent numpy/scipy implementation to 1e-10 relative
 * (tests-ts/fixtures/mcmc/gen_diagnostics.py). A constant chain gives NaN (0/0), as in TFP.
 */
import { Tensor } from '../np/tensor.js';
import * as np from '../np/index.js';
import type { ArrayLike } from '../types/dtype.js';
import { autocovariance } from './autocovariance.js';

/** States for a diagnostic: one tensor, or one tensor per state part. */
export type DiagnosticStates = ArrayLike | readonly Tensor[];

/** Options of {@link effectiveSampleSize}; with several parts, each may be an array (one entry per part). */
export interface EffectiveSampleSizeOptions {
  /** Truncate the autocorrelations at the first one below this (default 0; `null`: no threshold). Ignored with `filterBeyondPositivePairs`. */
  filterThreshold?: number | null | readonly (number | null)[];
  /** Use at most this many lags (default: all, N - 1). */
  filterBeyondLag?: number | null | readonly (number | null)[];
  /** Truncate at the first negative sum of an adjacent pair of autocorrelations (Geyer). Default false. */
  filterBeyondPositivePairs?: boolean | readonly boolean[];
  /**
   * Dimensions of the states (>= 1; negative counts from the end) indexing independent chains
   * that are combined into one cross-chain ESS (needs >= 2 chains). Default: none (one ESS per
   * chain). With several parts, an array is read as one entry (number, number[] or null) per part.
   */
  crossChainDims?: number | readonly number[] | null | readonly (number | readonly number[] | null)[];
}

/** Options of {@link potentialScaleReduction}. */
export interface PotentialScaleReductionOptions {
  /** Number of dimensions after the draws dimension that index chains (>= 1). Default 1. */
  independentChainNdims?: number;
  /** Split every chain into halves (doubling the chains) first. Default false. */
  splitChains?: boolean;
}

/** @internal shared with rank_normalized.ts */
export const isPartList = (s: unknown): s is readonly Tensor[] =>
  Array.isArray(s) && s.length > 0 && s.every((p) => p instanceof Tensor);

/** @internal shared with rank_normalized.ts */
export function toF64(t: Tensor): Float64Array {
  return t._data instanceof Float64Array ? t._data : Float64Array.from(t._data as unknown as Iterable<number>);
}

const outDtype = (t: Tensor) => (t.dtype === 'float64' ? 'float64' : 'float32');

/** @internal shared with rank_normalized.ts */
export function wrap(values: Float64Array, shape: readonly number[], like: Tensor): Tensor {
  return outDtype(like) === 'float64' ? new Tensor(values, shape) : new Tensor(Float32Array.from(values), shape);
}

/**
 * Regroups `data` of `shape` as series[r][c] (length shape[0]) with c over `chainAxes`
 * and r over the remaining axes >= 1 (both row-major).
 */
/** @internal shared with rank_normalized.ts */
export function columns(data: Float64Array, shape: readonly number[], chainAxes: readonly number[]) {
  const n = shape[0];
  const inner = shape.slice(1).reduce((a, b) => a * b, 1);
  const restAxes: number[] = [];
  for (let a = 1; a < shape.length; a++) if (!chainAxes.includes(a)) restAxes.push(a);
  const nChains = chainAxes.reduce((a, ax) => a * shape[ax], 1);
  const nRest = restAxes.reduce((a, ax) => a * shape[ax], 1);
  const series: Float64Array[][] = Array.from({ length: nRest }, () => Array.from({ length: nChains }, () => new Float64Array(n)));
  const idx = new Array<number>(shape.length).fill(0);
  for (let i = 0; i < inner; i++) {
    let rem = i;
    for (let a = shape.length - 1; a >= 1; a--) { idx[a] = rem % shape[a]; rem = Math.floor(rem / shape[a]); }
    let c = 0, r = 0;
    for (const ax of chainAxes) c = c * shape[ax] + idx[ax];
    for (const ax of restAxes) r = r * shape[ax] + idx[ax];
    const s = series[r][c];
    for (let t = 0; t < n; t++) s[t] = data[t * inner + i];
  }
  return { series, restShape: restAxes.map((a) => shape[a]), nChains };
}

/** @internal shared with rank_normalized.ts */
export const meanOf = (x: Float64Array): number => { let s = 0; for (let i = 0; i < x.length; i++) s += x[i]; return s / x.length; };

/** @internal shared with rank_normalized.ts */
export function varianceOf(x: { readonly length: number; readonly [i: number]: number }, ddof: number): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) m += x[i];
  m /= x.length;
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i] - m) * (x[i] - m);
  return s / (x.length - ddof);
}

function perPart<T>(v: T | readonly T[] | undefined, nParts: number, isList: boolean, name: string, fallback: T): T[] {
  if (isList && Array.isArray(v)) {
    if (v.length !== nParts) throw new RangeError(`effectiveSampleSize: ${name} has ${v.length} entries but the states have ${nParts} parts`);
    return (v as T[]).map((x) => (x === undefined ? fallback : x));
  }
  return new Array<T>(nParts).fill(v === undefined ? fallback : (v as T));
}

function normalizeAxes(dims: number | readonly number[], rank: number, fn: string, name: string): number[] {
  const list = typeof dims === 'number' ? [dims] : [...dims];
  const out = list.map((d) => {
    if (!Number.isInteger(d)) throw new TypeError(`${fn}: ${name} must be integers; got ${String(d)}`);
    const a = d < 0 ? d + rank : d;
    if (a < 1 || a >= rank) throw new RangeError(`${fn}: ${name} entry ${d} is out of range for states of rank ${rank} (axis 0 indexes draws)`);
    return a;
  });
  if (new Set(out).size !== out.length) throw new RangeError(`${fn}: ${name} has repeated axes`);
  return out.sort((a, b) => a - b);
}

function essPart(
  state: Tensor, threshold: number | null, beyondLag: number | null, positivePairs: boolean,
  crossDims: number | readonly number[] | null,
): Tensor {
  const fn = 'effectiveSampleSize';
  if (state.ndim < 1) throw new RangeError(`${fn}: states must have a leading draws dimension; got a scalar`);
  const n = state.shape[0];
  if (n < 2) throw new RangeError(`${fn}: needs at least 2 draws; got ${n}`);
  if (threshold !== null && typeof threshold !== 'number') throw new TypeError(`${fn}: filterThreshold must be a number or null`);
  if (beyondLag !== null && !(Number.isInteger(beyondLag) && beyondLag >= 0)) {
    throw new RangeError(`${fn}: filterBeyondLag must be a non-negative integer or null; got ${String(beyondLag)}`);
  }
  const chainAxes = crossDims === null ? [] : normalizeAxes(crossDims, state.ndim, fn, 'crossChainDims');
  const { series, restShape, nChains } = columns(toF64(state), state.shape, chainAxes);
  const cross = chainAxes.length > 0;
  if (cross && nChains < 2) throw new RangeError(`${fn}: crossChainDims needs more than 1 chain; the states have ${nChains}`);
  const maxLag = beyondLag === null ? n - 1 : Math.min(beyondLag, n - 1);
  const out = new Float64Array(cross ? series.length : series.length * nChains);
  const one = (chains: Float64Array[]): number => {
    const acovs = chains.map((x) => autocovariance(x, maxLag));
    const lags = acovs[0].length;
    const rho = new Float64Array(lags);
    if (cross) {
      const c = chains.length;
      let wBiased = 0;
      for (const a of acovs) wBiased += a[0];
      wBiased /= c;
      const bDivN = varianceOf(chains.map(meanOf), 1);
      const varPlus = wBiased + bDivN;
      for (let k = 0; k < lags; k++) {
        let m = 0;
        for (const a of acovs) m += a[k];
        rho[k] = 1 - (wBiased - m / c) / varPlus;
      }
    } else {
      for (let k = 0; k < lags; k++) rho[k] = acovs[0][k] / acovs[0][0];
    }
    let total = 0;
    if (positivePairs) {
      for (let j = 0; 2 * j + 1 < lags; j++) {
        if (rho[2 * j] + rho[2 * j + 1] < 0) break;
        total += ((n - 2 * j) / n) * rho[2 * j] + ((n - 2 * j - 1) / n) * rho[2 * j + 1];
      }
    } else {
      for (let k = 0; k < lags; k++) {
        if (threshold !== null && rho[k] < threshold) break;
        total += ((n - k) / n) * rho[k];
      }
    }
    return (chains.length * n) / (-1 + 2 * total);
  };
  if (cross) {
    series.forEach((chains, r) => { out[r] = one(chains); });
    return wrap(out, restShape, state);
  }
  // No chain axes: `columns` put every non-draw axis in `rest` with a single "chain".
  series.forEach((chains, r) => { out[r] = one([chains[0]]); });
  return wrap(out, state.shape.slice(1), state);
}

/**
 * Effective sample size of each component of `states` (TFP's `effective_sample_size`).
 * Axis 0 of each state indexes draws; without `crossChainDims` the result has shape
 * `states.shape.slice(1)` (one ESS per chain and component); with it, the chain axes are
 * combined (their sizes multiply the ESS) and removed from the result.
 * @example
 * ```ts
 * const ess = mcmc.effectiveSampleSize(allStates);                     // per chain, [nChains, d]
 * const essAll = mcmc.effectiveSampleSize(allStates, { crossChainDims: 1, filterBeyondPositivePairs: true }); // [d]
 * const [essW, essB] = mcmc.effectiveSampleSize([w, b]);               // one result per part
 * ```
 */
export function effectiveSampleSize(states: readonly Tensor[], options?: EffectiveSampleSizeOptions): Tensor[];
export function effectiveSampleSize(states: ArrayLike, options?: EffectiveSampleSizeOptions): Tensor;
export function effectiveSampleSize(states: DiagnosticStates, options: EffectiveSampleSizeOptions = {}): Tensor | Tensor[] {
  const list = isPartList(states);
  const parts = list ? [...(states as readonly Tensor[])] : [np.asarray(states as ArrayLike)];
  const th = perPart(options.filterThreshold, parts.length, list, 'filterThreshold', 0 as number | null);
  const lag = perPart(options.filterBeyondLag, parts.length, list, 'filterBeyondLag', null as number | null);
  const pp = perPart(options.filterBeyondPositivePairs, parts.length, list, 'filterBeyondPositivePairs', false);
  let ccd: (number | readonly number[] | null)[];
  if (list && Array.isArray(options.crossChainDims)) {
    ccd = perPart(options.crossChainDims as readonly (number | readonly number[] | null)[], parts.length, true, 'crossChainDims', null);
  } else {
    ccd = new Array(parts.length).fill(options.crossChainDims ?? null);
  }
  const out = parts.map((p, i) => essPart(p, th[i] ?? null, lag[i] ?? null, Boolean(pp[i]), ccd[i] ?? null));
  return list ? out : out[0];
}

/** @internal shared with rank_normalized.ts */
export function chainNdims(v: number | undefined, fn: string): number {
  const icn = v ?? 1;
  if (!Number.isInteger(icn) || icn < 1) throw new RangeError(`${fn}: independentChainNdims must be an integer >= 1; got ${String(v)}`);
  return icn;
}

function rhatPart(state: Tensor, icn: number, split: boolean): Tensor {
  const fn = 'potentialScaleReduction';
  if (state.ndim < 1 + icn) throw new RangeError(`${fn}: states of rank ${state.ndim} cannot have a draws dimension and ${icn} chain dimension(s)`);
  const n0 = state.shape[0];
  if (split && n0 < 4) throw new RangeError(`${fn}: splitChains needs at least 4 draws; got ${n0}`);
  if (!split && n0 < 2) throw new RangeError(`${fn}: needs at least 2 draws; got ${n0}`);
  const chainAxes = Array.from({ length: icn }, (_, i) => i + 1);
  const { series, restShape } = columns(toF64(state), state.shape, chainAxes);
  const out = new Float64Array(series.length);
  series.forEach((chains0, r) => {
    let chains = chains0;
    if (split) {
      const half = Math.floor(n0 / 2);
      chains = chains0.flatMap((x) => [x.subarray(0, half), x.subarray(half, 2 * half)]);
    }
    const n = chains[0].length, m = chains.length;
    const bDivN = varianceOf(chains.map(meanOf), 1);
    let w = 0;
    for (const x of chains) w += varianceOf(x, 1);
    w /= m;
    const sigma2Plus = ((n - 1) / n) * w + bDivN;
    out[r] = ((m + 1) / m) * (sigma2Plus / w) - (n - 1) / (m * n);
  });
  return wrap(out, restShape, state);
}

/**
 * Gelman–Rubin potential scale reduction with TFP's semantics (`potential_scale_reduction`,
 * Brooks & Gelman's corrected variance ratio, not square-rooted). Each state has shape
 * `[nDraws, ...chainDims, ...event]` with `independentChainNdims` chain dimensions; the
 * result has the event shape. For the R-hat Stan prints, use {@link rankNormalizedRhat}.
 * @example
 * ```ts
 * const rhat = mcmc.potentialScaleReduction(allStates, { splitChains: true }); // allStates [n, nChains, d] -> [d]
 * ```
 */
export function potentialScaleReduction(chainsStates: readonly Tensor[], options?: PotentialScaleReductionOptions): Tensor[];
export function potentialScaleReduction(chainsStates: ArrayLike, options?: PotentialScaleReductionOptions): Tensor;
export function potentialScaleReduction(chainsStates: DiagnosticStates, options: PotentialScaleReductionOptions = {}): Tensor | Tensor[] {
  const icn = chainNdims(options.independentChainNdims, 'potentialScaleReduction');
  const split = Boolean(options.splitChains);
  if (isPartList(chainsStates)) return chainsStates.map((s) => rhatPart(s, icn, split));
  return rhatPart(np.asarray(chainsStates as ArrayLike), icn, split);
}
