// The Distribution base, Normal, Independent and MultivariateNormalDiag: DESIGN.md
// section 9 item 2 numbers, TFP-on-JAX sampling bits, shapes, repr and errors.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { init, np, random, tfd, grad, Tensor } from '../wrapper/index.ts';
import { fixture } from './helpers.ts';
import { checkGrad, f64 } from './grad-check.ts';

const golden = fixture('golden/prng.json');

describe('distributions: basics (DESIGN 9.2)', () => {
  before(() => init());

  it('Normal(0, 1).logProb(0) = -0.9189385', () => {
    assert.equal(new tfd.Normal({ loc: 0, scale: 1 }).logProb(0).item(), Math.fround(-0.9189385));
  });

  it('samples with TFP-on-JAX key consumption: Normal(0,1).sample(seed=PRNGKey(0)) = -0.20584226', () => {
    const want = golden.reference_documents_walkthrough_classic.find((e: any) => e.call.startsWith('Normal(0, 1).sample')).value;
    const s = new tfd.Normal({ loc: 0, scale: 1 }).sample({ seed: random.PRNGKey(0) });
    assert.deepEqual(s.shape, []);
    assert.equal(s.item(), Math.fround(want));
    // n draws are random.normal(seed, [n, ...batch]) * scale + loc
    const d = new tfd.Normal({ loc: [1, 2], scale: [3, 4] });
    const z = random.normal(random.key(3), [4, 2]).data();
    const x = d.sample([4], { seed: random.key(3) }).data();
    for (let i = 0; i < 8; i++) assert.equal(x[i], Math.fround(Math.fround(z[i] * [3, 4][i % 2]) + [1, 2][i % 2]));
  });

  it('reproduces the mean and variance of Normal(normal(lk), exp(normal(sk)))', () => {
    const e = golden.reference_documents_walkthrough_classic.find((x: any) => x.call.includes('mean, variance'));
    const [lk, sk] = random.split(random.PRNGKey(0));
    const d = new tfd.Normal({ loc: random.normal(lk), scale: np.exp(random.normal(sk)) });
    assert.equal(d.mean().item(), Math.fround(e.value[0]));
    const v = d.variance().item() as number;
    assert.ok(Math.abs(v - e.value[1]) <= 2 * 2 ** -23 * e.value[1], `variance ${v} vs ${e.value[1]} (within 2 ulp: np.exp is not XLA's exp)`);
  });

  it('has the shapes of the reference document', () => {
    const mvn = new tfd.MultivariateNormalDiag({ loc: np.zeros(5), scaleDiag: np.ones(5) });
    assert.deepEqual(mvn.eventShape, [5]);
    assert.deepEqual(mvn.batchShape, []);
    const n = new tfd.Normal({ loc: np.ones(5), scale: np.ones(5) });
    assert.deepEqual(n.eventShape, []);
    assert.deepEqual(n.batchShape, [5]);
    const x = n.sample([10, 2], { seed: random.key(0) });
    assert.deepEqual(x.shape, [10, 2, 5]);
    assert.deepEqual(n.logProb(x).shape, [10, 2, 5]);
    const ind = new tfd.Independent(n, { reinterpretedBatchNdims: 1 });
    assert.deepEqual(ind.logProb(x).shape, [10, 2]);
    assert.deepEqual(ind.sample([10, 2], { seed: random.key(0) }).shape, [10, 2, 5]);
    assert.deepEqual(mvn.sample([3], { seed: random.key(1) }).shape, [3, 5]);
    const lp = ind.logProb(x).data(), lpn = n.logProb(x).data();
    for (let i = 0; i < 20; i++) {
      let s = 0;
      for (let j = 0; j < 5; j++) s += lpn[i * 5 + j];
      assert.ok(Math.abs(lp[i] - s) < 1e-5 * Math.abs(s));
    }
  });

  it("prints TFP's repr", () => {
    assert.equal(String(new tfd.Normal({ loc: np.ones(5), scale: 1 })),
      'tfp.distributions.Normal("Normal", batch_shape=[5], event_shape=[], dtype=float32)');
    assert.equal(String(new tfd.MultivariateNormalDiag({ loc: np.zeros(5), scaleDiag: np.ones(5) })),
      'tfp.distributions.MultivariateNormalDiag("MultivariateNormalDiag", batch_shape=[], event_shape=[5], dtype=float32)');
  });

  it('computes statistics and distribution functions of Normal', () => {
    const d = new tfd.Normal({ loc: f64([1], [1]), scale: f64([2], [1]) });
    assert.equal(d.mean().item(), 1);
    assert.equal(d.stddev().item(), 2);
    assert.equal(d.variance().item(), 4);
    assert.ok(Math.abs((d.entropy().item() as number) - (0.5 * Math.log(2 * Math.PI * Math.E) + Math.log(2))) < 1e-14);
    assert.ok(Math.abs((d.cdf(1).item() as number) - 0.5) < 1e-15);
    assert.ok(Math.abs((d.quantile(0.975).item() as number) - (1 + 2 * 1.959963984540054)) < 1e-12);
    assert.ok(Math.abs((d.logCdf(-40).item() as number) - -214.06672896326382) < 1e-11); // scipy.stats.norm.logcdf(-20.5)
    assert.ok(Math.abs((d.survivalFunction(1).item() as number) - 0.5) < 1e-15);
  });

  it('is differentiable in its parameters and values, with pathwise sample gradients', () => {
    checkGrad((loc) => np.sum(new tfd.Normal({ loc, scale: f64([0.5, 2], [2]) }).logProb(f64([0.3, -1], [2]))), f64([0.1, 0.2], [2]), 'd logProb / d loc');
    checkGrad((scale) => np.sum(new tfd.Normal({ loc: 0, scale }).logProb(f64([0.3, -1], [2]))), f64([0.5, 2], [2]), 'd logProb / d scale');
    checkGrad((scale) => np.sum(new tfd.Normal({ loc: 0, scale }).sample({ seed: random.key(5) })), f64([0.5, 2], [2]), 'reparameterized sample');
    const g = grad((x: Tensor) => np.sum(new tfd.Normal({ loc: 0, scale: 1 }).logProb(x)))(np.array([1, 2])) as Tensor;
    assert.deepEqual(g.toArray(), [-1, -2]);
  });

  it('requires a seed and checks sample shapes and parameters', () => {
    const d = new tfd.Normal({ loc: 0, scale: 1 });
    assert.throws(() => (d.sample as any)([3]), /a seed is required/);
    assert.throws(() => d.sample([-1], { seed: random.key(0) }), /sampleShape\[0\] must be a non-negative integer/);
    assert.throws(() => new tfd.Normal({ loc: [1, 2], scale: [1, 2, 3] }), /do not broadcast/);
    assert.throws(() => new (tfd.Normal as any)({ loc: 0 }), /both loc and scale are required/);
    assert.ok(Number.isNaN(new tfd.Normal({ loc: 0, scale: -1 }).logProb(0).item() as number));
    assert.throws(() => new tfd.Normal({ loc: 0, scale: [1, -1], validateArgs: true }), /scale must be positive; got -1 at index 1/);
    assert.throws(() => new tfd.Independent(new tfd.Normal({ loc: [0, 1], scale: 1 }), { reinterpretedBatchNdims: 2 }), /reinterpretedBatchNdims must be an integer in \[0, 1\]/);
    assert.throws(() => new tfd.Independent(d).cdf(0), /Independent does not implement cdf/);
  });
});
