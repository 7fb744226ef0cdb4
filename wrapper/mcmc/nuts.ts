/**
 * The No-U-Turn Sampler (TFP's `tfp.mcmc.NoUTurnSampler`; Hoffman & Gelman 2014, with the
 * multinomial sampling and generalized U-turn criterion of Betancourt 2017, "A Conceptual
 * Introduction to Hamiltonian Monte Carlo", as in Stan and TFP).
 *
 * One transition, per chain: draw momenta p0 = z / sqrt(invMass); then for depth
 * 0, 1, ... < maxTreeDepth, pick a direction at random and build a subtree of 2^depth
 * leapfrog steps from that end of the trajectory (iteratively, one step per leaf):
 *   - each leaf has log weight  w = E(leaf) - E(start),  E = targetLogProb - K(p);
 *     inside a subtree the candidate is replaced by the new leaf with probability
 *     w / (sum of weights so far) (uniform progressive sampling);
 *   - a leaf with  E(start) - E(leaf) >= maxEnergyDiff  is a divergence: the subtree
 *     stops and is rejected;
 *   - U-turns inside the subtree are checked at every odd leaf for each aligned
 *     sub-subtree ending there (checkpoints of momenta and momentum sums, TFP's / NumPyro's
 *     iterative scheme): with rho the sum of the momenta over the sub-subtree and v = invMass p
 *     at its two ends, it continues while rho . v_left >= 0 and rho . v_right >= 0;
 * a complete subtree replaces the trajectory's candidate with probability
 * min(1, W_subtree / W_old) (biased progressive sampling), then the whole trajectory
 * (rho = all momenta including p0) is checked for a U-turn. Stan 2.26's extra checks
 * across the two merged halves are not made (TFP does not make them either).
 *
 * Seeds follow TFP on JAX: split(seed) -> (start, loop); split(start, nParts + 1) gives the
 * momentum keys; each doubling splits its key in 4 (direction, subtree, acceptance, next),
 * each leaf its subtree key in 2 (acceptance, next); directions are
 * `randint(key, chainShape, 0, 2)` and acceptances `log1p(-uniform(key, chainShape))`.
 *
 * Chains (a leading chain shape on every part, the target returning one value per chain)
 * build independent trees in lockstep: every leapfrog step integrates all chains at once
 * (one batched target call), and masks keep per-chain control flow: a chain whose tree has
 * stopped keeps being integrated but its leaves are ignored (as in TFP), so chains take
 * different numbers of leapfrog steps (`leapfrogsTaken` per chain) while the batched
 * target is called max-over-chains times.
 *
 * Results (TFP's names): `targetLogProb`, `gradsTargetLogProb`, `stepSize`,
 * `logAcceptRatio` = log of the mean over the trajectory's leaves of min(1, exp(w)) (for
 * step-size adaptation), `leapfrogsTaken`, `isAccepted` (the state moved), `reachMaxDepth`
 * (and the alias `reachedMaxDepth`), `hasDivergence`, `energy` (E = targetLogProb - K of the
 * chosen state, TFP's sign), and `invMassDiag` when set. The step size and inverse mass in
 * use are read from the previous results (`results.stepSize`, `results.invMassDiag`),
 * filled by `bootstrapResults` from the options, so adaptation kernels replace them there.
 * The integrator state lives in wasm linear memory for the whole transition
 * (wrapper/mcmc/leapfrog.ts).
 */
import { Tensor } from '../np/tensor.js';
import * as random from '../random/index.js';
import type { KeyLike } from '../types/random.js';
import { stateParts, fromParts, type KernelResults, type State, type TargetLogProbFn, type TransitionKernel } from './kernel.js';
import { splitSeed } from './metropolis_hastings.js';
import { withIntegrator, IntegratorBuffers, type Ptr } from './leapfrog.js';
import { checkTargetAndStep, asResultTensors, coefficients } from './hmc.js';
import { targetAndGrads, PartsLayout, chainTensor, logAddExp, type PerPart } from './util.js';

/** Options of {@link NoUTurnSampler}. */
export interface NoUTurnSamplerOptions {
  /** The unnormalized log density, called as `targetLogProbFn(...parts)`. */
  targetLogProbFn: TargetLogProbFn;
  /** Leapfrog step size: one for all parts or one per part (positive). */
  stepSize: PerPart;
  /** At most 2^maxTreeDepth - 1 leapfrog steps per transition (an integer in [1, 30]; default 10). */
  maxTreeDepth?: number;
  /** Energy error that counts as a divergence (default 1000). */
  maxEnergyDiff?: number;
  /** Leapfrog steps per tree leaf (TFP's `unrolled_leapfrog_steps`; default 1). */
  unrolledLeapfrogSteps?: number;
  /** Diagonal inverse mass matrix per part (positive; default identity). */
  invMassDiag?: PerPart;
  name?: string;
}

/** Results of {@link NoUTurnSampler} (TFP's `NUTSKernelResults` names in camelCase). */
export interface NoUTurnSamplerResults extends KernelResults {
  readonly targetLogProb: Tensor;
  readonly gradsTargetLogProb: Tensor[];
  readonly stepSize: Tensor | Tensor[];
  readonly logAcceptRatio: Tensor;
  readonly leapfrogsTaken: Tensor;
  readonly isAccepted: Tensor;
  readonly reachMaxDepth: Tensor;
  /** Same tensor as `reachMaxDepth`. */
  readonly reachedMaxDepth: Tensor;
  readonly hasDivergence: Tensor;
  readonly energy: Tensor;
  readonly invMassDiag?: Tensor | Tensor[];
}

function popcount(x: number): number {
  let c = 0;
  for (; x; x >>>= 1) c += x & 1;
  return c;
}

function trailingOnes(x: number): number {
  let c = 0;
  for (; x & 1; x >>>= 1) c++;
  return c;
}

const any = (a: Uint8Array): boolean => a.some((v) => v !== 0);

/**
 * The No-U-Turn Sampler.
 * @example
 * ```ts
 * const target = (x: Tensor) => np.multiply(-0.5, np.sum(np.square(x), { axis: -1 }));
 * const kernel = new mcmc.NoUTurnSampler({ targetLogProbFn: target, stepSize: 0.1 });
 * let x: State = np.zeros([10, 2]); // 10 chains of a 2-D normal
 * let results = kernel.bootstrapResults(x);
 * [x, results] = kernel.oneStep(x, results, random.key(0));
 * results.leapfrogsTaken; // int32 [10]
 * ```
 */
export class NoUTurnSampler implements TransitionKernel<NoUTurnSamplerResults> {
  readonly isCalibrated = true;
  private readonly options: NoUTurnSamplerOptions;
  /** @internal The integrator's linear-memory block, kept across transitions. */
  readonly integratorBuffers = new IntegratorBuffers(this);

  constructor(options: NoUTurnSamplerOptions) {
    checkTargetAndStep('NoUTurnSampler', options);
    const { maxTreeDepth = 10, maxEnergyDiff = 1000, unrolledLeapfrogSteps = 1 } = options;
    if (!Number.isInteger(maxTreeDepth) || maxTreeDepth < 1 || maxTreeDepth > 30) {
      throw new RangeError(`NoUTurnSampler: maxTreeDepth must be an integer in [1, 30]; got ${maxTreeDepth}`);
    }
    if (typeof maxEnergyDiff !== 'number' || !(maxEnergyDiff > 0)) {
      throw new RangeError(`NoUTurnSampler: maxEnergyDiff must be a positive number; got ${maxEnergyDiff}`);
    }
    if (!Number.isInteger(unrolledLeapfrogSteps) || unrolledLeapfrogSteps < 1) {
      throw new RangeError(`NoUTurnSampler: unrolledLeapfrogSteps must be a positive integer; got ${unrolledLeapfrogSteps}`);
    }
    this.options = { ...options, maxTreeDepth, maxEnergyDiff, unrolledLeapfrogSteps };
  }

  get targetLogProbFn(): TargetLogProbFn { return this.options.targetLogProbFn; }
  get stepSize(): PerPart { return this.options.stepSize; }
  get maxTreeDepth(): number { return this.options.maxTreeDepth!; }
  get maxEnergyDiff(): number { return this.options.maxEnergyDiff!; }
  /** The constructor options (with defaults filled in). */
  get parameters(): NoUTurnSamplerOptions { return { ...this.options }; }

  /** A new kernel with some options replaced (TFP's `kernel.copy(step_size=...)`). */
  copy(overrides: Partial<NoUTurnSamplerOptions> = {}): NoUTurnSampler {
    return new NoUTurnSampler({ ...this.options, ...overrides });
  }

  bootstrapResults(initState: State): NoUTurnSamplerResults {
    const { parts } = stateParts(initState);
    const { logProb, grads } = targetAndGrads(this.options.targetLogProbFn, parts);
    const layout = PartsLayout.of(parts, logProb.shape);
    const dt = layout.dtype, shape = logProb.shape, n = logProb.size;
    coefficients(layout, 'NoUTurnSampler', this.options.stepSize, this.options.invMassDiag); // validates shapes
    const no = chainTensor(new Uint8Array(n), shape, 'bool');
    return {
      targetLogProb: logProb,
      gradsTargetLogProb: grads,
      stepSize: asResultTensors(this.options.stepSize, dt),
      logAcceptRatio: chainTensor(new Float64Array(n), shape, dt),
      leapfrogsTaken: chainTensor(new Int32Array(n), shape, 'int32'),
      isAccepted: no,
      reachMaxDepth: no,
      reachedMaxDepth: no,
      hasDivergence: no,
      energy: logProb,
      ...(this.options.invMassDiag !== undefined ? { invMassDiag: asResultTensors(this.options.invMassDiag, dt) } : {}),
    };
  }

  oneStep(currentState: State, previousKernelResults: NoUTurnSamplerResults, seed: KeyLike): [State, NoUTurnSamplerResults] {
    const cls = 'NoUTurnSampler';
    const prev = previousKernelResults;
    if (!prev || !(prev.targetLogProb instanceof Tensor) || !Array.isArray(prev.gradsTargetLogProb)) {
      throw new TypeError(`${cls}.oneStep: previousKernelResults must come from bootstrapResults or oneStep`);
    }
    const { parts, single } = stateParts(currentState);
    const batchShape = prev.targetLogProb.shape;
    const layout = PartsLayout.of(parts, batchShape);
    if (prev.gradsTargetLogProb.length !== parts.length || !layout.matches(prev.gradsTargetLogProb)) {
      throw new RangeError(`${cls}.oneStep: previousKernelResults.gradsTargetLogProb do not match the state's parts`);
    }
    const [eps, inv] = coefficients(layout, cls, (prev.stepSize ?? this.options.stepSize) as PerPart,
      (prev.invMassDiag ?? this.options.invMassDiag) as PerPart | undefined);
    const dt = layout.dtype, nC = layout.nChains;
    const maxDepth = this.options.maxTreeDepth!, maxDiff = this.options.maxEnergyDiff!;
    const unroll = this.options.unrolledLeapfrogSteps!;

    const [startSeed, loopSeed] = splitSeed(seed, 2);
    const z = splitSeed(startSeed, parts.length + 1).slice(0, parts.length).map((k, i) => random.normal(k, parts[i].shape, dt));
    const lp0 = Float64Array.from(prev.targetLogProb._data as ArrayLike<number>);

    const out = withIntegrator(layout, this.options.targetLogProbFn, eps, inv, (it) => {
      const [Lq, Lp, Lg, Rq, Rp, Rg, Wq, Wp, Wg, Cq, Cg, Sq, Sg, rho, rhoSub] = Array.from({ length: 15 }, () => it.vec());
      const ckRho: Ptr[] = [], ckP: Ptr[] = [];
      const slot = (i: number): void => { while (ckRho.length <= i) { ckRho.push(it.vec()); ckP.push(it.vec()); } };
      it.load(Lq, parts);
      it.load(Lg, prev.gradsTargetLogProb);
      it.drawMomentum(Lp, z);
      const k0 = it.kinetic(Lp);
      const h0 = lp0.map((v, c) => v - k0[c]);
      it.copy(Rq, Lq); it.copy(Rp, Lp); it.copy(Rg, Lg);
      it.copy(Cq, Lq); it.copy(Cg, Lg);
      it.copy(rho, Lp);
      const lpL = lp0.slice(), lpR = lp0.slice(), lpC = lp0.slice(), eC = h0.slice();
      const wC = new Float64Array(nC); // log weight of the trajectory so far: log(exp(0))
      const cont = new Uint8Array(nC).fill(1), notDiv = new Uint8Array(nC).fill(1), accepted = new Uint8Array(nC);
      const leapfrogs = new Int32Array(nC), eds = new Float64Array(nC);
      let seedT: Tensor = loopSeed;
      for (let depth = 0; depth < maxDepth && any(cont); depth++) {
        const [dirSeed, subSeed0, accSeed, nextSeed] = splitSeed(seedT, 4);
        seedT = nextSeed;
        const fwd = Uint8Array.from(random.randint(dirSeed, batchShape, 0, 2)._data as ArrayLike<number>);
        const back = fwd.map((v) => 1 - v);
        // the subtree grows from the chosen end
        it.copyRows(Wq, Rq, fwd); it.copyRows(Wp, Rp, fwd); it.copyRows(Wg, Rg, fwd);
        it.copyRows(Wq, Lq, back); it.copyRows(Wp, Lp, back); it.copyRows(Wg, Lg, back);
        let lpW: Float64Array = lpL.map((v, c) => (fwd[c] ? lpR[c] : v));
        it.setDirections(fwd);
        // subtree state
        const contS = cont.slice(), notDivS = notDiv.slice();
        const wS = new Float64Array(nC).fill(-Infinity), edsS = new Float64Array(nC), lfS = new Int32Array(nC);
        it.copy(Sq, Wq); it.copy(Sg, Wg);
        const lpS = lpW.slice();
        const kW = it.kinetic(Wp);
        const eS = lpW.map((v, c) => v - kW[c]);
        it.arr(rhoSub).fill(0);
        let subSeed = subSeed0;
        for (let leaf = 0; leaf < (1 << depth) && any(contS); leaf++) {
          const [leafSeed, nextSub] = splitSeed(subSeed, 2);
          subSeed = nextSub;
          lpW = it.leapfrog(Wq, Wp, Wg, unroll);
          const noTurn = new Uint8Array(nC).fill(1);
          const idxMax = popcount(leaf >> 1);
          if ((leaf & 1) === 0) {
            slot(idxMax);
            it.copy(ckRho[idxMax], rhoSub);
            it.copy(ckP[idxMax], Wp);
            it.accumulate(rhoSub, Wp);
          } else {
            it.accumulate(rhoSub, Wp);
            const idxMin = idxMax - trailingOnes(leaf) + 1;
            for (let i = idxMax; i >= idxMin && any(noTurn); i--) {
              const ok = it.noUturn(rhoSub, ckRho[i], ckP[i], Wp);
              for (let c = 0; c < nC; c++) noTurn[c] &= ok[c];
            }
          }
          const kin = it.kinetic(Wp);
          const u = random.uniform(leafSeed, batchShape, dt)._data;
          const take = new Uint8Array(nC);
          for (let c = 0; c < nC; c++) {
            let e = lpW[c] - kin[c];
            if (Number.isNaN(e)) e = -Infinity;
            const ed = e - h0[c];
            const notDivergent = -ed < maxDiff;
            const wsum = logAddExp(wS[c], ed);
            if (contS[c] && Math.log1p(-u[c]) <= ed - wsum) {
              take[c] = 1;
              lpS[c] = lpW[c];
              eS[c] = e;
            }
            wS[c] = wsum;
            if (contS[c]) {
              lfS[c] += unroll;
              if (!notDivergent) notDivS[c] = 0;
              else edsS[c] += Math.exp(Math.min(ed, 0));
            }
            contS[c] = contS[c] & (notDivergent ? 1 : 0) & noTurn[c];
          }
          it.copyRows(Sq, Wq, take); it.copyRows(Sg, Wg, take);
        }
        // merge the subtree into the trajectory
        const u = random.uniform(accSeed, batchShape, dt)._data;
        const pick = new Uint8Array(nC);
        for (let c = 0; c < nC; c++) {
          const tw = contS[c] ? wS[c] : -Infinity;
          let th = tw - wC[c];
          if (Number.isNaN(th)) th = 0;
          if (contS[c] && Math.log1p(-u[c]) <= th) {
            pick[c] = 1;
            lpC[c] = lpS[c];
            eC[c] = eS[c];
          }
          wC[c] = logAddExp(tw, wC[c]);
          eds[c] += edsS[c];
          leapfrogs[c] += lfS[c];
          if (fwd[c]) lpR[c] = lpW[c]; else lpL[c] = lpW[c];
        }
        it.copyRows(Cq, Sq, pick); it.copyRows(Cg, Sg, pick);
        it.copyRows(Rq, Wq, fwd); it.copyRows(Rp, Wp, fwd); it.copyRows(Rg, Wg, fwd);
        it.copyRows(Lq, Wq, back); it.copyRows(Lp, Wp, back); it.copyRows(Lg, Wg, back);
        it.accumulate(rho, rhoSub);
        const noTurn = it.noUturn(rho, 0, Lp, Rp);
        for (let c = 0; c < nC; c++) {
          cont[c] = contS[c] & noTurn[c];
          notDiv[c] = notDivS[c];
          accepted[c] |= pick[c];
        }
      }
      return {
        q: it.read(Cq), g: it.read(Cg), lpC, eC, cont, notDiv, accepted, leapfrogs,
        lar: eds.map((s, c) => Math.log(s / leapfrogs[c])), gradEvals: it.gradEvals,
      };
    }, this.integratorBuffers, 15 + 2 * maxDepth);
    const reach = chainTensor(out.cont, batchShape, 'bool');
    const results: NoUTurnSamplerResults = {
      ...prev,
      targetLogProb: chainTensor(out.lpC, batchShape, dt),
      gradsTargetLogProb: out.g,
      logAcceptRatio: chainTensor(out.lar, batchShape, dt),
      leapfrogsTaken: chainTensor(out.leapfrogs, batchShape, 'int32'),
      isAccepted: chainTensor(out.accepted, batchShape, 'bool'),
      reachMaxDepth: reach,
      reachedMaxDepth: reach,
      hasDivergence: chainTensor(out.notDiv.map((v) => 1 - v), batchShape, 'bool'),
      energy: chainTensor(out.eC, batchShape, dt),
    };
    return [fromParts(out.q, single), results];
  }
}
