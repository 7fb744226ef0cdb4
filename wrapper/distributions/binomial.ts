/**
 * The Binomial distribution, as `tfd.Binomial` on JAX: successes in `totalCount`
 * independent trials, P(X = k) = C(n, k) p^k (1 - p)^(n - k), parameterized by
 * `totalCount` and exactly one of `logits` or `probs`. Samples are floats of the
 * parameters' dtype, as in TFP.
 *
 * log_prob is TFP's `k log p + (n - k) log1p(-p) - lbeta(k + 1, n - k + 1) - log(n + 1)`
 * (from logits: -softplus(-l) k - softplus(l) (n - k); products by multiply_no_nan), a
 * continuous function of k; at integers outside [0, n] the log-beta has a pole, so those
 * give -inf (as SciPy). cdf is TFP's `bdtr`: I_{1-p}(n - k, k + 1), 0 below 0 and 1 at or
 * above n (k is not floored, as in TFP); survival uses the complementary I_p(k + 1, n - k)
 * (more accurate than 1 - cdf; TFP leaves it to 1 - cdf). Mean n p, variance n p (1 - p),
 * mode min(n, floor((n + 1) p)); probs are treated as 0 where n = 0 (TFP). TFP defines no
 * entropy for Binomial, nor does this. Invalid parameters (p outside [0, 1], negative or
 * fractional n) give NaN unless `validateArgs` (an Error naming the parameter).
 *
 * Sampling runs TFP's XLA-path algorithm (`_random_binomial_noncpu`): with q = min(p,
 * 1 - p), binomial inversion (summing geometric gaps) where n q < 10, and Hörmann's
 * transformed rejection BTRS (with TFP's Stirling tail table) elsewhere, mirrored back when
 * p > 1/2, in batched rounds over the whole sample array from `random.split` keys. The key
 * schedule differs from TFP's (which salts the seed), so it is not bit-identical with TFP;
 * tested statistically. Invalid parameters give NaN samples. Accuracy: that of lgamma /
 * betaln / betainc (float64 within 1e-10 relative of SciPy on the fixtures; float32 within
 * 1e-4 for log_prob and 2e-4 for the incomplete-beta cdf).
 */
import type { DType } from '../types/dtype.js';
import type { KeyLike } from '../types/random.js';
import { Tensor } from '../np/tensor.js';
import type { ParamInput } from '../util/variable.js';
import type { Bijector } from '../bijectors/bijector.js';
import { Sigmoid } from '../bijectors/sigmoid.js';
import * as np from '../np/index.js';
import { split } from '../random/key.js';
import { uniform } from '../random/uniform.js';
import { BinaryProbsDistribution } from './binary_probs.js';
import type { DistributionOptions, ParameterProperties, ReparameterizationType } from './distribution.js';
import { multiplyNoNan, noEventSpaceBijector, or } from './logits_probs.js';

/** Parameters of {@link Binomial}: `totalCount` and exactly one of `logits` or `probs`. */
export interface BinomialOptions extends DistributionOptions {
  /** Number of trials n (a non-negative integer, as a float). */
  totalCount: ParamInput;
  /** Log-odds of success. */
  logits?: ParamInput;
  /** Probability of success, in [0, 1]. */
  probs?: ParamInput;
}

const STIRLING_TAIL = [0.0810614667953272, 0.0413406959554092, 0.0276779256849983, 0.02079067210376509, 0.0166446911898211,
  0.0138761288230707, 0.0118967099458917, 0.0104112652619720, 0.00925546218271273, 0.00833056343336287];

/** log(k!) - Stirling's approximation, TFP's `_stirling_approx_tail`. */
function stirlingTail(k: number): number {
  if (k <= 9) return STIRLING_TAIL[Math.min(9, Math.max(0, Math.trunc(k)))];
  const kp1sq = (k + 1) * (k + 1);
  return (1 / 12 - (1 / 360 - 1 / 1260 / kp1sq) / kp1sq) / (k + 1);
}

/** Runs `trial` in rounds (fresh keys each) until every element has been accepted once; keeps the first acceptance. */
function lasVegas(seed: KeyLike, size: number, trial: (key: Tensor, out: Float64Array, ok: Uint8Array) => void): Float64Array {
  const out = new Float64Array(size), done = new Uint8Array(size);
  const vals = new Float64Array(size), ok = new Uint8Array(size);
  let key = seed as Tensor, left = size;
  for (let round = 0; left > 0; round++) {
    if (round > 10000) throw new Error('Binomial sampler: rejection sampling did not terminate (internal error)');
    const [next, k] = split(key);
    key = next;
    ok.fill(0);
    trial(k, vals, ok);
    for (let i = 0; i < size; i++) if (!done[i] && ok[i]) { out[i] = vals[i]; done[i] = 1; left--; }
  }
  return out;
}

/**
 * Binomial samples for counts `n` and probabilities `p` (flat, same length, already
 * broadcast to the sample shape), TFP's inversion / BTRS algorithm, as float64.
 * @internal Shared with Multinomial.
 * @example `sampleBinomialFlat(random.key(0), Float64Array.of(10, 10), Float64Array.of(0.5, 0.9)) // two counts in [0, 10]`
 */
export function sampleBinomialFlat(seed: KeyLike, nAll: Float64Array, pAll: Float64Array): Float64Array {
  const size = nAll.length;
  const q = new Float64Array(size), useInv = new Uint8Array(size), result = new Float64Array(size);
  const [invKey, btrsKey] = split(seed);
  let anyInv = false, anyBtrs = false;
  for (let i = 0; i < size; i++) {
    const n = nAll[i], p = n > 0 ? pAll[i] : 0;
    const qq = p < 0.5 ? p : 1 - p;
    q[i] = Number.isNaN(qq) || qq <= 0 ? 0.01 : qq;
    useInv[i] = n * q[i] < 10 ? 1 : 0;
    if (useInv[i]) anyInv = true; else anyBtrs = true;
  }
  const draw = (key: Tensor): Float64Array => uniform(key, [size], 'float64').data() as Float64Array;
  if (anyInv) {
    // Binomial inversion: count geometric gaps (ceil(log u / log1p(-q))) until they pass n.
    const geomSum = new Float64Array(size), num = new Float64Array(size);
    const going = new Uint8Array(size);
    let active = 0;
    for (let i = 0; i < size; i++) if (useInv[i]) { going[i] = 1; active++; }
    let key = invKey;
    while (active > 0) {
      const [uKey, next] = split(key);
      key = next;
      const u = draw(uKey);
      active = 0;
      for (let i = 0; i < size; i++) {
        if (!going[i]) continue;
        geomSum[i] += Math.ceil(Math.log(u[i]) / Math.log1p(-q[i]));
        if (geomSum[i] <= nAll[i]) { num[i]++; active++; } else going[i] = 0;
      }
    }
    for (let i = 0; i < size; i++) if (useInv[i]) result[i] = num[i];
  }
  if (anyBtrs) {
    const btrs = lasVegas(btrsKey, size, (key, vals, ok) => {
      const [uKey, vKey] = split(key);
      const uu = draw(uKey), vv = draw(vKey);
      for (let i = 0; i < size; i++) {
        if (useInv[i]) { ok[i] = 1; continue; }
        const n = nAll[i], p = q[i];
        const sd = Math.sqrt(n * p * (1 - p));
        const b = 1.15 + 2.53 * sd, a = -0.0873 + 0.0248 * b + 0.01 * p, c = n * p + 0.5, r = p / (1 - p);
        const alpha = (2.83 + 5.1 / b) * sd, m = Math.floor((n + 1) * p);
        const u = uu[i] - 0.5, us = 0.5 - Math.abs(u);
        const k = Math.floor((2 * a / us + b) * u + c);
        const boxed = us >= 0.07 && vv[i] <= 0.92 - 4.2 / b;
        const reject = k < 0 || k > n;
        let accept = boxed;
        if (!accept && !reject) {
          const v = Math.log(vv[i] * alpha / (a / (us * us) + b));
          const bound = (m + 0.5) * Math.log((m + 1) / (r * (n - m + 1))) + (n + 1) * Math.log((n - m + 1) / (n - k + 1))
            + (k + 0.5) * Math.log(r * (n - k + 1) / (k + 1)) + stirlingTail(m) + stirlingTail(n - m) - stirlingTail(k) - stirlingTail(n - k);
          accept = v <= bound;
        }
        vals[i] = k;
        ok[i] = !reject && accept ? 1 : 0;
      }
    });
    for (let i = 0; i < size; i++) if (!useInv[i]) result[i] = btrs[i];
  }
  for (let i = 0; i < size; i++) {
    const n = nAll[i], p = n > 0 ? pAll[i] : 0;
    if (Number.isNaN(p) || Number.isNaN(n) || n < 0 || p < 0 || p > 1) { result[i] = NaN; continue; }
    const qq = p < 0.5 ? p : 1 - p;
    let s = qq <= 0 ? 0 : result[i];
    if (!(p < 0.5)) s = n - s;
    result[i] = s;
  }
  return result;
}

/**
 * Binomial({ totalCount, logits } | { totalCount, probs }).
 * @example
 * ```ts
 * const d = new tfd.Binomial({ totalCount: 10, probs: 0.3 });
 * d.logProb(3);                              // log(C(10,3) 0.3^3 0.7^7)
 * d.mean();                                  // 3
 * d.sample([5], { seed: random.key(0) });    // float32 counts, shape [5]
 * ```
 */
export class Binomial extends BinaryProbsDistribution {
  private readonly _dtype: DType;

  constructor(options: BinomialOptions) {
    super(options ?? {}, 'Binomial');
    if (options === undefined || options.totalCount === undefined) throw new TypeError('Binomial: totalCount is required, e.g. new Binomial({ totalCount: 10, probs: 0.3 })');
    this._dtype = this.initLogitsProbs('Binomial', options, { totalCount: options.totalCount });
    this.assertParam('totalCount', (v) => v >= 0 && Number.isInteger(v), 'a non-negative integer');
    this.assertParam('probs', (v) => v >= 0 && v <= 1, 'in [0, 1]');
  }

  /** Number of trials (current value). */
  get totalCount(): Tensor { return this.param('totalCount'); }
  /** Success probability from whichever parameter was given, 0 where totalCount is 0 (TFP). @example `new tfd.Binomial({ totalCount: 2, logits: 0 }).probsParameter() // 0.5` */
  probsParameter(): Tensor {
    const p = this.hasParam('probs') ? this.param('probs') : np.sigmoid(this.param('logits'));
    return np.where(np.greater(this.totalCount, 0), p, 0);
  }

  get parameterProperties(): Readonly<Record<string, ParameterProperties>> {
    return { totalCount: { eventNdims: 0 }, logits: { eventNdims: 0 }, probs: { eventNdims: 0, defaultConstrainingBijector: () => new Sigmoid(), isPreferred: false } };
  }
  get dtype(): DType { return this._dtype; }
  get reparameterizationType(): ReparameterizationType { return 'NOT_REPARAMETERIZED'; }
  get eventShape(): number[] { return []; }

  protected _sampleN(n: number, seed: KeyLike): Tensor {
    const shape = [n, ...this.batchShape];
    const nn = np.broadcastTo(np.astype(this.totalCount, 'float64'), shape).data() as Float64Array;
    const pp = np.broadcastTo(np.astype(this.probsParameter(), 'float64'), shape).data() as Float64Array;
    return np.astype(new Tensor(sampleBinomialFlat(seed, Float64Array.from(nn), Float64Array.from(pp)), shape), this._dtype);
  }

  protected _logProb(x: Tensor): Tensor {
    const x0 = np.astype(x, this._dtype);
    const n = this.totalCount;
    // integers outside [0, n] sit on a pole of the log-beta: -inf (as SciPy), computed at a safe point
    const pole = np.where(or(np.less(x0, 0), np.greater(x0, n)), np.equal(x0, np.floor(x0)), false);
    const k = np.where(pole, 0, x0);
    const nk = np.subtract(n, k);
    let unnorm: Tensor;
    if (this.hasParam('logits')) {
      const l = this.param('logits');
      unnorm = np.subtract(np.negative(multiplyNoNan(np.softplus(np.negative(l)), k)), multiplyNoNan(np.softplus(l), nk));
    } else {
      const p = this.param('probs');
      unnorm = np.add(multiplyNoNan(np.log(p), k), multiplyNoNan(np.log1p(np.negative(p)), nk));
    }
    const norm = np.add(np.betaln(np.add(k, 1), np.add(nk, 1)), np.log1p(n));
    return np.where(pole, -Infinity, np.subtract(unnorm, norm));
  }

  protected _cdf(x: Tensor): Tensor {
    const k = np.astype(x, this._dtype);
    const n = this.totalCount, p = this.probsParameter();
    const outside = or(np.less(k, 0), np.greaterEqual(k, n));
    const safeK = np.where(outside, 0, k);
    const safeDn = np.where(outside, 1, np.subtract(n, k));
    const c = np.betainc(safeDn, np.add(safeK, 1), np.subtract(1, p));
    return np.where(np.less(k, 0), 0, np.where(np.greaterEqual(k, n), 1, c));
  }
  protected _survivalFunction(x: Tensor): Tensor {
    const k = np.astype(x, this._dtype);
    const n = this.totalCount, p = this.probsParameter();
    const outside = or(np.less(k, 0), np.greaterEqual(k, n));
    const safeK = np.where(outside, 0, k);
    const safeDn = np.where(outside, 1, np.subtract(n, k));
    const s = np.betainc(np.add(safeK, 1), safeDn, p);
    return np.where(np.less(k, 0), 1, np.where(np.greaterEqual(k, n), 0, s));
  }

  protected _mean(): Tensor { return np.broadcastTo(np.multiply(this.totalCount, this.probsParameter()), this.batchShape); }
  protected _variance(): Tensor {
    const p = this.probsParameter();
    return np.broadcastTo(np.multiply(np.multiply(this.totalCount, p), np.subtract(1, p)), this.batchShape);
  }
  protected _stddev(): Tensor { return np.sqrt(this._variance()); }
  protected _mode(): Tensor {
    const n = this.totalCount;
    return np.broadcastTo(np.minimum(n, np.floor(np.multiply(np.add(n, 1), this.probsParameter()))), this.batchShape);
  }
  protected _defaultEventSpaceBijector(): Bijector { return noEventSpaceBijector('Binomial'); }
}
