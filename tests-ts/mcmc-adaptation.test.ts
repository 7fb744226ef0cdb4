// sampleChain, step-size adaptation (simple, dual averaging), TransformedTransitionKernel,
// RandomWalkMetropolis and MALA. Statistical checks: moments within 4 Monte Carlo standard
// errors (MCSE from the cross-chain ESS), fixed keys.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { init, np, mcmc, random, tfd, tfb, Tensor } from '../wrapper/index.ts';

type KR = mcmc.KernelResults;

/** A toy kernel: adds N(0, 1) noise, counts steps, and records the keys it was given. */
class NoiseKernel implements mcmc.TransitionKernel {
  readonly isCalibrated = true;
  readonly keys: string[] = [];
  bootstrapResults(): KR { return { count: 0, flag: false, nested: { t: np.zeros([2]) } }; }
  oneStep(state: mcmc.State, prev: KR, seed: Tensor): [mcmc.State, KR] {
    this.keys.push(String(Array.from(seed.data())));
    const parts = Array.isArray(state) ? state : [state];
    const next = parts.map((p, i) => np.add(p, random.normal(random.foldIn(seed, i), p.shape)));
    const count = (prev.count as number) + 1;
    return [Array.isArray(state) ? next : next[0], { count, flag: count % 2 === 0, nested: { t: np.full([2], count) } }];
  }
}

/** Mean and variance checks within 4 MCSE; draws [n, chains, d], truth per component. */
function checkMoments(draws: Tensor, mean: number[], sd: number[], what: string): void {
  const d = mean.length;
  const ess = mcmc.effectiveSampleSize(draws, { crossChainDims: 1 }).data();
  const centered = np.subtract(draws, np.asarray(mean));
  const sq = np.square(centered);
  const essSq = mcmc.effectiveSampleSize(sq, { crossChainDims: 1 }).data();
  const m = np.mean(draws, { axis: [0, 1] }).data();
  const sdSq = np.std(sq, { axis: [0, 1] }).data();
  const v = np.mean(sq, { axis: [0, 1] }).data();
  for (let j = 0; j < d; j++) {
    const mcseMean = sd[j] / Math.sqrt(ess[j]);
    assert.ok(Math.abs(m[j] - mean[j]) < 4 * mcseMean, `${what}: mean[${j}] ${m[j]} vs ${mean[j]} (MCSE ${mcseMean}, ESS ${ess[j]})`);
    const mcseVar = sdSq[j] / Math.sqrt(essSq[j]); // sd of (x - mu)^2 estimated from the draws
    assert.ok(Math.abs(v[j] - sd[j] ** 2) < 4 * mcseVar, `${what}: var[${j}] ${v[j]} vs ${sd[j] ** 2} (MCSE ${mcseVar})`);
    assert.ok(ess[j] > 100, `${what}: ESS[${j}] ${ess[j]}`);
  }
}

const MU = [1, -2], SD = [1, 2];
const gauss2 = (x: Tensor): Tensor => np.sum(np.multiply(-0.5, np.square(np.divide(np.subtract(x, MU), SD))), { axis: -1 });
const acceptRate = (t: Tensor): number => (np.mean(np.exp(np.minimum(t, 0))).item() as number);

describe('mcmc.sampleChain', () => {
  before(() => init());

  it('stacks states and the default trace (the kernel results) along a new leading axis', () => {
    const { allStates, trace } = mcmc.sampleChain({ numResults: 5, currentState: np.zeros([3, 2]), kernel: new NoiseKernel(), seed: random.key(0) });
    assert.deepEqual((allStates as Tensor).shape, [5, 3, 2]);
    const tr = trace as { count: Tensor; flag: Tensor; nested: { t: Tensor } };
    assert.deepEqual(tr.count.toArray(), [1, 2, 3, 4, 5]);
    assert.deepEqual(tr.flag.toArray(), [false, true, false, true, false]);
    assert.deepEqual(tr.nested.t.shape, [5, 2]);
  });

  it('takes 1 + numBurninSteps steps to the first result and 1 + numStepsBetweenResults after', () => {
    const { trace } = mcmc.sampleChain({
      numResults: 4, numBurninSteps: 3, numStepsBetweenResults: 2, currentState: np.zeros([2]),
      kernel: new NoiseKernel(), traceFn: (_s, r) => r.count as number, seed: random.key(1),
    });
    assert.deepEqual((trace as Tensor).toArray(), [4, 7, 10, 13]);
  });

  it('preserves a multi-part state and traces arrays of tensors', () => {
    const { allStates, trace } = mcmc.sampleChain({
      numResults: 3, currentState: [np.zeros([4, 2]), np.zeros([4])], kernel: new NoiseKernel(),
      traceFn: (s) => [(s as Tensor[])[1], { c: 1 }], seed: random.key(2),
    });
    const [w, b] = allStates as Tensor[];
    assert.deepEqual(w.shape, [3, 4, 2]);
    assert.deepEqual(b.shape, [3, 4]);
    const [tb, obj] = trace as unknown as [Tensor, { c: Tensor }];
    assert.deepEqual(tb.toArray(), b.toArray());
    assert.deepEqual(obj.c.toArray(), [1, 1, 1]);
  });

  it('uses keys as TFP on JAX: salt the seed once, then split (step, next) every step', () => {
    const kernel = new NoiseKernel();
    mcmc.sampleChain({ numResults: 2, numBurninSteps: 1, currentState: np.zeros([1]), kernel, traceFn: null, seed: random.key(42) });
    let s = random.foldIn(random.key(42), 0x8c0a7cea);
    const expected: string[] = [];
    for (let i = 0; i < 3; i++) {
      const k = random.split(s, 2);
      expected.push(String(Array.from(k.index(0).data())));
      s = k.index(1);
    }
    assert.deepEqual(kernel.keys, expected);
  });

  it('returns the final kernel results when asked, and resumes from previousKernelResults', () => {
    const kernel = new NoiseKernel();
    const a = mcmc.sampleChain({ numResults: 3, currentState: np.zeros([2]), kernel, traceFn: null, returnFinalKernelResults: true, seed: random.key(3) });
    assert.equal(a.finalKernelResults?.count, 3);
    assert.deepEqual(a.trace, []);
    const last = np.take(a.allStates as Tensor, 2, { axis: 0 });
    const b = mcmc.sampleChain({ numResults: 2, currentState: last, kernel, previousKernelResults: a.finalKernelResults, traceFn: (_, r) => r.count as number, seed: random.key(4) });
    assert.deepEqual((b.trace as Tensor).toArray(), [4, 5]);
    assert.equal(mcmc.sampleChain({ numResults: 1, currentState: 0, kernel, seed: random.key(0) }).finalKernelResults, undefined);
  });

  it('reports progress, and the async variant gives the same draws', async () => {
    const seen: mcmc.SampleChainProgress[] = [];
    const opts = { numResults: 3, numBurninSteps: 2, currentState: np.zeros([2]), traceFn: null, seed: random.key(5) };
    const sync = mcmc.sampleChain({ ...opts, kernel: new NoiseKernel(), onProgress: (p) => seen.push(p) });
    assert.equal(seen.length, 5);
    assert.deepEqual(seen.map((p) => p.phase), ['burnin', 'burnin', 'burnin', 'sampling', 'sampling']);
    assert.deepEqual(seen[4], { step: 5, totalSteps: 5, numResultsDone: 2, phase: 'sampling' });
    const asyncRun = await mcmc.sampleChainAsync({ ...opts, kernel: new NoiseKernel(), yieldEveryMs: 0 });
    assert.deepEqual((asyncRun.allStates as Tensor).toArray(), (sync.allStates as Tensor).toArray());
  });

  it('rejects bad options with clear errors', () => {
    const kernel = new NoiseKernel();
    const base = { numResults: 2, currentState: np.zeros([2]), kernel, seed: random.key(0) };
    assert.throws(() => mcmc.sampleChain({ ...base, numResults: 0 }), /numResults must be an integer >= 1/);
    assert.throws(() => mcmc.sampleChain({ ...base, numBurninSteps: -1 }), /numBurninSteps must be an integer >= 0/);
    assert.throws(() => mcmc.sampleChain({ ...base, numStepsBetweenResults: 1.5 }), /numStepsBetweenResults/);
    assert.throws(() => mcmc.sampleChain({ ...base, seed: undefined as unknown as Tensor }), /seed is required/);
    assert.throws(() => mcmc.sampleChain({ ...base, kernel: {} as mcmc.TransitionKernel }), /kernel must be a TransitionKernel/);
    assert.throws(() => mcmc.sampleChain({ ...base, traceFn: () => new Map() as unknown }), /cannot stack the trace value at trace \(Map\)/);
  });
});

describe('mcmc kernels around MetropolisHastings', () => {
  before(() => init());

  it('RandomWalkMetropolis samples a 2-D Gaussian (moments within 4 MCSE)', () => {
    const kernel = new mcmc.RandomWalkMetropolis({ targetLogProbFn: gauss2, newStateFn: mcmc.randomWalkNormalFn({ scale: 1.5 }) });
    const { allStates, trace } = mcmc.sampleChain({
      numResults: 1500, numBurninSteps: 200, currentState: np.zeros([8, 2], 'float64'), kernel,
      traceFn: (_, r) => r.isAccepted as Tensor, seed: random.key(10),
    });
    const acc = np.mean(np.astype(trace as Tensor, 'float32')).item() as number;
    assert.ok(acc > 0.2 && acc < 0.7, `acceptance ${acc}`);
    checkMoments(allStates as Tensor, MU, SD, 'RWM');
  });

  it('randomWalkUniformFn proposes within [-scale, scale] of the state', () => {
    const x = np.zeros([1000]);
    const y = mcmc.randomWalkUniformFn({ scale: 0.5 })([x], random.key(0))[0].data();
    assert.ok(Math.max(...y) <= 0.5 && Math.min(...y) >= -0.5 && Math.max(...y) > 0.45);
  });

  it('MALA samples a 2-D Gaussian (moments within 4 MCSE)', () => {
    const kernel = new mcmc.MetropolisAdjustedLangevinAlgorithm({ targetLogProbFn: gauss2, stepSize: 0.8 });
    const { allStates, trace } = mcmc.sampleChain({
      numResults: 1000, numBurninSteps: 100, currentState: np.zeros([8, 2], 'float64'), kernel,
      traceFn: (_, r) => r.logAcceptRatio as Tensor, seed: random.key(11),
    });
    const acc = acceptRate(trace as Tensor);
    assert.ok(acc > 0.4 && acc < 0.95, `acceptance ${acc}`);
    checkMoments(allStates as Tensor, MU, SD, 'MALA');
  });

  it("MALA's log acceptance correction is log q(x | x') - log q(x' | x) of the Langevin proposal", () => {
    // Target N(0, 1): grad = -x, so q(to | from) = N(to; from - h from / 2, h).
    const h = 0.3, inner = new mcmc.UncalibratedLangevin({ targetLogProbFn: (x) => np.multiply(-0.5, np.square(x)), stepSize: h });
    const x0 = np.asarray([0.7], 'float64');
    const r0 = inner.bootstrapResults(x0);
    const [x1, r1] = inner.oneStep(x0, r0, random.key(7));
    const a = 0.7, b = (x1 as Tensor).item() as number;
    const logq = (to: number, from: number) => -((to - from - 0.5 * h * -from) ** 2) / (2 * h);
    assert.ok(Math.abs((r1.logAcceptanceCorrection.item() as number) - (logq(a, b) - logq(b, a))) < 1e-12);
  });
});

describe('mcmc step-size adaptation', () => {
  before(() => init());

  it('dual averaging drives HMC acceptance near the target (shared step size, 2-D Gaussian)', () => {
    const kernel = new mcmc.DualAveragingStepSizeAdaptation({
      innerKernel: new mcmc.HamiltonianMonteCarlo({ targetLogProbFn: gauss2, stepSize: 2.5, numLeapfrogSteps: 3 }),
      numAdaptationSteps: 300,
    });
    const { trace } = mcmc.sampleChain({
      numResults: 500, numBurninSteps: 300, currentState: np.zeros([8, 2]), kernel, seed: random.key(20),
      traceFn: (_, r) => [(r.innerResults as KR).logAcceptRatio as Tensor, r.newStepSize as Tensor],
    });
    const [lar, steps] = trace as unknown as [Tensor, Tensor];
    const acc = acceptRate(lar);
    assert.ok(Math.abs(acc - 0.75) < 0.04, `HMC acceptance after dual averaging ${acc}`);
    const s = steps.data();
    assert.ok(s[0] < 2.5 && s[0] > 0.3, `adapted step ${s[0]}`);
    assert.ok(s.every((v) => v === s[0]), 'the step size is frozen after adaptation');
  });

  it('dual averaging adapts per-chain step sizes ([nChains, 1]) chain by chain', () => {
    const kernel = new mcmc.DualAveragingStepSizeAdaptation({
      innerKernel: new mcmc.HamiltonianMonteCarlo({ targetLogProbFn: gauss2, stepSize: np.full([8, 1], 2.5), numLeapfrogSteps: 3 }),
      numAdaptationSteps: 300,
    });
    const { trace } = mcmc.sampleChain({
      numResults: 400, currentState: np.zeros([8, 2]), kernel, seed: random.key(21),
      traceFn: (_, r) => [(r.innerResults as KR).logAcceptRatio as Tensor, r.newStepSize as Tensor],
    });
    const [lar, steps] = trace as unknown as [Tensor, Tensor];
    assert.deepEqual(steps.shape, [400, 8, 1]);
    // While adapting, each chain's acceptance tracks the target; the averaged step sizes used
    // afterwards are smaller (geometric averaging of noisy per-chain iterates), so acceptance rises.
    const during = acceptRate(np.take(lar, np.arange(100, 300), { axis: 0 }));
    assert.ok(Math.abs(during - 0.75) < 0.03, `acceptance while adapting ${during}`);
    const after = acceptRate(np.take(lar, np.arange(300, 400), { axis: 0 }));
    assert.ok(after > 0.7 && after < 0.9, `acceptance after adaptation ${after}`);
    const final = Array.from(np.take(steps, 399, { axis: 0 }).data());
    assert.deepEqual(Array.from(np.take(steps, 310, { axis: 0 }).data()), final, 'frozen after adaptation');
    assert.ok(new Set(final).size === 8, 'each chain has its own step size');
  });

  it('dual averaging drives NUTS acceptance near the target (shared step size)', () => {
    const kernel = new mcmc.DualAveragingStepSizeAdaptation({
      innerKernel: new mcmc.NoUTurnSampler({ targetLogProbFn: gauss2, stepSize: 0.05 }),
      numAdaptationSteps: 200, targetAcceptProb: 0.8,
    });
    const { trace } = mcmc.sampleChain({
      numResults: 300, numBurninSteps: 200, currentState: np.zeros([4, 2]), kernel, seed: random.key(21),
      traceFn: (_, r) => [(r.innerResults as KR).logAcceptRatio as Tensor, r.newStepSize as Tensor],
    });
    const [lar, steps] = trace as unknown as [Tensor, Tensor];
    const acc = acceptRate(lar);
    assert.ok(Math.abs(acc - 0.8) < 0.07, `NUTS acceptance after dual averaging ${acc}`);
    assert.deepEqual(steps.shape, [300]);
    assert.ok((steps.data()[0]) > 0.2, `the step grew from 0.05 to ${steps.data()[0]}`);
  });

  it('simple adaptation shrinks a too-large step and grows a too-small one, chain by chain', () => {
    const hmc = new mcmc.HamiltonianMonteCarlo({ targetLogProbFn: gauss2, stepSize: np.asarray([[3], [0.01]]), numLeapfrogSteps: 2 });
    const kernel = new mcmc.SimpleStepSizeAdaptation({ innerKernel: hmc, numAdaptationSteps: 60 });
    assert.equal(kernel.parameters.adaptationRate, 0.01);
    const { trace } = mcmc.sampleChain({
      numResults: 80, currentState: np.zeros([2, 2]), kernel, seed: random.key(22), traceFn: (_, r) => r.newStepSize as Tensor,
    });
    const s = (trace as Tensor).toArray() as number[][][];
    assert.ok(s[59][0][0] < 3 * 0.8, `large step shrank: ${s[59][0][0]}`);
    assert.ok(Math.abs(s[59][1][0] - 0.01 * 1.01 ** 60) < 1e-6, `small step grew every step: ${s[59][1][0]}`);
    assert.deepEqual(s[79], s[60], 'frozen after numAdaptationSteps');
  });

  it('reads and writes the innermost stepSize for HMC (acceptedResults) and NUTS (top level)', () => {
    const hmc = new mcmc.HamiltonianMonteCarlo({ targetLogProbFn: gauss2, stepSize: 0.3, numLeapfrogSteps: 2 });
    const r = hmc.bootstrapResults(np.zeros([2]));
    assert.equal((mcmc.hmcLikeStepSizeGetterFn(r) as Tensor).item(), Math.fround(0.3));
    const r2 = mcmc.hmcLikeStepSizeSetterFn(r, np.asarray(0.1));
    assert.equal(((r2.acceptedResults as KR).stepSize as Tensor).item(), Math.fround(0.1));
    assert.equal(((r.acceptedResults as KR).stepSize as Tensor).item(), Math.fround(0.3), 'the input is unchanged');
    const nuts = new mcmc.NoUTurnSampler({ targetLogProbFn: gauss2, stepSize: 0.2 });
    const n2 = mcmc.hmcLikeStepSizeSetterFn(nuts.bootstrapResults(np.zeros([2])), 0.5);
    assert.equal(n2.stepSize, 0.5);
    assert.throws(() => mcmc.getInnermost({ a: 1 }, 'stepSize'), /no 'stepSize' field/);
  });

  it('adapts MALA too (its step size lives in acceptedResults.stepSize) and traces full HMC results by default', () => {
    const kernel = new mcmc.SimpleStepSizeAdaptation({
      innerKernel: new mcmc.MetropolisAdjustedLangevinAlgorithm({ targetLogProbFn: gauss2, stepSize: 10 }), numAdaptationSteps: 20,
    });
    const { trace } = mcmc.sampleChain({ numResults: 20, currentState: np.zeros([2]), kernel, seed: random.key(23), traceFn: (_, r) => r.newStepSize as Tensor });
    assert.ok(((trace as Tensor).data()[19]) < 10 / 1.01 ** 10, 'a too-large MALA step shrinks');
    const hmc = new mcmc.HamiltonianMonteCarlo({ targetLogProbFn: gauss2, stepSize: 0.3, numLeapfrogSteps: 2 });
    const all = mcmc.sampleChain({ numResults: 3, currentState: np.zeros([4, 2]), kernel: hmc, seed: random.key(24) }).trace as unknown as KR;
    assert.deepEqual((all.isAccepted as Tensor).shape, [3, 4]);
    assert.deepEqual(((all.acceptedResults as KR).targetLogProb as Tensor).shape, [3, 4]);
  });

  it('rejects bad adaptation options', () => {
    const hmc = new mcmc.HamiltonianMonteCarlo({ targetLogProbFn: gauss2, stepSize: 0.3, numLeapfrogSteps: 2 });
    assert.throws(() => new mcmc.SimpleStepSizeAdaptation({ innerKernel: hmc, numAdaptationSteps: -1 }), /numAdaptationSteps must be an integer >= 0/);
    assert.throws(() => new mcmc.DualAveragingStepSizeAdaptation({ innerKernel: hmc, numAdaptationSteps: 5, targetAcceptProb: 1.2 }), /targetAcceptProb must be in \(0, 1\)/);
    assert.throws(() => new mcmc.DualAveragingStepSizeAdaptation({ innerKernel: hmc, numAdaptationSteps: 5, decayRate: 0 }), /decayRate must be a positive number/);
    assert.throws(() => new mcmc.SimpleStepSizeAdaptation({ innerKernel: null as unknown as mcmc.TransitionKernel, numAdaptationSteps: 5 }), /innerKernel must be a TransitionKernel/);
  });
});

describe('mcmc.TransformedTransitionKernel', () => {
  before(() => init());

  it('samples a Gamma target through Exp with HMC (moments within 4 MCSE), keeping transformedState', () => {
    const gamma = new tfd.Gamma({ concentration: np.asarray(3, 'float64'), rate: np.asarray(2, 'float64') });
    const kernel = new mcmc.TransformedTransitionKernel({
      innerKernel: new mcmc.HamiltonianMonteCarlo({ targetLogProbFn: (x) => gamma.logProb(x), stepSize: 0.3, numLeapfrogSteps: 2 }),
      bijector: new tfb.Exp(),
    });
    const { allStates, trace } = mcmc.sampleChain({
      numResults: 800, numBurninSteps: 100, currentState: np.ones([8], 'float64'), kernel, seed: random.key(30),
      traceFn: (_, r) => r.transformedState as Tensor,
    });
    const x = allStates as Tensor;
    assert.ok(Math.min(...x.data()) > 0, 'states stay in the support');
    assert.ok(Math.max(...Array.from(np.abs(np.subtract(np.log(x), trace as Tensor)).data())) < 1e-12, 'transformedState = log(state)');
    checkMoments(np.reshape(x, [800, 8, 1]), [1.5], [Math.sqrt(0.75)], 'Gamma(3, 2) via Exp');
  });

  it('takes one bijector per part and works inside dual averaging (LogNormal and Gamma parts)', () => {
    const ln = new tfd.LogNormal({ loc: np.asarray(0, 'float64'), scale: np.asarray(0.5, 'float64') });
    const gamma = new tfd.Gamma({ concentration: np.asarray(4, 'float64'), rate: np.asarray(1, 'float64') });
    const inner = new mcmc.TransformedTransitionKernel({
      innerKernel: new mcmc.HamiltonianMonteCarlo({ targetLogProbFn: (a, b) => np.add(ln.logProb(a), gamma.logProb(b)), stepSize: [0.2, 0.8], numLeapfrogSteps: 2 }),
      bijector: [new tfb.Exp(), new tfb.Softplus()],
    });
    const kernel = new mcmc.DualAveragingStepSizeAdaptation({ innerKernel: inner, numAdaptationSteps: 150 });
    const { allStates } = mcmc.sampleChain({
      numResults: 700, numBurninSteps: 200, currentState: [np.ones([8], 'float64'), np.full([8], 2, 'float64')], kernel, seed: random.key(31),
      traceFn: null,
    });
    const [a, b] = allStates as Tensor[];
    const lnMean = Math.exp(0.125), lnSd = Math.sqrt((Math.exp(0.25) - 1) * Math.exp(0.25));
    checkMoments(np.reshape(a, [700, 8, 1]), [lnMean], [lnSd], 'LogNormal(0, 0.5) via Exp');
    checkMoments(np.reshape(b, [700, 8, 1]), [4], [2], 'Gamma(4, 1) via Softplus');
  });

  it('rebuilds nested kernels (adaptation inside) and bootstraps from a transformed state', () => {
    const target = (x: Tensor) => new tfd.Gamma({ concentration: 2, rate: 1 }).logProb(x);
    const k = new mcmc.TransformedTransitionKernel({
      innerKernel: new mcmc.SimpleStepSizeAdaptation({
        innerKernel: new mcmc.HamiltonianMonteCarlo({ targetLogProbFn: target, stepSize: 0.2, numLeapfrogSteps: 2 }), numAdaptationSteps: 5,
      }),
      bijector: new tfb.Exp(),
    });
    const r = k.bootstrapResults(null, np.asarray([0, 1]));
    // Inner target at u = log x: log Gamma(e^u) + u.
    const tlp = mcmc.getInnermost(r, 'targetLogProb') as Tensor;
    const expect = np.add(target(np.exp(np.asarray([0, 1]))), np.asarray([0, 1])).data();
    tlp.data().forEach((v, i) => assert.ok(Math.abs(v - expect[i]) < 1e-5));
    const [x1, r1] = k.oneStep(np.ones([2]), r, random.key(0));
    assert.deepEqual((x1 as Tensor).shape, [2]);
    assert.deepEqual(Array.from(np.exp(r1.transformedState as Tensor).data()), Array.from((x1 as Tensor).data()));
    assert.throws(() => k.bootstrapResults(), /exactly one of initState and transformedInitState/);
    const nuts = new mcmc.TransformedTransitionKernel({ innerKernel: new mcmc.NoUTurnSampler({ targetLogProbFn: target, stepSize: 0.3 }), bijector: new tfb.Exp() });
    const [xn] = nuts.oneStep(np.ones([3]), nuts.bootstrapResults(np.ones([3])), random.key(1));
    assert.ok(Math.min(...(xn as Tensor).data()) > 0, 'NUTS through Exp stays positive');
    assert.throws(() => new mcmc.TransformedTransitionKernel({ innerKernel: new mcmc.HamiltonianMonteCarlo({ targetLogProbFn: target, stepSize: 0.2, numLeapfrogSteps: 2 }), bijector: 3 as unknown as tfb.Bijector }), /bijector must be a Bijector/);
    const two = new mcmc.TransformedTransitionKernel({ innerKernel: new mcmc.HamiltonianMonteCarlo({ targetLogProbFn: target, stepSize: 0.2, numLeapfrogSteps: 2 }), bijector: [new tfb.Exp(), new tfb.Exp()] });
    assert.throws(() => two.bootstrapResults(np.ones([2])), /the state has 1 parts, but there are 2 bijectors/);
  });
});
