/**
 * `windowedAdaptiveNuts`: NUTS with Stan-style warm-up on a joint distribution conditioned on
 * observed parts, like TFP's `tfp.experimental.mcmc.windowed_adaptive_nuts`
 * (tensorflow_probability/python/experimental/mcmc/windowed_sampling.py) and Stan's default
 * sampler.
 *
 * 1. The model is pinned (`jointDist.experimentalPin(pins)`) and mapped to unconstrained space
 *    with its default event-space bijector B: the target is
 *    `log p(B(z)) + log|det J_B(z)|` (z: the unconstrained parts).
 * 2. Chains start at z ~ Uniform(-2, 2) per coordinate (TFP's `init_near_unconstrained_zero`),
 *    a chain whose target is not finite is redrawn (up to 100 times, as TFP's `retry_init`).
 * 3. Warm-up windows as Stan's (see stan_warmup.ts): 75 steps adapting the step size only,
 *    slow windows of 25, 50, 100, 200 steps that also estimate a diagonal metric, and 50 final
 *    steps of step size only (scaled down for short warm-ups as Stan does). The step size is
 *    tuned by dual averaging toward `targetAcceptProb` (default 0.8, Stan's) of the NUTS
 *    acceptance statistic (`exp(logAcceptRatio)`, TFP's NUTS mean acceptance over the
 *    trajectory) averaged over chains: one step size and one metric shared by all chains
 *    (the chains are one batched NUTS kernel), as TFP does. At the end of a slow window the
 *    metric becomes Stan's regularized variance of that window's draws pooled over chains,
 *    `n/(n+5) var + 1e-3 · 5/(n+5)` (n = steps × chains), the step size is re-initialized by
 *    Stan's doubling/halving heuristic (one leapfrog step, acceptance crossing 0.8) and dual
 *    averaging restarts at mu = log(10 eps). After warm-up: eps = exp(averaged log step).
 * 4. `nDraws` draws with the step size and metric fixed.
 *
 * The diagonal metric (inverse mass matrix M⁻¹ = diag(v), one per unconstrained coordinate)
 * is NUTS' `invMassDiag`, replaced in the kernel results when a slow window ends (as the
 * step size is), so the state and the target stay in z.
 *
 * Returns draws in constrained space, shaped [nDraws, nChains, ...eventShape] per free part,
 * in the model's structure (array, or object by part name), and a trace of sampler
 * statistics (TFP's NUTS results, plus the shared step size per draw).
 *
 * Seeds (deterministic for a given seed; not TFP's split structure, which differs per window):
 * `[init, warm-up, sampling] = split(seed, 3)`; init keys `split(init, 100)` (one per try);
 * `[steps, heuristic] = split(warm-up)`, step keys `split(steps, numAdaptationSteps)`, heuristic
 * keys `split(heuristic, number of windows + 1)`; sampling keys `split(sampling, nDraws)`.
 *
 * Numerics: the state is the model's float dtype; adaptation statistics are float64 in JS.
 * A divergent transition (NaN or energy error over `maxEnergyDiff`) counts as acceptance 0.
 */
import { Tensor } from '../np/tensor.js';
import * as np from '../np/index.js';
import * as random from '../random/index.js';
import { valueAndGrad } from '../autodiff/grad.js';
import type { KeyLike } from '../types/random.js';
import type { JointDistribution } from '../distributions/joint_distribution.js';
import type { JointDistributionBijector } from '../distributions/joint_distribution_bijector.js';
import type { Bijector } from '../bijectors/bijector.js';
import { Identity } from '../bijectors/identity.js';
import type { KernelResults } from './kernel.js';
import { releaseKernelBuffers } from './leapfrog.js';
import { NoUTurnSampler } from './nuts.js';
import { DualAveraging, RunningVariance, warmupWindows, type WarmupWindow } from './stan_warmup.js';

/** Options of {@link windowedAdaptiveNuts} (TFP's argument names in camelCase). */
export interface WindowedAdaptiveNutsOptions {
  /** Number of draws after warm-up. */
  nDraws: number;
  /** The model (any JointDistribution flavour). */
  jointDist: JointDistribution;
  /** Observed values by part name (a coroutine's parts are `var0`, `var1`, ...). */
  pins?: Record<string, unknown>;
  /** Independent chains, run as one batch (default 1; TFP's default is 64). */
  nChains?: number;
  /** Warm-up steps (default 500, Stan's default 1000 halved; TFP's default is 525). */
  numAdaptationSteps?: number;
  seed: KeyLike;
  /** NUTS tree depth limit (default 10: at most 1023 leapfrog steps). */
  maxTreeDepth?: number;
  /** Energy error beyond which a trajectory is divergent (default 1000, TFP's NUTS default). */
  maxEnergyDiff?: number;
  /** Initial step size (default TFP's 0.5 · dim^(-1/4)); refined by Stan's heuristic before use. */
  initStepSize?: number;
  /** Dual-averaging target of the acceptance statistic (default 0.8, Stan's). */
  targetAcceptProb?: number;
  /** Keep the warm-up draws and trace (then the outputs have numAdaptationSteps + nDraws rows). Default true. */
  discardTuning?: boolean;
  /** Called after every step. */
  onProgress?: (p: WindowedProgress) => void;
  /** Yield to the event loop when this much time passed since the last yield (default 20 ms). */
  yieldEveryMs?: number;
}

/** What {@link WindowedAdaptiveNutsOptions.onProgress} receives. */
export interface WindowedProgress {
  /** Steps done (warm-up and draws), 1-based. */
  step: number;
  total: number;
  phase: 'warmup' | 'sampling';
  /** Current step size. */
  stepSize: number;
  /** Divergent transitions so far, over all chains (warm-up and draws). */
  divergences: number;
}

/** Per-draw sampler statistics. Shapes [n, nChains] unless noted. */
export interface WindowedTrace {
  /** Target log-density in unconstrained space (log p(B(z)) + log|det J_B(z)|). */
  targetLogProb: Tensor;
  /** Shared step size per draw, shape [n]. */
  stepSize: Tensor;
  hasDivergence: Tensor;
  /** min(1, exp(logAcceptRatio)): NUTS' mean acceptance over the trajectory. */
  acceptProb: Tensor;
  isAccepted: Tensor;
  leapfrogsTaken: Tensor;
  /** Whether the draw is a warm-up draw, shape [n] (all false unless discardTuning is false). */
  tune: Tensor;
}

/** What {@link windowedAdaptiveNuts} returns. */
export interface WindowedAdaptiveNutsResult<S> {
  /** Draws of the free parts in constrained space, [n, nChains, ...eventShape] each. */
  allStates: S;
  trace: WindowedTrace;
  /** The adapted step size. */
  stepSize: number;
  /** The adapted diagonal inverse mass matrix (metric variance) per free part, unconstrained shapes. */
  inverseMassMatrix: S;
}

type Free = Tensor[] | Record<string, Tensor>;

/** The posterior seen as a list of free parts. */
interface Posterior {
  names: string[];
  named: boolean;
  logProb(x: Tensor[]): Tensor;
  bijector: JointDistributionBijector;
  eventShapes: number[][];
  dtypes: string[];
}

function makePosterior(jd: JointDistribution, pins: Record<string, unknown> | undefined): Posterior {
  const pinned = pins && Object.keys(pins).length > 0 ? jd.experimentalPin(pins) : undefined;
  const names = pinned ? pinned.unpinnedNames : jd.partNames;
  const shapesStruct = (pinned ? pinned.eventShape : jd.eventShape) as number[][] | Record<string, number[]>;
  const named = !Array.isArray(shapesStruct);
  const dtypeStruct = (pinned ? pinned.dtype : jd.dtype) as string[] | Record<string, string>;
  return {
    names, named,
    dtypes: named ? names.map((n) => (dtypeStruct as Record<string, string>)[n]) : (dtypeStruct as string[]),
    eventShapes: named ? names.map((n) => (shapesStruct as Record<string, number[]>)[n]) : (shapesStruct as number[][]),
    bijector: pinned ? pinned.experimentalDefaultEventSpaceBijector() : jd.experimentalDefaultEventSpaceBijector(),
    // flat in part order, past the structure checks of logProb / unnormalizedLogProb (hot path)
    logProb: (x) => (pinned ? pinned._unnormalizedLogProbFlat(x) : jd._sumParts(jd._logProbPartsFlat(x))),
  };
}

const prod = (s: readonly number[]): number => s.reduce((a, b) => a * b, 1);
const toList = (post: Posterior, s: unknown): Tensor[] => (post.named ? post.names.map((n) => (s as Record<string, Tensor>)[n]) : (s as Tensor[]));
const toStruct = <T>(post: Posterior, x: T[]): T[] | Record<string, T> => (post.named ? Object.fromEntries(post.names.map((n, i) => [n, x[i]])) : x);
const yieldNow = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

/**
 * Adapts and samples a joint distribution conditioned on `pins` with NUTS (Stan-style warm-up).
 * @example
 * ```ts
 * const { allStates, trace } = await mcmc.windowedAdaptiveNuts({
 *   nDraws: 500, jointDist: model, nChains: 4, numAdaptationSteps: 500,
 *   pins: { var2: labels }, seed: random.key(0),
 * });
 * const [w, b] = allStates as Tensor[]; // w: [500, 4, 4, 3], b: [500, 4, 3]
 * ```
 */
export async function windowedAdaptiveNuts(options: WindowedAdaptiveNutsOptions): Promise<WindowedAdaptiveNutsResult<Free>> {
  const fn = 'windowedAdaptiveNuts';
  if (!options || typeof options !== 'object') throw new TypeError(`${fn}: expected an options object`);
  const {
    nDraws, jointDist, pins, nChains = 1, numAdaptationSteps = 500, seed, maxTreeDepth = 10, maxEnergyDiff = 1000,
    targetAcceptProb = 0.8, discardTuning = true, onProgress, yieldEveryMs = 20,
  } = options;
  const int = (v: unknown, name: string, min: number): number => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min) throw new RangeError(`${fn}: ${name} must be an integer >= ${min}; got ${String(v)}`);
    return v;
  };
  int(nDraws, 'nDraws', 1); int(nChains, 'nChains', 1); int(numAdaptationSteps, 'numAdaptationSteps', 0);
  if (seed === undefined) throw new TypeError(`${fn}: a seed is required`);
  if (!(targetAcceptProb > 0 && targetAcceptProb < 1)) throw new RangeError(`${fn}: targetAcceptProb must be in (0, 1); got ${targetAcceptProb}`);
  if (options.initStepSize !== undefined && !(options.initStepSize > 0)) throw new RangeError(`${fn}: initStepSize must be positive; got ${options.initStepSize}`);

  const post = makePosterior(jointDist, pins);
  const batch = Object.values(jointDist.batchShape as object) as number[][];
  const bad0 = batch.findIndex((b) => b.length > 0);
  if (bad0 >= 0) {
    throw new RangeError(`${fn}: the model's part ${jointDist.partNames[bad0]} has batch shape [${batch[bad0].join(', ')}]; only models with scalar batch shape are supported (wrap batched parts in Independent)`);
  }
  const bij = post.bijector;
  const C = nChains;
  const uShapes = toList(post, bij.inverseEventShape(toStruct(post, post.eventShapes) as never)) as unknown as number[][];
  const sizes = uShapes.map(prod);
  const dim = sizes.reduce((a, b) => a + b, 0);
  // The metric: inverse mass (variance) per unconstrained coordinate of each part; 1 until the first slow window ends.
  let variances: Float64Array[] = sizes.map((n) => new Float64Array(n).fill(1));

  // Per part: x = B_k(z_k) and log|det J_B_k(z_k)| at the part's unconstrained event rank;
  // Identity parts (unconstrained priors) skip both (no work, no tape entries).
  const partBij = toList(post, bij.bijectors) as unknown as Bijector[];
  const uRanks = toList(post, bij.forwardEventNdimsParts) as unknown as number[];
  const isId = partBij.map((b) => b instanceof Identity);
  const targetZ = (z: Tensor[]): Tensor => {
    let lp = post.logProb(z.map((zk, k) => (isId[k] ? zk : partBij[k].forward(zk))));
    z.forEach((zk, k) => { if (!isId[k]) lp = np.add(lp, partBij[k].forwardLogDetJacobian(zk, uRanks[k])); });
    if (lp.shape.length !== 1 || lp.shape[0] !== C) {
      throw new TypeError(`${fn}: the model's log-density of ${C} chains has shape [${lp.shape.join(', ')}], expected [${C}]`);
    }
    return lp;
  };
  const target = (...z: Tensor[]): Tensor => targetZ(z);
  const floatDtype = post.dtypes.includes('float64') ? 'float64' : 'float32';
  const mk = (data: Float64Array | Float32Array, shape: number[]): Tensor =>
    new Tensor(floatDtype === 'float64' ? Float64Array.from(data) : Float32Array.from(data), shape);

  // ---- seeds
  const [initKey, warmKey, drawKey] = random.split(seed, 3);
  const [stepsKey, heurKey] = random.split(warmKey, 2);
  const windows: WarmupWindow[] = warmupWindows(numAdaptationSteps);
  const stepKeys = numAdaptationSteps > 0 ? random.split(stepsKey, numAdaptationSteps) : undefined;
  const heurKeys = random.split(heurKey, windows.length + 1);
  const drawKeys = random.split(drawKey, nDraws);

  // ---- initial state: z ~ Uniform(-2, 2), redrawing chains with a non-finite target
  const initKeys = random.split(initKey, 100);
  const z0 = sizes.map((n) => new Float64Array(C * n));
  let bad = Array.from({ length: C }, (_, c) => c);
  for (let t = 0; t < 100 && bad.length > 0; t++) {
    const keys = random.split(initKeys.index(t), sizes.length);
    sizes.forEach((n, k) => {
      const draw = random.uniform(keys.index(k), [C * n], 'float64', -2, 2).data() as Float64Array;
      for (const c of bad) z0[k].set(draw.subarray(c * n, (c + 1) * n), c * n);
    });
    const lp = targetZ(z0.map((d, k) => mk(d, [C, ...uShapes[k]]))).data();
    bad = bad.filter((c) => !Number.isFinite(lp[c]));
  }
  if (bad.length > 0) throw new Error(`${fn}: no finite starting point found in 100 tries for chain(s) ${bad.join(', ')}`);
  let state: Tensor[] = z0.map((d, k) => mk(d, [C, ...uShapes[k]]));

  // ---- step size
  let stepSize = options.initStepSize ?? 0.5 * dim ** -0.25;
  const heuristic = (key: Tensor): void => { stepSize = initStepSizeHeuristic(target, state, variances, stepSize, key, C, floatDtype); };

  let kernel = new NoUTurnSampler({ targetLogProbFn: target, stepSize, maxTreeDepth, maxEnergyDiff });
  let results: KernelResults = kernel.bootstrapResults(state);
  // NUTS reads the step size and inverse mass from the previous results (and its options).
  const setStepSize = (eps: number): void => {
    releaseKernelBuffers(kernel);
    kernel = kernel.copy({ stepSize: eps });
    results = { ...results, stepSize: mk(new Float64Array([eps]), []) };
  };
  const setMetric = (): void => {
    const inv = variances.map((v, k) => mk(v, uShapes[k]));
    releaseKernelBuffers(kernel);
    kernel = kernel.copy({ invMassDiag: inv });
    results = { ...results, invMassDiag: inv };
  };

  // ---- recording
  const nRec = discardTuning ? nDraws : numAdaptationSteps + nDraws;
  const rec = sizes.map((n) => new Float64Array(nRec * C * n));
  const tr = {
    targetLogProb: new Float64Array(nRec * C), stepSize: new Float64Array(nRec), hasDivergence: new Uint8Array(nRec * C),
    acceptProb: new Float64Array(nRec * C), isAccepted: new Uint8Array(nRec * C), leapfrogsTaken: new Int32Array(nRec * C),
    tune: new Uint8Array(nRec),
  };
  let row = 0, divergences = 0;
  const total = numAdaptationSteps + nDraws;
  let lastYield = performance.now();

  const step = async (key: Tensor, tune: boolean, stepNo: number, slow: RunningVariance[] | null, da: DualAveraging | null): Promise<void> => {
    const [next, res] = kernel.oneStep(state, results as never, key);
    state = next as Tensor[];
    results = res;
    const lar = (res.logAcceptRatio as Tensor).data();
    const div = (res.hasDivergence as Tensor).data();
    let acc = 0;
    for (let c = 0; c < C; c++) {
      const a = div[c] ? 0 : Math.min(1, Math.exp(lar[c] as number));
      acc += Number.isNaN(a) ? 0 : a;
      if (div[c]) divergences++;
    }
    const usedStep = stepSize;
    if (da) { stepSize = da.update(acc / C); setStepSize(stepSize); }
    const z = state.map((t) => t.data());
    if (slow) for (let k = 0; k < sizes.length; k++) for (let c = 0; c < C; c++) slow[k].add(z[k], c * sizes[k]);
    if (!tune || !discardTuning) {
      for (let k = 0; k < sizes.length; k++) rec[k].set(z[k] as ArrayLike<number>, row * C * sizes[k]);
      const lp = (res.targetLogProb as Tensor).data(), acc2 = (res.isAccepted as Tensor).data(), lf = (res.leapfrogsTaken as Tensor).data();
      for (let c = 0; c < C; c++) {
        const i = row * C + c;
        tr.targetLogProb[i] = lp[c] as number;
        tr.hasDivergence[i] = div[c] ? 1 : 0;
        tr.acceptProb[i] = Math.min(1, Math.exp(lar[c] as number));
        tr.isAccepted[i] = acc2[c] ? 1 : 0;
        tr.leapfrogsTaken[i] = lf[c] as number;
      }
      tr.stepSize[row] = usedStep;
      tr.tune[row] = tune ? 1 : 0;
      row++;
    }
    onProgress?.({ step: stepNo, total, phase: tune ? 'warmup' : 'sampling', stepSize, divergences });
    if (performance.now() - lastYield > yieldEveryMs) { await yieldNow(); lastYield = performance.now(); }
  };

  try {
    // ---- warm-up
    let stepNo = 0;
    if (numAdaptationSteps > 0) {
      heuristic(heurKeys.index(0));
      setStepSize(stepSize);
      const da = new DualAveraging(stepSize, targetAcceptProb);
      for (let w = 0; w < windows.length; w++) {
        const win = windows[w];
        const slow = win.kind === 'slow' ? sizes.map((n) => new RunningVariance(n)) : null;
        for (let i = 0; i < win.size; i++) { await step(stepKeys!.index(stepNo), true, stepNo + 1, slow, da); stepNo++; }
        if (slow) {
          variances = slow.map((rv) => rv.regularizedVariance());
          setMetric();
          heuristic(heurKeys.index(w + 1));
          setStepSize(stepSize);
          da.restart(stepSize);
        }
      }
      stepSize = da.final();
      setStepSize(stepSize);
    }

    // ---- draws
    for (let i = 0; i < nDraws; i++) { await step(drawKeys.index(i), false, stepNo + 1, null, null); stepNo++; }
  } finally {
    releaseKernelBuffers(kernel);
  }

  // ---- outputs
  const zDraws = rec.map((d, k) => mk(d, [nRec, C, ...uShapes[k]]));
  const xDraws = toList(post, bij.forward(toStruct(post, zDraws) as never));
  const bool = (a: Uint8Array, shape: number[]): Tensor => new Tensor(a, shape, 'bool');
  const trace: WindowedTrace = {
    targetLogProb: mk(tr.targetLogProb, [nRec, C]),
    stepSize: mk(tr.stepSize, [nRec]),
    hasDivergence: bool(tr.hasDivergence, [nRec, C]),
    acceptProb: mk(tr.acceptProb, [nRec, C]),
    isAccepted: bool(tr.isAccepted, [nRec, C]),
    leapfrogsTaken: new Tensor(tr.leapfrogsTaken, [nRec, C]),
    tune: bool(tr.tune, [nRec]),
  };
  return {
    allStates: toStruct(post, xDraws) as Free,
    trace,
    stepSize,
    inverseMassMatrix: toStruct(post, variances.map((v, k) => mk(v, uShapes[k]))) as Free,
  };
}

/**
 * Stan's initial step-size heuristic (base_hmc::init_stepsize): from the current state, draw
 * a momentum (metric `invMass`), take one leapfrog step and compare the chain-averaged acceptance
 * min(1, exp(-ΔH)) with 0.8; double (or halve) the step size until it crosses. Momenta are
 * redrawn each try. Returns the new step size (unchanged when the state's gradient is not finite).
 */
function initStepSizeHeuristic(target: (...z: Tensor[]) => Tensor, state: Tensor[], invMass: Float64Array[], eps0: number,
  key: Tensor, C: number, dtype: 'float32' | 'float64'): number {
  const vg = valueAndGrad((parts: Tensor[]) => { const lp = target(...parts); return [np.sum(lp), lp]; }, { hasAux: true });
  const evalAt = (parts: Tensor[]): { lp: Float64Array; g: Float64Array[] } => {
    const [[, lp], g] = vg(parts) as unknown as [[Tensor, Tensor], Tensor[]];
    return { lp: Float64Array.from(lp.data() as ArrayLike<number>), g: g.map((t) => Float64Array.from(t.data() as ArrayLike<number>)) };
  };
  const x0 = state.map((t) => Float64Array.from(t.data() as ArrayLike<number>));
  const { lp: lp0, g: g0 } = evalAt(state);
  if (!lp0.every(Number.isFinite) || !g0.every((g) => g.every(Number.isFinite))) return eps0;
  const per = x0.map((x) => x.length / C);
  const mk = (d: Float64Array, shape: number[]): Tensor => new Tensor(dtype === 'float64' ? d : Float32Array.from(d), shape);
  const keys = random.split(key, 64);
  const accept = (eps: number, t: number): number => {
    const pk = random.split(keys.index(t), state.length);
    // p ~ N(0, M) with M = diag(1 / invMass); K(p) = p' M⁻¹ p / 2; dx/dt = M⁻¹ p.
    const p0 = state.map((s, k) => Float64Array.from(random.normal(pk.index(k), [...s.shape], 'float64').data() as Float64Array,
      (v, j) => v / Math.sqrt(invMass[k][j % per[k]])));
    const kin = (p: Float64Array[]): Float64Array => {
      const e = new Float64Array(C);
      p.forEach((pp, k) => { for (let j = 0; j < pp.length; j++) e[Math.floor(j / per[k])] += 0.5 * invMass[k][j % per[k]] * pp[j] * pp[j]; });
      return e;
    };
    const ph = p0.map((p, k) => p.map((v, j) => v + 0.5 * eps * g0[k][j]));
    const x1 = x0.map((x, k) => x.map((v, j) => v + eps * invMass[k][j % per[k]] * ph[k][j]));
    const { lp: lp1, g: g1 } = evalAt(x1.map((d, k) => mk(d, [...state[k].shape])));
    const p1 = ph.map((p, k) => p.map((v, j) => v + 0.5 * eps * g1[k][j]));
    const k0 = kin(p0), k1 = kin(p1);
    let a = 0;
    for (let c = 0; c < C; c++) {
      const dH = (lp1[c] - k1[c]) - (lp0[c] - k0[c]);
      const ac = Math.min(1, Math.exp(dH));
      a += Number.isNaN(ac) ? 0 : ac;
    }
    return a / C;
  };
  let eps = eps0;
  const direction = accept(eps, 0) > 0.8 ? 1 : -1;
  for (let t = 1; t < 64; t++) {
    const a = accept(eps, t);
    if (direction === 1 && !(a > 0.8)) break;
    if (direction === -1 && !(a < 0.8)) break;
    eps = direction === 1 ? 2 * eps : 0.5 * eps;
    if (eps > 1e7 || eps < 1e-12) break;
  }
  return eps;
}
