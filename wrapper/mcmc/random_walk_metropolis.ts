/**
 * Random-walk Metropolis (TFP's `tfp.mcmc.RandomWalkMetropolis`,
 * `UncalibratedRandomWalk`, `random_walk_normal_fn`, `random_walk_uniform_fn`).
 *
 * The uncalibrated kernel proposes `newStateFn(stateParts, seed)` and reports
 * logAcceptanceCorrection = 0 (the proposal must be symmetric: q(x'|x) = q(x|x')), so the
 * Metropolis–Hastings ratio is target(x') - target(x). `RandomWalkMetropolis` is
 * `MetropolisHastings(UncalibratedRandomWalk(...))` (wrapper/mcmc/metropolis_hastings.ts,
 * which splits the step seed into a proposal key and an acceptance key).
 *
 * Default proposal `randomWalkNormalFn({ scale: 1 })`: x'_k = x_k + scale_k z_k, z ~ N(0, I),
 * with one key per part from `random.split(seed, nParts)` (TFP on JAX:
 * `split_seed(seed, n=len(state_parts))`). `randomWalkUniformFn` draws
 * x'_k ~ Uniform(x_k - scale_k, x_k + scale_k) the same way. Scales broadcast against parts
 * (one for all parts, or one per part). Results: `targetLogProb` (one per chain) and
 * `logAcceptanceCorrection` (zeros); TFP's `seed` field is not kept.
 */
import { Tensor } from '../np/tensor.js';
import * as np from '../np/index.js';
import * as random from '../random/index.js';
import type { KeyLike } from '../types/random.js';
import { stateParts, fromParts, type KernelResults, type State, type TargetLogProbFn, type TransitionKernel } from './kernel.js';
import { MetropolisHastings, type MetropolisHastingsResults } from './metropolis_hastings.js';

/** A proposal: new state parts from the current ones and a key. */
export type NewStateFn = (stateParts: Tensor[], seed: KeyLike) => Tensor[];

/** Options of {@link RandomWalkMetropolis} / {@link UncalibratedRandomWalk}. */
export interface RandomWalkMetropolisOptions {
  /** The unnormalized log density, called as `targetLogProbFn(...parts)`. */
  targetLogProbFn: TargetLogProbFn;
  /** A symmetric proposal. Default `randomWalkNormalFn({ scale: 1 })`. */
  newStateFn?: NewStateFn;
  name?: string;
}

/** Results of {@link UncalibratedRandomWalk}. */
export interface UncalibratedRandomWalkResults extends KernelResults {
  /** Zeros of the target log-prob's shape (symmetric proposal). */
  readonly logAcceptanceCorrection: Tensor;
  /** The target log-prob at the state, one value per chain. */
  readonly targetLogProb: Tensor;
}

/** Results of {@link RandomWalkMetropolis}. */
export type RandomWalkMetropolisResults = MetropolisHastingsResults<UncalibratedRandomWalkResults>;

type Scale = number | Tensor | readonly (number | Tensor)[];

function scaleParts(scale: Scale, n: number, fn: string): (number | Tensor)[] {
  const list = Array.isArray(scale) ? [...(scale as (number | Tensor)[])] : [scale as number | Tensor];
  if (list.length !== 1 && list.length !== n) throw new RangeError(`${fn}: scale has ${list.length} entries but the state has ${n} parts`);
  return list.length === 1 ? new Array<number | Tensor>(n).fill(list[0]) : list;
}

function checkScale(scale: unknown, fn: string): Scale {
  const list = Array.isArray(scale) ? scale : [scale];
  for (const s of list) {
    if (typeof s === 'number') { if (!(s > 0 && Number.isFinite(s))) throw new RangeError(`${fn}: scale must be positive and finite; got ${s}`); }
    else if (!(s instanceof Tensor)) throw new TypeError(`${fn}: scale must be a number or tensor, or one per part`);
  }
  return scale as Scale;
}

/**
 * TFP's `random_walk_normal_fn`: Gaussian steps of standard deviation `scale`.
 * @example
 * ```ts
 * const kernel = new mcmc.RandomWalkMetropolis({ targetLogProbFn, newStateFn: mcmc.randomWalkNormalFn({ scale: 0.5 }) });
 * ```
 */
export function randomWalkNormalFn(options: { scale?: Scale } = {}): NewStateFn {
  const scale = checkScale(options.scale ?? 1, 'randomWalkNormalFn');
  return (parts, seed) => {
    const scales = scaleParts(scale, parts.length, 'randomWalkNormalFn');
    const keys = random.split(seed, parts.length);
    return parts.map((p, i) => {
      const dt = p.dtype === 'float64' ? 'float64' : 'float32';
      return np.astype(np.add(p, np.multiply(scales[i], random.normal(keys.index(i), p.shape, dt))), dt);
    });
  };
}

/**
 * TFP's `random_walk_uniform_fn`: uniform steps in [-scale, scale].
 * @example
 * ```ts
 * const kernel = new mcmc.RandomWalkMetropolis({ targetLogProbFn, newStateFn: mcmc.randomWalkUniformFn({ scale: 2 }) });
 * ```
 */
export function randomWalkUniformFn(options: { scale?: Scale } = {}): NewStateFn {
  const scale = checkScale(options.scale ?? 1, 'randomWalkUniformFn');
  return (parts, seed) => {
    const scales = scaleParts(scale, parts.length, 'randomWalkUniformFn');
    const keys = random.split(seed, parts.length);
    return parts.map((p, i) => {
      const dt = p.dtype === 'float64' ? 'float64' : 'float32';
      const u = random.uniform(keys.index(i), p.shape, dt, -1, 1);
      return np.astype(np.add(p, np.multiply(scales[i], u)), dt);
    });
  };
}

function checkOptions(o: RandomWalkMetropolisOptions, cls: string): RandomWalkMetropolisOptions {
  if (!o || typeof o !== 'object') throw new TypeError(`${cls}: options must be an object like { targetLogProbFn }`);
  if (typeof o.targetLogProbFn !== 'function') throw new TypeError(`${cls}: targetLogProbFn must be a function of the state parts`);
  if (o.newStateFn !== undefined && typeof o.newStateFn !== 'function') throw new TypeError(`${cls}: newStateFn must be a function (stateParts, seed) => stateParts`);
  return { ...o, newStateFn: o.newStateFn ?? randomWalkNormalFn() };
}

const logProbOf = (fn: TargetLogProbFn, parts: Tensor[]): Tensor => np.asarray(fn(...parts));

/**
 * A symmetric random-walk proposal without the accept/reject step.
 * @example
 * ```ts
 * const mh = new mcmc.MetropolisHastings({ innerKernel: new mcmc.UncalibratedRandomWalk({ targetLogProbFn }) });
 * ```
 */
export class UncalibratedRandomWalk implements TransitionKernel<UncalibratedRandomWalkResults> {
  readonly isCalibrated = false;
  private readonly options: RandomWalkMetropolisOptions;

  constructor(options: RandomWalkMetropolisOptions) {
    this.options = checkOptions(options, 'UncalibratedRandomWalk');
  }

  get targetLogProbFn(): TargetLogProbFn { return this.options.targetLogProbFn; }
  get newStateFn(): NewStateFn { return this.options.newStateFn as NewStateFn; }
  /** The constructor options (with the default proposal filled in). */
  get parameters(): RandomWalkMetropolisOptions { return { ...this.options }; }

  /** A new kernel with some options replaced. */
  copy(overrides: Partial<RandomWalkMetropolisOptions> = {}): UncalibratedRandomWalk {
    return new UncalibratedRandomWalk({ ...this.options, ...overrides });
  }

  bootstrapResults(initState: State): UncalibratedRandomWalkResults {
    const tlp = logProbOf(this.targetLogProbFn, stateParts(initState).parts);
    return { logAcceptanceCorrection: np.zerosLike(tlp), targetLogProb: tlp };
  }

  oneStep(currentState: State, previousKernelResults: UncalibratedRandomWalkResults, seed: KeyLike): [State, UncalibratedRandomWalkResults] {
    void previousKernelResults;
    const { parts, single } = stateParts(currentState);
    const next = this.newStateFn(parts, seed);
    if (!Array.isArray(next) || next.length !== parts.length) {
      throw new TypeError(`UncalibratedRandomWalk: newStateFn must return ${parts.length} state part(s)`);
    }
    const tlp = logProbOf(this.targetLogProbFn, next);
    return [fromParts(next, single), { logAcceptanceCorrection: np.zerosLike(tlp), targetLogProb: tlp }];
  }
}

/**
 * Random-walk Metropolis: `MetropolisHastings(UncalibratedRandomWalk(...))`.
 * @example
 * ```ts
 * const kernel = new mcmc.RandomWalkMetropolis({ targetLogProbFn: (x) => tfd.Normal({ loc: 0, scale: 1 }).logProb(x) });
 * const { allStates } = mcmc.sampleChain({ numResults: 2000, currentState: np.zeros([8]), kernel, seed: random.key(0) });
 * ```
 */
export class RandomWalkMetropolis implements TransitionKernel<RandomWalkMetropolisResults> {
  readonly isCalibrated = true;
  private readonly impl: MetropolisHastings<UncalibratedRandomWalkResults>;
  private readonly options: RandomWalkMetropolisOptions;

  constructor(options: RandomWalkMetropolisOptions) {
    const inner = new UncalibratedRandomWalk(options);
    this.options = inner.parameters;
    this.impl = new MetropolisHastings({ innerKernel: inner });
  }

  get targetLogProbFn(): TargetLogProbFn { return this.options.targetLogProbFn; }
  get newStateFn(): NewStateFn { return this.options.newStateFn as NewStateFn; }
  /** The wrapped uncalibrated kernel. */
  get innerKernel(): UncalibratedRandomWalk { return this.impl.innerKernel as UncalibratedRandomWalk; }
  /** The constructor options. */
  get parameters(): RandomWalkMetropolisOptions { return { ...this.options }; }

  /** A new kernel with some options replaced. */
  copy(overrides: Partial<RandomWalkMetropolisOptions> = {}): RandomWalkMetropolis {
    return new RandomWalkMetropolis({ ...this.options, ...overrides });
  }

  bootstrapResults(initState: State): RandomWalkMetropolisResults {
    return this.impl.bootstrapResults(initState);
  }

  oneStep(currentState: State, previousKernelResults: RandomWalkMetropolisResults, seed: KeyLike): [State, RandomWalkMetropolisResults] {
    return this.impl.oneStep(currentState, previousKernelResults, seed);
  }
}
