// TransformedDistribution: the distributions table against SciPy (log-normal, logit-normal
// = DESIGN 9.3's TransformedDistribution(Normal, Sigmoid), an affine transform with a
// decreasing bijector), plus sampling (bit-identical with forward of the base sample, KS),
// shapes with batch and sample shapes and bijector batch dims, gradients, composition by
// calling, what is and is not defined (TFP's rules), parameters/copy, variables and KL.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { init, np, random, tfb, tfd, Tensor, Variable, valueAndGradVariables } from '../wrapper/index.ts';
import type { ParamInput } from '../wrapper/index.ts';
import { runFamilyTable } from './dist-table.ts';
import { checkGrad } from './grad-check.ts';
import { fixture } from './helpers.ts';

const f64 = (v: number | number[]): Tensor => np.array(v, 'float64');
const normal = (loc: ParamInput, scale: ParamInput, o = {}) => new tfd.Normal({ loc, scale, ...o });
const TD = tfd.TransformedDistribution;

runFamilyTable('transformed', 'distributions/transformed.json', [
  {
    family: 'LogNormalTD',
    make: (p, o) => new TD({ distribution: normal(p.loc, p.scale, o), bijector: new tfb.Exp(), ...o }),
    sampling: { skip: 'TFP defines no mean/variance for a non-affine bijector (the table checks moments); KS is tested below' },
    gradParams: ['loc', 'scale'],
    gradX: true,
    invalid: [{ params: { scale: -1 }, param: 'scale' }],
  },
  {
    family: 'LogitNormalTD',
    make: (p, o) => new TD({ distribution: normal(p.loc, p.scale, o), bijector: new tfb.Sigmoid(), ...o }),
    sampling: { skip: 'TFP defines no mean/variance for a non-affine bijector (the table checks moments); KS is tested below' },
    gradParams: ['loc', 'scale'],
    gradX: true,
    invalid: [{ params: { scale: -1 }, param: 'scale' }],
  },
  {
    family: 'AffineNormalTD',
    make: (p, o) => new TD({ distribution: normal(p.loc, p.scale, o), bijector: new tfb.Shift(p.shift)(new tfb.Scale(p.mult)), ...o }),
    sampling: 'ks',
    gradParams: ['loc', 'scale', 'shift', 'mult'],
    gradX: true,
    invalid: [{ params: { scale: -1 }, param: 'scale' }],
  },
]);

describe('TransformedDistribution', () => {
  before(() => init());

  it('TransformedDistribution(Normal, Sigmoid) (DESIGN 9.3): name, repr and logit-normal density', () => {
    const d = new TD({ distribution: normal(0, 1), bijector: new tfb.Sigmoid() });
    assert.equal(d.name, 'sigmoidNormal');
    assert.equal(String(d), 'tfp.distributions.TransformedDistribution("sigmoidNormal", batch_shape=[], event_shape=[], dtype=float32)');
    const c = fixture('distributions/transformed.json').cases.find((e: any) => e.family === 'LogitNormalTD');
    const d64 = new TD({ distribution: normal(f64(0), f64(1)), bijector: new tfb.Sigmoid() });
    const got = d64.logProb(np.array(c.x, 'float64')).data();
    c.logProb.forEach((w: number, i: number) => assert.ok(Math.abs(got[i] - w) <= 1e-12 * Math.abs(w) + 1e-12, `logProb[${i}] ${got[i]} vs SciPy ${w}`));
    assert.equal(new TD({ distribution: normal(0, 1), bijector: new tfb.Sigmoid(), name: 'logit_normal' }).name, 'logit_normal');
  });

  it('samples bijector.forward(base sample) with the same key, bit for bit', () => {
    for (const [base, bij] of [
      [normal([0, 1], [1, 2]), new tfb.Exp()],
      [normal(f64(0.5), f64(2)), new tfb.Sigmoid()],
      [new tfd.MultivariateNormalDiag({ loc: np.zeros(3), scaleDiag: np.ones(3) }), new tfb.Shift([1, 2, 3])(new tfb.Softplus())],
    ] as const) {
      const d = new TD({ distribution: base, bijector: bij });
      const key = random.key(42);
      const got = d.sample([4, 3], { seed: key });
      const want = bij.forward(base.sample([4, 3], { seed: key }));
      assert.deepEqual(got.shape, want.shape);
      assert.equal(got.dtype, want.dtype);
      assert.deepEqual(Array.from(got.data()), Array.from(want.data()), `${d.name}: bit-identical`);
    }
  });

  it('samples a log-normal (KS test, fixed key, float64)', () => {
    const d = new TD({ distribution: normal(f64(0.3), f64(0.7)), bijector: new tfb.Exp() });
    const n = 4000;
    const xs = Float64Array.from(d.sample([n], { seed: random.key(7) }).data()).sort();
    const cdf = d.cdf(new Tensor(xs, [n])).data();
    let D = 0;
    for (let i = 0; i < n; i++) D = Math.max(D, Math.abs(cdf[i] - i / n), Math.abs(cdf[i] - (i + 1) / n));
    assert.ok(D < 1.95 / Math.sqrt(n), `KS statistic ${D} (alpha 0.001)`);
  });

  it('has shapes sampleShape + batchShape + eventShape with batched bases, batched bijectors and vector events', () => {
    const a = new TD({ distribution: normal(np.zeros([2, 3]), 1), bijector: new tfb.Exp() });
    assert.deepEqual([a.batchShape, a.eventShape], [[2, 3], []]);
    const xa = a.sample([4, 5], { seed: random.key(1) });
    assert.deepEqual(xa.shape, [4, 5, 2, 3]);
    assert.deepEqual(a.logProb(xa).shape, [4, 5, 2, 3]);
    assert.deepEqual(a.logProb(1).shape, [2, 3]);

    // the bijector's batch dims add to the batch shape (the base is a scalar)
    const b = new TD({ distribution: normal(0, 1), bijector: new tfb.Shift([1, 2, 3]) });
    assert.deepEqual(b.batchShape, [3]);
    const xb = b.sample([4], { seed: random.key(2) });
    assert.deepEqual(xb.shape, [4, 3]);
    assert.deepEqual(b.logProb(xb).shape, [4, 3]);
    assert.deepEqual(Array.from(b.mean().data()), [1, 2, 3]);

    // vector events: the Jacobian term is summed over the event; a bijector batch dim used by the event is not a batch dim
    const mvn = new tfd.MultivariateNormalDiag({ loc: f64([0, 1, 2]), scaleDiag: f64([1, 2, 3]) });
    const c = new TD({ distribution: mvn, bijector: new tfb.Exp() });
    assert.deepEqual([c.batchShape, c.eventShape], [[], [3]]);
    const y = c.sample([2], { seed: random.key(3) });
    assert.deepEqual(y.shape, [2, 3]);
    const lp = c.logProb(y);
    assert.deepEqual(lp.shape, [2]);
    const want = np.subtract(mvn.logProb(np.log(y)), np.sum(np.log(y), { axis: -1 })).data();
    lp.data().forEach((v: number, i: number) => assert.ok(Math.abs(v - want[i]) < 1e-12, `event-summed Jacobian ${v} vs ${want[i]}`));
    assert.deepEqual(new TD({ distribution: mvn, bijector: new tfb.Shift([1, 2, 3]) }).batchShape, []);
  });

  it('differentiates logProb with respect to the base parameters (finite differences, float64)', () => {
    const y = f64([0.1, 0.5, 0.9]);
    checkGrad((loc) => np.sum(new TD({ distribution: normal(loc, f64(0.8)), bijector: new tfb.Sigmoid() }).logProb(y)), f64([0.3]), 'd/d loc');
    checkGrad((scale) => np.sum(new TD({ distribution: normal(f64(0.3), scale), bijector: new tfb.Sigmoid() }).logProb(y)), f64([0.8]), 'd/d scale');
    checkGrad((p) => np.sum(new TD({ distribution: normal(f64(0.1), f64(1.3)), bijector: new tfb.Power(p) }).logProb(y)), f64([1.7]), 'd/d power (bijector parameter)');
  });

  it('composes by calling: bijector(distribution) is a TransformedDistribution', () => {
    const base = normal(0, 1);
    const d = new tfb.Exp()(base);
    assert.ok(d instanceof TD, 'b(d) is a TransformedDistribution');
    assert.equal(d.name, 'expNormal');
    assert.equal(d.logProb(2).item(), new TD({ distribution: base, bijector: new tfb.Exp() }).logProb(2).item());
    const e = new tfb.Shift(1)(new tfb.Scale(2))(base) as InstanceType<typeof TD>;
    assert.equal(e.bijector.name, 'chain_of_shift_of_scale');
    assert.equal(e.mean().item(), 1);
    assert.equal(e.stddev().item(), 2);
  });

  it('defines mean, mode, stddev and entropy only for constant-Jacobian bijectors (TFP), with a clear error otherwise', () => {
    const d = new TD({ distribution: normal(1, 2), bijector: new tfb.Exp() });
    for (const m of ['mean', 'mode', 'stddev', 'variance', 'entropy'] as const) {
      assert.throws(() => d[m](), (e: Error) => /does not implement/.test(e.message) && /constant Jacobian|affine/.test(e.message), m);
    }
    const a = new TD({ distribution: normal(f64(1), f64(2)), bijector: new tfb.Scale(f64(-3)) });
    assert.equal(a.mean().item(), -3);
    assert.equal(a.mode().item(), -3);
    assert.equal(a.stddev().item(), 6);
    assert.ok(Math.abs((a.entropy().item() as number) - (normal(f64(-3), f64(6)).entropy().item() as number)) < 1e-14, `entropy ${a.entropy().item()}`);
  });

  it('cdf/quantile need a scalar monotone bijector; a decreasing one swaps cdf and survival function', () => {
    const r = new TD({ distribution: new tfd.Normal({ loc: f64(3), scale: f64(0.5) }), bijector: new tfb.Reciprocal() });
    const base = r.distribution;
    assert.equal(r.cdf(f64(0.25)).item(), base.survivalFunction(f64(4)).item());
    assert.equal(r.survivalFunction(f64(0.25)).item(), base.cdf(f64(4)).item());
    assert.equal(r.quantile(f64(0.2)).item(), 1 / (base.quantile(f64(0.8)).item() as number));
    const mixed = new TD({ distribution: normal(0, 1), bijector: new tfb.Scale([1, -1]) });
    assert.throws(() => mixed.cdf(0), /does not implement cdf/);
    assert.throws(() => mixed.quantile(0.5), /does not implement quantile/);
  });

  it('parameters hold the distribution and the bijector; copy rebuilds it', () => {
    const base = normal(0, 1), bij = new tfb.Exp();
    const d = new TD({ distribution: base, bijector: bij });
    assert.equal(d.parameters.distribution, base);
    assert.equal(d.parameters.bijector, bij);
    const c = d.copy();
    assert.ok(c instanceof TD, 'copy is a TransformedDistribution');
    assert.equal(c.logProb(2).item(), d.logProb(2).item());
    const s = d.copy({ bijector: new tfb.Softplus() });
    assert.equal(s.bijector.name, 'softplus');
    assert.equal(s.name, 'expNormal', 'copy keeps the name, as TFP');
  });

  it('lists the trainable variables of the base and of the bijector, and differentiates through both', () => {
    const loc = new Variable(0.5, { name: 'loc' });
    const shift = new Variable(1, { name: 'shift' });
    const d = new TD({ distribution: normal(loc, 1), bijector: new tfb.Shift(shift) });
    assert.deepEqual(d.trainableVariables, [loc, shift]);
    const [, [gl, gs]] = valueAndGradVariables(() => np.sum(d.logProb([2, 3])), d.trainableVariables);
    // logProb(y) = log N(y - shift; loc, 1): d/d loc = d/d shift = sum(y - shift - loc) = 2
    assert.ok(Math.abs((gl.item() as number) - 2) < 1e-6, `d/d loc = ${gl.item()}`);
    assert.ok(Math.abs((gs.item() as number) - 2) < 1e-6, `d/d shift = ${gs.item()}`);
  });

  it('default event-space bijector is bijector(base bijector) (TFP)', () => {
    const d = new TD({ distribution: normal(0, 1), bijector: new tfb.Exp() });
    const b = d.experimentalDefaultEventSpaceBijector();
    assert.ok(b instanceof tfb.Chain, 'a Chain');
    assert.equal(b.name, 'chain_of_exp_of_identity');
    assert.equal(b.forward(0).item(), 1);
  });

  it('KL(TD(a, g) || TD(b, g)) = KL(a || b) for the same bijector; different bijectors throw', () => {
    const g = new tfb.Exp();
    const a = normal(0, 1), b = normal(1, 2);
    assert.equal(tfd.klDivergence(new TD({ distribution: a, bijector: g }), new TD({ distribution: b, bijector: g })).item(), tfd.klDivergence(a, b).item());
    assert.throws(() => tfd.klDivergence(new TD({ distribution: a, bijector: g }), new TD({ distribution: b, bijector: new tfb.Exp() })), /same bijector/);
  });

  it('rejects bad structural input with TypeError/RangeError naming the argument', () => {
    assert.throws(() => new TD(undefined as never), TypeError);
    assert.throws(() => new TD({ distribution: 3 as never, bijector: new tfb.Exp() }), (e: Error) => e instanceof TypeError && /distribution/.test(e.message));
    assert.throws(() => new TD({ distribution: normal(0, 1), bijector: {} as never }), (e: Error) => e instanceof TypeError && /bijector/.test(e.message));
    assert.throws(() => new TD({ distribution: normal(np.zeros(2), 1), bijector: new tfb.Shift([1, 2, 3]) }), /batch shapes/);
  });

  it('rejects a bijector that needs larger events than the base has', () => {
    class SumLast extends tfb.Bijector {
      constructor() { super({ forwardMinEventNdims: 1, name: 'needs_vectors' }); }
      protected _forward(x: Tensor): Tensor { return x; }
      protected _inverse(y: Tensor): Tensor { return y; }
      protected _forwardLogDetJacobian(x: Tensor): Tensor { return np.zeros([], x.dtype); }
    }
    assert.throws(() => new TD({ distribution: normal(0, 1), bijector: new SumLast() }), (e: Error) => e instanceof RangeError && /needs_vectors/.test(e.message));
  });
});
