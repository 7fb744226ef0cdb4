/**
 * Metropolis-adjusted Langevin algorithm (TFP's
 * `tfp.mcmc.MetropolisAdjustedLangevinAlgorithm` and `UncalibratedLangevin`; Roberts &
 * Tweedie 1996), with TFP's default volatility 1.
 *
 * Proposal (Euler–Maruyama step of the Langevin diffusion), per part k with step size h_k:
 *   drift_k(x) = 0.5 h_k grad_k log target(x),   x'_k = x_k + drift_k(x) + sqrt(h_k) z_k,
 * z ~ N(0, I) with one key per part: `random.split(random.foldIn(seed, salt), nParts)`, the
 * salt being TFP's for 'langevin.one_step' (low 32 bits of its SHA-512, 0x6e00cfe9), as
 * TFP on JAX's `split_seed(seed, n, salt='langevin.one_step')`.
 * logAcceptanceCorrection = log q(x | x') - log q(x' | x)
 *   = sum over parts and event dims of [ (x' - x - drift(x))^2 - (x - x' - drift(x'))^2 ] / (2h)
 * (the normalizing log terms cancel for a constant volatility). The event dims are those of
 * each part beyond the target log-prob's rank (the chain dims). `MetropolisAdjustedLangevinAlgorithm`
 * is `MetropolisHastings(UncalibratedLangevin(...))`.
 *
 * Not supported: TFP's `volatility_fn` (a state-dependent volatility) — the volatility is
 * always 1. Extension: like HMC, the step size in use is read from the previous results
 * (`stepSize`; for MALA `acceptedResults.stepSize`), so the step-size adaptation kernels work
 * with MALA too. Gradients come from `targetAndGrads` (wrapper/mcmc/util.ts).
 */
import { Tensor } from '../np/tensor.js';
import * as np from '../np/index.js';
import * as random from '../random/index.js';
import type { KeyLike } from '../types/random.js';
import { stateParts, fromParts, type KernelResults, type State, type TargetLogProbFn, type TransitionKernel } from './kernel.js';
import { MetropolisHastings, type MetropolisHastingsResults } from './metropolis_hastings.js';
import { targetAndGrads, perPart, checkPerPartOption, type PerPart, type FloatType } from './util.js';

/** TFP's salt for Langevin proposals: sha512('langevin.one_step') mod 2^32. */
const LANGEVIN_SALT = 0x6e00cfe9;

/** Options of {@link MetropolisAdjustedLangevinAlgorithm} / {@link UncalibratedLangevin}. */
export interface MetropolisAdjustedLangevinAlgorithmOptions {
  /** The unnormalized log density, called as `targetLogProbFn(...parts)`. */
  targetLogProbFn: TargetLogProbFn;
  /** Step size h (the diffusion's time step): one for all parts or one per part; positive. */
  stepSize: PerPart;
  name?: string;
}

/** Results of {@link UncalibratedLangevin} (TFP's field names in camelCase). */
export interface UncalibratedLangevinResults extends KernelResults {
  readonly logAcceptanceCorrection: Tensor;
  readonly targetLogProb: Tensor;
  readonly gradsTargetLogProb: Tensor[];
  /** 0.5 h grad log target at the state, one per part. */
  readonly diffusionDrift: Tensor[];
  /** The step size the next step uses (one per part). */
  readonly stepSize: Tensor | Tensor[];
}

/** Results of {@link MetropolisAdjustedLangevinAlgorithm}. */
export type MetropolisAdjustedLangevinAlgorithmResults = MetropolisHastingsResults<UncalibratedLangevinResults>;

function checkOptions(o: MetropolisAdjustedLangevinAlgorithmOptions, cls: string): MetropolisAdjustedLangevinAlgorithmOptions {
  if (!o || typeof o !== 'object') throw new TypeError(`${cls}: options must be an object like { targetLogProbFn, stepSize }`);
  if (typeof o.targetLogProbFn !== 'function') throw new TypeError(`${cls}: targetLogProbFn must be a function of the state parts`);
  if (o.stepSize === undefined) throw new TypeError(`${cls}: stepSize is required`);
  checkPerPartOption(o.stepSize, `${cls}: stepSize`, (v) => v > 0 && Number.isFinite(v), 'positive and finite');
  if ('volatilityFn' in o) throw new TypeError(`${cls}: volatilityFn is not supported (the volatility is 1)`);
  return { ...o };
}

const floatOf = (parts: Tensor[]): FloatType => (parts[0].dtype === 'float64' ? 'float64' : 'float32');

/** Sum over the event dims (beyond the chain dims) of a part-shaped tensor. */
function sumEvent(x: Tensor, chainNdims: number): Tensor {
  const axes = Array.from({ length: x.ndim - chainNdims }, (_, i) => chainNdims + i);
  return axes.length ? np.sum(x, { axis: axes }) : x;
}

/**
 * The Langevin proposal without the accept/reject step.
 * @example
 * ```ts
 * const mh = new mcmc.MetropolisHastings({ innerKernel: new mcmc.UncalibratedLangevin({ targetLogProbFn, stepSize: 0.1 }) });
 * ```
 */
export class UncalibratedLangevin implements TransitionKernel<UncalibratedLangevinResults> {
  readonly isCalibrated = false;
  private readonly options: MetropolisAdjustedLangevinAlgorithmOptions;

  constructor(options: MetropolisAdjustedLangevinAlgorithmOptions) {
    this.options = checkOptions(options, 'UncalibratedLangevin');
  }

  get targetLogProbFn(): TargetLogProbFn { return this.options.targetLogProbFn; }
  get stepSize(): PerPart { return this.options.stepSize; }
  /** The constructor options. */
  get parameters(): MetropolisAdjustedLangevinAlgorithmOptions { return { ...this.options }; }

  /** A new kernel with some options replaced. */
  copy(overrides: Partial<MetropolisAdjustedLangevinAlgorithmOptions> = {}): UncalibratedLangevin {
    return new UncalibratedLangevin({ ...this.options, ...overrides });
  }

  private steps(stepSize: PerPart, parts: Tensor[]): Tensor[] {
    return perPart(stepSize, parts.length, floatOf(parts), 'UncalibratedLangevin: stepSize', (v) => v > 0 && Number.isFinite(v), 'positive and finite');
  }

  bootstrapResults(initState: State): UncalibratedLangevinResults {
    const { parts } = stateParts(initState);
    const h = this.steps(this.options.stepSize, parts);
    const { logProb, grads } = targetAndGrads(this.targetLogProbFn, parts);
    const stepSize = Array.isArray(this.options.stepSize) ? h : h[0];
    return {
      logAcceptanceCorrection: np.zerosLike(logProb),
      targetLogProb: logProb,
      gradsTargetLogProb: grads,
      diffusionDrift: grads.map((g, i) => np.multiply(np.multiply(0.5, h[i]), g)),
      stepSize,
    };
  }

  oneStep(currentState: State, previousKernelResults: UncalibratedLangevinResults, seed: KeyLike): [State, UncalibratedLangevinResults] {
    const { parts, single } = stateParts(currentState);
    const prev = previousKernelResults;
    if (!prev || !(prev.targetLogProb instanceof Tensor) || !Array.isArray(prev.gradsTargetLogProb)) {
      throw new TypeError('UncalibratedLangevin.oneStep: previousKernelResults must come from bootstrapResults or oneStep');
    }
    const dt = floatOf(parts);
    const stepSize = (prev.stepSize ?? this.options.stepSize) as PerPart;
    const h = this.steps(stepSize, parts);
    const keys = random.split(random.foldIn(seed, LANGEVIN_SALT), parts.length);
    const drift0 = prev.gradsTargetLogProb.map((g, i) => np.multiply(np.multiply(0.5, h[i]), g));
    const next = parts.map((x, i) => np.astype(
      np.add(np.add(x, drift0[i]), np.multiply(np.sqrt(h[i]), random.normal(keys.index(i), x.shape, dt))), dt));
    const { logProb, grads } = targetAndGrads(this.targetLogProbFn, next);
    const drift1 = grads.map((g, i) => np.multiply(np.multiply(0.5, h[i]), g));
    const chainNdims = logProb.ndim;
    let corr: Tensor = np.zerosLike(logProb);
    parts.forEach((x, i) => {
      const diff = np.subtract(next[i], x);
      const fwd = np.square(np.subtract(diff, drift0[i]));   // (x' - x - drift(x))^2
      const rev = np.square(np.add(diff, drift1[i]));        // (x - x' - drift(x'))^2
      const term = np.divide(np.subtract(fwd, rev), np.multiply(2, h[i]));
      corr = np.add(corr, sumEvent(np.broadcastTo(term, x.shape), chainNdims));
    });
    return [fromParts(next, single), {
      logAcceptanceCorrection: np.astype(corr, logProb.dtype),
      targetLogProb: logProb,
      gradsTargetLogProb: grads,
      diffusionDrift: drift1,
      stepSize: prev.stepSize ?? (Array.isArray(this.options.stepSize) ? h : h[0]),
    }];
  }
}

/**
 * MALA: `MetropolisHastings(UncalibratedLangevin(...))`. The step size in use is
 * `results.acceptedResults.stepSize`.
 * @example
 * ```ts
 * const kernel = new mcmc.MetropolisAdjustedLangevinAlgorithm({ targetLogProbFn, stepSize: 0.5 });
 * const { allStates } = mcmc.sampleChain({ numResults: 1000, currentState: np.zeros([4, 2]), kernel, seed: random.key(0) });
 * ```
 */
export class MetropolisAdjustedLangevinAlgorithm implements TransitionKernel<MetropolisAdjustedLangevinAlgorithmResults> {
  readonly isCalibrated = true;
  private readonly impl: MetropolisHastings<UncalibratedLangevinResults>;
  private readonly options: MetropolisAdjustedLangevinAlgorithmOptions;

  constructor(options: MetropolisAdjustedLangevinAlgorithmOptions) {
    const inner = new UncalibratedLangevin(options);
    this.options = inner.parameters;
    this.impl = new MetropolisHastings({ innerKernel: inner });
  }

  get targetLogProbFn(): TargetLogProbFn { return this.options.targetLogProbFn; }
  get stepSize(): PerPart { return this.options.stepSize; }
  /** The wrapped uncalibrated kernel. */
  get innerKernel(): UncalibratedLangevin { return this.impl.innerKernel as UncalibratedLangevin; }
  /** The constructor options. */
  get parameters(): MetropolisAdjustedLangevinAlgorithmOptions { return { ...this.options }; }

  /** A new kernel with some options replaced. */
  copy(overrides: Partial<MetropolisAdjustedLangevinAlgorithmOptions> = {}): MetropolisAdjustedLangevinAlgorithm {
    return new MetropolisAdjustedLangevinAlgorithm({ ...this.options, ...overrides });
  }

  bootstrapResults(initState: State): MetropolisAdjustedLangevinAlgorithmResults {
    return this.impl.bootstrapResults(initState);
  }

  oneStep(currentState: State, previousKernelResults: MetropolisAdjustedLangevinAlgorithmResults, seed: KeyLike): [State, MetropolisAdjustedLangevinAlgorithmResults] {
    return this.impl.oneStep(currentState, previousKernelResults, seed);
  }
}
