// Meta distributions: Sample, BatchReshape, Masked, Mixture, MixtureSameFamily (and
// Independent's covariance and KL): shapes, log_prob against direct computation with the
// base, SciPy mixture fixtures (fixtures/distributions/gen_mixture.py), sampling key use,
// moments and KS tests with fixed keys, finite-difference gradients, and clear errors.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { init, np, random, tfd, grad, Tensor, Variable } from '../wrapper/index.ts';
import { Categorical } from '../wrapper/distributions/categorical.ts';
import { Gamma } from '../wrapper/distributions/gamma.ts';
import { fixture } from './helpers.ts';
import { checkGrad, f64 } from './grad-check.ts';

const mix = fixture('distributions/mixture.json').cases as any[];
const fxCase = (name: string): any => mix.find((c) => c.name === name);

const arr = (t: Tensor): number[] => Array.from(t.data() as ArrayLike<number>, Number);
function close(got: Tensor | number[] | number, want: number[] | number, rtol: number, atol: number, what: string): void {
  const g = typeof got === 'number' ? [got] : Array.isArray(got) ? got : arr(got);
  const w = typeof want === 'number' ? [want] : want.flat(Infinity as 1) as number[];
  assert.equal(g.length, w.length, `${what}: length ${g.length} vs ${w.length}`);
  for (let i = 0; i < w.length; i++) {
    assert.ok(Math.abs(g[i] - w[i]) <= atol + rtol * Math.abs(w[i]), `${what}[${i}]: got ${g[i]}, want ${w[i]}`);
  }
}
const normalLogPdf = (x: number, m: number, s: number): number => -0.5 * ((x - m) / s) ** 2 - Math.log(s) - 0.5 * Math.log(2 * Math.PI);

/** Kolmogorov-Smirnov statistic of samples against a cdf evaluated on the sorted samples. */
function ksStatistic(samples: number[], cdf: (sorted: number[]) => number[]): number {
  const xs = [...samples].sort((a, b) => a - b);
  const F = cdf(xs);
  let d = 0;
  for (let i = 0; i < xs.length; i++) d = Math.max(d, Math.abs(F[i] - i / xs.length), Math.abs(F[i] - (i + 1) / xs.length));
  return d;
}
// 0.1% critical value of the one-sample KS statistic (asymptotic: 1.95 / sqrt(n)).
const ksCritical = (n: number): number => 1.95 / Math.sqrt(n);

describe('distributions: meta (Sample, BatchReshape, Masked, Mixture, MixtureSameFamily)', () => {
  before(() => init());

  describe('Sample', () => {
    it('has shapes sampleShape + base event for scalar, batch and event bases', () => {
      const cases: [tfd.Distribution, number | number[], number[], number[]][] = [
        [new tfd.Normal({ loc: 0, scale: 1 }), 5, [], [5]],
        [new tfd.Normal({ loc: np.zeros(3), scale: 1 }), [5, 4], [3], [5, 4]],
        [new tfd.MultivariateNormalDiag({ loc: np.zeros([3, 2]), scaleDiag: np.ones(2) }), [5, 4], [3], [5, 4, 2]],
        [new tfd.MultivariateNormalDiag({ loc: np.zeros([2]), scaleDiag: np.ones(2) }), [], [], [2]],
      ];
      for (const [base, ss, batch, event] of cases) {
        const s = new tfd.Sample(base, { sampleShape: ss });
        assert.deepEqual(s.batchShape, batch);
        assert.deepEqual(s.eventShape, event);
        const x = s.sample([6, 1], { seed: random.key(0) });
        assert.deepEqual(x.shape, [6, 1, ...batch, ...event]);
        assert.deepEqual(s.logProb(x).shape, [6, 1, ...batch]);
        assert.deepEqual(s.mean().shape, [...batch, ...event]);
        assert.deepEqual(s.variance().shape, [...batch, ...event]);
        assert.deepEqual(s.entropy().shape, batch);
      }
      assert.equal(String(new tfd.Sample(new tfd.Normal({ loc: np.zeros(3), scale: 1 }), { sampleShape: [5, 4] })),
        'tfp.distributions.Sample("SampleNormal", batch_shape=[3], event_shape=[5, 4], dtype=float32)');
    });

    it('samples as TFP: one base draw of shape [n, ...sampleShape] with the sample dims moved after the batch', () => {
      const base = new tfd.Normal({ loc: [1, 2, 3], scale: [1, 2, 3] });
      const s = new tfd.Sample(base, { sampleShape: [4, 2] });
      const got = s.sample([5], { seed: random.key(7) });
      const want = np.transpose(base.sample([5, 4, 2], { seed: random.key(7) }), [0, 3, 1, 2]);
      assert.deepEqual(got.shape, [5, 3, 4, 2]);
      assert.deepEqual(arr(got), arr(want));
    });

    it('log_prob sums the base log_prob over the sample dims (with broadcasting of the value)', () => {
      const base = new tfd.Normal({ loc: f64([0.5, -1, 2], [3]), scale: f64([1, 0.5, 3], [3]) });
      const s = new tfd.Sample(base, { sampleShape: [4] });
      const xv = Array.from({ length: 2 * 3 * 4 }, (_, i) => Math.sin(i) * 2);
      const x = f64(xv, [2, 3, 4]);
      const lp = arr(s.logProb(x));
      const locs = [0.5, -1, 2], scales = [1, 0.5, 3];
      const want: number[] = [];
      for (let a = 0; a < 2; a++) for (let b = 0; b < 3; b++) {
        let t = 0;
        for (let j = 0; j < 4; j++) t += normalLogPdf(xv[a * 12 + b * 4 + j], locs[b], scales[b]);
        want.push(t);
      }
      close(lp, want, 1e-13, 1e-13, 'Sample.logProb');
      // a single value broadcasts over batch and sample dims: 4 * log p(x) per batch member
      close(s.logProb(0.25), locs.map((m, b) => 4 * normalLogPdf(0.25, m, scales[b])), 1e-13, 1e-13, 'broadcast logProb');
      // a [4] event broadcast against the batch
      const ev = [0.1, -0.2, 0.3, 1.5];
      close(s.logProb(f64(ev, [4])), locs.map((m, b) => ev.reduce((t, v) => t + normalLogPdf(v, m, scales[b]), 0)), 1e-13, 1e-13, 'event logProb');
    });

    it('broadcasts mean/variance/stddev/mode over the sample dims and scales entropy and KL by prod(sampleShape)', () => {
      const base = new tfd.Normal({ loc: f64([1, -2], [2]), scale: f64([2, 0.5], [2]) });
      const s = new tfd.Sample(base, { sampleShape: [3, 2] });
      assert.deepEqual(arr(s.mean()), [1, 1, 1, 1, 1, 1, -2, -2, -2, -2, -2, -2]);
      assert.deepEqual(arr(s.variance()), [4, 4, 4, 4, 4, 4, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25]);
      assert.deepEqual(arr(s.stddev()).slice(5, 7), [2, 0.5]);
      assert.deepEqual(arr(s.mode()).slice(0, 1), [1]);
      close(s.entropy(), arr(base.entropy()).map((h) => 6 * h), 1e-14, 0, 'entropy');
      const other = new tfd.Sample(new tfd.Normal({ loc: f64([0, 0], [2]), scale: f64([1, 1], [2]) }), { sampleShape: [3, 2] });
      close(tfd.klDivergence(s, other), arr(tfd.klDivergence(base, other.distribution)).map((k) => 6 * k), 1e-14, 0, 'KL');
      assert.throws(() => tfd.klDivergence(s, new tfd.Sample(other.distribution, { sampleShape: [6] })), /identical sampleShape/);
    });

    it("uses the base's event space bijector with the sample dims moved (Gamma: softplus)", () => {
      const g = new Gamma({ concentration: f64([2, 3], [2]), rate: f64([1, 4], [2]) });
      const s = new tfd.Sample(g, { sampleShape: [3] });
      const b = s.experimentalDefaultEventSpaceBijector();
      const xv = [-1, 0, 2, 0.5, -3, 1], x = f64(xv, [2, 3]);
      const y = b.forward(x);
      close(y, xv.map((v) => Math.log1p(Math.exp(v))), 1e-14, 1e-15, 'forward');
      close(b.inverse(y), xv, 1e-12, 1e-12, 'round trip');
      const fldj = b.forwardLogDetJacobian(x, 1);
      assert.deepEqual(fldj.shape, [2]);
      const ld = xv.map((v) => -Math.log1p(Math.exp(-v)));
      close(fldj, [ld[0] + ld[1] + ld[2], ld[3] + ld[4] + ld[5]], 1e-13, 1e-14, 'fldj');
      close(b.inverseLogDetJacobian(y, 1), [-(ld[0] + ld[1] + ld[2]), -(ld[3] + ld[4] + ld[5])], 1e-12, 1e-12, 'ildj');
    });

    it('is differentiable in the base parameters', () => {
      const xv = f64([0.3, -1.2, 2.0, 0.7], [4]);
      checkGrad((loc) => np.sum(new tfd.Sample(new tfd.Normal({ loc, scale: 1.5 }), { sampleShape: [4] }).logProb(xv)), f64([0.2], [1]), 'd/dloc');
      checkGrad((scale) => np.sum(new tfd.Sample(new tfd.Normal({ loc: 0, scale }), { sampleShape: [2, 2] }).logProb(np.reshape(xv, [2, 2]))), f64([0.8], []), 'd/dscale');
    });

    it('keeps parameters, copy and trainable variables of the base', () => {
      const v = new Variable(f64([0.5], []));
      const s = new tfd.Sample(new tfd.Normal({ loc: v, scale: 1 }), { sampleShape: [3] });
      assert.deepEqual(s.trainableVariables, [v]);
      assert.deepEqual(s.parameters.sampleShape, [3]);
      const c = s.copy({ sampleShape: [2, 2] });
      assert.ok(c instanceof tfd.Sample);
      assert.deepEqual(c.eventShape, [2, 2]);
      assert.equal(c.distribution, s.distribution);
    });

    it('rejects a wrong sampleShape and a non-distribution with clear errors', () => {
      const n = new tfd.Normal({ loc: 0, scale: 1 });
      assert.throws(() => new tfd.Sample(n, { sampleShape: [-1] }), (e: Error) => e instanceof RangeError && /Sample: sampleShape/.test(e.message));
      assert.throws(() => new tfd.Sample(n, { sampleShape: [2.5] }), (e: Error) => e instanceof RangeError && /sampleShape/.test(e.message));
      assert.throws(() => new tfd.Sample(n, { sampleShape: 'abc' as any }), (e: Error) => e instanceof TypeError && /sampleShape/.test(e.message));
      assert.throws(() => new tfd.Sample({} as any, { sampleShape: [2] }), (e: Error) => e instanceof TypeError && /distribution must be a Distribution/.test(e.message));
    });
  });

  describe('BatchReshape', () => {
    const base = () => new tfd.Normal({ loc: f64([0, 1, 2, 3, 4, 5], [6]), scale: f64([1, 1, 2, 2, 3, 3], [6]) });

    it('reshapes the batch (with one -1 inferred) and keeps the event shape', () => {
      const d = new tfd.BatchReshape(base(), { batchShape: [2, -1] });
      assert.deepEqual(d.batchShape, [2, 3]);
      assert.deepEqual(d.eventShape, []);
      assert.equal(String(d), 'tfp.distributions.BatchReshape("BatchReshapeNormal", batch_shape=[2, 3], event_shape=[], dtype=float64)');
      const mvn = new tfd.BatchReshape(new tfd.MultivariateNormalDiag({ loc: np.zeros([6, 2]), scaleDiag: np.ones(2) }), { batchShape: [3, 1, 2] });
      assert.deepEqual(mvn.batchShape, [3, 1, 2]);
      assert.deepEqual(mvn.eventShape, [2]);
      assert.deepEqual(mvn.sample([4], { seed: random.key(0) }).shape, [4, 3, 1, 2, 2]);
      assert.deepEqual(mvn.logProb(np.zeros([5, 3, 1, 2, 2])).shape, [5, 3, 1, 2]);
      assert.deepEqual(mvn.covariance().shape, [3, 1, 2, 2, 2]);
    });

    it('log_prob, cdf and statistics equal the base ones, reshaped', () => {
      const b = base(), d = new tfd.BatchReshape(b, { batchShape: [3, 2] });
      const xv = [0.5, 1, -2, 3.5, 4, 7, 1, 2, 3, 4, 5, 6];
      const x = f64(xv, [2, 3, 2]);
      assert.deepEqual(arr(d.logProb(x)), arr(b.logProb(f64(xv, [2, 6]))));
      assert.deepEqual(d.logProb(x).shape, [2, 3, 2]);
      assert.deepEqual(arr(d.cdf(x)), arr(b.cdf(f64(xv, [2, 6]))));
      assert.deepEqual(arr(d.logProb(1.5)), arr(b.logProb(1.5)));
      assert.deepEqual(d.mean().shape, [3, 2]);
      assert.deepEqual(arr(d.mean()), [0, 1, 2, 3, 4, 5]);
      assert.deepEqual(arr(d.stddev()), [1, 1, 2, 2, 3, 3]);
      assert.deepEqual(arr(d.entropy()), arr(b.entropy()));
    });

    it('samples the base with the same key and reshapes', () => {
      const b = base(), d = new tfd.BatchReshape(b, { batchShape: [2, 3] });
      assert.deepEqual(arr(d.sample([4], { seed: random.key(3) })), arr(b.sample([4], { seed: random.key(3) })));
    });

    it("applies the base's event space bijector through the reshape (Gamma: softplus)", () => {
      const g = new Gamma({ concentration: f64([1, 2, 3, 4, 5, 6], [6]), rate: 1 });
      const b = new tfd.BatchReshape(g, { batchShape: [2, 3] }).experimentalDefaultEventSpaceBijector();
      const xv = [-2, -1, 0, 1, 2, 3], x = f64(xv, [1, 2, 3]);
      const y = b.forward(x);
      assert.deepEqual(y.shape, [1, 2, 3]);
      close(y, xv.map((v) => Math.log1p(Math.exp(v))), 1e-14, 1e-15, 'forward');
      close(b.inverse(y), xv, 1e-12, 1e-12, 'round trip');
      close(b.forwardLogDetJacobian(x), xv.map((v) => -Math.log1p(Math.exp(-v))), 1e-13, 1e-15, 'fldj');
    });

    it('copies and rejects size mismatches, two -1s and non-broadcasting values', () => {
      const d = new tfd.BatchReshape(base(), { batchShape: [2, -1] });
      assert.deepEqual(d.copy({ batchShape: [6, 1] }).batchShape, [6, 1]);
      assert.throws(() => new tfd.BatchReshape(base(), { batchShape: [4, 2] }), (e: Error) => e instanceof RangeError && /8 members but the base batch shape \[6\] has 6/.test(e.message));
      assert.throws(() => new tfd.BatchReshape(base(), { batchShape: [-1, -1] }), /at most one -1/);
      assert.throws(() => new tfd.BatchReshape(base(), { batchShape: [4, -1] }), /cannot infer the -1/);
      assert.throws(() => new tfd.BatchReshape(base(), {} as any), (e: Error) => e instanceof TypeError && /batchShape is required/.test(e.message));
      assert.throws(() => d.logProb(np.zeros([3, 2])), /does not broadcast to the batch shape \[2, 3\]/);
    });
  });

  describe('Masked', () => {
    it('gives log_prob 0 where masked out and the base log_prob elsewhere', () => {
      const b = new tfd.Normal({ loc: f64([0, 1, 2], [3]), scale: f64([1, 2, 3], [3]) });
      const d = new tfd.Masked(b, { validityMask: [true, false, true] });
      const x = f64([0.5, 100, -1], [3]);
      const lp = arr(d.logProb(x)), want = arr(b.logProb(x));
      assert.deepEqual(lp, [want[0], 0, want[2]]);
      assert.deepEqual(arr(d.prob(x)).slice(1, 2), [1]);
      assert.deepEqual(arr(d.variance()), [1, 0, 9]);
      assert.deepEqual(arr(d.entropy())[1], 0);
      // independent over the batch: the masked member drops out of the joint
      const ind = new tfd.Independent(d, { reinterpretedBatchNdims: 1 });
      close(ind.logProb(x), want[0] + want[2], 1e-15, 0, 'Independent(Masked)');
    });

    it('broadcasts the mask against the batch (adding batch dims) and samples the safe value where masked', () => {
      const b = new tfd.Normal({ loc: [0, 10, 20], scale: 1 });
      const d = new tfd.Masked(b, { validityMask: [[true], [false]] });
      assert.deepEqual(d.batchShape, [2, 3]);
      const safe = arr(b.sample({ seed: random.PRNGKey(0) }));
      const x = d.sample([4], { seed: random.key(5) });
      assert.deepEqual(x.shape, [4, 2, 3]);
      const xd = arr(x);
      for (let i = 0; i < 4; i++) {
        assert.deepEqual(xd.slice(i * 6 + 3, i * 6 + 6), safe);
        for (let j = 0; j < 3; j++) assert.ok(Math.abs(xd[i * 6 + j] - 10 * j) < 5);
      }
      assert.deepEqual(d.logProb(np.zeros(3)).shape, [2, 3]);
      assert.deepEqual(arr(d.logProb(np.zeros(3))).slice(3), [0, 0, 0]);
      assert.deepEqual(arr(d.mean()).slice(3), safe);
      assert.deepEqual(String(d), 'tfp.distributions.Masked("MaskedNormal", batch_shape=[2, 3], event_shape=[], dtype=float32)');
    });

    it('evaluates masked members at the safe value: NaN values there give a finite log_prob and zero gradient', () => {
      const d = new tfd.Masked(new tfd.Normal({ loc: f64([0, 0], [2]), scale: f64([1, 2], [2]) }), { validityMask: [true, false] });
      const f = (x: Tensor) => np.sum(d.logProb(x));
      const x = f64([0.5, NaN], [2]);
      close(f(x), normalLogPdf(0.5, 0, 1), 1e-15, 0, 'logProb with NaN at the masked member');
      assert.deepEqual(arr(grad(f)(x) as Tensor), [-0.5, 0]);
      checkGrad(f, f64([0.5, 3], [2]), 'd/dx masked');
      checkGrad((scale) => np.sum(new tfd.Masked(new tfd.Normal({ loc: 0, scale }), { validityMask: [false, true] }).logProb(f64([0.5, 3], [2]))), f64([1.5, 0.75], [2]), 'd/dscale masked');
    });

    it('KL is the base KL where both are valid, 0 where neither, NaN where one is', () => {
      const a = new tfd.Masked(new tfd.Normal({ loc: f64([0, 0, 0], [3]), scale: 1 }), { validityMask: [true, false, true] });
      const b = new tfd.Masked(new tfd.Normal({ loc: f64([1, 1, 1], [3]), scale: 1 }), { validityMask: [true, false, false] });
      const kl = arr(tfd.klDivergence(a, b));
      assert.equal(kl[0], 0.5);
      assert.equal(kl[1], 0);
      assert.ok(Number.isNaN(kl[2]));
    });

    it('has a masked event space bijector, copies, and rejects non-boolean or non-broadcasting masks', () => {
      const g = new Gamma({ concentration: f64([2, 3], [2]), rate: 1 });
      const d = new tfd.Masked(g, { validityMask: [true, false] });
      const bij = d.experimentalDefaultEventSpaceBijector();
      const y = arr(bij.forward(f64([0.5, -7], [2])));
      assert.equal(y[0], Math.log1p(Math.exp(0.5)));
      assert.equal(y[1], arr(g.sample({ seed: random.PRNGKey(0) }))[1]);
      assert.deepEqual(arr(bij.forwardLogDetJacobian(f64([0.5, -7], [2]))).slice(1), [0]);
      assert.deepEqual(arr((d.copy({ validityMask: [false, true] }) as tfd.Masked).validityMask), [0, 1]);
      assert.throws(() => new tfd.Masked(g, { validityMask: [1, 0] }), (e: Error) => e instanceof TypeError && /validityMask must be boolean/.test(e.message));
      assert.throws(() => new tfd.Masked(g, { validityMask: [true, false, true] }), /Masked: validityMask and the distribution batch shape/);
    });
  });

  describe('MixtureSameFamily', () => {
    const normals = (c: any, dtype: 'float32' | 'float64') => new tfd.MixtureSameFamily({
      mixtureDistribution: new Categorical({ probs: np.asarray(c.probs, dtype) }),
      componentsDistribution: new tfd.Normal({ loc: np.asarray(c.loc, dtype), scale: np.asarray(c.scale, dtype) }),
    });

    for (const name of ['two normals', 'three normals']) {
      it(`matches SciPy for a mixture of ${name} (logpdf, cdf, mean, variance; float64 and float32)`, () => {
        const c = fxCase(name);
        for (const [dtype, rtol, atol] of [['float64', 1e-13, 1e-13], ['float32', 2e-6, 2e-6]] as const) {
          const d = normals(c, dtype);
          close(d.logProb(np.asarray(c.x, dtype)), c.logProb, rtol, atol, `${name} ${dtype} logProb`);
          close(d.cdf(np.asarray(c.x, dtype)), c.cdf, rtol, atol, `${name} ${dtype} cdf`);
          close(d.mean(), c.mean, rtol, atol, `${name} ${dtype} mean`);
          close(d.variance(), c.variance, rtol, atol, `${name} ${dtype} variance`);
        }
      });
    }

    it('matches SciPy for a mixture of MultivariateNormalDiag (logpdf, mean, variance, covariance)', () => {
      const c = fxCase('two diagonal bivariate normals');
      const d = new tfd.MixtureSameFamily({
        mixtureDistribution: new Categorical({ logits: np.log(np.asarray(c.probs, 'float64')) }),
        componentsDistribution: new tfd.MultivariateNormalDiag({ loc: np.asarray(c.loc, 'float64'), scaleDiag: np.asarray(c.scaleDiag, 'float64') }),
      });
      assert.deepEqual(d.eventShape, [2]);
      assert.deepEqual(d.batchShape, []);
      const lp = d.logProb(np.asarray(c.x, 'float64'));
      assert.deepEqual(lp.shape, [c.x.length]);
      close(lp, c.logProb, 1e-13, 1e-13, 'logProb');
      close(d.mean(), c.mean, 1e-14, 1e-14, 'mean');
      close(d.variance(), c.variance, 1e-14, 1e-14, 'variance');
      close(d.covariance(), c.covariance, 1e-14, 1e-14, 'covariance');
    });

    it('has batch shapes broadcast from the mixture and the components, and the right sample shapes', () => {
      const comp = new tfd.Normal({ loc: np.zeros([4, 3]), scale: 1 });
      const d1 = new tfd.MixtureSameFamily({ mixtureDistribution: new Categorical({ logits: np.zeros(3) }), componentsDistribution: comp });
      assert.deepEqual(d1.batchShape, [4]);
      assert.deepEqual(d1.sample([2, 5], { seed: random.key(0) }).shape, [2, 5, 4]);
      assert.deepEqual(d1.logProb(np.zeros([7, 1])).shape, [7, 4]);
      assert.deepEqual(d1.mean().shape, [4]);
      const d2 = new tfd.MixtureSameFamily({ mixtureDistribution: new Categorical({ logits: np.zeros([4, 3]) }), componentsDistribution: new tfd.Normal({ loc: np.zeros(3), scale: 1 }) });
      assert.deepEqual(d2.batchShape, [4]);
      assert.deepEqual(d2.sample([5], { seed: random.key(0) }).shape, [5, 4]);
      assert.deepEqual(d2.variance().shape, [4]);
      const d3 = new tfd.MixtureSameFamily({ mixtureDistribution: new Categorical({ logits: np.zeros([2, 3]) }), componentsDistribution: new tfd.MultivariateNormalDiag({ loc: np.zeros([2, 3, 4]), scaleDiag: np.ones(4) }) });
      assert.deepEqual([d3.batchShape, d3.eventShape], [[2], [4]]);
      assert.deepEqual(d3.sample([5], { seed: random.key(0) }).shape, [5, 2, 4]);
      assert.deepEqual(d3.logProb(np.zeros([5, 2, 4])).shape, [5, 2]);
      assert.deepEqual(d3.covariance().shape, [2, 4, 4]);
      assert.equal(String(d3), 'tfp.distributions.MixtureSameFamily("MixtureSameFamily", batch_shape=[2], event_shape=[4], dtype=float32)');
    });

    it("uses TFP's key: salted, split into [components, mix]; components at the full batch, categories from the Categorical", () => {
      const cat = new Categorical({ probs: [0.25, 0.75] });
      const comp = new tfd.Normal({ loc: [-5, 5], scale: [0.5, 1] });
      const d = new tfd.MixtureSameFamily({ mixtureDistribution: cat, componentsDistribution: comp });
      const seed = random.key(11);
      const [ck, mk] = random.split(random.foldIn(seed, 1208372839), 2);
      const xs = arr(comp.sample([50], { seed: ck })), ks = arr(cat.sample([50], { seed: mk }));
      assert.deepEqual(arr(d.sample([50], { seed })), ks.map((k, i) => xs[2 * i + k]));
    });

    it('samples with the mixture moments and passes a KS test against the mixture cdf (fixed keys)', () => {
      const c = fxCase('three normals');
      const d = normals(c, 'float32');
      const n = 6000;
      const s = arr(d.sample([n], { seed: random.key(2024) }));
      const mean = s.reduce((a, b) => a + b, 0) / n;
      const v = s.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
      assert.ok(Math.abs(mean - c.mean) < 4 * Math.sqrt(c.variance / n), `mean ${mean} vs ${c.mean}`);
      assert.ok(Math.abs(v - c.variance) < 0.08 * c.variance, `variance ${v} vs ${c.variance}`);
      const cdf = (xs: number[]) => {
        const x = f64(xs, [xs.length]);
        let F: Tensor = np.zeros([xs.length], 'float64');
        for (let j = 0; j < 3; j++) F = np.add(F, np.multiply(c.probs[j], np.ndtr(np.divide(np.subtract(x, c.loc[j]), c.scale[j]))));
        return arr(F);
      };
      const D = ksStatistic(s, cdf);
      assert.ok(D < ksCritical(n), `KS statistic ${D} >= ${ksCritical(n)}`);
    });

    it('is differentiable in the mixture logits and the component parameters (finite differences)', () => {
      const x = f64([-1.5, 0.2, 0.9, 3], [4]);
      const lp = (logits: Tensor, loc: Tensor, scale: Tensor) => np.sum(new tfd.MixtureSameFamily({
        mixtureDistribution: new Categorical({ logits }), componentsDistribution: new tfd.Normal({ loc, scale }),
      }).logProb(x));
      const L = f64([0.3, -0.4, 1.1], [3]), M = f64([-1, 0.5, 2], [3]), S = f64([0.7, 1.3, 0.9], [3]);
      checkGrad((l) => lp(l, M, S), L, 'd/dlogits');
      checkGrad((m) => lp(L, m, S), M, 'd/dloc');
      checkGrad((s) => lp(L, M, s), S, 'd/dscale');
      checkGrad((xx) => np.sum(new tfd.MixtureSameFamily({ mixtureDistribution: new Categorical({ logits: L }), componentsDistribution: new tfd.Normal({ loc: M, scale: S }) }).logProb(xx)), x, 'd/dx');
      const w = (l: Tensor) => new tfd.MixtureSameFamily({ mixtureDistribution: new Categorical({ logits: l }), componentsDistribution: new tfd.Normal({ loc: M, scale: S }) });
      checkGrad((l) => w(l).mean(), L, 'mean d/dlogits');
      checkGrad((l) => w(l).variance(), L, 'variance d/dlogits');
    });

    it('passes trainable variables through and copies', () => {
      const v = new Variable(f64([0, 0], [2])), u = new Variable(f64([1, 2], [2]));
      const d = new tfd.MixtureSameFamily({ mixtureDistribution: new Categorical({ logits: v }), componentsDistribution: new tfd.Normal({ loc: u, scale: 1 }) });
      assert.deepEqual(d.trainableVariables, [v, u]);
      const c = d.copy({ componentsDistribution: new tfd.Normal({ loc: f64([5, 6], [2]), scale: 1 }) });
      close(c.mean(), 5.5, 1e-15, 0, 'copied mean');
      assert.equal(arr(d.posteriorMode(f64([1.2, 1.9], [2])))[1], 1);
      assert.throws(() => d.experimentalDefaultEventSpaceBijector(), /MixtureSameFamily does not implement experimentalDefaultEventSpaceBijector/);
    });

    it('rejects a non-Categorical mixture, a component count mismatch and mismatched batch shapes', () => {
      const comp = new tfd.Normal({ loc: np.zeros([4, 3]), scale: 1 });
      assert.throws(() => new tfd.MixtureSameFamily({ mixtureDistribution: new tfd.Normal({ loc: 0, scale: 1 }) as any, componentsDistribution: comp }),
        (e: Error) => e instanceof TypeError && /mixtureDistribution must be a Categorical; got Normal/.test(e.message));
      assert.throws(() => new tfd.MixtureSameFamily({ mixtureDistribution: new Categorical({ logits: np.zeros(2) }), componentsDistribution: comp }),
        (e: Error) => e instanceof RangeError && /2 categories but componentsDistribution.batchShape\[-1\] is 3/.test(e.message));
      assert.throws(() => new tfd.MixtureSameFamily({ mixtureDistribution: new Categorical({ logits: np.zeros([5, 3]) }), componentsDistribution: comp }),
        /mixtureDistribution.batchShape and componentsDistribution.batchShape\[:-1\]/);
      assert.throws(() => new tfd.MixtureSameFamily({ mixtureDistribution: new Categorical({ logits: np.zeros(1) }), componentsDistribution: new tfd.Normal({ loc: 0, scale: 1 }) }),
        (e: Error) => e instanceof RangeError && /at least one batch dimension/.test(e.message));
      assert.throws(() => new tfd.MixtureSameFamily({ mixtureDistribution: new Categorical({ logits: np.zeros(3) }) } as any), /componentsDistribution are required/);
    });
  });

  describe('Mixture', () => {
    it('mixes heterogeneous components (Normal, Gamma): log_prob, mean, variance against direct computation', () => {
      const m = new tfd.Mixture({
        cat: new Categorical({ probs: f64([0.25, 0.75], [2]) }),
        components: [new tfd.Normal({ loc: f64([-1], []), scale: f64([0.5], []) }), new Gamma({ concentration: f64([2], []), rate: f64([1], []) })],
      });
      assert.deepEqual([m.batchShape, m.eventShape], [[], []]);
      const xs = [0.125, 0.5, 1, 3];
      const gammaPdf = (x: number) => (x > 0 ? x * Math.exp(-x) : 0);
      const want = xs.map((x) => Math.log(0.25 * Math.exp(normalLogPdf(x, -1, 0.5)) + 0.75 * gammaPdf(x)));
      close(m.logProb(f64(xs, [4])), want, 1e-13, 1e-13, 'logProb');
      close(m.mean(), 1.25, 1e-15, 0, 'mean');
      close(m.variance(), 3.25, 1e-14, 0, 'variance');
      close(m.stddev(), Math.sqrt(3.25), 1e-14, 0, 'stddev');
      close(m.entropyLowerBound(), 0.25 * arr(m.components[0].entropy())[0] + 0.75 * arr(m.components[1].entropy())[0], 1e-14, 0, 'entropy lower bound');
    });

    it('of a Normal and a MixtureSameFamily equals the three-normal SciPy fixture', () => {
      const c = fxCase('three normals');
      const inner = new tfd.MixtureSameFamily({
        mixtureDistribution: new Categorical({ probs: f64([0.5 / 0.875, 0.375 / 0.875], [2]) }),
        componentsDistribution: new tfd.Normal({ loc: f64(c.loc.slice(1), [2]), scale: f64(c.scale.slice(1), [2]) }),
      });
      const m = new tfd.Mixture({ cat: new Categorical({ probs: f64([0.125, 0.875], [2]) }), components: [new tfd.Normal({ loc: f64([c.loc[0]], []), scale: f64([c.scale[0]], []) }), inner] });
      close(m.logProb(f64(c.x, [c.x.length])), c.logProb, 1e-13, 1e-13, 'logProb');
      close(m.cdf(f64(c.x, [c.x.length])), c.cdf, 1e-13, 1e-13, 'cdf');
      close(m.mean(), c.mean, 1e-14, 1e-14, 'mean');
      close(m.variance(), c.variance, 1e-14, 1e-14, 'variance');
    });

    it("uses TFP's key: salted, split into k + 1 keys (categories first, then each component)", () => {
      const cat = new Categorical({ probs: [0.5, 0.5] });
      const comps = [new tfd.Normal({ loc: -3, scale: 1 }), new Gamma({ concentration: 3, rate: 2 })];
      const m = new tfd.Mixture({ cat, components: comps });
      const seed = random.key(9);
      const keys = [...random.split(random.foldIn(seed, 813383119), 3)];
      const ks = arr(cat.sample([40], { seed: keys[0] }));
      const draws = comps.map((c, j) => arr(c.sample([40], { seed: keys[j + 1] })));
      assert.deepEqual(arr(m.sample([40], { seed })), ks.map((k, i) => draws[k][i]));
    });

    it('samples with the mixture moments and passes a KS test against the mixture cdf (fixed keys)', () => {
      const m = new tfd.Mixture({ cat: new Categorical({ probs: [0.25, 0.75] }), components: [new tfd.Normal({ loc: -1, scale: 0.5 }), new Gamma({ concentration: 2, rate: 1 })] });
      const n = 6000;
      const s = arr(m.sample([n], { seed: random.key(77) }));
      const mean = s.reduce((a, b) => a + b, 0) / n;
      const v = s.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
      assert.ok(Math.abs(mean - 1.25) < 4 * Math.sqrt(3.25 / n), `mean ${mean}`);
      assert.ok(Math.abs(v - 3.25) < 0.1 * 3.25, `variance ${v}`);
      const cdf = (xs: number[]) => {
        const x = f64(xs, [xs.length]);
        const normal = np.ndtr(np.divide(np.add(x, 1), 0.5));
        const gamma = np.gammainc(f64([2], []), np.maximum(x, 0));
        return arr(np.add(np.multiply(0.25, normal), np.multiply(0.75, gamma)));
      };
      const D = ksStatistic(s, cdf);
      assert.ok(D < ksCritical(n), `KS statistic ${D} >= ${ksCritical(n)}`);
    });

    it('is differentiable in the cat logits and the component parameters (finite differences)', () => {
      const x = f64([0.1, 0.2, 0.9, 3], [4]); // inside the Gamma support (outside it, Gamma's log_prob is NaN as in TFP)
      const lp = (logits: Tensor, loc: Tensor, conc: Tensor) => np.sum(new tfd.Mixture({
        cat: new Categorical({ logits }), components: [new tfd.Normal({ loc, scale: 0.8 }), new Gamma({ concentration: conc, rate: 1.5 })],
      }).logProb(x));
      const L = f64([0.3, -0.4], [2]), M = f64([-1], []), C = f64([2.5], []);
      checkGrad((l) => lp(l, M, C), L, 'd/dlogits');
      checkGrad((m) => lp(L, m, C), M, 'd/dloc');
      checkGrad((c) => lp(L, M, c), C, 'd/dconcentration', 1e-5);
    });

    it('has batch and event shapes of its components', () => {
      const comp = (l: number) => new tfd.MultivariateNormalDiag({ loc: np.full([3, 2], l), scaleDiag: np.ones(2) });
      const m = new tfd.Mixture({ cat: new Categorical({ logits: np.zeros([3, 2]) }), components: [comp(-1), comp(1)] });
      assert.deepEqual([m.batchShape, m.eventShape], [[3], [2]]);
      assert.deepEqual(m.sample([4], { seed: random.key(0) }).shape, [4, 3, 2]);
      assert.deepEqual(m.logProb(np.zeros([4, 1, 2])).shape, [4, 3]);
      assert.deepEqual(m.mean().shape, [3, 2]);
      assert.deepEqual(arr(m.variance()), [2, 2, 2, 2, 2, 2]);
      assert.equal(String(m), 'tfp.distributions.Mixture("Mixture", batch_shape=[3], event_shape=[2], dtype=float32)');
    });

    it('passes trainable variables through and copies', () => {
      const v = new Variable(f64([0, 0], [2])), u = new Variable(f64([1], []));
      const m = new tfd.Mixture({ cat: new Categorical({ logits: v }), components: [new tfd.Normal({ loc: u, scale: 1 }), new tfd.Normal({ loc: f64([0], []), scale: 1 })] });
      assert.deepEqual(m.trainableVariables, [v, u]);
      const c = m.copy({ cat: new Categorical({ probs: f64([1, 0], [2]) }) });
      close(c.mean(), 1, 1e-15, 0, 'copied mean');
      assert.throws(() => m.experimentalDefaultEventSpaceBijector(), /Mixture does not implement experimentalDefaultEventSpaceBijector/);
    });

    it('rejects a non-Categorical cat, mismatched batch/event shapes, dtypes and component counts', () => {
      const n = (loc: number | Tensor = 0) => new tfd.Normal({ loc, scale: 1 });
      const cat2 = new Categorical({ logits: np.zeros(2) });
      assert.throws(() => new tfd.Mixture({ cat: n() as any, components: [n(), n()] }), (e: Error) => e instanceof TypeError && /cat must be a Categorical; got Normal/.test(e.message));
      assert.throws(() => new tfd.Mixture({ cat: cat2, components: [n(), n(np.zeros(3))] }),
        (e: Error) => e instanceof RangeError && /components\[1\] batch shape \[3\] must equal cat's batch shape \[\]/.test(e.message));
      assert.throws(() => new tfd.Mixture({ cat: cat2, components: [n(), new tfd.MultivariateNormalDiag({ loc: np.zeros(2), scaleDiag: np.ones(2) })] }),
        /components\[1\] event shape \[2\] differs/);
      assert.throws(() => new tfd.Mixture({ cat: cat2, components: [n(), new tfd.Normal({ loc: f64([0], []), scale: 1 })] }), /same dtype/);
      assert.throws(() => new tfd.Mixture({ cat: cat2, components: [n(), n(), n()] }), (e: Error) => e instanceof RangeError && /2 categories but 3 components/.test(e.message));
      assert.throws(() => new tfd.Mixture({ cat: cat2, components: [] }), /non-empty array/);
      assert.throws(() => new tfd.Mixture({ cat: cat2, components: [n(), 3 as any] }), /components\[1\] must be a Distribution/);
    });
  });

  describe('Independent (covariance and KL)', () => {
    it('has a diagonal covariance of the base variances', () => {
      const d = new tfd.Independent(new tfd.Normal({ loc: f64([0, 1, 2, 3, 4, 5], [2, 3]), scale: f64([1, 2, 3, 4, 5, 6], [2, 3]) }), { reinterpretedBatchNdims: 1 });
      const cov = d.covariance();
      assert.deepEqual(cov.shape, [2, 3, 3]);
      assert.deepEqual(arr(cov), [1, 0, 0, 0, 4, 0, 0, 0, 9, 16, 0, 0, 0, 25, 0, 0, 0, 36]);
      assert.throws(() => new tfd.Independent(new tfd.Normal({ loc: np.zeros([2, 3]), scale: 1 }), { reinterpretedBatchNdims: 2 }).covariance(), /does not implement covariance/);
    });

    it('KL of Independent Normals is the Normal KL summed over the reinterpreted dims', () => {
      const na = new tfd.Normal({ loc: f64([0, 1, -1, 2], [2, 2]), scale: f64([1, 2, 0.5, 1.5], [2, 2]) });
      const nb = new tfd.Normal({ loc: f64([0.5, 0, 0, 1], [2, 2]), scale: f64([2, 1, 1, 0.25], [2, 2]) });
      const per = arr(tfd.klDivergence(na, nb));
      const kl1 = tfd.klDivergence(new tfd.Independent(na, { reinterpretedBatchNdims: 1 }), new tfd.Independent(nb, { reinterpretedBatchNdims: 1 }));
      assert.deepEqual(kl1.shape, [2]);
      close(kl1, [per[0] + per[1], per[2] + per[3]], 1e-15, 0, 'KL over 1 dim');
      const kl2 = tfd.klDivergence(new tfd.Independent(na), new tfd.Independent(nb));
      close(kl2, per.reduce((a, b) => a + b, 0), 1e-15, 0, 'KL over 2 dims');
      // against the closed form, computed here
      const kl = (m1: number, s1: number, m2: number, s2: number) => Math.log(s2 / s1) + (s1 ** 2 + (m1 - m2) ** 2) / (2 * s2 ** 2) - 0.5;
      close(kl1, [kl(0, 1, 0.5, 2) + kl(1, 2, 0, 1), kl(-1, 0.5, 0, 1) + kl(2, 1.5, 1, 0.25)], 1e-14, 1e-15, 'closed form');
      assert.throws(() => tfd.klDivergence(new tfd.Independent(na, { reinterpretedBatchNdims: 1 }), new tfd.Independent(nb, { reinterpretedBatchNdims: 2 })), /different event ranks/);
    });
  });
});
