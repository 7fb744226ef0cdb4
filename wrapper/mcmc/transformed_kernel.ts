/**
 * `mcmc.TransformedTransitionKernel`: TFP's `tfp.mcmc.TransformedTransitionKernel` — runs an
 * inner kernel on an unconstrained space u and maps its states to the target's support with
 * a bijector's `forward`. The inner kernel's target becomes
 *
 *   target_u(u) = target(forward(u)) + forwardLogDetJacobian(u, eventNdims)
 *
 * summed over parts, with eventNdims = rank(u part) - rank(target(...)) (the dimensions that
 * are not chain dimensions), exactly TFP's `make_transformed_log_prob(direction='forward')`.
 * States are given and returned in the constrained space; the unconstrained state is kept in
 * the results as `transformedState` (the inner kernel steps from it, so `forward` is never
 * inverted during the chain). `bootstrapResults(initState)` computes `inverse(initState)`, or
 * takes the unconstrained state directly as `bootstrapResults(null, transformedInitState)`.
 *
 * The target is installed by finding the innermost kernel whose `parameters` has
 * `targetLogProbFn` (through `parameters.innerKernel`, e.g. through step-size adaptation)
 * and rebuilding it and every wrapper above it with `copy` (TFP's `_update_target_log_prob`).
 * `bijector` is one Bijector for a single-tensor state, an array of Bijectors (one per part),
 * or a `JointMap` over an array. The seed is passed unchanged to the inner kernel.
 */
import { Tensor } from '../np/tensor.js';
import * as np from '../np/index.js';
import type { KeyLike } from '../types/random.js';
import { Bijector } from '../bijectors/bijector.js';
import { JointMap } from '../bijectors/joint_map.js';
import { fromParts, stateParts, type KernelResults, type State, type TargetLogProbFn, type TransitionKernel } from './kernel.js';

/** Options of {@link TransformedTransitionKernel}. */
export interface TransformedTransitionKernelOptions {
  /** A kernel with a `targetLogProbFn` parameter, or a wrapper of one (e.g. step-size adaptation). */
  innerKernel: TransitionKernel;
  /** Maps the unconstrained space to the target's support: one bijector, one per part, or a JointMap of an array. */
  bijector: Bijector | readonly Bijector[];
}

/** Kernel results of {@link TransformedTransitionKernel}. */
export interface TransformedTransitionKernelResults extends KernelResults {
  /** The chain state in the unconstrained space (what the inner kernel sees). */
  readonly transformedState: State;
  /** The inner kernel's results. */
  readonly innerResults: KernelResults;
}

/** A kernel with TFP-style `parameters` and `copy`. */
interface CopyableKernel extends TransitionKernel {
  readonly parameters: Readonly<Record<string, unknown>>;
  copy(overrides: Record<string, unknown>): TransitionKernel;
}

function isCopyable(k: unknown): k is CopyableKernel {
  return !!k && typeof k === 'object' && typeof (k as CopyableKernel).copy === 'function'
    && typeof (k as CopyableKernel).parameters === 'object' && (k as CopyableKernel).parameters !== null;
}

/** The kernels from `kernel` down to the one holding `targetLogProbFn` (TFP's `_make_kernel_stack`). */
function kernelStack(kernel: TransitionKernel): CopyableKernel[] {
  const stack: CopyableKernel[] = [];
  let k: unknown = kernel;
  for (;;) {
    if (!isCopyable(k)) {
      throw new TypeError('TransformedTransitionKernel: every kernel down to the one with targetLogProbFn must expose `parameters` and `copy(overrides)`');
    }
    stack.push(k);
    if ('targetLogProbFn' in k.parameters) return stack;
    if (!('innerKernel' in k.parameters)) {
      throw new TypeError('TransformedTransitionKernel: none of the nested inner kernels has a targetLogProbFn');
    }
    k = k.parameters.innerKernel;
  }
}

function bijectorList(b: unknown): Bijector[] | null {
  if (b instanceof JointMap) {
    if (!Array.isArray(b.bijectors)) throw new TypeError('TransformedTransitionKernel: a JointMap bijector must be over an array (states are arrays of parts)');
    return [...(b.bijectors as readonly Bijector[])];
  }
  if (b instanceof Bijector) return null;
  if (Array.isArray(b) && b.length > 0 && b.every((x) => x instanceof Bijector)) return [...b];
  throw new TypeError('TransformedTransitionKernel: bijector must be a Bijector, an array of Bijectors, or a JointMap of an array');
}

/**
 * Runs an inner kernel in an unconstrained space mapped to the target's support by a bijector.
 * @example
 * ```ts
 * const gamma = new tfd.Gamma({ concentration: 2, rate: 3 });
 * const kernel = new mcmc.TransformedTransitionKernel({
 *   innerKernel: new mcmc.HamiltonianMonteCarlo({ targetLogProbFn: (x) => gamma.logProb(x), stepSize: 0.3, numLeapfrogSteps: 5 }),
 *   bijector: new tfb.Exp(),
 * });
 * const { allStates } = mcmc.sampleChain({ numResults: 1000, currentState: np.ones([4]), kernel, seed: random.key(0) });
 * ```
 */
export class TransformedTransitionKernel implements TransitionKernel<TransformedTransitionKernelResults> {
  readonly parameters: Readonly<TransformedTransitionKernelOptions>;
  /** The inner kernel rebuilt with the transformed target (what actually runs). */
  readonly transformedInnerKernel: TransitionKernel;
  private readonly list: Bijector[] | null;

  constructor(options: TransformedTransitionKernelOptions) {
    if (!options || typeof options !== 'object') throw new TypeError('TransformedTransitionKernel: expected an options object');
    this.parameters = Object.freeze({ innerKernel: options.innerKernel, bijector: options.bijector });
    this.list = bijectorList(options.bijector);
    const stack = kernelStack(options.innerKernel);
    const target = stack[stack.length - 1].parameters.targetLogProbFn as TargetLogProbFn;
    if (typeof target !== 'function') throw new TypeError('TransformedTransitionKernel: the inner targetLogProbFn is not a function');
    const transformed: TargetLogProbFn = (...u: Tensor[]) => {
      const x = this.forwardParts(u);
      const tlp = np.asarray(target(...x));
      let out = tlp;
      u.forEach((part, i) => {
        const eventNdims = part.ndim - tlp.ndim;
        if (eventNdims < 0) {
          throw new RangeError(`TransformedTransitionKernel: state part ${i} has rank ${part.ndim}, below the rank ${tlp.ndim} of the target log-prob`);
        }
        out = np.add(out, this.bijectorFor(i, u.length).forwardLogDetJacobian(part, eventNdims));
      });
      return out;
    };
    let k = stack[stack.length - 1].copy({ targetLogProbFn: transformed });
    for (let i = stack.length - 2; i >= 0; i--) k = stack[i].copy({ innerKernel: k });
    this.transformedInnerKernel = k;
  }

  /** The kernel given (with the original target). */
  get innerKernel(): TransitionKernel { return this.parameters.innerKernel; }
  /** The bijector(s) given. */
  get bijector(): Bijector | readonly Bijector[] { return this.parameters.bijector; }
  /** As calibrated as the inner kernel. */
  get isCalibrated(): boolean { return this.transformedInnerKernel.isCalibrated; }

  /** A new kernel with some options replaced (TFP's `copy`). */
  copy(overrides: Partial<TransformedTransitionKernelOptions> = {}): TransformedTransitionKernel {
    return new TransformedTransitionKernel({ ...this.parameters, ...overrides });
  }

  private bijectorFor(i: number, nParts: number): Bijector {
    if (this.list === null) {
      if (nParts !== 1) throw new RangeError(`TransformedTransitionKernel: the state has ${nParts} parts but a single bijector was given; pass one bijector per part`);
      return this.parameters.bijector as Bijector;
    }
    if (this.list.length !== nParts) throw new RangeError(`TransformedTransitionKernel: the state has ${nParts} parts, but there are ${this.list.length} bijectors`);
    return this.list[i];
  }

  private forwardParts(u: readonly Tensor[]): Tensor[] {
    return u.map((p, i) => this.bijectorFor(i, u.length).forward(p));
  }

  private inverseParts(x: readonly Tensor[]): Tensor[] {
    return x.map((p, i) => this.bijectorFor(i, x.length).inverse(p));
  }

  /**
   * Results at a constrained `initState` (its inverse image starts the inner chain), or —
   * with `initState` null — at the unconstrained `transformedInitState`.
   */
  bootstrapResults(initState?: State | null, transformedInitState?: State): TransformedTransitionKernelResults {
    const hasInit = initState !== undefined && initState !== null;
    if (hasInit === (transformedInitState !== undefined && transformedInitState !== null)) {
      throw new TypeError('TransformedTransitionKernel.bootstrapResults: give exactly one of initState and transformedInitState');
    }
    let u: State;
    if (hasInit) {
      const { parts, single } = stateParts(asState(initState));
      u = fromParts(this.inverseParts(parts), single);
    } else {
      u = asState(transformedInitState as State);
    }
    return { transformedState: u, innerResults: this.transformedInnerKernel.bootstrapResults(u) };
  }

  /** One inner step from `previousKernelResults.transformedState`; returns the forward image. */
  oneStep(currentState: State, previousKernelResults: TransformedTransitionKernelResults, seed: KeyLike): [State, TransformedTransitionKernelResults] {
    void currentState; // TFP: the inner kernel continues from the stored unconstrained state
    const [uNext, innerResults] = this.transformedInnerKernel.oneStep(previousKernelResults.transformedState, previousKernelResults.innerResults, seed);
    const { parts, single } = stateParts(uNext);
    return [fromParts(this.forwardParts(parts), single), { transformedState: uNext, innerResults }];
  }
}

function asState(s: State | unknown): State {
  if (Array.isArray(s) && s.length > 0 && s.every((p) => p instanceof Tensor)) return s as Tensor[];
  return np.asarray(s as Tensor);
}
