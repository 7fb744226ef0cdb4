// windowedAdaptiveNuts and Stan's warm-up pieces (wrapper/mcmc/windowed_adaptive_nuts.ts,
// stan_warmup.ts): the window schedule against Stan's rule, dual averaging and the
// regularized running variance against direct formulas, and the driver on a model with a
// known posterior (conjugate normal mean and a HalfNormal scale that the data do not touch),
// with fixed keys: posterior means within 4 Monte Carlo standard errors of the truth, draws
// in constrained space and in the model's structure, trace shapes, determinism.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { init, np, random, tfd, mcmc, Tensor } from '../wrapper/index.ts';
import { warmupWindows, DualAveraging, RunningVariance } from '../wrapper/mcmc/stan_warmup.ts';

before(async () => { await init(); });

const sizes = (n: number) => warmupWindows(n).map((w) => `${w.kind[0]}${w.size}`).join(' ');

describe('warmupWindows (Stan schedule)', () => {
  it('splits 500 and 1000 steps as Stan does: 75, slow 25/50/100/…, 50', () => {
    assert.equal(sizes(500), 'f75 s25 s50 s100 s200 f50');
    assert.equal(sizes(1000), 'f75 s25 s50 s100 s200 s500 f50');
  });
  it('stretches only from the second slow window on (Stan compute_next_window)', () => {
    assert.equal(sizes(170), 'f75 s25 s20 f50');
    assert.equal(sizes(150), 'f75 s25 f50');
  });
  it('uses 15% / 75% / 10% buffers for short warm-ups and one fast window under 20 steps', () => {
    assert.equal(sizes(100), 'f15 s75 f10');
    assert.equal(sizes(10), 'f10');
    assert.equal(sizes(0), '');
  });
  it('window sizes always sum to the warm-up length', () => {
    for (let n = 0; n < 1200; n += 7) assert.equal(warmupWindows(n).reduce((s, w) => s + w.size, 0), n, `n = ${n}`);
  });
  it('rejects a negative or fractional length', () => {
    assert.throws(() => warmupWindows(-1), /numAdaptationSteps must be an integer >= 0/);
    assert.throws(() => warmupWindows(2.5), RangeError);
  });
});

describe('DualAveraging', () => {
  it('follows Hoffman & Gelman (2014) Algorithm 5 with Stan constants', () => {
    const da = new DualAveraging(0.5, 0.8);
    const mu = Math.log(5);
    let sBar = 0, xBar = 0;
    const stats = [1, 0.2, 0.9, 0.5, 1, 0.7];
    stats.forEach((a, i) => {
      const t = i + 1;
      sBar = (1 - 1 / (t + 10)) * sBar + (0.8 - a) / (t + 10);
      const x = mu - (sBar * Math.sqrt(t)) / 0.05;
      xBar = t ** -0.75 * x + (1 - t ** -0.75) * xBar;
      assert.ok(Math.abs(da.update(a) - Math.exp(x)) < 1e-12);
    });
    assert.ok(Math.abs(da.final() - Math.exp(xBar)) < 1e-12);
  });
  it('converges to the step size where a monotone acceptance curve crosses the target', () => {
    const da = new DualAveraging(1e-3, 0.8);
    let eps = da.stepSize;
    for (let i = 0; i < 2000; i++) eps = da.update(Math.exp(-eps)); // acceptance exp(-eps) = 0.8 at eps = 0.223
    assert.ok(Math.abs(da.final() - -Math.log(0.8)) < 0.01, String(da.final()));
  });
  it('treats a NaN acceptance as 0', () => {
    const a = new DualAveraging(1, 0.8), b = new DualAveraging(1, 0.8);
    assert.equal(a.update(NaN), b.update(0));
    assert.ok(a.update(NaN) < b.update(1));
  });
});

describe('RunningVariance', () => {
  it('matches the two-pass sample variance and Stan regularization', () => {
    const rv = new RunningVariance(2);
    const xs = [[1, 10], [2, 14], [4, 9], [7, 11]];
    for (const x of xs) rv.add(x);
    const v = rv.variance();
    const ss0 = xs.reduce((s, x) => s + (x[0] - 3.5) ** 2, 0), ss1 = xs.reduce((s, x) => s + (x[1] - 11) ** 2, 0);
    assert.ok(Math.abs(v[0] - ss0 / 3) < 1e-12 && Math.abs(v[1] - ss1 / 3) < 1e-12, `${v}`);
    const r = rv.regularizedVariance();
    assert.ok(Math.abs(r[0] - ((4 / 9) * (ss0 / 3) + 1e-3 * (5 / 9))) < 1e-12);
    assert.ok(Math.abs(r[1] - ((4 / 9) * (ss1 / 3) + 1e-3 * (5 / 9))) < 1e-12);
  });
  it('reads strided rows (one chain of a batch) with an offset', () => {
    const rv = new RunningVariance(1);
    rv.add([0, 5, 0], 1); rv.add([0, 7, 0], 1);
    assert.equal(rv.mean[0], 6);
    assert.equal(rv.variance()[0], 2);
  });
});

// mu ~ N(0, 1), sigma ~ HalfNormal(1), y_i ~ N(mu, 1) (i < 8, pinned): the posterior is
// mu ~ N(sum y / 9, 1/9) and sigma ~ HalfNormal(1) (mean sqrt(2/pi), sd sqrt(1 - 2/pi)).
const ys = [0.3, 1.2, -0.4, 0.9, 1.5, 0.2, 0.8, 1.1];
const model = new tfd.JointDistributionNamed({
  mu: new tfd.Normal({ loc: 0, scale: 1 }),
  sigma: new tfd.HalfNormal({ scale: 1 }),
  y: (mu: Tensor) => new tfd.Sample(new tfd.Normal({ loc: mu, scale: 1 }), { sampleShape: [ys.length] }),
});
const truth = {
  mu: { mean: ys.reduce((a, b) => a + b, 0) / 9, sd: Math.sqrt(1 / 9) },
  sigma: { mean: Math.sqrt(2 / Math.PI), sd: Math.sqrt(1 - 2 / Math.PI) },
};

describe('windowedAdaptiveNuts', () => {
  let result: Awaited<ReturnType<typeof mcmc.windowedAdaptiveNuts>>;
  const progress: number[] = [];
  before(async () => {
    result = await mcmc.windowedAdaptiveNuts({
      jointDist: model, pins: { y: ys }, nChains: 4, numAdaptationSteps: 300, nDraws: 400, seed: random.key(3),
      onProgress: (p) => progress.push(p.step),
    });
  });

  it('returns constrained draws [nDraws, nChains] by part name, and a trace of the same length', () => {
    const s = result.allStates as Record<string, Tensor>;
    assert.deepEqual(Object.keys(s), ['mu', 'sigma']);
    assert.deepEqual(s.mu.shape, [400, 4]);
    assert.deepEqual(s.sigma.shape, [400, 4]);
    assert.ok((s.sigma.data() as Float32Array).every((v) => v > 0), 'sigma draws are positive (Softplus bijector)');
    for (const k of ['targetLogProb', 'hasDivergence', 'acceptProb', 'isAccepted', 'leapfrogsTaken'] as const) {
      assert.deepEqual(result.trace[k].shape, [400, 4], k);
    }
    assert.deepEqual(result.trace.stepSize.shape, [400]);
    assert.equal(new Set(Array.from(result.trace.stepSize.data() as Float32Array)).size, 1, 'step size fixed after warm-up');
    assert.ok(result.stepSize > 0.1 && result.stepSize < 3, `step size ${result.stepSize}`);
    const inv = result.inverseMassMatrix as Record<string, Tensor>;
    assert.deepEqual(inv.mu.shape, []);
  });

  it('reports progress once per step, warm-up and draws', () => {
    assert.equal(progress.length, 700);
    assert.equal(progress[699], 700);
  });

  it('posterior means are within 4 Monte Carlo standard errors of the truth; sds within 15%', () => {
    const s = result.allStates as Record<string, Tensor>;
    for (const k of ['mu', 'sigma'] as const) {
      const ess = (mcmc.effectiveSampleSize(s[k], { crossChainDims: 1 }) as Tensor).item() as number;
      const d = Array.from(s[k].data() as Float32Array);
      const mean = d.reduce((a, b) => a + b, 0) / d.length;
      const sd = Math.sqrt(d.reduce((a, b) => a + (b - mean) ** 2, 0) / (d.length - 1));
      const mcse = truth[k].sd / Math.sqrt(ess);
      assert.ok(ess > 200, `${k}: ESS ${ess}`);
      assert.ok(Math.abs(mean - truth[k].mean) < 4 * mcse, `${k}: mean ${mean} vs ${truth[k].mean} (MCSE ${mcse})`);
      assert.ok(Math.abs(sd / truth[k].sd - 1) < 0.15, `${k}: sd ${sd} vs ${truth[k].sd}`);
    }
    const div = (result.trace.hasDivergence.data() as Uint8Array).reduce((a, b) => a + b, 0);
    assert.equal(div, 0);
  });

  it('is deterministic for a seed, and keeps the warm-up with discardTuning: false', async () => {
    const run = () => mcmc.windowedAdaptiveNuts({ jointDist: model, pins: { y: ys }, nChains: 2, numAdaptationSteps: 30, nDraws: 10, seed: random.key(9), discardTuning: false });
    const [a, b] = [await run(), await run()];
    const mu = (r: typeof a) => Array.from(((r.allStates as Record<string, Tensor>).mu.data() as Float32Array));
    assert.deepEqual(mu(a), mu(b));
    assert.deepEqual((a.allStates as Record<string, Tensor>).mu.shape, [40, 2]);
    const tune = Array.from(a.trace.tune.data() as Uint8Array);
    assert.deepEqual(tune, [...new Array(30).fill(1), ...new Array(10).fill(0)]);
  });

  it('works on an array-structured model without pins (a single free part)', async () => {
    const jd = new tfd.JointDistributionSequential([
      new tfd.Independent(new tfd.Normal({ loc: np.array([1, -1]), scale: np.array([1, 2]) }), { reinterpretedBatchNdims: 1 })]);
    const r = await mcmc.windowedAdaptiveNuts({ jointDist: jd, nChains: 2, numAdaptationSteps: 100, nDraws: 50, seed: random.key(1) });
    assert.ok(Array.isArray(r.allStates));
    assert.deepEqual((r.allStates as Tensor[])[0].shape, [50, 2, 2]);
  });

  it('rejects a model with a batch shape', async () => {
    const jd = new tfd.JointDistributionSequential([new tfd.Normal({ loc: np.array([1, -1]), scale: 1 })]);
    await assert.rejects(mcmc.windowedAdaptiveNuts({ jointDist: jd, nChains: 2, nDraws: 5, seed: random.key(1) }), /batch shape \[2\]/);
  });

  it('rejects bad options with errors naming them', async () => {
    await assert.rejects(mcmc.windowedAdaptiveNuts({ jointDist: model, pins: { y: ys }, nDraws: 0, seed: random.key(0) }), /nDraws must be an integer >= 1/);
    await assert.rejects(mcmc.windowedAdaptiveNuts({ jointDist: model, pins: { y: ys }, nDraws: 5, nChains: 1.5, seed: random.key(0) }), /nChains/);
    await assert.rejects(mcmc.windowedAdaptiveNuts({ jointDist: model, pins: { y: ys }, nDraws: 5 } as never), /a seed is required/);
    await assert.rejects(mcmc.windowedAdaptiveNuts({ jointDist: model, pins: { y: ys }, nDraws: 5, seed: random.key(0), initStepSize: -1 }), /initStepSize must be positive/);
    await assert.rejects(mcmc.windowedAdaptiveNuts({ jointDist: model, pins: { nope: ys }, nDraws: 5, seed: random.key(0) }), /nope/);
  });
});
