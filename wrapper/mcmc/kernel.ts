/**
 * The MCMC transition-kernel protocol (TFP's `tfp.mcmc.TransitionKernel`).
 *
 * A state is one tensor or an array of tensors (one per model part, e.g. `[w, b]`); with
 * several chains, every part has a leading chain dimension and the target log-prob returns
 * one value per chain. `oneStep` is pure: it returns the next state and kernel results and
 * never mutates its arguments; the randomness comes only from `seed`.
 */
import type { Tensor } from '../np/tensor.js';
import type { KeyLike } from '../types/random.js';

/** A chain state: one tensor, or one tensor per part. */
export type State = Tensor | Tensor[];

/**
 * The unnormalized log density of the state's parts, called as `targetLogProbFn(...parts)`
 * (TFP's convention). With chains, it returns one value per chain (shape [nChains]).
 */
export type TargetLogProbFn = (...parts: Tensor[]) => Tensor;

/** Results every kernel reports; kernels add their own fields. */
export interface KernelResults {
  readonly [field: string]: unknown;
}

/**
 * A Markov transition kernel.
 * @example
 * ```ts
 * const kernel = new mcmc.HamiltonianMonteCarlo({ targetLogProbFn, stepSize: 0.1, numLeapfrogSteps: 10 });
 * let results = kernel.bootstrapResults(state);
 * [state, results] = kernel.oneStep(state, results, seed);
 * ```
 */
export interface TransitionKernel<R extends KernelResults = KernelResults> {
  /** One transition from `currentState`. */
  oneStep(currentState: State, previousKernelResults: R, seed: KeyLike): [State, R];
  /** The kernel results for a chain starting at `initState`. */
  bootstrapResults(initState: State): R;
  /** Whether the kernel leaves the target invariant on its own (false for the Uncalibrated* kernels). */
  readonly isCalibrated: boolean;
}

/**
 * The state's parts as an array (and whether it was a single tensor).
 * @example `const { parts, single } = mcmc.stateParts([w, b]); // parts = [w, b], single = false`
 */
export function stateParts(state: State): { parts: Tensor[]; single: boolean } {
  return Array.isArray(state) ? { parts: state, single: false } : { parts: [state], single: true };
}

/**
 * Rebuilds a state of the original structure from parts.
 * @example `mcmc.fromParts([x], true) // x`
 */
export function fromParts(parts: Tensor[], single: boolean): State {
  return single ? parts[0] : parts;
}
