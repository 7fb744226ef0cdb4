// HMC, Metropolis-Hastings and NUTS (wrapper/mcmc/{hmc,metropolis_hastings,nuts}.ts) on
// analytic targets, with fixed keys: posterior means and variances within 4 Monte Carlo
// standard errors of the truth (MCSE from a batch-means effective sample size, computed
// here), NUTS' tree mechanics (divergences, maxTreeDepth, per-chain trees), results
// fields, options checks.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { init, np, random, mcmc, Tensor } from '../wrapper/index.ts';

type Kernel = mcmc.TransitionKernel<any>;

/** Runs `n` steps after `burn` (keys folded from `seed`); returns per chain a list of flat draws. */
function run(kernel: Kernel, x0: mcmc.State, n: number, seed: number, burn = 0) {
  let x = x0;
  let results = kernel.bootstrapResults(x);
  const key = random.key(seed);
  const parts = () => (Array.isArray(x) ? x : [x]) as Tensor[];
  const nChains = (results.targetLogProb ?? results.acceptedResults.targetLogProb).size as number;
  const draws: number[][][] = Array.from({ length: nChains }, () => []);
  const all: any[] = [];
  for (let i = 0; i < burn + n; i++) {
    [x, results] = kernel.oneStep(x, results, random.foldIn(key, i));
    if (i < burn) continue;
    all.push(results);
    const ps = parts();
    for (let c = 0; c < nChains; c++) {
      draws[c].push(ps.flatMap((p) => { const per = p.size / nChains; return Array.from(p._data.subarray(c * per, (c + 1) * per) as ArrayLike<number>); }));
    }
  }
  return { draws, results: all, state: x };
}

/** Batch-means effective sample size of one chain's series. */
function essBatchMeans(f: number[]): number {
  const N = f.length, b = Math.floor(Math.sqrt(N)), a = Math.floor(N / b);
  const m = f.reduce((s, v) => s + v, 0) / N;
  const v = f.reduce((s, x) => s + (x - m) ** 2, 0) / (N - 1);
  const bm = Array.from({ length: a }, (_, i) => f.slice(i * b, (i + 1) * b).reduce((s, x) => s + x, 0) / b);
  const mb = bm.reduce((s, x) => s + x, 0) / a;
  const vb = bm.reduce((s, x) => s + (x - mb) ** 2, 0) / (a - 1);
  return (N * v) / (b * vb);
}

/** Checks E[f] = truth within 4 MCSE, pooling chains (ESS = sum over chains). */
function within4(series: number[][], truth: number, label: string): number {
  const flat = series.flat();
  const N = flat.length;
  const m = flat.reduce((s, v) => s + v, 0) / N;
  const sd = Math.sqrt(flat.reduce((s, x) => s + (x - m) ** 2, 0) / (N - 1));
  const ess = series.reduce((s, ch) => s + essBatchMeans(ch), 0);
  const mcse = sd / Math.sqrt(ess);
  if (process.env.MCMC_Z) console.log(label, ((m - truth) / mcse).toFixed(2));
  assert.ok(Math.abs(m - truth) < 4 * mcse, `${label}: estimate ${m.toFixed(4)}, truth ${truth}, MCSE ${mcse.toFixed(4)} (ESS ${ess.toFixed(0)})`);
  return ess;
}

/** Means and variances of every coordinate against the truth. */
function checkMoments(draws: number[][][], mean: number[], variance: number[], label: string): void {
  mean.forEach((mu, j) => {
    within4(draws.map((ch) => ch.map((x) => x[j])), mu, `${label} mean[${j}]`);
    within4(draws.map((ch) => ch.map((x) => (x[j] - mu) ** 2)), variance[j], `${label} variance[${j}]`);
  });
}

// Correlated 2-D Gaussian: mean [1, -1], sds [1, 2], correlation 0.9.
const MU = [1, -1], COV = [[1, 1.8], [1.8, 4]];
const det = COV[0][0] * COV[1][1] - COV[0][1] ** 2;
const PREC = np.array([[COV[1][1] / det, -COV[0][1] / det], [-COV[1][0] / det, COV[0][0] / det]]);
const corr2d = (x: Tensor) => {
  const d = np.subtract(x, np.array(MU));
  return np.multiply(-0.5, np.sum(np.multiply(d, np.matmul(d, PREC)), { axis: -1 }));
};
const stdNormal = (x: Tensor) => np.multiply(-0.5, np.sum(np.square(x), { axis: -1 }));

function checkCorr2d(draws: number[][][], label: string): void {
  checkMoments(draws, MU, [COV[0][0], COV[1][1]], label);
  within4(draws.map((ch) => ch.map((x) => (x[0] - MU[0]) * (x[1] - MU[1]))), COV[0][1], `${label} covariance`);
}

describe('HamiltonianMonteCarlo', () => {
  before(() => init());

  it('samples a correlated 2-D Gaussian (4 chains): means, variances, covariance within 4 MCSE', () => {
    const kernel = new mcmc.HamiltonianMonteCarlo({ targetLogProbFn: corr2d, stepSize: 0.25, numLeapfrogSteps: 12 });
    const { draws, results } = run(kernel, np.broadcastTo(np.array(MU), [4, 2]), 500, 1, 50);
    checkCorr2d(draws, 'HMC 2-D');
    const acc = results.reduce((s, r) => s + (r.isAccepted.data() as Uint8Array).reduce((a: number, b: number) => a + b, 0), 0) / (4 * results.length);
    assert.ok(acc > 0.6 && acc < 1, `acceptance rate ${acc}`);
  });

  it('samples a 100-D standard normal: every mean and variance within 4 MCSE', () => {
    const kernel = new mcmc.HamiltonianMonteCarlo({ targetLogProbFn: stdNormal, stepSize: 0.2, numLeapfrogSteps: 8 });
    const { draws } = run(kernel, np.zeros([2, 100]), 400, 2, 20);
    checkMoments(draws, new Array(100).fill(0), new Array(100).fill(1), 'HMC 100-D');
  });

  it('reports TFP\'s results: the MH log-accept ratio is the target difference plus K(p0) - K(p1)', () => {
    const kernel = new mcmc.HamiltonianMonteCarlo({ targetLogProbFn: corr2d, stepSize: 0.3, numLeapfrogSteps: 5 });
    const x0 = np.array([[0, 0], [2, -3]]);
    const r0 = kernel.bootstrapResults(x0);
    const [, r1] = kernel.oneStep(x0, r0, random.key(3));
    const p = r1.proposedResults;
    const sq = (t: Tensor) => np.multiply(0.5, np.sum(np.square(t), { axis: -1 })).data();
    const k0 = sq(p.initialMomentum[0]), k1 = sq(p.finalMomentum[0]);
    const lar = r1.logAcceptRatio.data(), tNew = p.targetLogProb.data(), tOld = r0.acceptedResults.targetLogProb.data();
    for (let c = 0; c < 2; c++) {
      assert.ok(Math.abs(lar[c] - (tNew[c] - tOld[c] + k0[c] - k1[c])) < 1e-4, `chain ${c}`);
      assert.ok(Math.abs(p.logAcceptanceCorrection.data()[c] - (k0[c] - k1[c])) < 1e-4);
    }
    assert.deepEqual(r1.isAccepted.shape, [2]);
    assert.equal(r1.isAccepted.dtype, 'bool');
    assert.equal((r1.acceptedResults.stepSize as Tensor).item(), Math.fround(0.3));
    assert.equal(r1.acceptedResults.numLeapfrogSteps, 5);
    assert.deepEqual((r1.proposedState as Tensor).shape, [2, 2]);
  });

  it('MetropolisHastings(UncalibratedHamiltonianMonteCarlo) is HamiltonianMonteCarlo, key for key', () => {
    const opts = { targetLogProbFn: corr2d, stepSize: 0.3, numLeapfrogSteps: 4 };
    const a = new mcmc.HamiltonianMonteCarlo(opts);
    const b = new mcmc.MetropolisHastings({ innerKernel: new mcmc.UncalibratedHamiltonianMonteCarlo(opts) });
    assert.equal(new mcmc.UncalibratedHamiltonianMonteCarlo(opts).isCalibrated, false);
    assert.equal(a.isCalibrated, true);
    const x0 = np.zeros([3, 2]);
    let xa: mcmc.State = x0, xb: mcmc.State = x0, ra = a.bootstrapResults(x0), rb = b.bootstrapResults(x0);
    for (let i = 0; i < 5; i++) {
      [xa, ra] = a.oneStep(xa, ra, random.key(i));
      [xb, rb] = b.oneStep(xb, rb, random.key(i));
    }
    assert.deepEqual((xa as Tensor).data(), (xb as Tensor).data());
    assert.deepEqual(ra.isAccepted.data(), rb.isAccepted.data());
  });

  it('is deterministic for a key and uses the step size stored in the results', () => {
    const kernel = new mcmc.HamiltonianMonteCarlo({ targetLogProbFn: stdNormal, stepSize: 0.5, numLeapfrogSteps: 3 });
    const x0 = np.zeros([2]);
    const r0 = kernel.bootstrapResults(x0);
    const [a] = kernel.oneStep(x0, r0, random.key(11));
    const [b] = kernel.oneStep(x0, r0, random.key(11));
    const [c] = kernel.oneStep(x0, r0, random.key(12));
    assert.deepEqual((a as Tensor).data(), (b as Tensor).data());
    assert.notDeepEqual((a as Tensor).data(), (c as Tensor).data());
    const small = { ...r0, acceptedResults: { ...r0.acceptedResults, stepSize: np.array(0.01) } };
    const [d, rd] = kernel.oneStep(x0, small, random.key(11));
    assert.ok(np.max(np.abs(d as Tensor)).item() as number < 0.2, 'a 100x smaller step size moves 100x less');
    assert.equal((rd.acceptedResults.stepSize as Tensor).item(), Math.fround(0.01));
  });
});

describe('NoUTurnSampler', () => {
  before(() => init());

  it('samples a correlated 2-D Gaussian (4 chains): means, variances, covariance within 4 MCSE', () => {
    const kernel = new mcmc.NoUTurnSampler({ targetLogProbFn: corr2d, stepSize: 0.25 });
    const { draws, results } = run(kernel, np.broadcastTo(np.array(MU), [4, 2]), 500, 3, 50);
    checkCorr2d(draws, 'NUTS 2-D');
    const meanAccept = results.reduce((s, r) => s + np.mean(np.exp(r.logAcceptRatio)).item(), 0) / results.length;
    assert.ok(meanAccept > 0.7 && meanAccept <= 1, `mean acceptance statistic ${meanAccept}`);
  });

  it('samples a 100-D standard normal: every mean and variance within 4 MCSE', () => {
    const kernel = new mcmc.NoUTurnSampler({ targetLogProbFn: stdNormal, stepSize: 0.3 });
    const { draws, results } = run(kernel, np.zeros([100]), 500, 4, 20);
    checkMoments(draws, new Array(100).fill(0), new Array(100).fill(1), 'NUTS 100-D');
    assert.ok(results.every((r) => !r.hasDivergence.item()));
  });

  it('runs 10 independent chains of a 2-D standard normal (step 0.1, 1000 results; DESIGN 9.7)', () => {
    const kernel = new mcmc.NoUTurnSampler({ targetLogProbFn: stdNormal, stepSize: 0.1 });
    const { draws, results } = run(kernel, np.zeros([10, 2]), 1000, 5);
    checkMoments(draws, [0, 0], [1, 1], 'NUTS 10 chains');
    for (const r of results) {
      assert.deepEqual(r.leapfrogsTaken.shape, [10]);
      assert.ok((r.leapfrogsTaken.data() as Int32Array).every((v: number) => v >= 1 && v <= 1023));
    }
    // U-turns end the trees: about half an orbit (pi / 0.1 ~ 31 steps), far below the depth
    // limit. Without Stan 2.26's extra checks across merged subtrees (TFP has none either), a
    // rare trajectory misses its U-turn and runs to the limit (here 2 of 10000).
    const meanLf = results.reduce((t, r) => t + np.mean(np.astype(r.leapfrogsTaken, 'float32')).item(), 0) / results.length;
    assert.ok(meanLf > 15 && meanLf < 45, `mean leapfrog steps per transition ${meanLf}`);
    const atLimit = results.reduce((t, r) => t + (r.reachMaxDepth.data() as Uint8Array).reduce((a: number, v: number) => a + v, 0), 0);
    assert.ok(atLimit < 10, `${atLimit} of 10000 transitions reached the depth limit`);
    // the chains build their own trees: leapfrog counts differ between chains
    assert.ok(results.some((r) => new Set(r.leapfrogsTaken.data()).size > 1));
    // and the chains are not copies of each other
    assert.notDeepEqual(draws[0].slice(-5), draws[1].slice(-5));
  });

  it('respects maxTreeDepth: at most 2^maxTreeDepth - 1 leapfrog steps, reachMaxDepth set', () => {
    const kernel = new mcmc.NoUTurnSampler({ targetLogProbFn: stdNormal, stepSize: 0.001, maxTreeDepth: 3 });
    const { results } = run(kernel, np.ones([3, 2]), 10, 6);
    for (const r of results) {
      assert.deepEqual([...r.leapfrogsTaken.data()], [7, 7, 7]);
      assert.deepEqual([...r.reachMaxDepth.data()], [1, 1, 1]);
      assert.equal(r.reachedMaxDepth, r.reachMaxDepth);
    }
    const deep = new mcmc.NoUTurnSampler({ targetLogProbFn: stdNormal, stepSize: 0.05, maxTreeDepth: 5 });
    for (const r of run(deep, np.ones([4, 2]), 20, 7).results) {
      assert.ok((r.leapfrogsTaken.data() as Int32Array).every((v: number) => v <= 31));
    }
  });

  it('detects divergences on a badly scaled target and keeps the state finite', () => {
    // sds 1 and 0.001: a step of 0.5 is 500x the stable limit in the narrow direction
    const scales = np.array([1, 0.001]);
    const target = (x: Tensor) => np.multiply(-0.5, np.sum(np.square(np.divide(x, scales)), { axis: -1 }));
    const kernel = new mcmc.NoUTurnSampler({ targetLogProbFn: target, stepSize: 0.5 });
    const x0 = np.array([[0.1, 0.0001], [-0.2, 0]]);
    const { results, state } = run(kernel, x0, 5, 8);
    for (const r of results) {
      assert.deepEqual([...r.hasDivergence.data()], [1, 1]);
      assert.deepEqual([...r.isAccepted.data()], [0, 0], 'a diverging first subtree is rejected');
      assert.deepEqual([...r.leapfrogsTaken.data()], [1, 1]);
    }
    assert.deepEqual((state as Tensor).data(), x0.data());
    const fine = new mcmc.NoUTurnSampler({ targetLogProbFn: target, stepSize: 0.0005 });
    assert.ok(run(fine, x0, 5, 8).results.every((r) => !(r.hasDivergence.data() as Uint8Array).some(Boolean)));
  });

  it('samples a multi-part state [w, b] with per-part step sizes', () => {
    const target = (w: Tensor, b: Tensor) => np.add(
      np.multiply(-0.5, np.sum(np.square(np.subtract(w, 1)), { axis: -1 })),
      np.multiply(-0.5, np.square(np.divide(np.add(b, 2), 0.5))));
    const kernel = new mcmc.NoUTurnSampler({ targetLogProbFn: target, stepSize: [0.4, 0.2] });
    const x0 = [np.ones([2, 3]), np.full([2], -2)];
    const { draws, results, state } = run(kernel, x0, 300, 9, 20);
    assert.ok(Array.isArray(state) && state.length === 2);
    assert.deepEqual((state as Tensor[])[0].shape, [2, 3]);
    assert.deepEqual((state as Tensor[])[1].shape, [2]);
    assert.deepEqual(results[0].gradsTargetLogProb.map((g: Tensor) => g.shape), [[2, 3], [2]]);
    assert.deepEqual(results[0].stepSize.map((s: Tensor) => s.item()), [Math.fround(0.4), Math.fround(0.2)]);
    checkMoments(draws, [1, 1, 1, -2], [1, 1, 1, 0.25], 'NUTS [w, b]');
  });

  it('preconditions with invMassDiag: correct moments and shorter trees on a badly scaled target', () => {
    const scales = np.array([1, 10]);
    const target = (x: Tensor) => np.multiply(-0.5, np.sum(np.square(np.divide(x, scales)), { axis: -1 }));
    const plain = new mcmc.NoUTurnSampler({ targetLogProbFn: target, stepSize: 0.5 });
    const pre = new mcmc.NoUTurnSampler({ targetLogProbFn: target, stepSize: 0.5, invMassDiag: [np.array([1, 100])] });
    const a = run(plain, np.zeros([2, 2]), 30, 10);
    const b = run(pre, np.zeros([2, 2]), 300, 10);
    checkMoments(b.draws, [0, 0], [1, 100], 'NUTS preconditioned');
    const meanLf = (rs: any[]) => rs.reduce((s, r) => s + np.mean(np.astype(r.leapfrogsTaken, 'float32')).item(), 0) / rs.length;
    assert.ok(meanLf(b.results) * 3 < meanLf(a.results), `leapfrogs with / without the mass matrix: ${meanLf(b.results)} / ${meanLf(a.results)}`);
    assert.deepEqual(b.results[0].invMassDiag.map((t: Tensor) => [...t.data()]), [[1, 100]]);
  });

  it('reports TFP\'s results fields with the chain shape, in the state\'s dtype', () => {
    const kernel = new mcmc.NoUTurnSampler({ targetLogProbFn: stdNormal, stepSize: 0.3 });
    const x64 = np.zeros([3, 2], 'float64');
    const r0 = kernel.bootstrapResults(x64);
    const [x1, r1] = kernel.oneStep(x64, r0, random.key(1));
    assert.equal((x1 as Tensor).dtype, 'float64');
    for (const f of ['targetLogProb', 'logAcceptRatio', 'energy'] as const) {
      assert.equal(r1[f].dtype, 'float64', f);
      assert.deepEqual(r1[f].shape, [3], f);
    }
    for (const f of ['isAccepted', 'hasDivergence', 'reachMaxDepth'] as const) assert.equal(r1[f].dtype, 'bool', f);
    assert.equal(r1.leapfrogsTaken.dtype, 'int32');
    assert.equal((r1.stepSize as Tensor).dtype, 'float64');
    assert.ok((r1.logAcceptRatio.data() as Float64Array).every((v) => v <= 1e-12));
    // the target log-prob and its gradient belong to the returned state
    const x = (x1 as Tensor).data() as Float64Array;
    const lp = r1.targetLogProb.data(), g = r1.gradsTargetLogProb[0].data();
    for (let c = 0; c < 3; c++) {
      assert.ok(Math.abs(lp[c] - -0.5 * (x[2 * c] ** 2 + x[2 * c + 1] ** 2)) < 1e-12);
      assert.ok(Math.abs(g[2 * c] + x[2 * c]) < 1e-12);
    }
    // energy = targetLogProb - kinetic energy of the chosen point: never above the target
    assert.ok((r1.energy.data() as Float64Array).every((e, c) => e <= lp[c]));
  });

  it('is deterministic for a key; copy() and parameters follow TFP', () => {
    const kernel = new mcmc.NoUTurnSampler({ targetLogProbFn: stdNormal, stepSize: 0.3 });
    assert.equal(kernel.parameters.maxTreeDepth, 10);
    assert.equal(kernel.parameters.maxEnergyDiff, 1000);
    const k2 = kernel.copy({ stepSize: 0.05 });
    assert.equal(k2.parameters.stepSize, 0.05);
    assert.equal(k2.parameters.targetLogProbFn, stdNormal);
    assert.equal(kernel.parameters.stepSize, 0.3);
    const x0 = np.zeros([2]);
    const r0 = kernel.bootstrapResults(x0);
    const [a, ra] = kernel.oneStep(x0, r0, random.key(5));
    const [b, rb] = kernel.oneStep(x0, r0, random.key(5));
    assert.deepEqual((a as Tensor).data(), (b as Tensor).data());
    assert.equal(ra.leapfrogsTaken.item(), rb.leapfrogsTaken.item());
    assert.equal((k2.bootstrapResults(x0).stepSize as Tensor).item(), Math.fround(0.05));
  });
});

describe('invalid options raise clear errors', () => {
  before(() => init());
  const t = stdNormal;

  it('for a missing or non-function targetLogProbFn', () => {
    assert.throws(() => new mcmc.NoUTurnSampler({ stepSize: 0.1 } as any), /NoUTurnSampler: targetLogProbFn must be a function/);
    assert.throws(() => new mcmc.HamiltonianMonteCarlo({ targetLogProbFn: 3, stepSize: 0.1, numLeapfrogSteps: 2 } as any), /HamiltonianMonteCarlo: targetLogProbFn must be a function/);
    assert.throws(() => new (mcmc.NoUTurnSampler as any)(), TypeError);
  });

  it('for missing, non-positive or non-finite step sizes', () => {
    assert.throws(() => new mcmc.NoUTurnSampler({ targetLogProbFn: t } as any), /stepSize is required/);
    for (const s of [0, -0.1, NaN, Infinity]) {
      assert.throws(() => new mcmc.NoUTurnSampler({ targetLogProbFn: t, stepSize: s }), /stepSize must be positive and finite/);
      assert.throws(() => new mcmc.HamiltonianMonteCarlo({ targetLogProbFn: t, stepSize: [0.1, s], numLeapfrogSteps: 1 }), /stepSize must be positive and finite/);
    }
    const k = new mcmc.NoUTurnSampler({ targetLogProbFn: t, stepSize: np.array([0.1, -1]) });
    assert.throws(() => k.bootstrapResults(np.zeros([2])), /stepSize must be positive and finite; got -1/);
    const k2 = new mcmc.NoUTurnSampler({ targetLogProbFn: t, stepSize: [0.1, 0.2, 0.3] });
    assert.throws(() => k2.bootstrapResults([np.zeros([2]), np.zeros([2])]), /one value or one per state part \(2\); got 3/);
  });

  it('for maxTreeDepth, maxEnergyDiff and numLeapfrogSteps out of range', () => {
    for (const d of [0, -1, 31, 2.5, NaN]) {
      assert.throws(() => new mcmc.NoUTurnSampler({ targetLogProbFn: t, stepSize: 0.1, maxTreeDepth: d }), /maxTreeDepth must be an integer in \[1, 30\]/);
    }
    assert.throws(() => new mcmc.NoUTurnSampler({ targetLogProbFn: t, stepSize: 0.1, maxEnergyDiff: 0 }), /maxEnergyDiff must be a positive number/);
    for (const L of [0, 1.5, -2]) {
      assert.throws(() => new mcmc.HamiltonianMonteCarlo({ targetLogProbFn: t, stepSize: 0.1, numLeapfrogSteps: L }), /numLeapfrogSteps must be a positive integer/);
    }
    assert.throws(() => new mcmc.NoUTurnSampler({ targetLogProbFn: t, stepSize: 0.1, invMassDiag: [1, 0] }), /invMassDiag must be positive and finite/);
    assert.throws(() => new mcmc.MetropolisHastings({ innerKernel: {} } as any), /innerKernel must be a transition kernel/);
  });

  it('for states whose parts do not carry the target\'s chain shape', () => {
    const k = new mcmc.NoUTurnSampler({ targetLogProbFn: (w: Tensor, b: Tensor) => np.add(stdNormal(w), np.sum(b)), stepSize: 0.1 });
    assert.throws(() => k.bootstrapResults([np.zeros([3, 2]), np.zeros([4])]), /does not start with the chain \(batch\) shape \[3\]/);
    const r = k.bootstrapResults([np.zeros([3, 2]), np.zeros([3])]);
    assert.throws(() => k.oneStep([np.zeros([3, 2]), np.zeros([3]), np.zeros([3])] as any, r, random.key(0)), /gradsTargetLogProb do not match/);
    const ki = new mcmc.NoUTurnSampler({ targetLogProbFn: stdNormal, stepSize: 0.1 });
    assert.throws(() => ki.bootstrapResults(np.zeros([2], 'int32')), /float/);
  });
});
