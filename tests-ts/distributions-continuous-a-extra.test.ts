// Continuous families, group A: what the table does not cover — key consumption (samples
// as the documented transformation of jax.random draws), undefined statistics, support
// edges, parameter properties, default bijectors, sample gradients and KL divergences.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { init, np, random, tfd, tfb, Tensor, grad } from '../wrapper/index.ts';
import { fixture } from './helpers.ts';

const TINY32 = 2 ** -126;
const same = (a: Tensor, b: Tensor, what: string): void => {
  assert.deepEqual(a.shape, b.shape, `${what}: shape`);
  assert.equal(a.dtype, b.dtype, `${what}: dtype`);
  assert.deepEqual(Array.from(a.data()), Array.from(b.data()), `${what}: bits`);
};
const f64 = (v: number | number[]): Tensor => np.array(v as never, 'float64');

describe('continuous A: key consumption (bit-identical with the documented jax.random draws)', () => {
  before(() => init());
  const key = random.key(42);

  it('Uniform(0, 1) float32 samples are random.uniform(key, [n, ...batch]) bit for bit', () => {
    same(new tfd.Uniform().sample([7], { seed: key }), random.uniform(key, [7]), 'scalar batch');
    const d = new tfd.Uniform({ low: np.zeros([3]), high: 1 });
    same(d.sample([4], { seed: key }), random.uniform(key, [4, 3]), 'batch [3]');
  });

  it('Uniform(low, high) samples are low + (high - low) u with the same u', () => {
    const low = np.array([-2, 0.5], 'float32'), high = np.array([3, 0.75], 'float32');
    const u = random.uniform(key, [5, 2]);
    same(new tfd.Uniform({ low, high }).sample([5], { seed: key }), np.add(low, np.multiply(np.subtract(high, low), u)), 'affine');
  });

  it('Exponential samples are -log(uniform(key, minval=tiny)) / rate (TFP), not jax.random.exponential', () => {
    const rate = np.array([0.5, 2, 9], 'float32');
    const x = new tfd.Exponential({ rate }).sample([6], { seed: key });
    const u = random.uniform(key, [6, 3], 'float32', TINY32, 1);
    same(x, np.divide(np.negative(np.log(u)), rate), 'TFP transformation');
    const jaxExp = np.divide(random.exponential(key, [6, 3]), rate);
    assert.ok(Array.from(x.data()).some((v, i) => v !== jaxExp.data()[i]), 'differs from -log1p(-u) (jax.random.exponential)');
  });

  it('HalfNormal and LogNormal transform random.normal(key, [n, ...batch])', () => {
    const z = random.normal(key, [5, 2]);
    const scale = np.array([0.5, 3], 'float32'), loc = np.array([1, -1], 'float32');
    same(new tfd.HalfNormal({ scale }).sample([5], { seed: key }), np.abs(np.multiply(z, scale)), 'HalfNormal');
    same(new tfd.LogNormal({ loc, scale }).sample([5], { seed: key }), np.exp(np.add(np.multiply(z, scale), loc)), 'LogNormal');
  });

  it('Laplace, Logistic and Gumbel transform uniform draws with TFP\'s open-interval bounds', () => {
    const loc = np.array(1, 'float32'), scale = np.array(2, 'float32');
    const ul = random.uniform(key, [8], 'float32', -1 + 2 ** -24, 1);
    same(new tfd.Laplace({ loc, scale }).sample([8], { seed: key }),
      np.subtract(loc, np.multiply(np.multiply(scale, np.sign(ul)), np.log1p(np.negative(np.abs(ul))))), 'Laplace');
    const ut = random.uniform(key, [8], 'float32', TINY32, 1);
    same(new tfd.Logistic({ loc, scale }).sample([8], { seed: key }),
      np.add(np.multiply(np.subtract(np.log(ut), np.log1p(np.negative(ut))), scale), loc), 'Logistic');
    same(new tfd.Gumbel({ loc, scale }).sample([8], { seed: key }),
      np.subtract(loc, np.multiply(scale, np.log(np.negative(np.log(ut))))), 'Gumbel');
  });

  it('Cauchy and HalfCauchy use one random.uniform(key, [n, ...batch]) draw per sample', () => {
    const u = random.uniform(key, [6], 'float64');
    const c = new tfd.Cauchy({ loc: f64(1), scale: f64(2) });
    same(c.sample([6], { seed: key }), c.quantile(u), 'Cauchy = quantile(u)');
    const h = new tfd.HalfCauchy({ loc: f64(1), scale: f64(2) }).sample([6], { seed: key });
    same(h, np.add(1, np.multiply(2, np.tan(np.multiply(u, Math.PI / 2)))), 'HalfCauchy = loc + scale tan(pi u / 2)');
  });

  it('TruncatedNormal samples are random.truncatedNormal(key, a, b) * scale + loc, inside [low, high]', () => {
    const d = new tfd.TruncatedNormal({ loc: f64(1), scale: f64(2), low: f64(-1), high: f64(4) });
    const x = d.sample([50], { seed: key });
    const z = random.truncatedNormal(key, -1, 1.5, [50], 'float64');
    const want = np.add(np.multiply(z, 2), 1).data();
    x.data().forEach((v: number, i: number) => assert.ok(Math.abs(v - want[i]) <= 1e-15 * Math.abs(want[i]) + 1e-15, `sample ${i}`));
    assert.ok(Array.from(x.data()).every((v) => v >= -1 && v <= 4), 'inside the bounds');
  });

  it('sampling is deterministic in the key and differs across keys', () => {
    const d = new tfd.StudentT({ df: 4, loc: 0, scale: 1 });
    same(d.sample([5], { seed: random.key(3) }), d.sample([5], { seed: random.key(3) }), 'same key');
    assert.notDeepEqual(Array.from(d.sample([5], { seed: random.key(3) }).data()), Array.from(d.sample([5], { seed: random.key(4) }).data()));
  });
});

describe('continuous A: undefined statistics', () => {
  before(() => init());

  it('Cauchy mean, variance and stddev are NaN by default and an Error with allowNanStats: false', () => {
    const d = new tfd.Cauchy({ loc: [0, 1], scale: 1 });
    for (const m of ['mean', 'variance', 'stddev'] as const) {
      const v = d[m]();
      assert.deepEqual(v.shape, [2]);
      assert.ok(Array.from(v.data()).every(Number.isNaN), `${m} is NaN`);
      assert.throws(() => new tfd.Cauchy({ loc: 0, scale: 1, allowNanStats: false })[m](), new RegExp(`${m} is undefined`));
    }
    assert.equal(d.mode().data()[1], 1, 'the mode is defined');
  });

  it('HalfCauchy moments are NaN (TFP), or an Error with allowNanStats: false', () => {
    assert.ok(Number.isNaN(new tfd.HalfCauchy({ loc: 0, scale: 1 }).mean().data()[0]));
    assert.throws(() => new tfd.HalfCauchy({ loc: 0, scale: 1, allowNanStats: false }).variance(), /variance is undefined/);
  });

  it('StudentT: mean NaN for df <= 1, variance inf for 1 < df <= 2, errors only where undefined', () => {
    const d = new tfd.StudentT({ df: [0.5, 1.5, 3], loc: 2, scale: 1 });
    assert.deepEqual(Array.from(d.mean().data()), [NaN, 2, 2]);
    assert.deepEqual(Array.from(d.variance().data()), [NaN, Infinity, 3]);
    assert.throws(() => new tfd.StudentT({ df: [0.5, 3], loc: 0, scale: 1, allowNanStats: false }).mean(), /mean is undefined for df <= 1/);
    const ok = new tfd.StudentT({ df: 1.5, loc: 0, scale: 1, allowNanStats: false });
    assert.equal(ok.variance().data()[0], Infinity, 'an infinite variance is defined, not an error');
  });

  it('Uniform has no mode (clear error); StudentT\'s quantile inverts its cdf (df = 1: the Cauchy tangent)', () => {
    assert.throws(() => new tfd.Uniform().mode(), /Uniform does not implement mode/);
    const t = new tfd.StudentT({ df: f64(3), loc: f64(2), scale: f64(0.5) });
    const q = t.quantile(f64([0.1, 0.5, 0.975])).data();
    // SciPy: stats.t(3, 2, 0.5).ppf(0.1), and 2 + 0.5 stats.t(3).ppf(0.975)
    const want = [1.1811278231518956, 2, 2 + 0.5 * 3.1824463052837078];
    q.forEach((v, i) => assert.ok(Math.abs(v - want[i]) <= 1e-13 * Math.abs(want[i]), `quantile ${i}: ${v} vs ${want[i]}`));
    const c = new tfd.StudentT({ df: f64(1), loc: f64(0), scale: f64(1) }).quantile(f64([0, 0.3, 1])).data();
    assert.deepEqual([c[0], c[2]], [-Infinity, Infinity]);
    assert.ok(Math.abs(c[1] - Math.tan(Math.PI * -0.2)) <= 1e-14, `df = 1: ${c[1]}`);
  });
});

describe('continuous A: support edges', () => {
  before(() => init());

  it('Exponential below 0: TFP continuation by default, -inf/1 with forceProbsToZeroOutsideSupport', () => {
    const loose = new tfd.Exponential({ rate: f64(2) });
    const strict = new tfd.Exponential({ rate: f64(2), forceProbsToZeroOutsideSupport: true });
    assert.ok(Math.abs(loose.logProb(-1).data()[0] - (Math.log(2) + 2)) < 1e-15);
    assert.equal(strict.logProb(-1).data()[0], -Infinity);
    assert.equal(loose.cdf(-1).data()[0], 0);
    assert.equal(strict.cdf(-1).data()[0], 0);
    assert.equal(loose.logSurvivalFunction(-1).data()[0], 2);
    assert.equal(strict.logSurvivalFunction(-1).data()[0], 0);
    assert.equal(strict.copy({ rate: 3 }).forceProbsToZeroOutsideSupport, true, 'copy keeps the flag');
  });

  it('Uniform density is 1/range on the closed interval, 0 outside, NaN at NaN', () => {
    const d = new tfd.Uniform({ low: f64(1), high: f64(3) });
    assert.deepEqual(Array.from(d.prob([0.5, 1, 3, 3.5, NaN]).data()), [0, 0.5, 0.5, 0, NaN]);
  });

  it('far tails keep their digits (log cdf and log sf where cdf and sf underflow)', () => {
    const close = (got: number, want: number, what: string): void => assert.ok(Math.abs(got - want) <= 1e-9 * Math.abs(want), `${what}: ${got} vs ${want}`);
    close(new tfd.HalfNormal({ scale: f64(1) }).logSurvivalFunction(40).data()[0], -803.9152948331938, 'HalfNormal log sf at 40 (mpmath)');
    close(new tfd.Laplace({ loc: f64(0), scale: f64(1) }).logCdf(-800).data()[0], -800 - Math.LN2, 'Laplace log cdf at -800');
    close(new tfd.Logistic({ loc: f64(0), scale: f64(1) }).logSurvivalFunction(800).data()[0], -800, 'Logistic log sf at 800');
    close(new tfd.Gumbel({ loc: f64(0), scale: f64(1) }).logSurvivalFunction(800).data()[0], -800, 'Gumbel log sf at 800');
  });
});

describe('continuous A: parameter properties and default bijectors', () => {
  before(() => init());

  it('positive parameters default to Softplus with a lower bound of eps (TFP)', () => {
    const cases: [tfd.Distribution, string[]][] = [
      [new tfd.HalfNormal({ scale: 1 }), ['scale']], [new tfd.StudentT({ df: 3, loc: 0, scale: 1 }), ['df', 'scale']],
      [new tfd.Exponential({ rate: 1 }), ['rate']], [new tfd.Gumbel({ loc: 0, scale: 1 }), ['scale']],
      [new tfd.TruncatedNormal({ loc: 0, scale: 1, low: -1, high: 1 }), ['scale']],
    ];
    for (const [d, names] of cases) {
      for (const name of names) {
        const b = d.parameterProperties[name].defaultConstrainingBijector!();
        assert.ok(b instanceof tfb.Softplus, `${d.constructor.name}.${name}`);
        assert.ok(b.forward(-50).data()[0] > 0, `${d.constructor.name}.${name} stays positive`);
      }
    }
    assert.equal(new tfd.Cauchy({ loc: 0, scale: 1 }).parameterProperties.loc.defaultConstrainingBijector, undefined, 'loc is unconstrained');
    assert.throws(() => new tfd.Uniform().parameterProperties.high.defaultConstrainingBijector!(), /BIJECTOR_NOT_IMPLEMENTED/);
  });

  it('event-space bijectors are TFP\'s: Softplus, Exp, Sigmoid(low, high), Shift(loc) after Exp, Identity', () => {
    assert.ok(new tfd.HalfNormal({ scale: 1 }).experimentalDefaultEventSpaceBijector() instanceof tfb.Softplus);
    assert.ok(new tfd.Exponential({ rate: 1 }).experimentalDefaultEventSpaceBijector() instanceof tfb.Softplus);
    assert.ok(new tfd.LogNormal({ loc: 0, scale: 1 }).experimentalDefaultEventSpaceBijector() instanceof tfb.Exp);
    for (const d of [new tfd.Uniform({ low: 2, high: 5 }), new tfd.TruncatedNormal({ loc: 0, scale: 1, low: 2, high: 5 })]) {
      const b = d.experimentalDefaultEventSpaceBijector();
      assert.ok(b instanceof tfb.Sigmoid);
      const y = b.forward([-30, 0, 30]).data();
      assert.ok(y[0] >= 2 && y[2] <= 5 && Math.abs(y[1] - 3.5) < 1e-6, `${d.constructor.name} onto (2, 5): ${Array.from(y)}`);
    }
    const hc = new tfd.HalfCauchy({ loc: f64(3), scale: f64(1) }).experimentalDefaultEventSpaceBijector();
    assert.ok(hc instanceof tfb.Chain);
    assert.equal(hc.forward(f64(0)).data()[0], 4, 'loc + exp(0)');
    for (const d of [new tfd.Cauchy({ loc: 0, scale: 1 }), new tfd.StudentT({ df: 3, loc: 0, scale: 1 }), new tfd.Laplace({ loc: 0, scale: 1 }),
      new tfd.Logistic({ loc: 0, scale: 1 }), new tfd.Gumbel({ loc: 0, scale: 1 })]) {
      assert.ok(d.experimentalDefaultEventSpaceBijector() instanceof tfb.Identity, d.constructor.name);
    }
  });

  it('all are fully reparameterized, with TFP\'s repr and batch shapes', () => {
    const d = new tfd.StudentT({ df: [1, 2, 3], loc: 0, scale: 1 });
    assert.equal(d.reparameterizationType, 'FULLY_REPARAMETERIZED');
    assert.equal(String(d), 'tfp.distributions.StudentT("StudentT", batch_shape=[3], event_shape=[], dtype=float32)');
    assert.deepEqual(new tfd.TruncatedNormal({ loc: np.zeros([2, 1]), scale: 1, low: [-1, -2, -3], high: 1 }).batchShape, [2, 3]);
  });

  it('missing parameters are a TypeError naming them', () => {
    assert.throws(() => new tfd.StudentT({ df: 3, loc: 0 } as never), /StudentT: df, loc and scale are required/);
    assert.throws(() => new tfd.TruncatedNormal({ loc: 0, scale: 1, low: 0 } as never), TypeError);
    assert.throws(() => new tfd.Exponential(undefined as never), /rate is required/);
  });
});

describe('continuous A: sample gradients', () => {
  before(() => init());

  it('TruncatedNormal samples differentiate in loc, scale, low and high (implicit reparameterization vs finite differences)', () => {
    const base = { loc: 0.5, scale: 1.5, low: -1, high: 2 };
    const key = random.key(9);
    for (const name of Object.keys(base) as (keyof typeof base)[]) {
      const f = (v: Tensor): Tensor => {
        const p = Object.fromEntries(Object.entries(base).map(([k, x]) => [k, k === name ? v : f64(x)])) as never;
        return np.sum(np.multiply(new tfd.TruncatedNormal(p).sample([4], { seed: key }), f64([1, 2, 3, 4])));
      };
      const g = (grad(f)(f64(base[name])) as Tensor).data()[0];
      const h = 1e-6;
      const fd = (f(f64(base[name] + h)).data()[0] - f(f64(base[name] - h)).data()[0]) / (2 * h);
      assert.ok(Math.abs(g - fd) <= 1e-5 * Math.max(1, Math.abs(fd)), `d sample / d ${name}: ${g} vs ${fd}`);
    }
  });

  it('location-scale families pass gradients to loc and scale through samples', () => {
    const key = random.key(2);
    for (const C of [tfd.Laplace, tfd.Logistic, tfd.Gumbel, tfd.Cauchy, tfd.StudentT] as const) {
      const f = (s: Tensor): Tensor => np.sum(new (C as any)({ df: f64(5), loc: f64(0), scale: s }).sample([3], { seed: key }));
      const x = new (C as any)({ df: f64(5), loc: f64(0), scale: f64(1) }).sample([3], { seed: key }) as Tensor;
      const g = (grad(f)(f64(1)) as Tensor).data()[0];
      const want = Array.from(x.data()).reduce((a, b) => a + b, 0); // samples are scale * standard draw
      assert.ok(Math.abs(g - want) <= 1e-10 * Math.max(1, Math.abs(want)), `${C.name}: ${g} vs ${want}`);
    }
  });
});

describe('continuous A: KL divergences (registered pairs vs numerical integration)', () => {
  before(() => init());
  const cases = (fixture('distributions/continuous_a_kl.json') as { cases: { family: string; a: Record<string, number>; b: Record<string, number>; kl: number | string }[] }).cases;
  for (const c of cases) {
    it(`${c.family}(${JSON.stringify(c.a)}) || ${c.family}(${JSON.stringify(c.b)})`, () => {
      const C = (tfd as any)[c.family];
      const mk = (p: Record<string, number>) => new C(Object.fromEntries(Object.entries(p).map(([k, v]) => [k, f64(v)])));
      const got = mk(c.a).klDivergence(mk(c.b)).data()[0];
      const want = c.kl === 'inf' ? Infinity : (c.kl as number);
      if (!Number.isFinite(want)) assert.equal(got, want);
      else assert.ok(Math.abs(got - want) <= 1e-9 * Math.abs(want), `${got} vs ${want}`);
      const self = mk(c.a).klDivergence(mk(c.a)).data()[0];
      assert.ok(Math.abs(self) < 1e-12, `KL(p || p) = ${self}`);
    });
  }
});
