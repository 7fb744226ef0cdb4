/**
 * The pieces of Stan's NUTS warm-up used by {@link windowedAdaptiveNuts}
 * (Stan reference manual, "HMC algorithm parameters: automatic parameter tuning";
 * stan/mcmc/windowed_adaptation.hpp, stepsize_adaptation.hpp, var_adaptation.hpp):
 *
 * - {@link warmupWindows}: an initial fast window (step size only, default 75 steps), slow
 *   windows (step size and metric) of 25, 50, 100, ... steps with the last one stretched to
 *   the terminal fast window (50 steps); when the warm-up is shorter than 75 + 25 + 50 steps
 *   the buffers become 15% / 75% / 10% of it (Stan's rule); under 20 steps: one fast window.
 *   For 500 steps: 75, 25, 50, 100, 200, 50.
 * - {@link DualAveraging}: Nesterov dual averaging of log(step size) (Hoffman & Gelman 2014,
 *   Algorithm 5, with Stan's constants gamma 0.05, t0 10, kappa 0.75 and mu = log(10 eps0)).
 * - {@link RunningVariance}: Welford's running mean and variance in float64, and Stan's
 *   regularized metric `n/(n+5) var + 1e-3 · 5/(n+5)`.
 *
 * Everything here is plain float64 JavaScript arithmetic on numbers (no tensors).
 */

/** One warm-up window: `fast` adapts the step size only; `slow` also the diagonal metric. */
export interface WarmupWindow { kind: 'fast' | 'slow'; size: number }

/**
 * Stan's warm-up windows for `numAdaptationSteps` steps (sizes sum to it).
 * @example `warmupWindows(500)` → fast 75, slow 25, 50, 100, 200, fast 50
 */
export function warmupWindows(numAdaptationSteps: number, initBuffer = 75, termBuffer = 50, baseWindow = 25): WarmupWindow[] {
  const n = numAdaptationSteps;
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`warmupWindows: numAdaptationSteps must be an integer >= 0; got ${String(n)}`);
  if (n === 0) return [];
  if (n < 20) return [{ kind: 'fast', size: n }];
  let init = initBuffer, term = termBuffer, base = baseWindow;
  if (init + term + base > n) {
    init = Math.floor(0.15 * n);
    term = Math.floor(0.1 * n);
    base = n - init - term;
  }
  const out: WarmupWindow[] = [{ kind: 'fast', size: init }];
  const slowEnd = n - term;
  let start = init, size = base;
  while (start < slowEnd) {
    let end = start + size;
    // Stan (compute_next_window): from the second slow window on, stretch a window to the
    // terminal buffer when the next (doubled) one would not fit before it.
    if (start > init && end + 2 * size > slowEnd) end = slowEnd;
    if (end > slowEnd) end = slowEnd;
    out.push({ kind: 'slow', size: end - start });
    start = end;
    size *= 2;
  }
  out.push({ kind: 'fast', size: term });
  return out.filter((w) => w.size > 0);
}

/**
 * Dual averaging of the log step size toward a target acceptance statistic.
 * @example
 * ```ts
 * const da = new DualAveraging(0.1, 0.8);
 * let eps = da.update(0.95); // larger step after a high acceptance
 * eps = da.final();           // exp of the averaged iterate, used after warm-up
 * ```
 */
export class DualAveraging {
  private mu = 0;
  private sBar = 0;
  private xBar = 0;
  private counter = 0;
  private x = 0;

  constructor(initialStepSize: number, readonly targetAcceptProb = 0.8,
    readonly gamma = 0.05, readonly t0 = 10, readonly kappa = 0.75) {
    this.restart(initialStepSize);
  }

  /** Restarts the averages around a new initial step size (Stan: mu = log(10 eps)). */
  restart(stepSize: number): void {
    this.mu = Math.log(10 * stepSize);
    this.sBar = 0; this.xBar = 0; this.counter = 0;
    this.x = Math.log(stepSize);
  }

  /** The current step size. */
  get stepSize(): number { return Math.exp(this.x); }

  /** One update with this step's acceptance statistic (NaN counts as 0); returns the new step size. */
  update(acceptStat: number): number {
    const a = Number.isNaN(acceptStat) ? 0 : Math.min(1, acceptStat);
    this.counter++;
    const eta = 1 / (this.counter + this.t0);
    this.sBar = (1 - eta) * this.sBar + eta * (this.targetAcceptProb - a);
    this.x = this.mu - (this.sBar * Math.sqrt(this.counter)) / this.gamma;
    const w = this.counter ** -this.kappa;
    this.xBar = (1 - w) * this.xBar + w * this.x;
    return Math.exp(this.x);
  }

  /** The step size to keep after adaptation: exp of the averaged iterate. */
  final(): number { return this.counter > 0 ? Math.exp(this.xBar) : Math.exp(this.x); }
}

/**
 * Welford's running mean and (population) variance of vectors, in float64.
 * @example
 * ```ts
 * const rv = new RunningVariance(2);
 * rv.add([1, 2]); rv.add([3, 2]);
 * rv.regularizedVariance(); // Stan's metric: n/(n+5) var + 1e-3 · 5/(n+5)
 * ```
 */
export class RunningVariance {
  count = 0;
  readonly mean: Float64Array;
  private readonly m2: Float64Array;

  constructor(readonly size: number) {
    this.mean = new Float64Array(size);
    this.m2 = new Float64Array(size);
  }

  /** Adds `x[offset .. offset + size)` scaled elementwise by `scale` (default 1). */
  add(x: ArrayLike<number>, offset = 0, scale?: ArrayLike<number>): void {
    this.count++;
    const n = this.count;
    for (let i = 0; i < this.size; i++) {
      const v = x[offset + i] * (scale ? scale[i] : 1);
      const d = v - this.mean[i];
      this.mean[i] += d / n;
      this.m2[i] += d * (v - this.mean[i]);
    }
  }

  /** The sample variance (n - 1 divisor, as Stan's estimator); NaN under 2 samples. */
  variance(): Float64Array {
    return this.m2.map((v) => (this.count > 1 ? v / (this.count - 1) : NaN));
  }

  /** Stan's regularized metric estimate: (n/(n+5)) var + 1e-3 (5/(n+5)). */
  regularizedVariance(): Float64Array {
    const n = this.count;
    return this.variance().map((v) => (n / (n + 5)) * v + 1e-3 * (5 / (n + 5)));
  }

  reset(): void { this.count = 0; this.mean.fill(0); this.m2.fill(0); }
}
