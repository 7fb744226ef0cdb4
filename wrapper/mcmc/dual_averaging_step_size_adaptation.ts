/**
 * `mcmc.DualAveragingStepSizeAdaptation`: TFP's `tfp.mcmc.DualAveragingStepSizeAdaptation`
 * — Nesterov (2009) dual averaging of log(step size) as in Hoffman & Gelman (2014, NUTS
 * paper, Algorithm 5). With t = step + 1 (the step count of the update), the error sum
 * H_t = H_{t-1} + targetAcceptProb - acceptProb_t (acceptance averaged over the chains that
 * share a step size, in probability space), and
 *
 *   log eps_t    = mu - H_t sqrt(t) / ((t + stepCountSmoothing) explorationShrinkage)
 *   log epsbar_t = t^-decayRate log eps_t + (1 - t^-decayRate) log epsbar_{t-1}
 *
 * where mu = log(shrinkageTarget), by default log(10 eps_0). While step < numAdaptationSteps
 * the kernel uses eps_t; at step == numAdaptationSteps it switches to the averaged epsbar and
 * keeps it from then on (TFP's exact schedule). Defaults as TFP: targetAcceptProb 0.75,
 * explorationShrinkage 0.05, stepCountSmoothing 10, decayRate 0.75.
 *
 * Step sizes are read from and written to the inner results with the same getter/setter
 * defaults as SimpleStepSizeAdaptation (innermost `stepSize`: HMC's
 * `acceptedResults.stepSize`, NUTS's top-level `stepSize`); the inner kernel uses the step
 * size found in the results it is given. Per-chain step sizes (leading chain dims, e.g.
 * [nChains, 1]) adapt per chain; a scalar one to the chains' mean acceptance probability.
 * The seed is passed unchanged to the inner kernel (as TFP).
 */
import type { Tensor } from '../np/tensor.js';
import * as np from '../np/index.js';
import type { KeyLike } from '../types/random.js';
import { stateParts, type KernelResults, type State, type TransitionKernel } from './kernel.js';
import {
  adaptationCommon, padRight, reduceLogAcceptProb, stateDtype, stepSizeParts,
  type LogAcceptProbGetterFn, type StepSize, type StepSizeGetterFn, type StepSizeSetterFn,
} from './step_size_adaptation.js';

/** Options of {@link DualAveragingStepSizeAdaptation} (TFP's names in camelCase). */
export interface DualAveragingStepSizeAdaptationOptions {
  /** The kernel whose step size is adapted (HamiltonianMonteCarlo, NoUTurnSampler, ...). */
  innerKernel: TransitionKernel;
  /** Number of initial steps during which the step size changes (integer >= 0). */
  numAdaptationSteps: number;
  /** Target acceptance probability in (0, 1), scalar or per chain. Default 0.75 (TFP's default for every kernel). */
  targetAcceptProb?: number | Tensor;
  /** How strongly exploration is pulled toward the shrinkage target (gamma). Default 0.05. */
  explorationShrinkage?: number;
  /** The step size exploration is biased toward. Default: 10 times the initial step size. */
  shrinkageTarget?: number | Tensor | readonly (number | Tensor)[] | null;
  /** Pseudo-steps added to the step count (t0). Default 10. */
  stepCountSmoothing?: number;
  /** Averaging weight decay (kappa); 1 weighs all history equally. Default 0.75. */
  decayRate?: number;
  /** Writes the step size into the inner results. Default: the innermost `stepSize`. */
  stepSizeSetterFn?: StepSizeSetterFn;
  /** Reads the step size from the inner results. Default: the innermost `stepSize`. */
  stepSizeGetterFn?: StepSizeGetterFn;
  /** Reads log(acceptance probability). Default: min(0, innermost `logAcceptRatio`). */
  logAcceptProbGetterFn?: LogAcceptProbGetterFn;
}

/** Kernel results of {@link DualAveragingStepSizeAdaptation} (TFP's fields in camelCase). */
export interface DualAveragingStepSizeAdaptationResults extends KernelResults {
  readonly innerResults: KernelResults;
  /** Number of `oneStep` calls so far. */
  readonly step: number;
  readonly targetAcceptProb: number | Tensor;
  /** log(shrinkage target), one per step-size part. */
  readonly logShrinkageTarget: Tensor[];
  readonly explorationShrinkage: number;
  readonly stepCountSmoothing: number;
  readonly decayRate: number;
  /** Accumulated targetAcceptProb - acceptProb, one per step-size part. */
  readonly errorSum: Tensor[];
  /** log of the averaged step size, one per step-size part. */
  readonly logAveragingStep: Tensor[];
  /** The step size the inner kernel uses at the next step. */
  readonly newStepSize: StepSize;
}

/**
 * Dual-averaging step-size adaptation (the scheme Stan uses during warm-up).
 * @example
 * ```ts
 * const kernel = new mcmc.DualAveragingStepSizeAdaptation({
 *   innerKernel: new mcmc.NoUTurnSampler({ targetLogProbFn, stepSize: 0.1 }),
 *   numAdaptationSteps: 400, targetAcceptProb: 0.8,
 * });
 * ```
 */
export class DualAveragingStepSizeAdaptation implements TransitionKernel<DualAveragingStepSizeAdaptationResults> {
  readonly parameters: Readonly<Required<DualAveragingStepSizeAdaptationOptions>>;

  constructor(options: DualAveragingStepSizeAdaptationOptions) {
    const name = 'DualAveragingStepSizeAdaptation';
    const common = adaptationCommon(options, name);
    const positive = (v: number | undefined, d: number, what: string): number => {
      const x = v ?? d;
      if (typeof x !== 'number' || !(x > 0)) throw new RangeError(`${name}: ${what} must be a positive number; got ${String(x)}`);
      return x;
    };
    const smoothing = options.stepCountSmoothing ?? 10;
    if (typeof smoothing !== 'number' || !(smoothing >= 0)) throw new RangeError(`${name}: stepCountSmoothing must be a number >= 0; got ${String(smoothing)}`);
    this.parameters = Object.freeze({
      ...common,
      explorationShrinkage: positive(options.explorationShrinkage, 0.05, 'explorationShrinkage'),
      shrinkageTarget: options.shrinkageTarget ?? null,
      stepCountSmoothing: smoothing,
      decayRate: positive(options.decayRate, 0.75, 'decayRate'),
    });
  }

  /** The wrapped kernel. */
  get innerKernel(): TransitionKernel { return this.parameters.innerKernel; }
  /** Number of adaptation steps. */
  get numAdaptationSteps(): number { return this.parameters.numAdaptationSteps; }
  /** Calibrated when the inner kernel is. */
  get isCalibrated(): boolean { return this.innerKernel.isCalibrated; }

  /** A new kernel with some options replaced (TFP's `copy`). */
  copy(overrides: Partial<DualAveragingStepSizeAdaptationOptions> = {}): DualAveragingStepSizeAdaptation {
    return new DualAveragingStepSizeAdaptation({ ...this.parameters, ...overrides });
  }

  /** Results at `initState`: zero error sums, mu = log(10 eps0) unless `shrinkageTarget` is given. */
  bootstrapResults(initState: State): DualAveragingStepSizeAdaptationResults {
    const p = this.parameters;
    const innerResults = this.innerKernel.bootstrapResults(initState);
    const stepSize = p.stepSizeGetterFn(innerResults);
    const logAcceptProb = np.asarray(p.logAcceptProbGetterFn(innerResults));
    const { parts: states } = stateParts(initState);
    const dtype = stateDtype(states);
    const { parts: steps } = stepSizeParts(stepSize, dtype);
    const targets = p.shrinkageTarget === null ? null : stepSizeParts(p.shrinkageTarget, dtype).parts;
    if (targets && targets.length !== 1 && targets.length !== steps.length) {
      throw new RangeError(`DualAveragingStepSizeAdaptation: shrinkageTarget has ${targets.length} parts but the step size has ${steps.length}`);
    }
    const errorSum: Tensor[] = [], logAveragingStep: Tensor[] = [], logShrinkageTarget: Tensor[] = [];
    steps.forEach((s, i) => {
      const reduced = reduceLogAcceptProb(logAcceptProb, states[Math.min(i, states.length - 1)], s, true);
      errorSum.push(np.zerosLike(reduced, s.dtype));
      logAveragingStep.push(np.zerosLike(s));
      logShrinkageTarget.push(targets
        ? np.log(np.astype(targets[Math.min(i, targets.length - 1)], s.dtype))
        : np.add(Math.log(10), np.log(s)));
    });
    return {
      innerResults, step: 0, targetAcceptProb: p.targetAcceptProb, logShrinkageTarget,
      explorationShrinkage: p.explorationShrinkage, stepCountSmoothing: p.stepCountSmoothing, decayRate: p.decayRate,
      errorSum, logAveragingStep, newStepSize: stepSize,
    };
  }

  /** One inner step with the current step size, then the dual-averaging update. */
  oneStep(currentState: State, previousKernelResults: DualAveragingStepSizeAdaptationResults, seed: KeyLike): [State, DualAveragingStepSizeAdaptationResults] {
    const p = this.parameters, prev = previousKernelResults;
    const innerIn = p.stepSizeSetterFn(prev.innerResults, prev.newStepSize);
    const [newState, newInner] = this.innerKernel.oneStep(currentState, innerIn, seed);
    const logAcceptProb = np.asarray(p.logAcceptProbGetterFn(newInner));
    const { parts: states } = stateParts(currentState);
    const dtype = stateDtype(states);
    const { parts: steps, list } = stepSizeParts(p.stepSizeGetterFn(newInner), dtype);
    const t = prev.step + 1;
    const softT = prev.stepCountSmoothing + t;
    const eta = Math.pow(t, -prev.decayRate);
    const newStep: Tensor[] = [], newErr: Tensor[] = [], newAvg: Tensor[] = [];
    steps.forEach((s, i) => {
      const reduced = reduceLogAcceptProb(logAcceptProb, states[Math.min(i, states.length - 1)], s, true);
      const target = np.asarray(prev.targetAcceptProb, s.dtype);
      const err = np.astype(np.add(prev.errorSum[i], np.subtract(target, np.exp(reduced))), s.dtype);
      const mu = prev.logShrinkageTarget[i];
      const errExt = padRight(err, mu.ndim);
      const logStep = np.subtract(mu, np.divide(np.multiply(errExt, Math.sqrt(t)), softT * prev.explorationShrinkage));
      const logAvg = np.add(np.multiply(logStep, eta), np.multiply(prev.logAveragingStep[i], 1 - eta));
      if (prev.step < p.numAdaptationSteps) {
        newStep.push(np.astype(np.exp(logStep), s.dtype));
        newAvg.push(np.astype(logAvg, s.dtype));
      } else if (prev.step === p.numAdaptationSteps) {
        newStep.push(np.astype(np.exp(logAvg), s.dtype));
        newAvg.push(np.astype(logAvg, s.dtype));
      } else {
        newStep.push(s);
        newAvg.push(prev.logAveragingStep[i]);
      }
      newErr.push(err);
    });
    return [newState, {
      ...prev,
      innerResults: newInner,
      errorSum: newErr,
      step: t,
      logAveragingStep: newAvg,
      newStepSize: list ? newStep : newStep[0],
    }];
  }
}
