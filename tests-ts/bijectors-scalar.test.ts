// Scalar bijectors (Identity, Exp, Softplus, Sigmoid, Shift, Scale, Power, Square,
// Reciprocal, Invert, Chain, Tanh, Log, NormalCDF): round trips and log-det-Jacobians
// against autodiff (fast-check, fixed seed), event-ndims reductions, Chain semantics and
// composition by calling, variables, repr, user subclasses, and the DESIGN.md 9.6 numbers.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { init, np, tfb, tfd, grad, Tensor, Variable, TransformedVariable, valueAndGradVariables } from '../wrapper/index.ts';
import type { Bijector } from '../wrapper/bijectors/bijector.ts';
import { isIncreasing } from '../wrapper/bijectors/monotone.ts';

const f64 = (v: number | number[]): Tensor => np.array(v, 'float64');

function close(got: Tensor | ArrayLike<number>, want: ArrayLike<number>, rtol: number, atol: number, what: string): void {
  const g = got instanceof Tensor ? got.data() : got;
  assert.equal(g.length, want.length, `${what}: length`);
  for (let i = 0; i < want.length; i++) {
    const a = Number(g[i]), b = want[i];
    if (!Number.isFinite(b)) { assert.ok(Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b)), `${what}[${i}]: got ${a}, expected ${b}`); continue; }
    assert.ok(Math.abs(a - b) <= rtol * Math.abs(b) + atol, `${what}[${i}]: got ${a}, expected ${b}`);
  }
}

interface Case {
  label: string;
  make: () => Bijector;
  lo: number;
  hi: number;
  /** [rtol, atol] of the round trip (ill-conditioned inverses near saturation get more). */
  trip?: [number, number];
}

// Parameters are float64 so the float64 checks are not limited by float32 parameters.
const CASES: Case[] = [
  { label: 'Identity', make: () => new tfb.Identity(), lo: -10, hi: 10 },
  { label: 'Exp', make: () => new tfb.Exp(), lo: -20, hi: 20 },
  { label: 'Softplus', make: () => new tfb.Softplus(), lo: -15, hi: 30 },
  { label: 'Softplus(hingeSoftness 0.5, low -1)', make: () => new tfb.Softplus({ hingeSoftness: f64(0.5), low: f64(-1) }), lo: -6, hi: 10 },
  { label: 'Sigmoid', make: () => new tfb.Sigmoid(), lo: -10, hi: 10, trip: [1e-9, 1e-9] },
  { label: 'Sigmoid(low -1, high 3)', make: () => new tfb.Sigmoid({ low: f64(-1), high: f64(3) }), lo: -10, hi: 10, trip: [1e-9, 1e-9] },
  { label: 'Shift(1.5)', make: () => new tfb.Shift(f64(1.5)), lo: -10, hi: 10 },
  { label: 'Scale(-2.5)', make: () => new tfb.Scale(f64(-2.5)), lo: -10, hi: 10 },
  { label: 'Scale({ logScale: 0.3 })', make: () => new tfb.Scale({ logScale: f64(0.3) }), lo: -10, hi: 10 },
  { label: 'Power(3) (odd: all reals)', make: () => new tfb.Power(f64(3)), lo: -4, hi: 4 },
  { label: 'Power(0.5)', make: () => new tfb.Power(f64(0.5)), lo: 0.01, hi: 20 },
  { label: 'Power(-2)', make: () => new tfb.Power(f64(-2)), lo: 0.1, hi: 10 },
  { label: 'Square', make: () => new tfb.Square(), lo: 0.01, hi: 100 },
  { label: 'Reciprocal (positive)', make: () => new tfb.Reciprocal(), lo: 0.01, hi: 100 },
  { label: 'Reciprocal (negative)', make: () => new tfb.Reciprocal(), lo: -100, hi: -0.01 },
  { label: 'Tanh', make: () => new tfb.Tanh(), lo: -5, hi: 5, trip: [1e-9, 1e-9] },
  { label: 'Log', make: () => new tfb.Log(), lo: 0.001, hi: 1000 },
  { label: 'NormalCDF', make: () => new tfb.NormalCDF(), lo: -5, hi: 5, trip: [1e-7, 1e-7] },
  { label: 'Invert(Exp)', make: () => new tfb.Invert(new tfb.Exp()), lo: 0.001, hi: 1000 },
  { label: 'Invert(Softplus)', make: () => new tfb.Invert(new tfb.Softplus()), lo: 0.01, hi: 20 },
  { label: 'Chain([Exp, Softplus])', make: () => new tfb.Chain([new tfb.Exp(), new tfb.Softplus()]), lo: -10, hi: 3 },
  { label: 'Chain([Shift, Scale, Tanh])', make: () => new tfb.Chain([new tfb.Shift(f64(2)), new tfb.Scale(f64(-3)), new tfb.Tanh()]), lo: -4, hi: 4, trip: [1e-9, 1e-9] },
  { label: 'Shift(1)(Scale(3)) by calling', make: () => new tfb.Shift(f64(1))(new tfb.Scale(f64(3))), lo: -10, hi: 10 },
];

// |x| >= 1e-6: subnormal inputs would underflow x^3 and the like (not a property of the bijectors)
const vecArb = (lo: number, hi: number) =>
  fc.array(fc.double({ min: lo, max: hi, noNaN: true }).filter((v) => Math.abs(v) >= 1e-6), { minLength: 1, maxLength: 6 });

describe('bijectors: DESIGN 9.6 numbers', () => {
  before(() => init());

  it('Exp().inverse(1) = 0', () => {
    assert.equal(new tfb.Exp().inverse(1).item(), 0);
  });

  it('Shift(1)(Scale(3)).forward(ones(5)) = 4s; inverse(ones(5)) = 0s; inverse(forward(x)) = x', () => {
    const b = new tfb.Shift(1)(new tfb.Scale(3));
    assert.deepEqual(Array.from(b.forward(np.ones(5)).data()), [4, 4, 4, 4, 4]);
    assert.deepEqual(Array.from(b.inverse(np.ones(5)).data()), [0, 0, 0, 0, 0]);
    assert.deepEqual(Array.from(b.inverse(b.forward(np.ones(5))).data()), [1, 1, 1, 1, 1]);
  });

  it('Chain([Exp, Softplus]).forward(-1) = 1.3678794 (float32)', () => {
    const y = new tfb.Chain([new tfb.Exp(), new tfb.Softplus()]).forward(-1);
    assert.equal(y.dtype, 'float32');
    assert.equal(y.item(), Math.fround(1.3678794));
  });

  it('Exp().inverse([0, 1, 2, 3]) = [-inf, 0, 0.6931472, 1.0986123]', () => {
    const x = new tfb.Exp().inverse([0, 1, 2, 3]);
    assert.equal(x.dtype, 'float32');
    assert.deepEqual(Array.from(x.data()), [-Infinity, 0, Math.fround(0.6931472), Math.fround(1.0986123)]);
  });
});

describe('bijectors: round trips and log-det-Jacobians (float64, fast-check)', () => {
  before(() => init());
  for (const c of CASES) {
    it(`${c.label}: inverse(forward(x)) = x, fldj = log|d forward/dx| (autodiff), ildj(y) = -fldj(inverse(y))`, () => {
      const b = c.make();
      const [rt, at] = c.trip ?? [1e-12, 1e-12];
      fc.assert(fc.property(vecArb(c.lo, c.hi), (xs) => {
        const x = f64(xs);
        const y = b.forward(x);
        assert.equal(y.dtype, 'float64', 'float64 in, float64 out');
        close(b.inverse(y), xs, rt, at, `${c.label} inverse(forward(x))`);
        // forward is elementwise, so grad of sum(forward(x)) is the Jacobian's diagonal
        const g = (grad((t: Tensor) => np.sum(b.forward(t)))(x) as Tensor).data();
        const want = Array.from(g, (d) => Math.log(Math.abs(d)));
        const fldj = b.forwardLogDetJacobian(x);
        assert.deepEqual(fldj.shape, [xs.length]);
        close(fldj, want, 1e-9, 1e-9, `${c.label} fldj vs autodiff`);
        close(b.inverseLogDetJacobian(y), Array.from(fldj.data(), (v) => -v), 1e-9, 1e-9, `${c.label} ildj(forward(x)) = -fldj(x)`);
      }), { numRuns: 25, seed: 4 });
    });
  }

  it('every bijector is elementwise with min event ndims 0 and reports its monotonicity', () => {
    for (const c of CASES) {
      const b = c.make();
      assert.equal(b.forwardMinEventNdims, 0, c.label);
      assert.equal(b.inverseMinEventNdims, 0, c.label);
      assert.notEqual(isIncreasing(b), undefined, `${c.label} is monotone`);
    }
    assert.equal(isIncreasing(new tfb.Scale(-2)), false);
    assert.equal(isIncreasing(new tfb.Scale([1, -1])), undefined, 'mixed signs: not monotone in one direction');
    assert.equal(isIncreasing(new tfb.Reciprocal()), false);
    assert.equal(isIncreasing(new tfb.Power(-2)), false);
    assert.equal(isIncreasing(new tfb.Chain([new tfb.Scale(-1), new tfb.Reciprocal()])), true, 'two decreasing members: increasing');
    assert.equal(isIncreasing(new tfb.Chain([new tfb.Exp(), new tfb.Scale(-1)])), false);
    assert.equal(isIncreasing(new tfb.Invert(new tfb.Reciprocal())), false);
  });
});

describe('bijectors: event ndims', () => {
  before(() => init());

  it('Scale(3).forwardLogDetJacobian(ones(5), 1) = 5 log 3 (a constant Jacobian broadcast, then summed)', () => {
    const b = new tfb.Scale(3);
    close(b.forwardLogDetJacobian(np.ones(5), 1), [5 * Math.log(3)], 1e-6, 0, 'fldj');
    close(b.inverseLogDetJacobian(np.ones(5), 1), [-5 * Math.log(3)], 1e-6, 0, 'ildj');
    assert.deepEqual(b.forwardLogDetJacobian(np.ones(5)).shape, [5], 'default: the minimum event ndims (0)');
  });

  it('eventNdims k sums the log-det-Jacobian over the last k dims', () => {
    const x = np.reshape(f64([0.5, -1, 2, 0.25, 3, -2]), [2, 3]);
    for (const b of [new tfb.Exp(), new tfb.Softplus(), new tfb.Tanh(), new tfb.Chain([new tfb.Exp(), new tfb.Shift(f64(1))])]) {
      const e0 = b.forwardLogDetJacobian(x, 0).data();
      const e1 = b.forwardLogDetJacobian(x, 1);
      assert.deepEqual(e1.shape, [2]);
      close(e1, [e0[0] + e0[1] + e0[2], e0[3] + e0[4] + e0[5]], 1e-12, 1e-12, `${b.name} eventNdims 1`);
      const e2 = b.forwardLogDetJacobian(x, 2);
      assert.deepEqual(e2.shape, []);
      close(e2, [Array.from(e0).reduce((s, v) => s + Number(v), 0)], 1e-12, 1e-12, `${b.name} eventNdims 2`);
      const y = b.forward(x);
      close(b.inverseLogDetJacobian(y, 1), Array.from(e1.data(), (v) => -v), 1e-10, 1e-10, `${b.name} ildj eventNdims 1`);
    }
  });

  it('invalid eventNdims raise a RangeError naming eventNdims', () => {
    const b = new tfb.Exp();
    for (const bad of [-1, 3, 0.5]) {
      assert.throws(() => b.forwardLogDetJacobian(np.ones([2, 2]), bad), (e: Error) => e instanceof RangeError && /eventNdims/.test(e.message), `eventNdims ${bad}`);
      assert.throws(() => b.inverseLogDetJacobian(np.ones([2, 2]), bad), RangeError);
    }
    assert.throws(() => new tfb.Chain([new tfb.Exp(), new tfb.Scale(2)]).forwardLogDetJacobian(np.ones(3), 2), /eventNdims/);
  });
});

/** A user bijector that changes rank: [..., n] -> [..., n, 1] (log-det-Jacobian 0). */
class AddUnitDim extends tfb.Bijector {
  constructor() { super({ forwardMinEventNdims: 1, inverseMinEventNdims: 2, isConstantJacobian: true, name: 'add_unit_dim' }); }
  protected _forward(x: Tensor): Tensor { return np.expandDims(x, -1); }
  protected _inverse(y: Tensor): Tensor { return np.squeeze(y, -1); }
  protected _forwardLogDetJacobian(x: Tensor): Tensor { return np.zeros([], x.dtype); }
  protected _forwardEventShape(s: number[]): number[] { return [...s, 1]; }
  protected _inverseEventShape(s: number[]): number[] { return s.slice(0, -1); }
}

/** The user bijector of the Bijector docs: y = 2x. */
class Double extends tfb.Bijector {
  constructor() { super({ forwardMinEventNdims: 0, isConstantJacobian: true, name: 'double' }); }
  protected _forward(x: Tensor): Tensor { return np.multiply(x, 2); }
  protected _inverse(y: Tensor): Tensor { return np.divide(y, 2); }
  protected _forwardLogDetJacobian(x: Tensor): Tensor { return np.log(np.full([], 2, x.dtype)); }
}

describe('bijectors: Chain', () => {
  before(() => init());

  it('applies the last bijector first (forward) and the first one first (inverse)', () => {
    const a = new tfb.Chain([new tfb.Shift(1), new tfb.Scale(3)]);
    const b = new tfb.Chain([new tfb.Scale(3), new tfb.Shift(1)]);
    assert.equal(a.forward(2).item(), 7);
    assert.equal(b.forward(2).item(), 9);
    assert.equal(a.inverse(7).item(), 2);
    assert.equal(b.inverse(9).item(), 2);
    assert.equal(a.name, 'chain_of_shift_of_scale');
    assert.deepEqual(a.bijectors.map((x) => x.name), ['shift', 'scale']);
  });

  it('is constant-Jacobian only when every member is', () => {
    assert.equal(new tfb.Chain([new tfb.Shift(1), new tfb.Scale(3)]).isConstantJacobian, true);
    assert.equal(new tfb.Chain([new tfb.Shift(1), new tfb.Exp()]).isConstantJacobian, false);
  });

  it('an empty Chain is the identity named identity', () => {
    const c = new tfb.Chain([]);
    assert.equal(c.name, 'identity');
    assert.deepEqual(Array.from(c.forward([1, 2]).data()), [1, 2]);
    assert.deepEqual(Array.from(c.forwardLogDetJacobian([1, 2]).data()), [0, 0]);
  });

  it('infers min event ndims through rank-changing members as TFP does', () => {
    const e = new tfb.Exp(), u = new AddUnitDim();
    const c1 = new tfb.Chain([e, u]);
    assert.deepEqual([c1.forwardMinEventNdims, c1.inverseMinEventNdims], [1, 2]);
    const c2 = new tfb.Chain([u, e]);
    assert.deepEqual([c2.forwardMinEventNdims, c2.inverseMinEventNdims], [1, 2]);
    const c3 = new tfb.Chain([new tfb.Invert(u), e, u]);
    assert.deepEqual([c3.forwardMinEventNdims, c3.inverseMinEventNdims], [1, 1]);
    assert.deepEqual(c1.forwardEventShape([3]), [3, 1]);
    assert.deepEqual(c1.inverseEventShape([3, 1]), [3]);
    assert.equal(c1.forwardEventNdims(2), 3);
  });

  it('accumulates log-det-Jacobians with each member at its own event ndims', () => {
    const x = np.reshape(f64([0.5, -1, 2, 0.25, 3, -2]), [2, 3]);
    const c = new tfb.Chain([new tfb.Exp(), new AddUnitDim(), new tfb.Scale(f64(2))]);
    // Scale at event ndims 1: 3 log 2 per row; AddUnitDim: 0; Exp on [2, 3, 1] at event ndims 2: sum of 2x per row
    const fldj = c.forwardLogDetJacobian(x);
    assert.deepEqual(fldj.shape, [2]);
    close(fldj, [3 * Math.log(2) + 2 * (0.5 - 1 + 2), 3 * Math.log(2) + 2 * (0.25 + 3 - 2)], 1e-12, 1e-12, 'fldj');
    const y = c.forward(x);
    assert.deepEqual(y.shape, [2, 3, 1]);
    close(c.inverseLogDetJacobian(y), Array.from(fldj.data(), (v) => -v), 1e-12, 1e-12, 'ildj');
    close(c.forwardLogDetJacobian(x, 2), [fldj.data()[0] + fldj.data()[1]], 1e-12, 1e-12, 'fldj at eventNdims 2');
    close(c.inverse(y), Array.from(x.data()), 1e-12, 0, 'round trip');
  });

  it('composes by calling: b(c) is Chain([b, c]), nesting to any depth', () => {
    const sc = new tfb.Shift(1)(new tfb.Scale(3));
    assert.ok(sc instanceof tfb.Chain, 'a Chain');
    assert.equal(sc.name, 'chain_of_shift_of_scale');
    const e = new tfb.Exp()(sc);
    assert.equal(e.name, 'chain_of_exp_of_chain_of_shift_of_scale');
    close(e.forward(f64(0.5)), [Math.exp(2.5)], 1e-15, 0, 'exp(1 + 3 x)');
    assert.throws(() => (new tfb.Exp() as any)(3), (err: Error) => err instanceof TypeError && /forward/.test(err.message));
    assert.throws(() => new tfb.Chain([new tfb.Exp(), 3 as never]), (err: Error) => err instanceof TypeError && /bijectors\[1\]/.test(err.message));
  });

  it('has the broadcast batch shape of its members', () => {
    assert.deepEqual(new tfb.Chain([new tfb.Shift([1, 2, 3]), new tfb.Scale({ logScale: [[1], [2]] })]).batchShape, [2, 3]);
  });
});

describe('bijectors: parameters, variables, repr, user subclasses', () => {
  before(() => init());

  it('lists trainable variables through a Chain, including a TransformedVariable parameter, and differentiates through them', () => {
    const shift = new Variable(1, { name: 'shift' });
    const scale = new TransformedVariable(2, new tfb.Softplus(), { name: 'scale' });
    const c = new tfb.Chain([new tfb.Shift(shift), new tfb.Scale(scale)]);
    assert.deepEqual(c.trainableVariables, [shift, scale.pretransformedInput]);
    assert.deepEqual(Array.from(c.forward([1, 2]).data()), [3, 5]);
    shift.assign(0);
    assert.deepEqual(Array.from(c.forward([1, 2]).data()), [2, 4], 'variables are read at use');
    const [, [gShift, gRaw]] = valueAndGradVariables(() => np.sum(c.forward([1, 2])), c.trainableVariables);
    assert.equal(gShift.item(), 2);
    const u = scale.pretransformedInput.value.item() as number;
    close(gRaw, [3 / (1 + Math.exp(-u))], 1e-6, 0, 'd/du sum(softplus(u) x) = sum(x) sigmoid(u)');
    assert.deepEqual(new tfb.Invert(new tfb.Shift(shift)).trainableVariables, [shift]);
  });

  it('batch shapes follow the parameters', () => {
    assert.deepEqual(new tfb.Shift([1, 2, 3]).batchShape, [3]);
    assert.deepEqual(new tfb.Scale({ logScale: [[1], [2]] }).batchShape, [2, 1]);
    assert.deepEqual(new tfb.Power([2, 3]).batchShape, [2]);
    assert.deepEqual(new tfb.Invert(new tfb.Shift([1, 2])).batchShape, [2]);
    assert.deepEqual(new tfb.Exp().batchShape, []);
    assert.deepEqual(new tfb.Shift([1, 2, 3]).forward(np.zeros([4, 1])).shape, [4, 3]);
  });

  it('has TFP-style names and reprs', () => {
    assert.equal(String(new tfb.Shift([1, 2, 3])), 'tfp.bijectors.Shift("shift", batch_shape=[3], forward_min_event_ndims=0, inverse_min_event_ndims=0)');
    assert.equal(String(new tfb.Chain([new tfb.Exp(), new tfb.Softplus()])), 'tfp.bijectors.Chain("chain_of_exp_of_softplus", batch_shape=[], forward_min_event_ndims=0, inverse_min_event_ndims=0)');
    const names = [new tfb.Scale(2), new tfb.Power(2), new tfb.Square(), new tfb.Reciprocal(), new tfb.Tanh(), new tfb.Log(), new tfb.NormalCDF(), new tfb.Invert(new tfb.Exp())].map((b) => b.name);
    assert.deepEqual(names, ['scale', 'power', 'square', 'reciprocal', 'tanh', 'log', 'normal', 'invert_exp']);
    assert.equal(new tfb.Shift(1, { name: 'up' }).name, 'up');
    assert.equal(new tfb.Scale({ scale: 2, name: 'twice' }).name, 'twice');
  });

  it('a user subclass implementing _forward/_inverse/_forwardLogDetJacobian gets the rest from the base', () => {
    const d = new Double();
    assert.equal(d.forward(3).item(), 6);
    assert.equal(d.inverse(6).item(), 3);
    close(d.forwardLogDetJacobian(np.ones(5), 1), [5 * Math.log(2)], 1e-6, 0, 'constant fldj broadcast and summed');
    close(d.inverseLogDetJacobian(np.ones([2, 5]), 1), [-5 * Math.log(2), -5 * Math.log(2)], 1e-6, 0, 'ildj derived');
    const c = new tfb.Exp()(d);
    close(c.forward(f64(1)), [Math.exp(2)], 1e-15, 0, 'composes');
    close(c.forwardLogDetJacobian(f64(1)), [Math.log(2) + 2], 1e-15, 0, 'chain fldj');
    const td = d(new tfd.Normal({ loc: 0, scale: 1 })) as InstanceType<typeof tfd.TransformedDistribution>;
    close(td.logProb(f64(2)), [-0.5 - 0.5 * Math.log(2 * Math.PI) - Math.log(2)], 1e-6, 0, 'TD of a user bijector');
    assert.equal(String(d), 'tfp.bijectors.Double("double", batch_shape=[], forward_min_event_ndims=0, inverse_min_event_ndims=0)');
  });
});

describe('bijectors: domains, validation and dtypes', () => {
  before(() => init());

  it('Power: odd integer powers cover the reals; other powers give NaN for negative inputs; power < 0 decreases', () => {
    assert.equal(new tfb.Power(3).forward(-2).item(), -8);
    assert.equal(new tfb.Power(3).inverse(-8).item(), -2);
    assert.ok(Number.isNaN(new tfb.Power(2).inverse(-4).item() as number), 'even power: NaN for y < 0');
    assert.ok(Number.isNaN(new tfb.Power(0.5).forward(-4).item() as number), 'power 0.5: NaN for x < 0');
    close(new tfb.Power(f64(-1)).forward(f64(4)), [0.25], 1e-15, 0, 'x^-1');
    close(new tfb.Power(f64(1)).forwardLogDetJacobian(f64(0)), [0], 0, 0, 'xlogy: power 1 at 0 gives 0');
  });

  it('Log has the semantics of Invert(Exp)', () => {
    const a = new tfb.Log(), b = new tfb.Invert(new tfb.Exp());
    const x = f64([0.001, 0.5, 1, 7, 1e5]);
    close(a.forward(x), Array.from(b.forward(x).data()), 0, 0, 'forward');
    close(a.inverse(x), Array.from(b.inverse(x).data()), 0, 0, 'inverse');
    close(a.forwardLogDetJacobian(x), Array.from(b.forwardLogDetJacobian(x).data()), 0, 0, 'fldj');
    close(a.inverseLogDetJacobian(x), Array.from(b.inverseLogDetJacobian(x).data()), 0, 0, 'ildj');
    assert.equal(a.forward(0).item(), -Infinity);
  });

  it('Invert swaps forward/inverse, min event ndims and event shapes', () => {
    const u = new tfb.Invert(new AddUnitDim());
    assert.deepEqual([u.forwardMinEventNdims, u.inverseMinEventNdims], [2, 1]);
    assert.deepEqual(u.forwardEventShape([3, 1]), [3]);
    assert.deepEqual(u.inverseEventShape([3]), [3, 1]);
    assert.deepEqual(u.forward(np.ones([2, 3, 1])).shape, [2, 3]);
    assert.equal(u.forwardEventNdims(2), 1);
    assert.throws(() => new tfb.Invert(3 as never), TypeError);
  });

  it('invalid parameters: NaN/inf by default, a RangeError naming the parameter with validateArgs', () => {
    assert.throws(() => new tfb.Scale(0, { validateArgs: true }), (e: Error) => e instanceof RangeError && /scale/.test(e.message));
    assert.throws(() => new tfb.Scale({ scale: [1, 0], validateArgs: true }), /scale must be non-zero; got 0 at index 1/);
    assert.equal(new tfb.Scale(0).inverse(1).item(), Infinity);
    assert.throws(() => new tfb.Power(0, { validateArgs: true }), /power must be non-zero/);
    assert.throws(() => new tfb.Power(2, { validateArgs: true }).forward(-1), /x must be non-negative/);
    assert.equal(new tfb.Power(3, { validateArgs: true }).forward(-1).item(), -1);
    assert.throws(() => new tfb.Square({ validateArgs: true }).forward(-1), /x must be non-negative/);
    assert.throws(() => new tfb.Reciprocal({ validateArgs: true }).forward([1, 0]), /x must be non-zero/);
    assert.equal(new tfb.Reciprocal().forward(0).item(), Infinity);
    assert.throws(() => new tfb.NormalCDF({ validateArgs: true }).inverse(1.5), /y must be in \[0, 1\]/);
    assert.ok(Number.isNaN(new tfb.NormalCDF().inverse(1.5).item() as number), 'NormalCDF inverse outside [0, 1]: NaN');
  });

  it('bad structural input: a TypeError naming the argument', () => {
    assert.throws(() => new tfb.Shift(undefined as never), (e: Error) => e instanceof TypeError && /shift is required/.test(e.message));
    assert.throws(() => new tfb.Scale(undefined as never), (e: Error) => e instanceof TypeError && /scale is required/.test(e.message));
    assert.throws(() => new tfb.Scale({ scale: 1, logScale: 0 } as never), /at most one of scale and logScale/);
    assert.throws(() => new tfb.Power(null as never), /power is required/);
    assert.throws(() => new tfb.Shift([[1, 2], [3]] as never), Error);
  });

  it('float32 by default, float64 in gives float64 out, integers become the default float', () => {
    assert.equal(new tfb.Tanh().forward(1).dtype, 'float32');
    assert.equal(new tfb.Shift(1).forward([1, 2]).dtype, 'float32');
    assert.equal(new tfb.Shift(1).forward(np.array([1, 2], 'int32')).dtype, 'float32');
    assert.equal(new tfb.Scale(2).forward(f64(1)).dtype, 'float64');
    assert.equal(new tfb.Scale(f64(2)).forward(1).dtype, 'float64', 'float64 parameters');
    assert.equal(new tfb.NormalCDF().inverseLogDetJacobian(f64(0.3)).dtype, 'float64');
  });

  it('saturating maps keep accurate log-det-Jacobians far out', () => {
    close(new tfb.Tanh().forwardLogDetJacobian(f64(30)), [Math.log(4) - 60], 1e-12, 0, 'tanh at 30: log(1 - tanh^2) ~ log 4 - 2x');
    close(new tfb.NormalCDF().forwardLogDetJacobian(f64(40)), [-800 - 0.5 * Math.log(2 * Math.PI)], 1e-15, 0, 'normal cdf at 40');
    close(new tfb.Exp().inverseLogDetJacobian(f64(0)), [Infinity], 0, 0, 'exp ildj at 0');
  });
});
