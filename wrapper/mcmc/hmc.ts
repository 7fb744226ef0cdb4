/**
 * Hamiltonian Monte Carlo (TFP's `tfp.mcmc.HamiltonianMonteCarlo` and
 * `UncalibratedHamiltonianMonteCarlo`; Neal 2011, "MCMC using Hamiltonian dynamics").
 *
 * One uncalibrated step: draw momenta p = z / sqrt(invMass) with z ~ N(0, I) per part
 * (the seed split into one key per part, as TFP on JAX: `split_seed(seed, n=len(parts))`),
 * run `numLeapfrogSteps` leapfrog steps (wrapper/mcmc/leapfrog.ts: state, momenta and
 * gradients in wasm linear memory, the target called through autodiff once per step) and
 * report the log acceptance correction K(p0) - K(p1) per chain, K(p) = 0.5 p' invMass p.
 * `HamiltonianMonteCarlo` is `MetropolisHastings` around it.
 *
 * Step size: a number or tensor for every part, or an array with one per part; each
 * broadcasts (NumPy rules) against its part, so per-chain step sizes are shaped like
 * [nChains, 1, ...]. Like TFP with `store_parameters_in_results`, the step size used by a
 * step is the one in the previous results (`results.stepSize`, for HMC
 * `results.acceptedResults.stepSize`), which `bootstrapResults` fills from the options:
 * step-size adaptation replaces it there. `invMassDiag` (an extension; TFP's
 * PreconditionedHamiltonianMonteCarlo takes a momentum distribution instead) is a diagonal
 * inverse mass matrix per part, read the same way (`results.invMassDiag`).
 * float32 states run the float32 kernels, float64 the float64 ones.
 */
import { Tensor } from '../np/tensor.js';
import * as np from '../np/index.js';
import * as random from '../random/index.js';
import type { KeyLike } from '../types/random.js';
import { stateParts, fromParts, type KernelResults, type State, type TargetLogProbFn, type TransitionKernel } from './kernel.js';
import { MetropolisHastings, splitSeed, type MetropolisHastingsResults } from './metropolis_hastings.js';
import { withIntegrator, IntegratorBuffers } from './leapfrog.js';
import {
  targetAndGrads, PartsLayout, perPart, checkPerPartOption, chainTensor, type FloatType, type PerPart,
} from './util.js';

/** Options of {@link HamiltonianMonteCarlo} and {@link UncalibratedHamiltonianMonteCarlo}. */
export interface HamiltonianMonteCarloOptions {
  /** The unnormalized log density, called as `targetLogProbFn(...parts)`. */
  targetLogProbFn: TargetLogProbFn;
  /** Leapfrog step size: one for all parts or one per part (positive). */
  stepSize: PerPart;
  /** Leapfrog steps per proposal (a positive integer). */
  numLeapfrogSteps: number;
  /** Diagonal inverse mass matrix per part (positive; default identity). */
  invMassDiag?: PerPart;
  name?: string;
}

/** Results of {@link UncalibratedHamiltonianMonteCarlo} (TFP's field names in camelCase). */
export interface UncalibratedHamiltonianMonteCarloResults extends KernelResults {
  readonly logAcceptanceCorrection: Tensor;
  readonly targetLogProb: Tensor;
  readonly gradsTargetLogProb: Tensor[];
  readonly initialMomentum: Tensor[];
  readonly finalMomentum: Tensor[];
  /** The step size the next step uses (as given: a tensor, or one per part). */
  readonly stepSize: Tensor | Tensor[];
  readonly numLeapfrogSteps: number;
  /** The diagonal inverse mass matrix the next step uses (one per part), if any. */
  readonly invMassDiag?: Tensor | Tensor[];
}

/** @internal Validates the options shared by HMC and NUTS. */
export function checkTargetAndStep(cls: string, o: { targetLogProbFn?: unknown; stepSize?: unknown; invMassDiag?: unknown }): void {
  if (!o || typeof o !== 'object') throw new TypeError(`${cls}: options must be an object like { targetLogProbFn, stepSize, ... }`);
  if (typeof o.targetLogProbFn !== 'function') {
    throw new TypeError(`${cls}: targetLogProbFn must be a function of the state parts returning the log density; got ${o.targetLogProbFn === undefined ? 'nothing' : typeof o.targetLogProbFn}`);
  }
  if (o.stepSize === undefined) throw new TypeError(`${cls}: stepSize is required`);
  checkPerPartOption(o.stepSize, `${cls}: stepSize`, (v) => v > 0 && Number.isFinite(v), 'positive and finite');
  if (o.invMassDiag !== undefined) checkPerPartOption(o.invMassDiag, `${cls}: invMassDiag`, (v) => v > 0 && Number.isFinite(v), 'positive and finite');
}

/** @internal A step size (or inverse mass) option as stored in results: tensors of the state dtype. */
export function asResultTensors(v: PerPart, dtype: FloatType): Tensor | Tensor[] {
  const one = (x: number | Tensor) => np.astype(x instanceof Tensor ? x : np.array(x as number), dtype);
  return Array.isArray(v) ? (v as (number | Tensor)[]).map(one) : one(v as number | Tensor);
}

/** @internal The step-size and inverse-mass vectors of a transition, in the flat layout. */
export function coefficients(layout: PartsLayout, cls: string, stepSize: PerPart, invMassDiag: PerPart | undefined): [Float64Array, Float64Array | undefined] {
  const k = layout.shapes.length, dt = layout.dtype;
  const pos = (v: number) => v > 0 && Number.isFinite(v);
  const eps = layout.expand(perPart(stepSize, k, dt, `${cls}: stepSize`, pos, 'positive and finite'), `${cls}: stepSize`);
  const inv = invMassDiag === undefined ? undefined
    : layout.expand(perPart(invMassDiag, k, dt, `${cls}: invMassDiag`, pos, 'positive and finite'), `${cls}: invMassDiag`);
  return [eps, inv];
}

/**
 * HMC without the Metropolis correction: proposes the end of a leapfrog trajectory.
 * @example
 * ```ts
 * const inner = new mcmc.UncalibratedHamiltonianMonteCarlo({ targetLogProbFn, stepSize: 0.1, numLeapfrogSteps: 10 });
 * const kernel = new mcmc.MetropolisHastings({ innerKernel: inner }); // = HamiltonianMonteCarlo
 * ```
 */
export class UncalibratedHamiltonianMonteCarlo implements TransitionKernel<UncalibratedHamiltonianMonteCarloResults> {
  readonly isCalibrated = false;
  private readonly options: HamiltonianMonteCarloOptions;
  /** @internal The integrator's linear-memory block, kept across transitions. */
  readonly integratorBuffers = new IntegratorBuffers(this);

  constructor(options: HamiltonianMonteCarloOptions) {
    checkTargetAndStep('UncalibratedHamiltonianMonteCarlo', options);
    const L = options.numLeapfrogSteps;
    if (!Number.isInteger(L) || L < 1) {
      throw new RangeError(`UncalibratedHamiltonianMonteCarlo: numLeapfrogSteps must be a positive integer; got ${L}`);
    }
    this.options = { ...options };
  }

  get targetLogProbFn(): TargetLogProbFn { return this.options.targetLogProbFn; }
  get stepSize(): PerPart { return this.options.stepSize; }
  get numLeapfrogSteps(): number { return this.options.numLeapfrogSteps; }
  /** The constructor options. */
  get parameters(): HamiltonianMonteCarloOptions { return { ...this.options }; }

  /** A new kernel with some options replaced (TFP's `kernel.copy(step_size=...)`). */
  copy(overrides: Partial<HamiltonianMonteCarloOptions> = {}): UncalibratedHamiltonianMonteCarlo {
    return new UncalibratedHamiltonianMonteCarlo({ ...this.options, ...overrides });
  }

  bootstrapResults(initState: State): UncalibratedHamiltonianMonteCarloResults {
    const { parts } = stateParts(initState);
    const { logProb, grads } = targetAndGrads(this.options.targetLogProbFn, parts);
    const layout = PartsLayout.of(parts, logProb.shape);
    const dtype = layout.dtype;
    coefficients(layout, 'UncalibratedHamiltonianMonteCarlo', this.options.stepSize, this.options.invMassDiag); // validates shapes
    const zeros = parts.map((p) => np.zerosLike(p));
    return {
      logAcceptanceCorrection: chainTensor(new Float64Array(logProb.size), logProb.shape, dtype),
      targetLogProb: logProb,
      gradsTargetLogProb: grads,
      initialMomentum: zeros,
      finalMomentum: zeros,
      stepSize: asResultTensors(this.options.stepSize, dtype),
      numLeapfrogSteps: this.options.numLeapfrogSteps,
      ...(this.options.invMassDiag !== undefined ? { invMassDiag: asResultTensors(this.options.invMassDiag, dtype) } : {}),
    };
  }

  oneStep(currentState: State, previousKernelResults: UncalibratedHamiltonianMonteCarloResults, seed: KeyLike): [State, UncalibratedHamiltonianMonteCarloResults] {
    const cls = 'UncalibratedHamiltonianMonteCarlo';
    const { parts, single } = stateParts(currentState);
    const prev = previousKernelResults;
    if (!prev || !(prev.targetLogProb instanceof Tensor) || !Array.isArray(prev.gradsTargetLogProb)) {
      throw new TypeError(`${cls}.oneStep: previousKernelResults must come from bootstrapResults or oneStep`);
    }
    const layout = PartsLayout.of(parts, prev.targetLogProb.shape);
    const stepSize = (prev.stepSize ?? this.options.stepSize) as PerPart;
    const [eps, inv] = coefficients(layout, cls, stepSize, (prev.invMassDiag ?? this.options.invMassDiag) as PerPart | undefined);
    const L = prev.numLeapfrogSteps ?? this.options.numLeapfrogSteps;
    const z = splitSeed(seed, parts.length).map((k, i) => random.normal(k, parts[i].shape, layout.dtype));
    const out = withIntegrator(layout, this.options.targetLogProbFn, eps, inv, (it) => {
      const q = it.vec(), p = it.vec(), g = it.vec();
      it.load(q, parts);
      it.load(g, prev.gradsTargetLogProb);
      it.drawMomentum(p, z);
      const k0 = it.kinetic(p);
      const p0 = it.read(p);
      const lp = it.leapfrog(q, p, g, L);
      const k1 = it.kinetic(p);
      const corr = k0.map((a, c) => { const v = a - k1[c]; return Number.isNaN(v) ? -Infinity : v; });
      return { lp, corr, p0, p1: it.read(p), q: it.read(q), g: it.read(g) };
    }, this.integratorBuffers, 3);
    const shape = prev.targetLogProb.shape;
    return [fromParts(out.q, single), {
      ...prev,
      logAcceptanceCorrection: chainTensor(out.corr, shape, layout.dtype),
      targetLogProb: chainTensor(out.lp, shape, layout.dtype),
      gradsTargetLogProb: out.g,
      initialMomentum: out.p0,
      finalMomentum: out.p1,
    }];
  }
}

/** Results of {@link HamiltonianMonteCarlo}: Metropolis–Hastings results around the uncalibrated ones. */
export type HamiltonianMonteCarloResults = MetropolisHastingsResults<UncalibratedHamiltonianMonteCarloResults>;

/**
 * Hamiltonian Monte Carlo: `MetropolisHastings(UncalibratedHamiltonianMonteCarlo(...))`.
 * The step size in use is `results.acceptedResults.stepSize`.
 * @example
 * ```ts
 * const kernel = new mcmc.HamiltonianMonteCarlo({ targetLogProbFn, stepSize: 0.1, numLeapfrogSteps: 10 });
 * let results = kernel.bootstrapResults(x0);
 * let x: State = x0;
 * [x, results] = kernel.oneStep(x, results, random.key(0));
 * results.isAccepted; results.acceptedResults.targetLogProb;
 * ```
 */
export class HamiltonianMonteCarlo implements TransitionKernel<HamiltonianMonteCarloResults> {
  readonly isCalibrated = true;
  private readonly impl: MetropolisHastings<UncalibratedHamiltonianMonteCarloResults>;
  private readonly options: HamiltonianMonteCarloOptions;

  constructor(options: HamiltonianMonteCarloOptions) {
    const inner = new UncalibratedHamiltonianMonteCarlo(options);
    this.options = inner.parameters;
    this.impl = new MetropolisHastings({ innerKernel: inner });
  }

  get targetLogProbFn(): TargetLogProbFn { return this.options.targetLogProbFn; }
  get stepSize(): PerPart { return this.options.stepSize; }
  get numLeapfrogSteps(): number { return this.options.numLeapfrogSteps; }
  /** The wrapped uncalibrated kernel. */
  get innerKernel(): UncalibratedHamiltonianMonteCarlo { return this.impl.innerKernel as UncalibratedHamiltonianMonteCarlo; }
  /** The constructor options. */
  get parameters(): HamiltonianMonteCarloOptions { return { ...this.options }; }

  /** A new kernel with some options replaced (TFP's `kernel.copy(step_size=...)`). */
  copy(overrides: Partial<HamiltonianMonteCarloOptions> = {}): HamiltonianMonteCarlo {
    return new HamiltonianMonteCarlo({ ...this.options, ...overrides });
  }

  bootstrapResults(initState: State): HamiltonianMonteCarloResults {
    return this.impl.bootstrapResults(initState);
  }

  oneStep(currentState: State, previousKernelResults: HamiltonianMonteCarloResults, seed: KeyLike): [State, HamiltonianMonteCarloResults] {
    return this.impl.oneStep(currentState, previousKernelResults, seed);
  }
}
