// Discrete families beyond the table: logits vs probs, probsParameter/logitsParameter,
// TFP-on-JAX key consumption reproduced from direct random.* calls, KL divergences,
// OneHotCategorical / Multinomial specifics, TFP's out-of-support conventions, and
// chi-square checks of the samplers in the regimes the table's first cases do not reach.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { init, np, random, tfd, grad, Variable, Tensor } from '../wrapper/index.ts';
import type { Distribution } from '../wrapper/distributions/distribution.ts';

const arr = (t: Tensor): number[] => Array.from(t.data() as ArrayLike<number>, Number);
function near(got: Tensor | number[], want: number[], tol: number, what: string): void {
  const g = got instanceof Tensor ? arr(got) : got;
  assert.equal(g.length, want.length, `${what}: length`);
  g.forEach((v, i) => {
    if (!Number.isFinite(want[i])) assert.equal(v, want[i], `${what}[${i}]`);
    else assert.ok(Math.abs(v - want[i]) <= tol * (1 + Math.abs(want[i])), `${what}[${i}]: got ${v}, want ${want[i]}`);
  });
}

/** Chi-square goodness of fit of integer samples against pmf(k) (cells with expectation >= 5; the rest pooled). */
function chiSquare(samples: number[], pmf: (k: number) => number, what: string): void {
  const n = samples.length;
  const counts = new Map<number, number>();
  for (const v of samples) { assert.ok(Number.isInteger(v), `${what}: sample ${v} is an integer`); counts.set(v, (counts.get(v) ?? 0) + 1); }
  const lo = Math.min(...samples), hi = Math.max(...samples);
  let chi = 0, dof = -1, poolO = 0, poolE = 0;
  for (let k = lo; k <= hi; k++) {
    const e = pmf(k) * n, o = counts.get(k) ?? 0;
    if (e >= 5) { chi += (o - e) ** 2 / e; dof++; } else { poolO += o; poolE += e; }
  }
  poolE += n * (1 - [...Array(hi - lo + 1).keys()].reduce((s, j) => s + pmf(lo + j), 0));
  if (poolE >= 5) { chi += (poolO - poolE) ** 2 / poolE; dof++; }
  const crit = dof * (1 - 2 / (9 * dof) + 3.09 * Math.sqrt(2 / (9 * dof))) ** 3; // 0.999 quantile (Wilson-Hilferty)
  assert.ok(dof >= 1 && chi < crit, `${what}: chi-square ${chi.toFixed(2)} >= ${crit.toFixed(2)} with ${dof} dof`);
}

describe('discrete distributions: parameterizations', () => {
  before(() => init());

  it('requires exactly one of logits or probs (TypeError naming both)', () => {
    const makers: [string, (o: Record<string, unknown>) => unknown][] = [
      ['Bernoulli', (o) => new tfd.Bernoulli(o as never)],
      ['Categorical', (o) => new tfd.Categorical(o as never)],
      ['OneHotCategorical', (o) => new tfd.OneHotCategorical(o as never)],
      ['Geometric', (o) => new tfd.Geometric(o as never)],
      ['Binomial', (o) => new tfd.Binomial({ totalCount: 3, ...o } as never)],
      ['NegativeBinomial', (o) => new tfd.NegativeBinomial({ totalCount: 3, ...o } as never)],
      ['Multinomial', (o) => new tfd.Multinomial({ totalCount: 3, ...o } as never)],
      ['FiniteDiscrete', (o) => new tfd.FiniteDiscrete({ outcomes: [1, 2], ...o } as never)],
    ];
    for (const [name, make] of makers) {
      assert.throws(() => make({}), (e: Error) => e instanceof TypeError && /logits/.test(e.message) && /probs/.test(e.message), `${name} with neither`);
      assert.throws(() => make({ logits: [0, 0], probs: [0.5, 0.5] }), (e: Error) => e instanceof TypeError && /both/.test(e.message), `${name} with both`);
    }
    assert.throws(() => new tfd.Poisson({} as never), (e: Error) => e instanceof TypeError && /rate/.test(e.message) && /logRate/.test(e.message));
    assert.throws(() => new tfd.Poisson({ rate: 1, logRate: 0 }), TypeError);
    assert.throws(() => new tfd.Binomial({ probs: 0.5 } as never), /totalCount/);
    assert.throws(() => new tfd.Bernoulli({ probs: np.array([1, 0], 'int32') }), (e: Error) => e instanceof TypeError && /floating/.test(e.message));
  });

  it('gives the same log-probabilities from logits as from probs', () => {
    const p = [0.125, 0.5, 0.375];
    const l = p.map(Math.log);
    const pairs: [Distribution, Distribution, number[] | number[][]][] = [
      [new tfd.Bernoulli({ probs: 0.25 }), new tfd.Bernoulli({ logits: Math.log(0.25 / 0.75) }), [0, 1]],
      [new tfd.Binomial({ totalCount: 7, probs: 0.25 }), new tfd.Binomial({ totalCount: 7, logits: Math.log(1 / 3) }), [0, 2, 7]],
      [new tfd.Geometric({ probs: 0.25 }), new tfd.Geometric({ logits: Math.log(1 / 3) }), [0, 2, 9]],
      [new tfd.NegativeBinomial({ totalCount: 3, probs: 0.25 }), new tfd.NegativeBinomial({ totalCount: 3, logits: Math.log(1 / 3) }), [0, 2, 9]],
      [new tfd.Categorical({ probs: p }), new tfd.Categorical({ logits: l }), [0, 1, 2]],
      [new tfd.OneHotCategorical({ probs: p }), new tfd.OneHotCategorical({ logits: l }), [[1, 0, 0], [0, 0, 1]]],
      [new tfd.Multinomial({ totalCount: 4, probs: p }), new tfd.Multinomial({ totalCount: 4, logits: l }), [[1, 2, 1], [0, 0, 4]]],
      [new tfd.FiniteDiscrete({ outcomes: [0, 1.5, 3], probs: p }), new tfd.FiniteDiscrete({ outcomes: [0, 1.5, 3], logits: l }), [0, 1.5, 3]],
      [new tfd.Poisson({ rate: 2.5 }), new tfd.Poisson({ logRate: Math.log(2.5) }), [0, 3, 8]],
    ];
    for (const [a, b, x] of pairs) near(a.logProb(x), arr(b.logProb(x)), 1e-5, `${a.constructor.name} logits vs probs`);
  });

  it('exposes probsParameter and logitsParameter from either parameter', () => {
    const b = new tfd.Bernoulli({ logits: 0 });
    near(b.probsParameter(), [0.5], 1e-7, 'sigmoid(0)');
    near(new tfd.Bernoulli({ probs: 0.75 }).logitsParameter(), [Math.log(3)], 1e-6, 'log-odds');
    near(new tfd.Categorical({ logits: [0, Math.log(3)] }).probsParameter(), [0.25, 0.75], 1e-6, 'softmax');
    near(new tfd.Categorical({ probs: [0.25, 0.75] }).logitsParameter(), [Math.log(0.25), Math.log(0.75)], 1e-6, 'log(probs)');
    near(new tfd.Geometric({ logits: 0 }).probsParameter(), [0.5], 1e-7, 'Geometric');
    near(new tfd.Binomial({ totalCount: [0, 2], logits: 0 }).probsParameter(), [0, 0.5], 1e-7, 'Binomial: 0 where totalCount = 0 (TFP)');
    near(new tfd.NegativeBinomial({ totalCount: 2, probs: 0.5 }).logitsParameter(), [0], 1e-7, 'NegativeBinomial');
    near(new tfd.OneHotCategorical({ logits: [0, 0] }).probsParameter(), [0.5, 0.5], 1e-7, 'OneHotCategorical');
    near(new tfd.Multinomial({ totalCount: 2, logits: [0, 0] }).probsParameter(), [0.5, 0.5], 1e-7, 'Multinomial');
    near(new tfd.FiniteDiscrete({ outcomes: [1, 2], logits: [0, 0] }).probsParameter(), [0.5, 0.5], 1e-7, 'FiniteDiscrete');
    near(new tfd.Poisson({ logRate: 0 }).rateParameter(), [1], 1e-7, 'Poisson rate');
    near(new tfd.Poisson({ rate: 1 }).logRateParameter(), [0], 1e-7, 'Poisson logRate');
    assert.equal(b.probs, undefined);
    assert.ok(b.logits instanceof Tensor);
  });

  it('differentiates log_prob with respect to logits (Bernoulli: x - sigmoid(l); Categorical: onehot(k) - softmax(l))', () => {
    const l = np.array([-1, 0.5, 2], 'float64');
    const gb = grad((t: Tensor) => np.sum(new tfd.Bernoulli({ logits: t }).logProb([1, 0, 1])))(l);
    near(gb, [-1, 0.5, 2].map((v, i) => [1, 0, 1][i] - 1 / (1 + Math.exp(-v))), 1e-12, 'Bernoulli');
    const gc = grad((t: Tensor) => np.sum(new tfd.Categorical({ logits: t }).logProb(2)))(l);
    const sm = arr(np.softmax(l));
    near(gc, sm.map((v, i) => (i === 2 ? 1 : 0) - v), 1e-12, 'Categorical');
    const go = grad((t: Tensor) => np.sum(new tfd.OneHotCategorical({ logits: t }).logProb([0, 1, 0])))(l);
    near(go, sm.map((v, i) => (i === 1 ? 1 : 0) - v), 1e-12, 'OneHotCategorical');
  });

  it('marks logits as preferred and gives probs a constraining bijector (parameterProperties)', () => {
    const b = new tfd.Bernoulli({ probs: 0.5 }).parameterProperties;
    assert.equal(b.probs.isPreferred, false);
    assert.notEqual(b.logits.isPreferred, false);
    near(b.probs.defaultConstrainingBijector!().forward(0), [0.5], 1e-7, 'Sigmoid');
    const c = new tfd.Categorical({ probs: [0.5, 0.5] }).parameterProperties;
    assert.equal(c.probs.eventNdims, 1);
    assert.equal(c.probs.isPreferred, false);
    near(c.probs.defaultConstrainingBijector!().forward([0]), [0.5, 0.5], 1e-7, 'SoftmaxCentered');
    const p = new tfd.Poisson({ rate: 1 }).parameterProperties;
    assert.equal(p.rate.isPreferred, false);
    assert.ok(arr(p.rate.defaultConstrainingBijector!().forward(-50))[0] > 0, 'rate bijector is positive');
  });

  it('samples int32 (Bernoulli, Categorical, OneHotCategorical) or the parameters\' float dtype (the rest), as TFP', () => {
    const key = random.key(3);
    assert.equal(new tfd.Bernoulli({ probs: 0.5 }).sample([2], { seed: key }).dtype, 'int32');
    assert.equal(new tfd.Bernoulli({ probs: 0.5, dtype: 'float32' }).sample([2], { seed: key }).dtype, 'float32');
    assert.equal(new tfd.Bernoulli({ probs: 0.5, dtype: 'bool' }).mode().dtype, 'bool');
    assert.equal(new tfd.Categorical({ probs: [0.5, 0.5] }).sample([2], { seed: key }).dtype, 'int32');
    assert.equal(new tfd.Categorical({ probs: [0.5, 0.5], dtype: 'float64' }).sample([2], { seed: key }).dtype, 'float64');
    assert.equal(new tfd.OneHotCategorical({ probs: [0.5, 0.5] }).sample([2], { seed: key }).dtype, 'int32');
    assert.equal(new tfd.Poisson({ rate: 2 }).sample([2], { seed: key }).dtype, 'float32');
    assert.equal(new tfd.Poisson({ rate: np.array(2, 'float64') }).sample([2], { seed: key }).dtype, 'float64');
    assert.equal(new tfd.Binomial({ totalCount: 5, probs: 0.5 }).sample([2], { seed: key }).dtype, 'float32');
    assert.equal(new tfd.Geometric({ probs: np.array(0.5, 'float64') }).sample([2], { seed: key }).dtype, 'float64');
    assert.equal(new tfd.FiniteDiscrete({ outcomes: np.array([1, 5], 'int32'), probs: [0.5, 0.5] }).sample([2], { seed: key }).dtype, 'int32');
    assert.throws(() => new tfd.Bernoulli({ probs: 0.5, dtype: 'int8' as never }), /dtype/);
  });

  it('has no default event space bijector (TFP returns none for discrete distributions)', () => {
    const ds: Distribution[] = [new tfd.Bernoulli({ probs: 0.5 }), new tfd.Binomial({ totalCount: 2, probs: 0.5 }), new tfd.Categorical({ probs: [1] }),
      new tfd.OneHotCategorical({ probs: [1] }), new tfd.Poisson({ rate: 1 }), new tfd.NegativeBinomial({ totalCount: 1, probs: 0.5 }),
      new tfd.Geometric({ probs: 0.5 }), new tfd.Multinomial({ totalCount: 1, probs: [1] }), new tfd.FiniteDiscrete({ outcomes: [0], probs: [1] })];
    for (const d of ds) assert.throws(() => d.experimentalDefaultEventSpaceBijector(), (e: Error) => /discrete/.test(e.message) && e.message.includes(d.constructor.name));
  });

  it('copies with overrides, keeping options such as dtype', () => {
    const b = new tfd.Bernoulli({ probs: 0.25, dtype: 'float32' });
    const c = b.copy({ probs: 0.75 });
    assert.equal(c.dtype, 'float32');
    near(c.mean(), [0.75], 1e-7, 'copied probs');
    assert.throws(() => b.copy({ logits: 0 }), TypeError);
    const f = new tfd.FiniteDiscrete({ outcomes: [1, 2], probs: [0.25, 0.75] }).copy({ probs: [0.5, 0.5] });
    near(f.mean(), [1.5], 1e-7, 'FiniteDiscrete copy keeps outcomes');
    assert.equal(new tfd.Poisson({ rate: 1, forceProbsToZeroOutsideSupport: true }).copy().forceProbsToZeroOutsideSupport, true);
  });

  it('reads Variable parameters at use and differentiates through them', () => {
    const v = new Variable(np.array([0.25, 0.5], 'float64'));
    const b = new tfd.Bernoulli({ probs: v });
    assert.deepEqual(b.trainableVariables, [v]);
    near(b.mean(), [0.25, 0.5], 0, 'initial');
    v.assign(np.array([0.5, 0.75], 'float64'));
    near(b.mean(), [0.5, 0.75], 0, 'after assign');
    const g = grad((p: Tensor) => np.sum(new tfd.Bernoulli({ probs: p }).logProb(1)))(np.array([0.5, 0.25], 'float64'));
    near(g, [2, 4], 1e-12, 'd log p / dp = 1/p');
  });
});

describe('discrete distributions: TFP-on-JAX key consumption', () => {
  before(() => init());

  it('Bernoulli(probs) samples are random.uniform(seed, [n, ...batch]) < probs', () => {
    const probs = np.array([0.1, 0.5, 0.9], 'float32');
    const key = random.key(42);
    const s = new tfd.Bernoulli({ probs }).sample([4, 2], { seed: key });
    assert.deepEqual(s.shape, [4, 2, 3]);
    const u = random.uniform(key, [8, 3]).data();
    const want = Array.from(u, (x, i) => (x < Math.fround([0.1, 0.5, 0.9][i % 3]) ? 1 : 0));
    assert.deepEqual(arr(s), want);
  });

  it('Bernoulli(logits) compares the same uniforms with sigmoid(logits)', () => {
    const key = random.key(7);
    const logits = np.array([-2, 0, 3], 'float32');
    const s = new tfd.Bernoulli({ logits }).sample([5], { seed: key });
    const p = np.sigmoid(logits).data();
    const u = random.uniform(key, [5, 3]).data();
    assert.deepEqual(arr(s), Array.from(u, (x, i) => (x < p[i % 3] ? 1 : 0)));
    // the default draw (no sample shape) uses n = 1: uniform(seed, [1, 3])
    const u1 = random.uniform(key, [1, 3]).data();
    assert.deepEqual(arr(new tfd.Bernoulli({ logits }).sample({ seed: key })), Array.from(u1, (x, i) => (x < p[i] ? 1 : 0)));
  });

  it('Categorical samples are argmax(logits2d[:, :, None] + random.gumbel(seed, [B, K, n]), axis 1), transposed', () => {
    const logits = [[0.5, -1, 2, 0], [1, 1, 1, 1], [-3, 0, 0.25, 4]];
    const B = 3, K = 4, n = 6;
    const key = random.key(2024);
    const s = new tfd.Categorical({ logits: np.array(logits, 'float32') }).sample([2, 3], { seed: key });
    assert.deepEqual(s.shape, [2, 3, B]);
    const g = random.gumbel(key, [B, K, n]).data();
    const want: number[] = new Array(n * B);
    for (let b = 0; b < B; b++) {
      for (let i = 0; i < n; i++) {
        let best = -Infinity, arg = 0;
        for (let k = 0; k < K; k++) {
          const v = Math.fround(g[(b * K + k) * n + i] + Math.fround(logits[b][k]));
          if (v > best) { best = v; arg = k; }
        }
        want[i * B + b] = arg; // [n, B] after the transpose
      }
    }
    assert.deepEqual(arr(s), want);
    // also equal to random.categorical on the [B, K, 1] logits with shape [B, n]
    const rc = random.categorical(key, np.reshape(np.array(logits, 'float32'), [B, K, 1]), { axis: 1, shape: [B, n] });
    assert.deepEqual(arr(s), arr(np.transpose(rc)));
  });

  it('OneHotCategorical and FiniteDiscrete draw the same indices as Categorical from the same key', () => {
    const key = random.key(5);
    const logits = np.array([0.2, 1.5, -0.5], 'float32');
    const idx = arr(new tfd.Categorical({ logits }).sample([10], { seed: key }));
    const oh = new tfd.OneHotCategorical({ logits }).sample([10], { seed: key });
    assert.deepEqual(oh.shape, [10, 3]);
    assert.deepEqual(arr(np.argmax(oh, { axis: -1 })), idx);
    const fd = new tfd.FiniteDiscrete({ outcomes: [-1, 0.5, 7], logits }).sample([10], { seed: key });
    assert.deepEqual(arr(fd), idx.map((i) => [-1, 0.5, 7][i]));
  });

  it('Geometric samples are floor(log(uniform(seed, [n, ...], minval=tiny, maxval=1)) / log1p(-p))', () => {
    const key = random.key(11);
    const probs = np.array([0.25, 0.75], 'float32');
    const s = new tfd.Geometric({ probs }).sample([4], { seed: key });
    const u = random.uniform(key, { shape: [4, 2], minval: 2 ** -126, maxval: 1 });
    const want = np.floor(np.divide(np.log(u), np.log1p(np.negative(probs))));
    assert.deepEqual(arr(s), arr(want));
  });
});

describe('discrete distributions: TFP conventions outside the support', () => {
  before(() => init());

  it('Bernoulli log_prob is TFP\'s unmasked formula off {0, 1}', () => {
    const p = 0.25;
    near(new tfd.Bernoulli({ probs: np.array(p, 'float64') }).logProb([2, -1]), [2 * Math.log(p) - Math.log1p(-p), 2 * Math.log1p(-p) - Math.log(p)], 1e-12, 'Bernoulli');
  });

  it('Categorical log_prob is -inf for classes outside {0..K-1}, truncates fractional values, and validateArgs rejects them', () => {
    const d = new tfd.Categorical({ probs: np.array([0.25, 0.75], 'float64') });
    near(d.logProb([-1, 2, 1.5, NaN]), [-Infinity, -Infinity, Math.log(0.75), -Infinity], 1e-12, 'Categorical');
    const v = new tfd.Categorical({ probs: [0.25, 0.75], validateArgs: true });
    assert.throws(() => v.logProb(2), /integer in \[0, 2\)/);
    assert.throws(() => v.logProb(0.5), RangeError);
    near(d.cdf([-0.5, 0, 1, 9]), [0, 0.25, 1, 1], 1e-12, 'cdf');
  });

  it('Geometric by default evaluates the formula below 0 (TFP), and -inf with forceProbsToZeroOutsideSupport', () => {
    const p = 0.25;
    const d = new tfd.Geometric({ probs: np.array(p, 'float64') });
    near(d.logProb([-1, 2.7]), [-Math.log1p(-p) + Math.log(p), 2 * Math.log1p(-p) + Math.log(p)], 1e-12, 'default (floored)');
    near(new tfd.Geometric({ probs: p, forceProbsToZeroOutsideSupport: true }).logProb(-1), [-Infinity], 0, 'forced');
  });

  it('Poisson interpolates non-integer values by default and gives -inf when forced (and below 0 always)', () => {
    const r = 2;
    const d = new tfd.Poisson({ rate: np.array(r, 'float64') });
    const lg = (x: number): number => arr(np.lgamma(np.array(x, 'float64')))[0];
    near(d.logProb([1.5, -1]), [1.5 * Math.log(r) - lg(2.5) - r, -Infinity], 1e-12, 'default');
    const f = new tfd.Poisson({ rate: np.array(r, 'float64'), forceProbsToZeroOutsideSupport: true });
    near(f.logProb([1.5, 2]), [-Infinity, 2 * Math.log(r) - Math.log(2) - r], 1e-12, 'forced');
    near(f.cdf(1.5), arr(f.cdf(1)), 1e-12, 'forced cdf floors');
  });

  it('Binomial, NegativeBinomial and Multinomial give -inf at integers below the support (as SciPy)', () => {
    near(new tfd.Binomial({ totalCount: 4, probs: 0.5 }).logProb([-1, 5, -3]), [-Infinity, -Infinity, -Infinity], 0, 'Binomial');
    near(new tfd.NegativeBinomial({ totalCount: 4, probs: 0.5 }).logProb([-1, -2.5]), [-Infinity, -Infinity], 0, 'NegativeBinomial');
    near(new tfd.Multinomial({ totalCount: 2, probs: [0.5, 0.5] }).logProb([-1, 3]), [-Infinity], 0, 'Multinomial');
  });

  it('gives finite gradients of log_prob where the value lies outside the support', () => {
    const g = grad((p: Tensor) => np.sum(new tfd.Binomial({ totalCount: 4, probs: p }).logProb([-1, 2, 6])))(np.array(0.25, 'float64'));
    assert.ok(Number.isFinite(arr(g)[0]), `Binomial: ${g}`);
    const h = grad((r: Tensor) => np.sum(new tfd.NegativeBinomial({ totalCount: r, probs: 0.5 }).logProb([-2, 3])))(np.array(2.5, 'float64'));
    assert.ok(Number.isFinite(arr(h)[0]), `NegativeBinomial: ${h}`);
  });
});

describe('discrete distributions: KL divergences', () => {
  before(() => init());

  it('Categorical || Categorical is sum p (log p - log q), broadcast over batches', () => {
    const p = [0.125, 0.5, 0.375], q = [[0.25, 0.25, 0.5], [0.5, 0.25, 0.25]];
    const kl = tfd.klDivergence(new tfd.Categorical({ probs: np.array(p, 'float64') }), new tfd.Categorical({ logits: np.log(np.array(q, 'float64')) }));
    const want = q.map((qq) => p.reduce((s, pi, i) => s + pi * Math.log(pi / qq[i]), 0));
    assert.deepEqual(kl.shape, [2]);
    near(kl, want, 1e-12, 'KL');
    near(tfd.klDivergence(new tfd.Categorical({ probs: [1, 0] }), new tfd.Categorical({ probs: [0.5, 0.5] })), [Math.log(2)], 1e-6, 'zero-probability class (multiply_no_nan)');
    near(new tfd.Categorical({ logits: [0, 1] }).klDivergence(new tfd.Categorical({ logits: [0, 1] })), [0], 1e-7, 'KL(p || p) = 0');
  });

  it('Bernoulli || Bernoulli matches the closed form, also at p = 0 and 1', () => {
    const kl = (a: number, b: number): number => (a > 0 ? a * Math.log(a / b) : 0) + (a < 1 ? (1 - a) * Math.log((1 - a) / (1 - b)) : 0);
    const d = tfd.klDivergence(new tfd.Bernoulli({ probs: np.array([0.25, 0, 1], 'float64') }), new tfd.Bernoulli({ probs: np.array([0.5, 0.25, 0.75], 'float64') }));
    near(d, [kl(0.25, 0.5), kl(0, 0.25), kl(1, 0.75)], 1e-12, 'KL');
  });

  it('OneHotCategorical || OneHotCategorical equals the Categorical KL', () => {
    const a = np.array([0.2, 0.3, 0.5], 'float64'), b = np.array([0.6, 0.2, 0.2], 'float64');
    near(tfd.klDivergence(new tfd.OneHotCategorical({ probs: a }), new tfd.OneHotCategorical({ probs: b })),
      arr(tfd.klDivergence(new tfd.Categorical({ probs: a }), new tfd.Categorical({ probs: b }))), 1e-12, 'KL');
  });

  it('differentiates the Categorical KL with respect to logits', () => {
    const g = grad((l: Tensor) => tfd.klDivergence(new tfd.Categorical({ logits: l }), new tfd.Categorical({ logits: np.zeros([3], 'float64') })))(np.array([0, 1, 2], 'float64'));
    // d/dl KL(softmax(l) || uniform) = p * (log p - sum p log p + log K - log K) = p (log p - E[log p])
    const p = arr(np.softmax(np.array([0, 1, 2], 'float64')));
    const e = p.reduce((s, v) => s + v * Math.log(v), 0);
    near(g, p.map((v) => v * (Math.log(v) - e)), 1e-10, 'gradient');
  });
});

describe('discrete distributions: vector families', () => {
  before(() => init());

  it('OneHotCategorical samples one-hot rows with event shape [K], and its mode is one-hot', () => {
    const d = new tfd.OneHotCategorical({ logits: [[0, 2, 1], [3, 0, 0]] });
    assert.deepEqual(d.eventShape, [3]);
    assert.deepEqual(d.batchShape, [2]);
    const s = d.sample([50], { seed: random.key(9) });
    assert.deepEqual(s.shape, [50, 2, 3]);
    const rows = s.toArray() as number[][][];
    for (const r of rows.flat()) assert.deepEqual(r.slice().sort(), [0, 0, 1]);
    assert.deepEqual(d.mode().toArray(), [[0, 1, 0], [1, 0, 0]]);
    assert.equal(String(d), 'tfp.distributions.OneHotCategorical("OneHotCategorical", batch_shape=[2], event_shape=[3], dtype=int32)');
  });

  it('Multinomial samples are non-negative integer counts summing to totalCount, batched over totalCount', () => {
    const d = new tfd.Multinomial({ totalCount: [3, 40], probs: [0.2, 0.5, 0.3] });
    assert.deepEqual(d.batchShape, [2]);
    assert.deepEqual(d.eventShape, [3]);
    const s = d.sample([200], { seed: random.key(12) });
    assert.deepEqual(s.shape, [200, 2, 3]);
    const rows = s.toArray() as number[][][];
    for (const pair of rows) {
      pair.forEach((r, b) => {
        assert.ok(r.every((v) => Number.isInteger(v) && v >= 0), `counts ${r}`);
        assert.equal(r.reduce((a, v) => a + v, 0), [3, 40][b]);
      });
    }
    // per-class means within 5 standard errors
    const m = arr(np.mean(np.astype(s, 'float64'), { axis: 0 }));
    const mean = arr(d.mean()), v = arr(d.variance());
    m.forEach((x, i) => assert.ok(Math.abs(x - mean[i]) <= 5 * Math.sqrt(v[i] / 200), `class ${i}: ${x} vs ${mean[i]}`));
  });

  it('Multinomial with one class puts every trial there', () => {
    const s = new tfd.Multinomial({ totalCount: 5, probs: [1] }).sample([3], { seed: random.key(1) });
    assert.deepEqual(arr(s), [5, 5, 5]);
  });

  it('Multinomial with validateArgs rejects probs that do not sum to 1', () => {
    assert.throws(() => new tfd.Multinomial({ totalCount: 5, probs: [0.5, 0.6], validateArgs: true }), /probs must sum to 1/);
  });

  it('FiniteDiscrete matches values within its tolerance and rejects unordered outcomes with validateArgs', () => {
    const d = new tfd.FiniteDiscrete({ outcomes: [0.1, 0.2], probs: [0.25, 0.75] });
    near(d.prob([0.1 + 1e-7, 0.2, 0.15]), [0.25, 0.75, 0], 1e-6, 'prob');
    assert.throws(() => new tfd.FiniteDiscrete({ outcomes: [1, 1], probs: [0.5, 0.5], validateArgs: true }), /outcomes must be strictly increasing/);
    assert.throws(() => new tfd.FiniteDiscrete({ outcomes: [1, 2, 3], probs: [0.5, 0.5] }), /outcomes/);
    assert.throws(() => new tfd.FiniteDiscrete({ outcomes: [[1, 2]], probs: [0.5, 0.5] }), /1-D/);
  });
});

describe('discrete distributions: samplers in every regime (chi-square, fixed keys)', () => {
  before(() => init());
  const N = 4000;
  const draw = (d: Distribution, seed: number): number[] => arr(d.sample([N], { seed: random.key(seed) }));
  const pmfOf = (d: Distribution) => (k: number): number => arr(d.prob(np.array(k, 'float64')))[0];

  it('Categorical', () => {
    const d = new tfd.Categorical({ probs: np.array([0.1, 0.2, 0.3, 0.4], 'float64') });
    chiSquare(draw(d, 1), pmfOf(d), 'Categorical');
  });

  it('Binomial: inversion (n q < 10), BTRS (n q >= 10) and the mirrored p > 1/2 branch', () => {
    for (const [n, p] of [[30, 0.1], [200, 0.3], [100, 0.8], [1000, 0.5]]) {
      const d = new tfd.Binomial({ totalCount: np.array(n, 'float64'), probs: np.array(p, 'float64') });
      chiSquare(draw(d, n), pmfOf(d), `Binomial(${n}, ${p})`);
    }
  });

  it('Binomial handles p = 0, p = 1, totalCount = 0 and gives NaN for invalid parameters', () => {
    const d = new tfd.Binomial({ totalCount: [5, 5, 0, 5, -1], probs: [0, 1, 0.5, 1.5, 0.5] });
    const s = arr(d.sample({ seed: random.key(0) }));
    assert.deepEqual(s.slice(0, 3), [0, 5, 0]);
    assert.ok(Number.isNaN(s[3]) && Number.isNaN(s[4]), `${s}`);
  });

  it('Poisson (small and large rates) and NegativeBinomial (Gamma-Poisson)', () => {
    for (const r of [0.7, 30]) {
      const d = new tfd.Poisson({ rate: np.array(r, 'float64') });
      chiSquare(draw(d, 100 + Math.round(10 * r)), pmfOf(d), `Poisson(${r})`);
    }
    for (const [r, p] of [[3, 0.4], [20, 0.75]]) {
      const d = new tfd.NegativeBinomial({ totalCount: np.array(r, 'float64'), probs: np.array(p, 'float64') });
      chiSquare(draw(d, 7 * r), pmfOf(d), `NegativeBinomial(${r}, ${p})`);
    }
    assert.ok(Number.isNaN(arr(new tfd.Poisson({ rate: -1 }).sample({ seed: random.key(0) }))[0]), 'invalid rate gives NaN');
  });

  it('Geometric with a small success probability', () => {
    const d = new tfd.Geometric({ probs: np.array(0.05, 'float64') });
    chiSquare(draw(d, 3), pmfOf(d), 'Geometric(0.05)');
  });
});

