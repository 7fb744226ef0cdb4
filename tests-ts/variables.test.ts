// Variable / TransformedVariable as distribution parameters: read at use, assign, repr,
// trainableVariables order, gradients with respect to variables, and the base class's
// copy / klDivergence registry behaviour.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { init, np, tfd, tfb, Variable, TransformedVariable, valueAndGradVariables, Tensor } from '../wrapper/index.ts';
import { f64 } from './grad-check.ts';

describe('variables as parameters', () => {
  before(() => init());

  it('reads a Variable parameter at use, so assign changes the distribution', () => {
    const loc = new Variable([0, 0], { name: 'loc' });
    const d = new tfd.Normal({ loc, scale: 1 });
    assert.deepEqual(d.mean().toArray(), [0, 0]);
    loc.assign([1, 2]);
    assert.deepEqual(d.mean().toArray(), [1, 2]);
    assert.deepEqual(d.batchShape, [2]);
    assert.equal(d.parameters.loc, loc, 'parameters keep the variable itself');
  });

  it('rejects an assign of another shape, naming the variable', () => {
    const v = new Variable(np.zeros([2]), { name: 'w' });
    assert.throws(() => v.assign([1, 2, 3]), /Variable 'w'.*shape \[2\]/);
  });

  it('stores a TransformedVariable unconstrained and reads it through its bijector', () => {
    const scale = new TransformedVariable(2, new tfb.Softplus(), { name: 'scale' });
    const u = scale.pretransformedInput.value.item() as number;
    assert.ok(Math.abs(Math.log(Math.expm1(2)) - u) < 1e-6, `softplus^-1(2) = ${u}`);
    assert.ok(Math.abs((scale.value.item() as number) - 2) < 1e-6);
    scale.assign(3);
    assert.ok(Math.abs((scale.value.item() as number) - 3) < 1e-6);
    assert.deepEqual(scale.trainableVariables, [scale.pretransformedInput]);
    assert.match(String(scale), /^<TransformedVariable 'scale' shape=\[\] dtype=float32, fn="softplus", numpy=3/);
  });

  it('lists trainableVariables in parameter order, each once, skipping non-trainable ones', () => {
    const loc = new Variable(0, { name: 'loc' });
    const frozen = new Variable(1, { name: 'frozen', trainable: false });
    const scale = new TransformedVariable(1, new tfb.Softplus(), { name: 'scale' });
    assert.deepEqual(new tfd.Normal({ loc, scale }).trainableVariables, [loc, scale.pretransformedInput]);
    assert.deepEqual(new tfd.Normal({ loc: frozen, scale: 1 }).trainableVariables, []);
    const ind = new tfd.Independent(new tfd.Normal({ loc: new Variable([0, 0]), scale }), { reinterpretedBatchNdims: 1 });
    assert.equal(ind.trainableVariables.length, 2);
    assert.deepEqual(new tfd.Normal({ loc: loc, scale: loc }).trainableVariables, [loc]);
  });

  it('differentiates a loss with respect to variables (and leaves their values alone)', () => {
    const loc = new Variable(f64([0.5], []), { name: 'loc' });
    const scale = new TransformedVariable(f64([1.5], []), new tfb.Exp(), { name: 'scale' });
    const d = new tfd.Normal({ loc, scale });
    const xs = [1, 2, -0.5];
    const [v, [gLoc, gRaw]] = valueAndGradVariables(() => np.negative(np.sum(d.logProb(f64(xs, [3])))), d.trainableVariables);
    const s = 1.5, m = 0.5;
    let nll = 0, dm = 0, ds = 0;
    for (const x of xs) { nll += 0.5 * ((x - m) / s) ** 2 + Math.log(s) + 0.5 * Math.log(2 * Math.PI); dm -= (x - m) / s ** 2; ds += 1 / s - (x - m) ** 2 / s ** 3; }
    assert.ok(Math.abs((v.item() as number) - nll) < 1e-12);
    assert.ok(Math.abs((gLoc.item() as number) - dm) < 1e-12);
    assert.ok(Math.abs((gRaw.item() as number) - ds * s) < 1e-12, 'chain rule through exp: d/du = d/ds * s');
    assert.equal(loc.value.item(), 0.5, 'values restored');
    assert.ok(!(loc.value._nodes?.length), 'no trace left on the variable');
  });

  it('rejects bad arguments to valueAndGradVariables', () => {
    assert.throws(() => valueAndGradVariables(1 as never, []), /loss must be a function/);
    assert.throws(() => valueAndGradVariables(() => np.zeros([]), [1] as never), /array of Variable/);
  });
});

describe('distribution base behaviours', () => {
  before(() => init());

  it('copies with overrides, keeping the other parameters and options', () => {
    const d = new tfd.Normal({ loc: 1, scale: 2, name: 'n1', validateArgs: true });
    const c = d.copy({ scale: 3 });
    assert.ok(c instanceof tfd.Normal);
    assert.equal(c.mean().item(), 1);
    assert.equal(c.stddev().item(), 3);
    assert.equal(c.name, 'n1');
    assert.equal(c.validateArgs, true);
    assert.throws(() => d.copy({ scale: -1 }), /scale must be positive/);
    const m = new tfd.MultivariateNormalDiag({ loc: [1, 2] }).copy({ scaleDiag: [3, 4] });
    assert.deepEqual(m.stddev().toArray(), [3, 4]);
    assert.deepEqual(new tfd.Independent(new tfd.Normal({ loc: [0, 0], scale: 1 })).copy({ reinterpretedBatchNdims: 0 }).batchShape, [2]);
  });

  it('gives covariance of a diagonal MVN and the default event-space bijectors', () => {
    const m = new tfd.MultivariateNormalDiag({ loc: [0, 0], scaleDiag: [1, 2] });
    assert.deepEqual(m.covariance().toArray(), [[1, 0], [0, 4]]);
    assert.ok(m.experimentalDefaultEventSpaceBijector() instanceof tfb.Identity);
    assert.throws(() => new tfd.Normal({ loc: 0, scale: 1 }).covariance(), /Normal does not implement covariance/);
  });

  it('has the analytic KL of normals and of Independent normals, and says when a pair is missing', () => {
    const a = new tfd.Normal({ loc: f64([0, 1], [2]), scale: f64([1, 2], [2]) });
    const b = new tfd.Normal({ loc: f64([1, 0], [2]), scale: f64([2, 1], [2]) });
    const want = [0, 1].map((i) => {
      const [ma, sa, mb, sb] = [[0, 1], [1, 2], [1, 0], [2, 1]].map((p) => p[i]);
      return Math.log(sb / sa) + (sa * sa + (ma - mb) ** 2) / (2 * sb * sb) - 0.5;
    });
    const kl = tfd.klDivergence(a, b).data();
    want.forEach((w, i) => assert.ok(Math.abs(kl[i] - w) < 1e-14, `${kl[i]} vs ${w}`));
    const ia = new tfd.Independent(a, { reinterpretedBatchNdims: 1 }), ib = new tfd.Independent(b, { reinterpretedBatchNdims: 1 });
    assert.ok(Math.abs((ia.klDivergence(ib).item() as number) - (want[0] + want[1])) < 1e-14);
    class Odd extends tfd.Normal {}
    assert.ok(Math.abs((tfd.klDivergence(new Odd({ loc: 0, scale: 1 }), new tfd.Normal({ loc: 1, scale: 1 })).item() as number) - 0.5) < 1e-7, 'subclasses use the parent pair');
    assert.throws(() => tfd.klDivergence(new tfd.Normal({ loc: 0, scale: 1 }), ia), /no analytic KL\(Normal \|\| Independent\)/);
    assert.ok(tfd.klDivergence(a, b) instanceof Tensor);
  });
});
