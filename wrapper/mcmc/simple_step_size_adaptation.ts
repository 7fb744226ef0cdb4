/**
 * `mcmc.SimpleStepSizeAdaptation`: TFP's `tfp.mcmc.SimpleStepSizeAdaptation` — during the
 * first `numAdaptationSteps` steps, multiplies the inner kernel's step size by
 * (1 + adaptationRate) when the (chain-averaged) acceptance probability of the last step
 * exceeds `targetAcceptProb`, and divides it by (1 + adaptationRate) otherwise (Andrieu &
 * Thoms 2008, eq. 19). Afterwards the step size stays fixed.
 *
 * The step size is read from and written to the inner kernel's results with
 * `stepSizeGetterFn` / `stepSizeSetterFn` (defaults: the innermost `stepSize`, which works for
 * `HamiltonianMonteCarlo` — `acceptedResults.stepSize` inside the MetropolisHastings results —
 * and `NoUTurnSampler` — top-level `stepSize`, also through `TransformedTransitionKernel`);
 * the inner kernel uses the step size found in the results it is given. The acceptance
 * probability is exp(min(0, logAcceptRatio)) (`logAcceptProbGetterFn`). A scalar step size
 * adapts to the mean acceptance probability over all chains; a step size with leading chain
 * dimensions (e.g. [nChains, 1]) adapts each chain separately (see step_size_adaptation.ts).
 * Randomness: the seed is passed unchanged to the inner kernel (as TFP).
 */
import type { Tensor } from '../np/tensor.js';
import * as np from '../np/index.js';
import type { KeyLike } from '../types/random.js';
import { stateParts, type KernelResults, type State, type TransitionKernel } from './kernel.js';
import {
  adaptationCommon, padRight, reduceLogAcceptProb, stateDtype, stepSizeParts,
  type LogAcceptProbGetterFn, type StepSize, type StepSizeGetterFn, type StepSizeSetterFn,
} from './step_size_adaptation.js';

/** Options of {@link SimpleStepSizeAdaptation} (TFP's names in camelCase). */
export interface SimpleStepSizeAdaptationOptions {
  /** The kernel whose step size is adapted (e.g. HamiltonianMonteCarlo). */
  innerKernel: TransitionKernel;
  /** Number of initial steps during which the step size changes (integer >= 0). */
  numAdaptationSteps: number;
  /** Target acceptance probability in (0, 1), scalar or per chain. Default 0.75. */
  targetAcceptProb?: number | Tensor;
  /** Relative change of the step size per step. Default 0.01. */
  adaptationRate?: number | Tensor;
  /** Writes the step size into the inner results. Default: the innermost `stepSize`. */
  stepSizeSetterFn?: StepSizeSetterFn;
  /** Reads the step size from the inner results. Default: the innermost `stepSize`. */
  stepSizeGetterFn?: StepSizeGetterFn;
  /** Reads log(acceptance probability). Default: min(0, innermost `logAcceptRatio`). */
  logAcceptProbGetterFn?: LogAcceptProbGetterFn;
}

/** Kernel results of {@link SimpleStepSizeAdaptation}. */
export interface SimpleStepSizeAdaptationResults extends KernelResults {
  /** The inner kernel's results. */
  readonly innerResults: KernelResults;
  readonly targetAcceptProb: number | Tensor;
  readonly adaptationRate: number | Tensor;
  /** Number of `oneStep` calls so far. */
  readonly step: number;
  /** The step size the inner kernel uses at the next step. */
  readonly newStepSize: StepSize;
}

/**
 * Multiplicative step-size adaptation toward a target acceptance probability.
 * @example
 * ```ts
 * const kernel = new mcmc.SimpleStepSizeAdaptation({
 *   innerKernel: new mcmc.HamiltonianMonteCarlo({ targetLogProbFn, stepSize: 0.5, numLeapfrogSteps: 3 }),
 *   numAdaptationSteps: 400,
 * });
 * const { trace } = mcmc.sampleChain({ numResults: 500, numBurninSteps: 500, currentState: np.zeros([4, 2]),
 *   kernel, traceFn: (_, r) => r.newStepSize, seed: random.key(0) });
 * ```
 */
export class SimpleStepSizeAdaptation implements TransitionKernel<SimpleStepSizeAdaptationResults> {
  readonly parameters: Readonly<Required<SimpleStepSizeAdaptationOptions>>;

  constructor(options: SimpleStepSizeAdaptationOptions) {
    const name = 'SimpleStepSizeAdaptation';
    const common = adaptationCommon(options, name);
    this.parameters = Object.freeze({
      ...common,
      adaptationRate: options.adaptationRate ?? 0.01,
    });
  }

  /** The wrapped kernel. */
  get innerKernel(): TransitionKernel { return this.parameters.innerKernel; }
  /** Number of adaptation steps. */
  get numAdaptationSteps(): number { return this.parameters.numAdaptationSteps; }
  /** Calibrated when the inner kernel is (adaptation itself breaks detailed balance while it runs). */
  get isCalibrated(): boolean { return this.innerKernel.isCalibrated; }

  /** A new kernel with some options replaced (TFP's `copy`). */
  copy(overrides: Partial<SimpleStepSizeAdaptationOptions> = {}): SimpleStepSizeAdaptation {
    return new SimpleStepSizeAdaptation({ ...this.parameters, ...overrides });
  }

  /** Results at `initState`: the inner kernel's, with the step size it starts from. */
  bootstrapResults(initState: State): SimpleStepSizeAdaptationResults {
    const innerResults = this.innerKernel.bootstrapResults(initState);
    return {
      innerResults,
      targetAcceptProb: this.parameters.targetAcceptProb,
      adaptationRate: this.parameters.adaptationRate,
      step: 0,
      newStepSize: this.parameters.stepSizeGetterFn(innerResults),
    };
  }

  /** One inner step with the current step size, then the multiplicative update. */
  oneStep(currentState: State, previousKernelResults: SimpleStepSizeAdaptationResults, seed: KeyLike): [State, SimpleStepSizeAdaptationResults] {
    const p = this.parameters, prev = previousKernelResults;
    const innerIn = p.stepSizeSetterFn(prev.innerResults, prev.newStepSize);
    const [newState, newInner] = this.innerKernel.oneStep(currentState, innerIn, seed);
    const logAcceptProb = np.asarray(p.logAcceptProbGetterFn(newInner));
    const { parts: states } = stateParts(currentState);
    const dtype = stateDtype(states);
    const { parts: steps, list } = stepSizeParts(p.stepSizeGetterFn(newInner), dtype);
    const adapting = prev.step < p.numAdaptationSteps;
    const logTarget = np.log(np.asarray(prev.targetAcceptProb, logAcceptProb.dtype));
    const factor = np.add(1, np.asarray(prev.adaptationRate, dtype));
    const newSteps = steps.map((s, i) => {
      if (!adapting) return s;
      const reduced = reduceLogAcceptProb(logAcceptProb, states[Math.min(i, states.length - 1)], s, false);
      const up = padRight(np.greater(reduced, logTarget), s.ndim);
      return np.astype(np.where(up, np.multiply(s, factor), np.divide(s, factor)), s.dtype);
    });
    return [newState, {
      innerResults: newInner,
      targetAcceptProb: prev.targetAcceptProb,
      adaptationRate: prev.adaptationRate,
      step: prev.step + 1,
      newStepSize: list ? newSteps : newSteps[0],
    }];
  }
}
