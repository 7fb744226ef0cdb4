/**
 * `mcmc.sampleChain`: TFP's `tfp.mcmc.sample_chain` — runs a transition kernel and stacks
 * the visited states and a trace of the kernel results along a new leading axis.
 *
 * Schedule (as TFP's `trace_scan`): the first result is taken after `1 + numBurninSteps`
 * kernel steps, each further result after `1 + numStepsBetweenResults` steps, so
 * `numBurninSteps + 1 + (numResults - 1) (numStepsBetweenResults + 1)` steps in all.
 * Seeds, as TFP on JAX: the key is salted once, `seed = random.foldIn(seed, salt)` with
 * TFP's salt for 'mcmc.sample_chain' (the low 32 bits of the SHA-512 of that string,
 * 0x8c0a7cea), then every step splits `[stepSeed, seed] = random.split(seed, 2)` and passes
 * `stepSeed` to `kernel.oneStep`. Keys match TFP's key use; float results are not
 * bit-identical (arithmetic order differs).
 *
 * Several independent chains are a leading dimension of every state part (the target
 * returns one log-prob per chain); `allStates` then has shape [numResults, nChains, ...].
 * `sampleChainAsync` is the same loop yielding to the event loop between batches of steps,
 * for progress bars in browsers and servers; both take an `onProgress` callback.
 */
import { Tensor } from '../np/tensor.js';
import * as np from '../np/index.js';
import * as random from '../random/index.js';
import type { KeyLike } from '../types/random.js';
import type { ArrayLike } from '../types/dtype.js';
import type { KernelResults, State, TransitionKernel } from './kernel.js';
import { releaseKernelBuffers } from './leapfrog.js';

/** TFP's salt for `sample_chain`: sha512('mcmc.sample_chain') mod 2^32. */
const SAMPLE_CHAIN_SALT = 0x8c0a7cea;

/** Progress of a running chain, passed to `onProgress` after every kernel step. */
export interface SampleChainProgress {
  /** Kernel steps done so far (burn-in and thinning steps included). */
  step: number;
  /** Kernel steps the whole run takes. */
  totalSteps: number;
  /** Results recorded so far. */
  numResultsDone: number;
  /** `'burnin'` until the first result is recorded, then `'sampling'`. */
  phase: 'burnin' | 'sampling';
}

/** Options of {@link sampleChain} (TFP's `sample_chain` arguments in camelCase). */
export interface SampleChainOptions<R extends KernelResults = KernelResults, T = unknown> {
  /** Number of states to return (>= 1). */
  numResults: number;
  /** The starting state: a tensor (or array-like), or an array of tensors (one per part). */
  currentState: State | ArrayLike;
  /** The transition kernel. */
  kernel: TransitionKernel<R>;
  /** Steps taken before the first result (default 0). */
  numBurninSteps?: number;
  /** Steps discarded between consecutive results (thinning; default 0). */
  numStepsBetweenResults?: number;
  /**
   * What to record at each result, from the state and the kernel results (default: the kernel
   * results themselves). `null` records nothing (`trace` is then an empty array). The value may
   * nest arrays and plain objects of tensors, numbers and booleans.
   */
  traceFn?: ((state: State, kernelResults: R) => T) | null;
  /** Also return the kernel results after the last step (to resume a chain). Default false. */
  returnFinalKernelResults?: boolean;
  /** PRNG key (required: chains are reproducible). */
  seed: KeyLike;
  /** Kernel results to start from (default `kernel.bootstrapResults(currentState)`). */
  previousKernelResults?: R;
  /** Called after every kernel step (synchronously). */
  onProgress?: (progress: SampleChainProgress) => void;
}

/** Options of {@link sampleChainAsync}: those of {@link sampleChain} plus how often to yield. */
export interface SampleChainAsyncOptions<R extends KernelResults = KernelResults, T = unknown> extends SampleChainOptions<R, T> {
  /** Yield to the event loop after this many milliseconds of work (default 20). */
  yieldEveryMs?: number;
}

/** A trace value with every tensor/number/boolean leaf stacked along a new axis 0. */
export type Stacked<T> = unknown extends T ? unknown
  : T extends Tensor | number | boolean ? Tensor
  : T extends readonly unknown[] ? { [K in keyof T]: Stacked<T[K]> }
  : T extends null | undefined ? T
  : T extends object ? { [K in keyof T]: Stacked<T[K]> } : never;

/** What {@link sampleChain} returns. */
export interface SampleChainResult<R extends KernelResults = KernelResults, T = unknown> {
  /** The states, each part stacked along a new axis 0: [numResults, ...part.shape]. */
  allStates: State;
  /** `traceFn`'s values stacked along a new axis 0 (numbers via `np.asarray`). */
  trace: Stacked<T>;
  /** The kernel results after the last step, when `returnFinalKernelResults` is set. */
  finalKernelResults?: R;
}

interface Plan<R extends KernelResults, T> {
  kernel: TransitionKernel<R>;
  state: State;
  single: boolean;
  results: R;
  seed: Tensor;
  chunks: number[];
  totalSteps: number;
  traceFn: ((state: State, r: R) => T) | null;
  states: Tensor[][];
  traces: T[];
  options: SampleChainOptions<R, T>;
}

function checkCount(v: unknown, name: string, min: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min) {
    throw new RangeError(`sampleChain: ${name} must be an integer >= ${min}; got ${typeof v === 'number' ? v : typeof v}`);
  }
  return v;
}

function plan<R extends KernelResults, T>(options: SampleChainOptions<R, T>): Plan<R, T> {
  if (options === null || typeof options !== 'object') throw new TypeError('sampleChain: expected an options object');
  const numResults = checkCount(options.numResults, 'numResults', 1);
  const burnin = checkCount(options.numBurninSteps ?? 0, 'numBurninSteps', 0);
  const between = checkCount(options.numStepsBetweenResults ?? 0, 'numStepsBetweenResults', 0);
  const kernel = options.kernel;
  if (!kernel || typeof kernel.oneStep !== 'function' || typeof kernel.bootstrapResults !== 'function') {
    throw new TypeError('sampleChain: kernel must be a TransitionKernel (with oneStep and bootstrapResults)');
  }
  if (options.seed === undefined || options.seed === null) {
    throw new TypeError('sampleChain: seed is required (a PRNG key, e.g. random.key(0))');
  }
  if (options.currentState === undefined || options.currentState === null) {
    throw new TypeError('sampleChain: currentState is required');
  }
  if (options.traceFn !== undefined && options.traceFn !== null && typeof options.traceFn !== 'function') {
    throw new TypeError('sampleChain: traceFn must be a function or null');
  }
  const cs = options.currentState;
  const single = !(Array.isArray(cs) && cs.length > 0 && cs.every((p) => p instanceof Tensor));
  const state: State = single ? np.asarray(cs as ArrayLike) : [...(cs as Tensor[])];
  const results = options.previousKernelResults ?? kernel.bootstrapResults(state);
  const chunks = [1 + burnin, ...new Array<number>(numResults - 1).fill(1 + between)];
  const traceFn = options.traceFn === null ? null : (options.traceFn ?? ((_s: State, r: R) => r as unknown as T));
  return {
    kernel, state, single, results, seed: random.foldIn(options.seed, SAMPLE_CHAIN_SALT), chunks,
    totalSteps: chunks.reduce((a, b) => a + b, 0), traceFn, states: [], traces: [], options,
  };
}

/** One kernel step with TFP's seed split; returns the steps done so far. */
function step<R extends KernelResults, T>(p: Plan<R, T>, done: number, resultsDone: number): number {
  const keys = random.split(p.seed, 2);
  p.seed = keys.index(1);
  [p.state, p.results] = p.kernel.oneStep(p.state, p.results, keys.index(0));
  done += 1;
  p.options.onProgress?.({ step: done, totalSteps: p.totalSteps, numResultsDone: resultsDone, phase: resultsDone === 0 ? 'burnin' : 'sampling' });
  return done;
}

function record<R extends KernelResults, T>(p: Plan<R, T>): void {
  p.states.push(Array.isArray(p.state) ? [...p.state] : [p.state]);
  if (p.traceFn) p.traces.push(p.traceFn(p.state, p.results));
}

function stackTree(values: unknown[], path: string): unknown {
  const first = values[0];
  if (first instanceof Tensor) return np.stack(values as Tensor[]);
  if (typeof first === 'number' || typeof first === 'boolean') return np.asarray(values as number[]);
  if (first === null || first === undefined) return first;
  if (Array.isArray(first)) return first.map((_, i) => stackTree(values.map((v) => (v as unknown[])[i]), `${path}[${i}]`));
  if (typeof first === 'object' && (Object.getPrototypeOf(first) === Object.prototype || Object.getPrototypeOf(first) === null)) {
    return Object.fromEntries(Object.keys(first).map((k) => [k, stackTree(values.map((v) => (v as Record<string, unknown>)[k]), `${path}.${k}`)]));
  }
  throw new TypeError(`sampleChain: cannot stack the trace value at ${path} (${typeof first === 'object' ? first.constructor?.name ?? 'object' : typeof first}); traceFn should return tensors, numbers, booleans, or arrays/plain objects of them`);
}

function finish<R extends KernelResults, T>(p: Plan<R, T>): SampleChainResult<R, T> {
  const nParts = p.states[0].length;
  const parts = Array.from({ length: nParts }, (_, i) => np.stack(p.states.map((s) => s[i])));
  const out: SampleChainResult<R, T> = {
    allStates: p.single ? parts[0] : parts,
    trace: (p.traceFn ? stackTree(p.traces, 'trace') : []) as Stacked<T>,
  };
  if (p.options.returnFinalKernelResults) out.finalKernelResults = p.results;
  return out;
}

/**
 * Runs `kernel` from `currentState` and returns the states and trace (TFP's `sample_chain`).
 * @example
 * ```ts
 * const kernel = new mcmc.HamiltonianMonteCarlo({ targetLogProbFn, stepSize: 0.1, numLeapfrogSteps: 10 });
 * const { allStates, trace } = mcmc.sampleChain({
 *   numResults: 1000, numBurninSteps: 500, currentState: np.zeros([10, 2]), // 10 chains
 *   kernel, traceFn: (_, r) => r.isAccepted, seed: random.key(0),
 * });
 * allStates.shape; // [1000, 10, 2]
 * ```
 */
export function sampleChain<R extends KernelResults = KernelResults, T = R>(options: SampleChainOptions<R, T>): SampleChainResult<R, T> {
  const p = plan(options);
  let done = 0;
  try {
    for (const n of p.chunks) {
      for (let i = 0; i < n; i++) done = step(p, done, p.states.length);
      record(p);
    }
  } finally {
    releaseKernelBuffers(p.kernel);
  }
  return finish(p);
}

/**
 * {@link sampleChain} that yields to the event loop every `yieldEveryMs` milliseconds of
 * work, so a page stays responsive and `onProgress` can repaint a progress bar. Same keys,
 * same results as `sampleChain`.
 * @example
 * ```ts
 * const { allStates } = await mcmc.sampleChainAsync({
 *   numResults: 500, currentState: init, kernel, seed: random.key(1),
 *   onProgress: ({ step, totalSteps }) => bar.update(step / totalSteps),
 * });
 * ```
 */
export async function sampleChainAsync<R extends KernelResults = KernelResults, T = R>(
  options: SampleChainAsyncOptions<R, T>,
): Promise<SampleChainResult<R, T>> {
  const p = plan(options);
  const every = options.yieldEveryMs ?? 20;
  if (typeof every !== 'number' || !(every >= 0)) throw new RangeError(`sampleChainAsync: yieldEveryMs must be a number >= 0; got ${String(every)}`);
  let done = 0;
  let last = Date.now();
  try {
    for (const n of p.chunks) {
      for (let i = 0; i < n; i++) {
        done = step(p, done, p.states.length);
        if (Date.now() - last >= every) {
          await new Promise<void>((resolve) => setTimeout(resolve, 0));
          last = Date.now();
        }
      }
      record(p);
    }
  } finally {
    releaseKernelBuffers(p.kernel);
  }
  return finish(p);
}
