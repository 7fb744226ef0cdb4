// Continuous families, group B, beyond the table: KL divergences (against numerical
// integration), reparameterized sample gradients (implicit for Gamma/Beta/VonMises and
// the Gamma-based families, pathwise for the others), undefined statistics without
// allowNanStats, event-space bijectors, parameter properties, and edge cases.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { init, np, random, tfd, tfb, grad, Tensor } from '../wrapper/index.ts';
import type { Distribution } from '../wrapper/distributions/distribution.ts';
import { vonMisesCdf } from '../wrapper/distributions/von_mises.ts';
import { fixture } from './helpers.ts';
import { checkGrad } from './grad-check.ts';

const f64 = (v: number | number[] | number[][]): Tensor => np.array(v as never, 'float64');
const klCases = (fixture('distributions/kl_continuous_b.json') as { cases: { pair: string; p: Record<string, number>; q: Record<string, number>; kl: number }[] }).cases;

function make(pair: string, p: Record<string, number>, dt: 'float32' | 'float64'): Distribution {
  const t = Object.fromEntries(Object.entries(p).map(([k, v]) => [k, np.array(v, dt)]));
  if (pair === 'Gamma') return new tfd.Gamma(t as never);
  if (pair === 'Beta') return new tfd.Beta(t as never);
  return new tfd.Pareto(t as never);
}

/** Mean of samples and its standard error. */
function meanSe(x: Tensor): [number, number] {
  const d = x.data();
  let s = 0, s2 = 0;
  for (const v of d) { s += Number(v); s2 += Number(v) ** 2; }
  const m = s / d.length;
  return [m, Math.sqrt((s2 / d.length - m * m) / d.length)];
}

describe('continuous B: KL divergences', () => {
  before(() => init());

  for (const c of klCases) {
    it(`KL(${c.pair}${JSON.stringify(c.p)} || ${JSON.stringify(c.q)}) matches numerical integration (${c.kl.toPrecision(6)})`, () => {
      const got = tfd.klDivergence(make(c.pair, c.p, 'float64'), make(c.pair, c.q, 'float64')).item() as number;
      assert.ok(Math.abs(got - c.kl) <= 1e-9 * Math.abs(c.kl) + 1e-12, `float64: ${got} vs ${c.kl}`);
      const g32 = make(c.pair, c.p, 'float32').klDivergence(make(c.pair, c.q, 'float32'));
      assert.equal(g32.dtype, 'float32');
      // float32: the lgamma terms (~40 for concentration 20) cancel, so allow ~ 40 * float32 eps absolute
      assert.ok(Math.abs((g32.item() as number) - c.kl) <= 2e-5 * Math.abs(c.kl) + 1e-5, `float32: ${g32.item()} vs ${c.kl}`);
    });
  }

  it('KL broadcasts batch shapes and works with logRate-parameterized Gammas', () => {
    const a = new tfd.Gamma({ concentration: f64([1, 2, 3]), rate: f64(2) });
    const b = new tfd.Gamma({ concentration: f64(2), logRate: f64(0) });
    const kl = tfd.klDivergence(a, b);
    assert.deepEqual(kl.shape, [3]);
    const ref = tfd.klDivergence(new tfd.Gamma({ concentration: f64(2), rate: f64(2) }), new tfd.Gamma({ concentration: f64(2), rate: f64(1) })).item() as number;
    assert.ok(Math.abs((kl.data()[1] as number) - ref) < 1e-14);
    const bb = tfd.klDivergence(new tfd.Beta({ concentration1: f64([[1], [2]]), concentration0: f64([1, 3, 5]) }), new tfd.Beta({ concentration1: f64(2), concentration0: f64(2) }));
    assert.deepEqual(bb.shape, [2, 3]);
  });

  it('KL(Pareto a || Pareto b) is inf when a puts mass below b.scale', () => {
    const kl = tfd.klDivergence(new tfd.Pareto({ concentration: f64(2), scale: f64(1) }), new tfd.Pareto({ concentration: f64(2), scale: f64(2) }));
    assert.equal(kl.item(), Infinity);
  });

  it('KL(Gamma || Gamma) and KL(Beta || Beta) are differentiable in both arguments (finite differences)', () => {
    checkGrad((c) => tfd.klDivergence(new tfd.Gamma({ concentration: c, rate: f64(2) }), new tfd.Gamma({ concentration: f64(1.5), rate: f64(0.5) })), f64(3), 'dKL/dconcentration', 1e-6);
    checkGrad((r) => tfd.klDivergence(new tfd.Gamma({ concentration: f64(3), rate: f64(2) }), new tfd.Gamma({ concentration: f64(1.5), rate: r })), f64(0.5), 'dKL/drate', 1e-6);
    checkGrad((a) => tfd.klDivergence(new tfd.Beta({ concentration1: a, concentration0: f64(5) }), new tfd.Beta({ concentration1: f64(2), concentration0: f64(2) })), f64(0.7), 'dKL/da', 1e-6);
  });
});

describe('continuous B: reparameterized sampling gradients', () => {
  before(() => init());

  it('declares TFP\'s reparameterization types', () => {
    const ds = [
      new tfd.Gamma({ concentration: 1, rate: 1 }), new tfd.InverseGamma({ concentration: 1, scale: 1 }),
      new tfd.Beta({ concentration1: 1, concentration0: 1 }), new tfd.Chi2({ df: 1 }), new tfd.Weibull({ concentration: 1, scale: 1 }),
      new tfd.Pareto({ concentration: 1 }), new tfd.VonMises({ loc: 0, concentration: 1 }), new tfd.LogitNormal({ loc: 0, scale: 1 }),
      new tfd.Deterministic({ loc: 0 }),
    ];
    for (const d of ds) assert.equal(d.reparameterizationType, 'FULLY_REPARAMETERIZED', d.name);
  });

  it('Gamma: d sample/d concentration is the implicit gradient -dP(a, x)/da / p(x) per sample', () => {
    const a = 2.5, rate = 1.5;
    const seed = random.key(7);
    const x = new tfd.Gamma({ concentration: f64(a), rate: f64(rate) }).sample([6], { seed }).data() as Float64Array;
    const w = f64([1, -2, 3, 0.5, -1, 2]);
    const g = grad((c: Tensor) => np.sum(np.multiply(w, new tfd.Gamma({ concentration: c, rate: f64(rate) }).sample([6], { seed }))))(f64(a)) as Tensor;
    // reference: for y = rate x ~ Gamma(a, 1), dx/da = -(dP(a, y)/da) / (rate * pdf(y)); dP/da by central differences
    const h = 1e-6;
    let want = 0;
    for (let i = 0; i < 6; i++) {
      const y = rate * x[i];
      const dP = ((np.gammainc(f64(a + h), f64(y)).item() as number) - (np.gammainc(f64(a - h), f64(y)).item() as number)) / (2 * h);
      const pdf = Math.exp((a - 1) * Math.log(y) - y - (np.lgamma(f64(a)).item() as number));
      want += (w.data()[i] as number) * (-dP / pdf / rate);
    }
    assert.ok(Math.abs((g.item() as number) - want) <= 1e-6 * Math.abs(want), `${g.item()} vs ${want}`);
  });

  it('Gamma, Chi2, InverseGamma: gradients of the sample mean match the derivatives of the mean (fixed key, 20000 draws)', () => {
    const n = 20000, seed = random.key(11);
    const check = (f: (p: Tensor) => Tensor, p: number, want: number, what: string): void => {
      const g = grad(f)(f64(p)) as Tensor;
      // the per-sample gradients average to the derivative of the mean; 5% covers the Monte Carlo error here
      assert.ok(Math.abs((g.item() as number) - want) <= 0.05 * Math.abs(want), `${what}: ${g.item()} vs ${want}`);
    };
    check((c) => np.mean(new tfd.Gamma({ concentration: c, rate: f64(2) }).sample([n], { seed })), 3, 0.5, 'Gamma d/dconcentration');
    check((c) => np.mean(new tfd.Gamma({ concentration: c, rate: f64(2) }).sample([n], { seed })), 0.3, 0.5, 'Gamma d/dconcentration (< 1)');
    check((r) => np.mean(new tfd.Gamma({ concentration: f64(3), rate: r }).sample([n], { seed })), 2, -0.75, 'Gamma d/drate');
    check((l) => np.mean(new tfd.Gamma({ concentration: f64(3), logRate: l }).sample([n], { seed })), 0, -3, 'Gamma d/dlogRate');
    check((df) => np.mean(new tfd.Chi2({ df }).sample([n], { seed })), 4, 1, 'Chi2 d/ddf');
    check((c) => np.mean(new tfd.InverseGamma({ concentration: c, scale: f64(2) }).sample([n], { seed })), 6, -2 / 25, 'InverseGamma d/dconcentration');
    check((s) => np.mean(new tfd.InverseGamma({ concentration: f64(6), scale: s }).sample([n], { seed })), 2, 1 / 5, 'InverseGamma d/dscale');
  });

  it('Beta: d sample/d concentration1 is the implicit gradient -dI_x(a, b)/da / p(x), and mean gradients match', () => {
    const a = 2, b = 3, seed = random.key(5);
    const x = new tfd.Beta({ concentration1: f64(a), concentration0: f64(b) }).sample([4], { seed }).data() as Float64Array;
    const g = grad((c: Tensor) => np.sum(new tfd.Beta({ concentration1: c, concentration0: f64(b) }).sample([4], { seed })))(f64(a)) as Tensor;
    const h = 1e-6;
    let want = 0;
    for (let i = 0; i < 4; i++) {
      const dI = ((np.betainc(f64(a + h), f64(b), f64(x[i])).item() as number) - (np.betainc(f64(a - h), f64(b), f64(x[i])).item() as number)) / (2 * h);
      const pdf = Math.exp(new tfd.Beta({ concentration1: f64(a), concentration0: f64(b) }).logProb(f64(x[i])).item() as number);
      want += -dI / pdf;
    }
    assert.ok(Math.abs((g.item() as number) - want) <= 1e-6 * Math.abs(want), `${g.item()} vs ${want}`);
    const n = 20000, s2 = random.key(6);
    const ga = grad((c: Tensor) => np.mean(new tfd.Beta({ concentration1: c, concentration0: f64(b) }).sample([n], { seed: s2 })))(f64(a)) as Tensor;
    const gb = grad((c: Tensor) => np.mean(new tfd.Beta({ concentration1: f64(a), concentration0: c }).sample([n], { seed: s2 })))(f64(b)) as Tensor;
    assert.ok(Math.abs((ga.item() as number) - b / 25) <= 0.05 * b / 25, `d mean/da ${ga.item()} vs ${b / 25}`);
    assert.ok(Math.abs((gb.item() as number) + a / 25) <= 0.05 * a / 25, `d mean/db ${gb.item()} vs ${-a / 25}`);
  });

  it('VonMises: d E[cos(x - loc)]/dk = A\'(k) = 1 - A/k - A² and d E[x]/d loc = 1 (implicit gradients)', () => {
    const k = 3, n = 20000, seed = random.key(9);
    const A = (np.i1e(f64(k)).item() as number) / (np.i0e(f64(k)).item() as number);
    const want = 1 - A / k - A * A;
    const g = grad((c: Tensor) => np.mean(np.cos(new tfd.VonMises({ loc: f64(0.3), concentration: c }).sample([n], { seed }))))(f64(k)) as Tensor;
    // cos(x - 0.3) vs cos(x): use the shifted statistic through the same samples
    const g2 = grad((c: Tensor) => np.mean(np.cos(np.subtract(new tfd.VonMises({ loc: f64(0.3), concentration: c }).sample([n], { seed }), 0.3))))(f64(k)) as Tensor;
    assert.ok(Number.isFinite(g.item() as number));
    assert.ok(Math.abs((g2.item() as number) - want) <= 0.05 * want, `${g2.item()} vs ${want}`);
    const gl = grad((l: Tensor) => np.mean(new tfd.VonMises({ loc: l, concentration: f64(k) }).sample([2000], { seed })))(f64(0.3)) as Tensor;
    assert.ok(Math.abs((gl.item() as number) - 1) < 1e-12);
  });

  it('VonMises: the per-sample gradient is -dF/dk / p with F the cdf', () => {
    const k = 2, seed = random.key(4);
    const d = new tfd.VonMises({ loc: f64(0), concentration: f64(k) });
    const x = d.sample([3], { seed }).data() as Float64Array;
    const g = grad((c: Tensor) => np.sum(new tfd.VonMises({ loc: f64(0), concentration: c }).sample([3], { seed })))(f64(k)) as Tensor;
    const h = 1e-6;
    let want = 0;
    for (let i = 0; i < 3; i++) {
      const dF = ((vonMisesCdf(f64(x[i]), f64(k + h)).item() as number) - (vonMisesCdf(f64(x[i]), f64(k - h)).item() as number)) / (2 * h);
      want += -dF / Math.exp(d.logProb(f64(x[i])).item() as number);
    }
    assert.ok(Math.abs((g.item() as number) - want) <= 1e-6 * Math.abs(want), `${g.item()} vs ${want}`);
  });

  it('Weibull, Pareto, LogitNormal samples are differentiable functions of the parameters (finite differences, same key)', () => {
    const seed = random.key(3);
    const w = (t: Tensor): Tensor => np.sum(np.multiply(t, f64([1, -0.5, 2, 0.25])));
    checkGrad((k) => w(new tfd.Weibull({ concentration: k, scale: f64(2) }).sample([4], { seed })), f64(1.7), 'Weibull d/dk', 1e-5);
    checkGrad((s) => w(new tfd.Weibull({ concentration: f64(1.7), scale: s }).sample([4], { seed })), f64(2), 'Weibull d/dscale', 1e-5);
    checkGrad((c) => w(new tfd.Pareto({ concentration: c, scale: f64(2) }).sample([4], { seed })), f64(3), 'Pareto d/dc', 1e-5);
    checkGrad((s) => w(new tfd.Pareto({ concentration: f64(3), scale: s }).sample([4], { seed })), f64(2), 'Pareto d/dscale', 1e-5);
    checkGrad((l) => w(new tfd.LogitNormal({ loc: l, scale: f64(0.7) }).sample([4], { seed })), f64(0.2), 'LogitNormal d/dloc', 1e-5);
    checkGrad((s) => w(new tfd.LogitNormal({ loc: f64(0.2), scale: s }).sample([4], { seed })), f64(0.7), 'LogitNormal d/dscale', 1e-5);
    const gd = grad((l: Tensor) => np.sum(new tfd.Deterministic({ loc: l }).sample([5], { seed })))(f64(1.5)) as Tensor;
    assert.equal(gd.item(), 5);
  });

  it('second derivatives through Gamma samples raise a clear error instead of being silently wrong', () => {
    const seed = random.key(1);
    const inner = grad((c: Tensor) => np.sum(new tfd.Gamma({ concentration: c, rate: f64(1) }).sample([3], { seed })));
    assert.throws(() => grad((c: Tensor) => inner(c) as Tensor)(f64(2)), /second derivative|not implemented|differentiable/i);
  });
});

describe('continuous B: statistics, support, bijectors and edge cases', () => {
  before(() => init());

  it('undefined statistics are NaN with allowNanStats and an Error naming the statistic without', () => {
    const cases: [Distribution, Distribution, 'mode' | 'mean' | 'variance'][] = [
      [new tfd.Gamma({ concentration: 0.5, rate: 1 }), new tfd.Gamma({ concentration: 0.5, rate: 1, allowNanStats: false }), 'mode'],
      [new tfd.InverseGamma({ concentration: 0.5, scale: 1 }), new tfd.InverseGamma({ concentration: 0.5, scale: 1, allowNanStats: false }), 'mean'],
      [new tfd.InverseGamma({ concentration: 1.5, scale: 1 }), new tfd.InverseGamma({ concentration: 1.5, scale: 1, allowNanStats: false }), 'variance'],
      [new tfd.Beta({ concentration1: [2, 0.5], concentration0: 3 }), new tfd.Beta({ concentration1: [2, 0.5], concentration0: 3, allowNanStats: false }), 'mode'],
      [new tfd.Chi2({ df: 1 }), new tfd.Chi2({ df: 1, allowNanStats: false }), 'mode'],
    ];
    for (const [lenient, strict, stat] of cases) {
      assert.ok((lenient[stat]().data() as Float32Array).some(Number.isNaN), `${lenient.name}.${stat} has NaN`);
      assert.throws(() => strict[stat](), (e: Error) => e.message.includes(stat) && e.message.includes(strict.name), `${strict.name}.${stat} throws`);
    }
    // defined statistics are fine without allowNanStats
    assert.equal(new tfd.Gamma({ concentration: 3, rate: 1, allowNanStats: false }).mode().item(), 2);
    // Pareto's infinite moments are inf (not undefined), whatever allowNanStats
    assert.equal(new tfd.Pareto({ concentration: 0.5, allowNanStats: false }).mean().item(), Infinity);
    assert.equal(new tfd.Pareto({ concentration: 1.5, allowNanStats: false }).variance().item(), Infinity);
  });

  it('statistics TFP does not define throw "does not implement"', () => {
    assert.throws(() => new tfd.LogitNormal({ loc: 0, scale: 1 }).entropy(), /does not implement entropy/);
    assert.throws(() => new tfd.LogitNormal({ loc: 0, scale: 1 }).mode(), /does not implement mode/);
    assert.throws(() => new tfd.VonMises({ loc: 0, concentration: 1 }).quantile(0.5), /does not implement quantile/);
  });

  it('Gamma, InverseGamma, Chi2 and Beta quantiles invert their cdfs (gammaincinv / gammainccinv / betaincinv)', () => {
    // SciPy: stats.gamma(2, scale=1/4).ppf(0.99)
    assert.ok(Math.abs((new tfd.Gamma({ concentration: f64(2), rate: f64(4) }).quantile(f64(0.99)).item() as number) - 1.6595880169984527) < 1e-14);
    const ps = f64([1e-6, 0.3, 0.5, 0.999]);
    const rt = (d: { cdf(x: Tensor): Tensor; quantile(p: Tensor): Tensor }, what: string): void => {
      const back = d.cdf(d.quantile(ps)).data(), want = ps.data();
      back.forEach((v, i) => assert.ok(Math.abs(v - want[i]) <= 1e-12 * want[i], `${what} cdf(quantile(${want[i]})) = ${v}`));
    };
    rt(new tfd.InverseGamma({ concentration: f64(3), scale: f64(2) }), 'InverseGamma');
    rt(new tfd.Chi2({ df: f64(5) }), 'Chi2');
    rt(new tfd.Beta({ concentration1: f64(0.5), concentration0: f64(4) }), 'Beta');
    assert.deepEqual(Array.from(new tfd.Gamma({ concentration: f64(2), rate: f64(1) }).quantile(f64([0, 1])).data()), [0, Infinity]);
  });

  it('uses TFP\'s default event space bijectors (Softplus, Sigmoid, Chain([Shift(scale), Softplus]), Sigmoid(-π, π)) and none for Deterministic', () => {
    assert.ok(new tfd.Gamma({ concentration: 2, rate: 1 }).experimentalDefaultEventSpaceBijector() instanceof tfb.Softplus);
    assert.ok(new tfd.Chi2({ df: 2 }).experimentalDefaultEventSpaceBijector() instanceof tfb.Softplus);
    assert.ok(new tfd.Beta({ concentration1: 2, concentration0: 1 }).experimentalDefaultEventSpaceBijector() instanceof tfb.Sigmoid);
    assert.ok(new tfd.LogitNormal({ loc: 0, scale: 1 }).experimentalDefaultEventSpaceBijector() instanceof tfb.Sigmoid);
    const p = new tfd.Pareto({ concentration: f64(3), scale: f64([2, 5]) }).experimentalDefaultEventSpaceBijector();
    const y = p.forward(f64([[-10, -10], [0, 0], [30, 30]])).data() as Float64Array;
    for (let i = 0; i < 6; i++) assert.ok(y[i] > [2, 5][i % 2], `Pareto bijector maps into (scale, inf): ${y[i]}`);
    const v = new tfd.VonMises({ loc: f64(3), concentration: f64(2) }).experimentalDefaultEventSpaceBijector();
    const vy = v.forward(f64([-30, 0, 30])).data() as Float64Array;
    assert.ok(vy[0] > -Math.PI && vy[0] < -Math.PI + 1e-9 && vy[1] === 0 && vy[2] < Math.PI);
    assert.throws(() => new tfd.Deterministic({ loc: 1 }).experimentalDefaultEventSpaceBijector(), /Deterministic has no default event space bijector/);
  });

  it('declares parameterProperties with Softplus(low = eps) for positive parameters', () => {
    const props = new tfd.Gamma({ concentration: 2, rate: 1 }).parameterProperties;
    assert.deepEqual(Object.keys(props), ['concentration', 'rate', 'logRate']);
    assert.equal(props.logRate.defaultConstrainingBijector, undefined);
    const b = props.rate.defaultConstrainingBijector!();
    assert.ok(b instanceof tfb.Softplus);
    assert.equal(b.forward(-200).item(), 2 ** -23);
    for (const d of [new tfd.Beta({ concentration1: 1, concentration0: 1 }), new tfd.Weibull({ concentration: 1, scale: 1 }), new tfd.Pareto({ concentration: 1 }),
      new tfd.InverseGamma({ concentration: 1, scale: 1 }), new tfd.Chi2({ df: 1 })]) {
      for (const [k, pp] of Object.entries(d.parameterProperties)) assert.ok(pp.defaultConstrainingBijector!() instanceof tfb.Softplus, `${d.name}.${k}`);
    }
    assert.equal(new tfd.VonMises({ loc: 0, concentration: 1 }).parameterProperties.loc.defaultConstrainingBijector, undefined);
    assert.equal(new tfd.LogitNormal({ loc: 0, scale: 1 }).parameterProperties.loc.defaultConstrainingBijector, undefined);
  });

  it('Gamma takes exactly one of rate and logRate, and both parameterizations agree', () => {
    assert.throws(() => new tfd.Gamma({ concentration: 1 } as never), /exactly one of rate or logRate/);
    assert.throws(() => new tfd.Gamma({ concentration: 1, rate: 1, logRate: 0 }), /exactly one of rate or logRate/);
    assert.throws(() => new tfd.Gamma({ rate: 1 } as never), /concentration is required/);
    const a = new tfd.Gamma({ concentration: f64(2.5), rate: f64(Math.E) });
    const b = new tfd.Gamma({ concentration: f64(2.5), logRate: f64(1) });
    assert.equal(b.rate, undefined);
    assert.ok(Math.abs((b.rateParameter().item() as number) - Math.E) < 1e-15);
    for (const m of ['logProb', 'cdf', 'survivalFunction'] as const) {
      const x = f64([0.1, 1, 3]);
      const ad = a[m](x).data(), bd = b[m](x).data();
      for (let i = 0; i < 3; i++) assert.ok(Math.abs(Number(ad[i]) - Number(bd[i])) < 1e-14, m);
    }
    const sa = a.sample([3], { seed: random.key(2) }).data(), sb = b.sample([3], { seed: random.key(2) }).data();
    for (let i = 0; i < 3; i++) assert.ok(Math.abs(Number(sa[i]) - Number(sb[i])) <= 1e-14 * Number(sa[i]), 'same draws from the same key');
    assert.equal(a.copy({ rate: f64(1) }).mean().item(), 2.5);
  });

  it('required parameters are named in TypeErrors', () => {
    assert.throws(() => new tfd.Beta({ concentration1: 1 } as never), /concentration0/);
    assert.throws(() => new tfd.InverseGamma({ concentration: 1 } as never), /scale/);
    assert.throws(() => new tfd.Chi2({} as never), /df is required/);
    assert.throws(() => new tfd.Weibull({ scale: 1 } as never), /concentration/);
    assert.throws(() => new tfd.Pareto({} as never), /concentration is required/);
    assert.throws(() => new tfd.VonMises({ loc: 0 } as never), /concentration/);
    assert.throws(() => new tfd.LogitNormal({ scale: 1 } as never), /loc/);
    assert.throws(() => new tfd.Deterministic({} as never), /loc is required/);
  });

  it('invalid concentrations give NaN samples (TFP), not exceptions; tiny concentrations never give exact zeros', () => {
    const s = new tfd.Gamma({ concentration: f64([-1, 2]), rate: f64(1) }).sample([3], { seed: random.key(0) }).data() as Float64Array;
    for (let i = 0; i < 3; i++) { assert.ok(Number.isNaN(s[2 * i])); assert.ok(s[2 * i + 1] > 0); }
    const b = new tfd.Beta({ concentration1: f64([0, 2]), concentration0: f64(1) }).sample([2], { seed: random.key(0) }).data() as Float64Array;
    assert.ok(Number.isNaN(b[0]) && b[1] > 0 && b[1] < 1);
    const tiny = new tfd.Gamma({ concentration: 0.01, rate: 1 }).sample([200], { seed: random.key(1) }).data() as Float32Array;
    assert.ok(tiny.every((v) => v > 0), 'zero samples become the smallest normal float');
    const v = new tfd.VonMises({ loc: f64(0), concentration: f64(-1) }).sample([2], { seed: random.key(0) }).data();
    assert.ok(Number.isNaN(v[0]) && Number.isNaN(v[1]));
  });

  it('VonMises: samples lie in [-π, π] whatever loc, k = 0 is uniform, and the cdf adds one per period', () => {
    const x = new tfd.VonMises({ loc: f64(3), concentration: f64(1) }).sample([1000], { seed: random.key(2) }).data() as Float64Array;
    assert.ok(x.every((v) => v >= -Math.PI && v <= Math.PI));
    const u = Float64Array.from(new tfd.VonMises({ loc: f64(0), concentration: f64(0) }).sample([4000], { seed: random.key(3) }).data()).sort();
    let D = 0;
    for (let i = 0; i < u.length; i++) { const F = (u[i] + Math.PI) / (2 * Math.PI); D = Math.max(D, Math.abs(F - i / u.length), Math.abs(F - (i + 1) / u.length)); }
    assert.ok(D < 1.95 / Math.sqrt(u.length), `KS ${D}`);
    const d = new tfd.VonMises({ loc: f64(0.5), concentration: f64(2) });
    const c0 = d.cdf(f64(1)).item() as number;
    assert.ok(Math.abs((d.cdf(f64(1 + 2 * Math.PI)).item() as number) - (c0 + 1)) < 1e-12);
    assert.ok(Math.abs((d.cdf(f64(1 - 4 * Math.PI)).item() as number) - (c0 - 2)) < 1e-12);
    assert.ok(Math.abs((d.logProb(f64(1 + 2 * Math.PI)).item() as number) - (d.logProb(f64(1)).item() as number)) < 1e-12, 'log density is periodic');
    // k = 0: uniform density 1/(2π)
    assert.ok(Math.abs((new tfd.VonMises({ loc: f64(0), concentration: f64(0) }).logProb(f64(1)).item() as number) + Math.log(2 * Math.PI)) < 1e-15);
  });

  it('LogitNormal: quantile inverts cdf and mean/variance are differentiable', () => {
    const d = new tfd.LogitNormal({ loc: f64(0.3), scale: f64(1.2) });
    const p = f64([0.01, 0.3, 0.5, 0.99]);
    const back = d.cdf(d.quantile(p)).data() as Float64Array;
    p.data().forEach((v: number, i: number) => assert.ok(Math.abs(back[i] - v) < 1e-13));
    checkGrad((l) => new tfd.LogitNormal({ loc: l, scale: f64(1.2) }).mean(), f64(0.3), 'd mean/d loc', 1e-6);
    checkGrad((s) => new tfd.LogitNormal({ loc: f64(0.3), scale: s }).variance(), f64(1.2), 'd variance/d scale', 1e-6);
    assert.deepEqual(new tfd.LogitNormal({ loc: f64([0, 1, 2]), scale: f64(1) }).mean().shape, [3]);
  });

  it('Deterministic: prob is 1 within atol + rtol |loc|, samples are loc, no key randomness', () => {
    const d = new tfd.Deterministic({ loc: f64([1, -10]), atol: f64(0.1), rtol: f64(0.01) });
    assert.deepEqual(Array.from(d.prob(f64([[1.2, -10.125], [1.0625, -9.75]])).data()), [0, 1, 1, 0]);
    assert.deepEqual(Array.from(d.sample([2], { seed: random.key(0) }).data()), [1, -10, 1, -10]);
    assert.deepEqual(d.sample([2], { seed: random.key(0) }).data(), d.sample([2], { seed: random.key(5) }).data());
    assert.equal(new tfd.Deterministic({ loc: 0 }).prob(NaN).item(), 0);
    // KL(point mass || b) = -b.logProb(loc), for any b
    const kl = tfd.klDivergence(new tfd.Deterministic({ loc: f64([0.5, 2]) }), new tfd.Gamma({ concentration: f64(2), rate: f64(1) })).data();
    const lp = new tfd.Gamma({ concentration: f64(2), rate: f64(1) }).logProb(f64([0.5, 2])).data();
    assert.deepEqual(Array.from(kl), Array.from(lp).map((v) => -v));
  });

  it('float64 parameters give float64 samples and statistics for every family', () => {
    const ds = [
      new tfd.Gamma({ concentration: f64(2), rate: f64(1) }), new tfd.InverseGamma({ concentration: f64(3), scale: f64(1) }),
      new tfd.Beta({ concentration1: f64(2), concentration0: f64(2) }), new tfd.Chi2({ df: f64(3) }), new tfd.Weibull({ concentration: f64(2), scale: f64(1) }),
      new tfd.Pareto({ concentration: f64(3) }), new tfd.VonMises({ loc: f64(0), concentration: f64(1) }), new tfd.LogitNormal({ loc: f64(0), scale: f64(1) }),
      new tfd.Deterministic({ loc: f64(1) }),
    ];
    for (const d of ds) {
      assert.equal(d.dtype, 'float64', d.name);
      assert.equal(d.sample([2], { seed: random.key(0) }).dtype, 'float64', d.name);
      assert.equal(d.mean().dtype, 'float64', d.name);
      assert.equal(String(d), `tfp.distributions.${d.name}("${d.name}", batch_shape=[], event_shape=[], dtype=float64)`);
    }
  });
});
