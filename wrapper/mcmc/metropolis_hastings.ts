/**
 * Metropolis–Hastings correction of an uncalibrated proposal kernel (TFP's
 * `tfp.mcmc.MetropolisHastings`).
 *
 * One step: split the seed in two (TFP on JAX: `samplers.split_seed(seed)` ->
 * proposal seed, acceptance seed), let the inner kernel propose from the last accepted
 * results, and accept chain by chain when `log(u) < logAcceptRatio` with
 * `u ~ Uniform(0, 1)` drawn with the acceptance seed in the shape of the target log-prob,
 *   logAcceptRatio = proposed.targetLogProb - accepted.targetLogProb + proposed.logAcceptanceCorrection
 * (the correction is 0 when the inner results have none). A NaN ratio counts as -inf
 * (rejected), like TFP's `safe_sum`. Accepted chains take the proposed state and results,
 * the others keep theirs (TFP's `mcmc_util.choose`).
 */
import { Tensor } from '../np/tensor.js';
import * as random from '../random/index.js';
import type { KeyLike } from '../types/random.js';
import type { KernelResults, State, TransitionKernel } from './kernel.js';
import { choose, chainTensor, type FloatType } from './util.js';

/** Results of {@link MetropolisHastings} (TFP's `MetropolisHastingsKernelResults`). */
export interface MetropolisHastingsResults<R extends KernelResults = KernelResults> extends KernelResults {
  /** The inner kernel's results at the accepted state (per chain). */
  readonly acceptedResults: R;
  /** Whether each chain accepted the proposal (bool, the target log-prob's shape). */
  readonly isAccepted: Tensor;
  /** log of the acceptance ratio, per chain. */
  readonly logAcceptRatio: Tensor;
  /** The inner kernel's proposal. */
  readonly proposedState: State;
  /** The inner kernel's results at the proposal. */
  readonly proposedResults: R;
  /** Always empty (TFP's `extra` slot). */
  readonly extra: unknown[];
}

/** Options of {@link MetropolisHastings}. */
export interface MetropolisHastingsOptions<R extends KernelResults = KernelResults> {
  /** An uncalibrated kernel whose results carry `targetLogProb` (and optionally `logAcceptanceCorrection`). */
  innerKernel: TransitionKernel<R>;
  name?: string;
}

/** @internal Splits a seed as TFP's `samplers.split_seed(seed, n)` does on JAX. */
export function splitSeed(seed: KeyLike, n: number): Tensor[] {
  const keys = random.split(seed, n);
  return Array.from({ length: n }, (_, i) => keys.index(i));
}

function targetOf(r: KernelResults, where: string): Tensor {
  const t = r.targetLogProb;
  if (!(t instanceof Tensor)) throw new TypeError(`MetropolisHastings: the inner kernel's ${where} results have no targetLogProb tensor`);
  return t;
}

/**
 * Metropolis–Hastings over an uncalibrated inner kernel.
 * @example
 * ```ts
 * const kernel = new mcmc.MetropolisHastings({
 *   innerKernel: new mcmc.UncalibratedHamiltonianMonteCarlo({ targetLogProbFn, stepSize: 0.1, numLeapfrogSteps: 10 }),
 * });
 * let results = kernel.bootstrapResults(x0);
 * let x = x0;
 * [x, results] = kernel.oneStep(x, results, random.key(0));
 * ```
 */
export class MetropolisHastings<R extends KernelResults = KernelResults> implements TransitionKernel<MetropolisHastingsResults<R>> {
  readonly innerKernel: TransitionKernel<R>;
  readonly isCalibrated = true;
  private readonly options: MetropolisHastingsOptions<R>;

  constructor(options: MetropolisHastingsOptions<R>) {
    if (!options || typeof options !== 'object') throw new TypeError('MetropolisHastings: options must be an object like { innerKernel }');
    const k = options.innerKernel as unknown as Record<string, unknown> | undefined;
    if (!k || typeof k.oneStep !== 'function' || typeof k.bootstrapResults !== 'function') {
      throw new TypeError('MetropolisHastings: innerKernel must be a transition kernel (with oneStep and bootstrapResults)');
    }
    this.options = { ...options };
    this.innerKernel = options.innerKernel;
  }

  /** The constructor options. */
  get parameters(): MetropolisHastingsOptions<R> {
    return { ...this.options };
  }

  /** A new kernel with some options replaced. */
  copy(overrides: Partial<MetropolisHastingsOptions<R>> = {}): MetropolisHastings<R> {
    return new MetropolisHastings({ ...this.options, ...overrides });
  }

  bootstrapResults(initState: State): MetropolisHastingsResults<R> {
    const inner = this.innerKernel.bootstrapResults(initState);
    const tlp = targetOf(inner, 'bootstrap');
    return {
      acceptedResults: inner,
      isAccepted: chainTensor(new Uint8Array(tlp.size).fill(1), tlp.shape, 'bool'),
      logAcceptRatio: chainTensor(new Float64Array(tlp.size), tlp.shape, tlp.dtype as FloatType),
      proposedState: initState,
      proposedResults: inner,
      extra: [],
    };
  }

  oneStep(currentState: State, previousKernelResults: MetropolisHastingsResults<R>, seed: KeyLike): [State, MetropolisHastingsResults<R>] {
    const [proposalSeed, acceptanceSeed] = splitSeed(seed, 2);
    const prev = previousKernelResults.acceptedResults;
    const [proposedState, proposedResults] = this.innerKernel.oneStep(currentState, prev, proposalSeed);
    const tNew = targetOf(proposedResults, 'proposed'), tOld = targetOf(prev, 'accepted');
    const corr = proposedResults.logAcceptanceCorrection as Tensor | undefined;
    const n = tNew.size;
    const ratio = new Float64Array(n);
    for (let c = 0; c < n; c++) {
      const r = Number(tNew._data[c]) - Number(tOld._data[tOld.size === 1 ? 0 : c]) + (corr ? Number(corr._data[corr.size === 1 ? 0 : c]) : 0);
      ratio[c] = Number.isNaN(r) ? -Infinity : r;
    }
    const dtype = tNew.dtype as FloatType;
    const u = random.uniform(acceptanceSeed, tNew.shape, dtype);
    const accept = new Uint8Array(n);
    const logRatio = chainTensor(ratio, tNew.shape, dtype);
    for (let c = 0; c < n; c++) accept[c] = Math.log(Number(u._data[c])) < logRatio._data[c] ? 1 : 0;
    const nextState = choose(accept, tNew.shape, proposedState, currentState);
    const results: MetropolisHastingsResults<R> = {
      acceptedResults: choose(accept, tNew.shape, proposedResults, prev),
      isAccepted: chainTensor(accept, tNew.shape, 'bool'),
      logAcceptRatio: logRatio,
      proposedState,
      proposedResults,
      extra: [],
    };
    return [nextState, results];
  }
}
