// Structural bijectors (ScaleMatvecDiag, ScaleMatvecTriL, FillTriangular, TransformDiagonal,
// FillScaleTriL, CholeskyOuterProduct, CorrelationCholesky, SoftmaxCentered, Ascending,
// Ordered, Reshape, Pad, JointMap): round trips, log-det-Jacobians against log|det| of the
// autodiff Jacobian (built row by row with `grad`, float64, w.r.t. the free coordinates as
// TFP defines each LDJ), TFP's documented values, event shapes, batch shapes, event-ndims
// reductions, variables, bad input, the DESIGN.md 9.6 FillScaleTriL numbers, and the
// Learnable Distributions Zoo's PadEye written as a user subclass.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { init, np, tfb, grad, Tensor, Variable, TransformedVariable, valueAndGradVariables } from '../wrapper/index.ts';
import type { Bijector } from '../wrapper/bijectors/bijector.ts';
import { fillTriangular, fillTriangularInverse } from '../wrapper/bijectors/fill_triangular.ts';

const f64 = (v: number | number[] | number[][]): Tensor => np.array(v, 'float64');

function close(got: Tensor | ArrayLike<number>, want: ArrayLike<number>, rtol: number, atol: number, what: string): void {
  const g = got instanceof Tensor ? got.data() : got;
  assert.equal(g.length, want.length, `${what}: length`);
  for (let i = 0; i < want.length; i++) {
    const a = Number(g[i]), b = want[i];
    assert.ok(Math.abs(a - b) <= rtol * Math.abs(b) + atol, `${what}[${i}]: got ${a}, expected ${b}`);
  }
}

const flat = (t: Tensor): number[] => Array.from(t.data(), Number);
const lastSlice = (t: Tensor, a: number, b: number): Tensor =>
  np.slice(t, t.shape.map((_, i) => (i === t.ndim - 1 ? a : 0)), t.shape.map((d, i) => (i === t.ndim - 1 ? b : d)));

/** log|det J| of v -> out(v) (square), J built row by row with grad (float64). */
function logAbsDetJacobian(fn: (v: Tensor) => Tensor, v: number[]): number {
  const x = f64(v);
  const k = fn(x).size;
  assert.equal(k, v.length, 'the Jacobian must be square (free coordinates in = out)');
  const rows: number[] = [];
  for (let i = 0; i < k; i++) {
    const e = new Float64Array(k); e[i] = 1;
    const g = grad((t: Tensor) => np.sum(np.multiply(np.reshape(fn(t), [k]), new Tensor(e, [k]))))(x) as Tensor;
    rows.push(...flat(g));
  }
  const [, ld] = np.linalg.slogdet(new Tensor(new Float64Array(rows), [k, k]));
  return ld.item() as number;
}

interface Case {
  label: string;
  make: () => Bijector;
  /** Free coordinates of x (fast-check). */
  arb: fc.Arbitrary<number[]>;
  /** x from its free coordinates (differentiable). */
  toX: (v: Tensor) => Tensor;
  /** The free coordinates of y = forward(x), as a vector. */
  yFree: (y: Tensor) => Tensor;
  /** What TFP adds to log|det J_free| (SoftmaxCentered: the simplex's volume factor). */
  offset?: number;
  /** Round-trip [rtol, atol]. */
  trip?: [number, number];
}

const vec = (n: number, lo: number, hi: number) => fc.array(fc.double({ min: lo, max: hi, noNaN: true }), { minLength: n, maxLength: n });
const ident = (v: Tensor): Tensor => v;
const flatten = (y: Tensor): Tensor => np.reshape(y, [y.size]);
const strictLower = (y: Tensor): Tensor => fillTriangularInverse(np.slice(y, [1, 0], [y.shape[0], y.shape[1] - 1]));

// Parameters are float64 so the float64 checks are not limited by float32 parameters.
const CASES: Case[] = [
  { label: 'ScaleMatvecDiag([2, -0.5, 3])', make: () => new tfb.ScaleMatvecDiag({ scaleDiag: f64([2, -0.5, 3]) }), arb: vec(3, -10, 10), toX: ident, yFree: ident },
  {
    label: 'ScaleMatvecTriL', make: () => new tfb.ScaleMatvecTriL({ scaleTril: f64([[2, 0, 0], [0.5, -1.5, 0], [1, 2, 0.7]]) }),
    arb: vec(3, -10, 10), toX: ident, yFree: ident,
  },
  {
    label: 'ScaleMatvecTriL(adjoint)', make: () => new tfb.ScaleMatvecTriL({ scaleTril: f64([[2, 0, 0], [0.5, -1.5, 0], [1, 2, 0.7]]), adjoint: true }),
    arb: vec(3, -10, 10), toX: ident, yFree: ident,
  },
  { label: 'FillTriangular (lower)', make: () => new tfb.FillTriangular(), arb: vec(6, -10, 10), toX: ident, yFree: (y) => fillTriangularInverse(y) },
  { label: 'FillTriangular (upper)', make: () => new tfb.FillTriangular({ upper: true }), arb: vec(10, -10, 10), toX: ident, yFree: (y) => fillTriangularInverse(y, true) },
  {
    label: 'TransformDiagonal(Softplus) (w.r.t. all n^2 entries)', make: () => new tfb.TransformDiagonal(new tfb.Softplus()),
    arb: vec(9, -5, 5), toX: (v) => np.reshape(v, [3, 3]), yFree: flatten, trip: [1e-9, 1e-12],
  },
  { label: 'FillScaleTriL() (Softplus, shift 1e-5)', make: () => new tfb.FillScaleTriL(), arb: vec(6, -5, 5), toX: ident, yFree: (y) => fillTriangularInverse(y), trip: [1e-9, 1e-9] },
  {
    label: 'FillScaleTriL(Exp, no shift)', make: () => new tfb.FillScaleTriL({ diagBijector: new tfb.Exp(), diagShift: null }),
    arb: vec(10, -5, 5), toX: ident, yFree: (y) => fillTriangularInverse(y),
  },
  {
    label: 'CholeskyOuterProduct (w.r.t. the lower-triangular entries)', make: () => new tfb.CholeskyOuterProduct(),
    arb: vec(6, 0.2, 3), toX: (v) => fillTriangular(v), yFree: (y) => fillTriangularInverse(y), trip: [1e-9, 1e-12],
  },
  {
    label: 'CorrelationCholesky n=3 (w.r.t. the strictly lower entries)', make: () => new tfb.CorrelationCholesky(),
    arb: vec(3, -5, 5), toX: ident, yFree: strictLower, trip: [1e-9, 1e-12],
  },
  {
    label: 'CorrelationCholesky n=4', make: () => new tfb.CorrelationCholesky(),
    arb: vec(6, -5, 5), toX: ident, yFree: strictLower, trip: [1e-9, 1e-12],
  },
  {
    label: 'SoftmaxCentered k=4 (w.r.t. y[:k-1], plus TFP\'s 0.5 log k)', make: () => new tfb.SoftmaxCentered(),
    arb: vec(3, -8, 8), toX: ident, yFree: (y) => lastSlice(y, 0, 3), offset: 0.5 * Math.log(4), trip: [1e-9, 1e-9],
  },
  { label: 'Ascending', make: () => new tfb.Ascending(), arb: vec(4, -5, 5), toX: ident, yFree: ident, trip: [1e-9, 1e-9] },
  {
    label: 'Ordered (increasing inputs)', make: () => new tfb.Ordered(),
    arb: fc.tuple(fc.double({ min: -10, max: 10, noNaN: true }), vec(3, 0.05, 5)).map(([a, gaps]) => gaps.reduce((acc, g) => [...acc, acc[acc.length - 1] + g], [a])),
    toX: ident, yFree: ident, trip: [1e-9, 1e-9],
  },
  { label: 'Reshape([6] -> [2, -1])', make: () => new tfb.Reshape({ eventShapeOut: [2, -1], eventShapeIn: [6] }), arb: vec(6, -10, 10), toX: ident, yFree: flatten },
  {
    label: 'Pad(paddings [[1, 0]], constantValues 7) (w.r.t. the unpadded entries)', make: () => new tfb.Pad({ paddings: [[1, 0]], constantValues: 7 }),
    arb: vec(3, -10, 10), toX: ident, yFree: (y) => lastSlice(y, 1, 4),
  },
];

describe('bijectors (structural): round trips and log-det-Jacobians (float64, fast-check)', () => {
  before(() => init());
  for (const c of CASES) {
    it(`${c.label}: inverse(forward(x)) = x; fldj = log|det J| (autodiff, row by row); ildj(y) = -fldj(x)`, () => {
      const b = c.make();
      const [rt, at] = c.trip ?? [1e-12, 1e-12];
      fc.assert(fc.property(c.arb, (v) => {
        const x = c.toX(f64(v));
        const y = b.forward(x);
        assert.equal(y.dtype, 'float64', 'float64 in, float64 out');
        const back = b.inverse(y);
        assert.deepEqual(back.shape, x.shape);
        close(back, flat(x), rt, at, `${c.label} inverse(forward(x))`);
        const want = logAbsDetJacobian((t) => c.yFree(b.forward(c.toX(t))), v) + (c.offset ?? 0);
        const fldj = b.forwardLogDetJacobian(x);
        assert.deepEqual(fldj.shape, [], 'one event: a scalar');
        close(fldj, [want], 1e-9, 1e-9, `${c.label} fldj vs autodiff`);
        close(b.inverseLogDetJacobian(y), [-want], 1e-9, 1e-9, `${c.label} ildj`);
      }), { numRuns: 15, seed: 7 });
    });
  }

  it('JointMap: each part round trips; the LDJ is the sum of the parts (= log|det| of the block Jacobian)', () => {
    const tril = f64([[2, 0], [0.5, -1.5]]);
    const b = new tfb.JointMap({ a: new tfb.Exp(), m: new tfb.ScaleMatvecTriL({ scaleTril: tril }), s: new tfb.SoftmaxCentered() });
    fc.assert(fc.property(vec(5, -4, 4), (v) => {
      const x = { a: f64(v[0]), m: f64(v.slice(1, 3)), s: f64(v.slice(3)) };
      const y = b.forward(x);
      assert.deepEqual(Object.keys(y), ['a', 'm', 's']);
      const back = b.inverse(y);
      close(back.a, [v[0]], 1e-12, 1e-12, 'a');
      close(back.m, v.slice(1, 3), 1e-12, 1e-12, 'm');
      close(back.s, v.slice(3), 1e-9, 1e-9, 's');
      const joint = (t: Tensor): Tensor => {
        const p = b.forward({ a: np.reshape(lastSlice(t, 0, 1), []), m: lastSlice(t, 1, 3), s: lastSlice(t, 3, 5) });
        return np.concatenate([np.reshape(p.a, [1]), p.m, lastSlice(p.s, 0, 2)]);
      };
      const want = logAbsDetJacobian(joint, v) + 0.5 * Math.log(3);
      close(b.forwardLogDetJacobian(x), [want], 1e-9, 1e-9, 'fldj');
      close(b.inverseLogDetJacobian(y), [-want], 1e-9, 1e-9, 'ildj');
    }), { numRuns: 10, seed: 3 });
  });
});

describe('bijectors (structural): TFP\'s documented values', () => {
  before(() => init());

  it('FillScaleTriL(Exp, diagShift null): forward([0, 0, 0]) = [[1, 0], [0, 1]], inverse([[1, 0], [0.5, 2]]) = [0.6931472, 0.5, 0] (DESIGN 9.6)', () => {
    const b = new tfb.FillScaleTriL({ diagBijector: new tfb.Exp(), diagShift: null });
    const y = b.forward([0, 0, 0]);
    assert.equal(y.dtype, 'float32');
    assert.deepEqual(y.toArray(), [[1, 0], [0, 1]]);
    const x = b.inverse([[1, 0], [0.5, 2]]);
    assert.equal(x.dtype, 'float32');
    assert.deepEqual(flat(x), [Math.fround(0.6931472), 0.5, 0]);
  });

  it('fills in TFP\'s order: [1..6] -> [[4,0,0],[6,5,0],[3,2,1]] (lower), [[1,2,3],[0,5,6],[0,0,4]] (upper), and back', () => {
    const x = [1, 2, 3, 4, 5, 6];
    assert.deepEqual(new tfb.FillTriangular().forward(x).toArray(), [[4, 0, 0], [6, 5, 0], [3, 2, 1]]);
    assert.deepEqual(new tfb.FillTriangular({ upper: true }).forward(x).toArray(), [[1, 2, 3], [0, 5, 6], [0, 0, 4]]);
    assert.deepEqual(flat(new tfb.FillTriangular().inverse([[4, 0, 0], [6, 5, 0], [3, 2, 1]])), x);
    assert.deepEqual(flat(new tfb.FillTriangular({ upper: true }).inverse([[1, 2, 3], [0, 5, 6], [0, 0, 4]])), x);
    assert.deepEqual(new tfb.FillTriangular().forward([[1], [2]]).toArray(), [[[1]], [[2]]], 'n = 1, batched');
    assert.deepEqual(new tfb.FillTriangular().forward(np.ones([2, 0])).shape, [2, 0, 0], 'n = 0');
  });

  it('FillScaleTriL defaults: Softplus diagonal shifted by 1e-5', () => {
    const y = new tfb.FillScaleTriL().forward(f64([0, 0, 0]));
    close(y, [Math.LN2 + 1e-5, 0, 0, Math.LN2 + 1e-5], 1e-15, 0, 'forward(0)');
    const d = new tfb.FillScaleTriL({ diagBijector: new tfb.Exp() }).forward(f64([0, 0, 0]));
    close(d, [1 + 1e-5, 0, 0, 1 + 1e-5], 1e-15, 0, 'Exp + 1e-5');
  });

  it('CorrelationCholesky().forward([2, 2, 1]) and back (TFP\'s docstring)', () => {
    const y = new tfb.CorrelationCholesky().forward(f64([2, 2, 1]));
    close(y, [1, 0, 0, Math.SQRT1_2, Math.SQRT1_2, 0, 2 / 3, 2 / 3, 1 / 3], 1e-15, 1e-16, 'forward');
    close(new tfb.CorrelationCholesky().inverse(y), [2, 2, 1], 1e-14, 0, 'inverse');
    // rows have unit norm: L Lᵀ is a correlation matrix
    const r = np.matmul(y, np.transpose(y));
    close(np.diagonal(r), [1, 1, 1], 1e-15, 0, 'diag(L Lᵀ)');
    assert.deepEqual(new tfb.CorrelationCholesky().forward(np.ones([2, 0])).toArray(), [[[1]], [[1]]], 'n = 1: [[1]]');
  });

  it('SoftmaxCentered: forward(log [2, 3, 4]) = [0.2, 0.3, 0.4, 0.1]; inverse removes the pivot', () => {
    close(new tfb.SoftmaxCentered().forward(np.log(f64([2, 3, 4]))), [0.2, 0.3, 0.4, 0.1], 1e-15, 0, 'forward');
    close(new tfb.SoftmaxCentered().inverse(f64([0.2, 0.3, 0.4, 0.1])), [2, 3, 4].map(Math.log), 1e-15, 0, 'inverse');
    close(new tfb.SoftmaxCentered().forward(f64([1000, -1000])), [1, 0, 0], 0, 0, 'large logits do not overflow');
    assert.ok(Number.isFinite(new tfb.SoftmaxCentered().forwardLogDetJacobian(f64([500, -500])).item() as number), 'fldj stable for large |x|');
  });

  it('Ascending / Ordered: [2, 0, 0] <-> [2, 3, 4]', () => {
    assert.deepEqual(flat(new tfb.Ascending().forward([2, 0, 0])), [2, 3, 4]);
    assert.deepEqual(flat(new tfb.Ascending().inverse([2, 3, 4])), [2, 0, 0]);
    assert.deepEqual(flat(new tfb.Ordered().forward([2, 3, 4])), [2, 0, 0]);
    assert.deepEqual(flat(new tfb.Ordered().inverse([2, 0, 0])), [2, 3, 4]);
    assert.equal(new tfb.Ascending().forwardLogDetJacobian([5, 1, 2]).item(), 3);
    close(new tfb.Ordered().forwardLogDetJacobian(f64([1, 3, 7])), [-Math.log(8)], 1e-15, 0, 'Ordered fldj = -sum log diff');
    assert.ok(Number.isNaN(new tfb.Ordered().forward([1, 0]).data()[1]), 'decreasing input: NaN');
    assert.deepEqual(flat(new tfb.Ascending().forward([7])), [7], 'one element');
  });

  it('Pad: TFP\'s examples (default, axis -2, constantValues), reflect mode', () => {
    assert.deepEqual(new tfb.Pad().forward([3, 4]).toArray(), [3, 4, 0]);
    assert.deepEqual(new tfb.Pad().forward([[1, 2], [3, 4]]).toArray(), [[1, 2, 0], [3, 4, 0]]);
    assert.deepEqual(new tfb.Pad().inverse([3, 4, 0]).toArray(), [3, 4]);
    assert.deepEqual(new tfb.Pad({ axis: -2 }).forward([[3, 4]]).toArray(), [[3, 4], [0, 0]]);
    assert.deepEqual(new tfb.Pad({ axis: -2 }).inverse([[3, 4], [0, 0]]).toArray(), [[3, 4]]);
    assert.deepEqual(new tfb.Pad({ paddings: [[1, 0]], constantValues: 7 }).forward([1, 2]).toArray(), [7, 1, 2]);
    assert.deepEqual(new tfb.Pad({ paddings: [[1, 1], [0, 2]], mode: 'REFLECT' }).forward([[1, 2, 3], [4, 5, 6]]).toArray(),
      [[4, 5, 6, 5, 4], [1, 2, 3, 2, 1], [4, 5, 6, 5, 4], [1, 2, 3, 2, 1]]);
    assert.deepEqual(new tfb.Pad({ paddings: [[2, 2]], mode: 'symmetric' }).forward([1, 2, 3]).toArray(), [2, 1, 1, 2, 3, 3, 2]);
    assert.deepEqual(new tfb.Pad({ paddings: [[1, 1]], mode: 'reflect' }).inverse([2, 1, 2, 3, 2]).toArray(), [1, 2, 3]);
    const b = new tfb.Pad({ paddings: [[1, 0]], axis: -2 });
    assert.equal(b.forwardMinEventNdims, 2);
    assert.ok(b.isConstantJacobian);
    assert.deepEqual(b.forwardLogDetJacobian(np.ones([5, 2, 3])).toArray(), [0, 0, 0, 0, 0]);
  });

  it('ScaleMatvecTriL ignores the strict upper triangle (LinearOperatorLowerTriangular)', () => {
    const b = new tfb.ScaleMatvecTriL({ scaleTril: [[2, 99], [1, 3]] });
    assert.deepEqual(flat(b.forward([1, 1])), [2, 4]);
    assert.deepEqual(flat(b.inverse([2, 4])), [1, 1]);
    close(b.forwardLogDetJacobian([1, 1]), [Math.log(6)], 1e-7, 0, 'log 6');
    assert.deepEqual(flat(new tfb.ScaleMatvecTriL({ scaleTril: [[2, 99], [1, 3]], adjoint: true }).forward([1, 1])), [3, 3]);
  });

  it('CholeskyOuterProduct: [[1, 0], [2, 1]] <-> [[1, 2], [2, 5]]; LDJ = n log 2 + sum (n - i) log L_ii', () => {
    const b = new tfb.CholeskyOuterProduct();
    assert.deepEqual(b.forward([[1, 0], [2, 1]]).toArray(), [[1, 2], [2, 5]]);
    assert.deepEqual(b.inverse([[1, 2], [2, 5]]).toArray(), [[1, 0], [2, 1]]);
    close(b.forwardLogDetJacobian(f64([[3, 0], [1, 2]])), [2 * Math.LN2 + 2 * Math.log(3) + Math.log(2)], 1e-15, 0, 'fldj');
    assert.deepEqual(b.forward([[1, 7], [2, 1]]).toArray(), [[1, 2], [2, 5]], 'upper triangle ignored');
  });

  it('TransformDiagonal(Exp) leaves off-diagonal entries exactly (even inf/NaN) and sums the diagonal LDJ', () => {
    const b = new tfb.TransformDiagonal(new tfb.Exp());
    const y = b.forward(f64([[0, Infinity], [NaN, 1]]));
    const d = flat(y);
    assert.equal(d[0], 1); assert.equal(d[1], Infinity); assert.ok(Number.isNaN(d[2])); assert.equal(d[3], Math.E);
    assert.equal(b.forwardLogDetJacobian(f64([[0.5, 3], [4, 2]])).item(), 2.5);
  });
});

describe('bijectors (structural): shapes and event ndims', () => {
  before(() => init());

  it('event-shape functions', () => {
    const ft = new tfb.FillTriangular();
    assert.deepEqual(ft.forwardEventShape([6]), [3, 3]);
    assert.deepEqual(ft.forwardEventShape([2, 10]), [2, 4, 4]);
    assert.deepEqual(ft.inverseEventShape([3, 3]), [6]);
    assert.deepEqual(ft.inverseEventShape([5, 1, 1]), [5, 1]);
    assert.throws(() => ft.forwardEventShape([5]), (e: Error) => e instanceof RangeError && /triangular number/.test(e.message));
    assert.throws(() => ft.inverseEventShape([3, 4]), RangeError);
    const cc = new tfb.CorrelationCholesky();
    assert.deepEqual(cc.forwardEventShape([3]), [3, 3]);
    assert.deepEqual(cc.forwardEventShape([0]), [1, 1]);
    assert.deepEqual(cc.inverseEventShape([4, 4]), [6]);
    assert.deepEqual(new tfb.SoftmaxCentered().forwardEventShape([3]), [4]);
    assert.deepEqual(new tfb.SoftmaxCentered().inverseEventShape([2, 4]), [2, 3]);
    assert.deepEqual(new tfb.FillScaleTriL().forwardEventShape([6]), [3, 3]);
    assert.deepEqual(new tfb.FillScaleTriL().inverseEventShape([4, 4]), [10]);
    assert.deepEqual(new tfb.Pad().forwardEventShape([2]), [3]);
    assert.deepEqual(new tfb.Pad({ paddings: [[1, 0], [2, 2]] }).forwardEventShape([7, 2, 3]), [7, 3, 7]);
    assert.deepEqual(new tfb.Pad({ axis: -2 }).inverseEventShape([4, 2]), [3, 2]);
    assert.throws(() => new tfb.Pad({ paddings: [[2, 2]] }).inverseEventShape([3]), RangeError);
    const r = new tfb.Reshape({ eventShapeOut: [-1, 2], eventShapeIn: [3, -1] });
    assert.deepEqual(r.forwardEventShape([3, 4]), [6, 2]);
    assert.deepEqual(r.inverseEventShape([5, 3, 2]), [5, 3, 2]);
    assert.throws(() => r.forwardEventShape([2, 4]), (e: Error) => e instanceof RangeError && /event shape \[3, -1\]/.test(e.message));
    for (const b of [new tfb.TransformDiagonal(new tfb.Exp()), new tfb.CholeskyOuterProduct(), new tfb.ScaleMatvecDiag({ scaleDiag: [1, 2] }), new tfb.Ascending()]) {
      assert.deepEqual(b.forwardEventShape([3, 3]), [3, 3], b.name);
    }
  });

  it('forward/inverse event ndims follow the rank change', () => {
    const ft = new tfb.FillTriangular();
    assert.equal(ft.forwardMinEventNdims, 1); assert.equal(ft.inverseMinEventNdims, 2);
    assert.equal(ft.forwardEventNdims(1), 2); assert.equal(ft.forwardEventNdims(3), 4); assert.equal(ft.inverseEventNdims(2), 1);
    const fs = new tfb.FillScaleTriL();
    assert.equal(fs.forwardMinEventNdims, 1); assert.equal(fs.inverseMinEventNdims, 2);
    const cc = new tfb.CorrelationCholesky();
    assert.equal(cc.forwardMinEventNdims, 1); assert.equal(cc.inverseMinEventNdims, 2);
    const r = new tfb.Reshape({ eventShapeOut: [2, 3, 1] });
    assert.equal(r.forwardMinEventNdims, 1); assert.equal(r.inverseMinEventNdims, 3);
    assert.equal(new tfb.TransformDiagonal(new tfb.Exp()).forwardMinEventNdims, 2);
    assert.equal(new tfb.CholeskyOuterProduct().inverseMinEventNdims, 2);
  });

  it('batch shapes come from the parameters (and from sub-bijectors)', () => {
    assert.deepEqual(new tfb.ScaleMatvecDiag({ scaleDiag: np.ones([4, 3]) }).batchShape, [4]);
    assert.deepEqual(new tfb.ScaleMatvecTriL({ scaleTril: np.ones([2, 5, 3, 3]) }).batchShape, [2, 5]);
    assert.deepEqual(new tfb.TransformDiagonal(new tfb.Shift([1, 2])).batchShape, [2]);
    assert.deepEqual(new tfb.FillScaleTriL({ diagShift: np.ones([7]) }).batchShape, [7]);
    assert.deepEqual(new tfb.JointMap([new tfb.Shift(np.ones([3, 1])), new tfb.ScaleMatvecDiag({ scaleDiag: np.ones([4, 2]) })]).batchShape, [3, 4]);
    const b = new tfb.ScaleMatvecTriL({ scaleTril: np.stack([np.eye(2), np.multiply(np.eye(2), 2)]) });
    assert.deepEqual(b.forward(np.ones([3, 1, 2])).shape, [3, 2, 2], 'x batch [3, 1] broadcasts with the batch [2]');
    assert.deepEqual((b.inverse(np.ones([3, 1, 2])).toArray() as number[][][])[0], [[1, 1], [0.5, 0.5]]);
    close(b.forwardLogDetJacobian(np.ones([3, 1, 2])), [0, 2 * Math.LN2, 0, 2 * Math.LN2, 0, 2 * Math.LN2], 1e-7, 0, 'fldj [3, 2]');
  });

  it('eventNdims k sums the log-det-Jacobian over the extra event dims (constant Jacobians broadcast first)', () => {
    const d = new tfb.ScaleMatvecDiag({ scaleDiag: [2, 3] });
    assert.deepEqual(d.forwardLogDetJacobian(np.ones([4, 2])).shape, [4]);
    close(d.forwardLogDetJacobian(np.ones([4, 2]), 2), [4 * Math.log(6)], 1e-6, 0, 'k = 2');
    close(d.inverseLogDetJacobian(np.ones([5, 4, 2]), 3), [-20 * Math.log(6)], 1e-6, 0, 'k = 3');
    const ft = new tfb.FillTriangular();
    assert.deepEqual(ft.forwardLogDetJacobian(np.ones([4, 6])).shape, [4]);
    assert.deepEqual(ft.forwardLogDetJacobian(np.ones([4, 6]), 2).shape, []);
    assert.deepEqual(ft.inverseLogDetJacobian(np.ones([4, 3, 3])).shape, [4]);
    const cc = new tfb.CorrelationCholesky();
    const x = f64([[1, 2, 3], [-1, 0.5, 0]]);
    const per = flat(cc.forwardLogDetJacobian(x));
    assert.equal(per.length, 2);
    close(cc.forwardLogDetJacobian(x, 2), [per[0] + per[1]], 1e-14, 0, 'CorrelationCholesky k = 2');
    const y = cc.forward(x);
    close(cc.inverseLogDetJacobian(y, 3), [-(per[0] + per[1])], 1e-12, 0, 'CorrelationCholesky ildj k = 3');
    const sm = new tfb.SoftmaxCentered();
    const xs = f64([[1, 2], [3, -1], [0, 0]]);
    close(sm.forwardLogDetJacobian(xs, 2), [flat(sm.forwardLogDetJacobian(xs)).reduce((a, b) => a + b, 0)], 1e-14, 0, 'SoftmaxCentered k = 2');
    const fs = new tfb.FillScaleTriL();
    const v = f64([[0.1, 0.2, 0.3], [1, -1, 2]]);
    close(fs.forwardLogDetJacobian(v, 2), [flat(fs.forwardLogDetJacobian(v)).reduce((a, b) => a + b, 0)], 1e-14, 0, 'FillScaleTriL k = 2');
    assert.throws(() => ft.forwardLogDetJacobian(np.ones([6]), 0), RangeError, 'below the minimum');
  });

  it('Reshape: -1 inferred from the event size; batch dims kept; mismatches are RangeErrors', () => {
    const r = new tfb.Reshape({ eventShapeOut: [2, -1], eventShapeIn: [6] });
    assert.deepEqual(r.forward(np.arange(6)).shape, [2, 3]);
    assert.deepEqual(r.forward(np.ones([5, 6])).shape, [5, 2, 3]);
    assert.deepEqual(r.inverse(np.ones([5, 2, 3])).shape, [5, 6]);
    assert.deepEqual(new tfb.Reshape({ eventShapeOut: [-1] , eventShapeIn: [2, 2] }).forward(np.ones([3, 2, 2])).shape, [3, 4]);
    assert.deepEqual(new tfb.Reshape({ eventShapeOut: [1, 1], eventShapeIn: [] }).forward(np.ones([4])).shape, [4, 1, 1], 'scalar events');
    assert.throws(() => r.forward(np.ones([5])), (e: Error) => e instanceof RangeError && /x must end in the event shape \[6\]/.test(e.message));
    assert.throws(() => new tfb.Reshape({ eventShapeOut: [2, 3], eventShapeIn: [5] }), RangeError);
    assert.throws(() => new tfb.Reshape({ eventShapeOut: [-1, -1] }), /at most one -1/);
    assert.throws(() => new tfb.Reshape({ eventShapeOut: [4, -1], eventShapeIn: [6] }).forward(np.ones([6])), /cannot reshape/);
    assert.deepEqual(r.forwardLogDetJacobian(np.ones([5, 6])).toArray(), [0, 0, 0, 0, 0]);
  });

  it('JointMap: arrays and objects of parts; structures of event ndims and shapes; bad structures are errors', () => {
    const j = new tfb.JointMap([new tfb.Exp(), new tfb.FillTriangular()]);
    assert.equal(j.name, 'jointmap_of_exp_and_fill_triangular');
    assert.deepEqual(j.forwardMinEventNdimsParts, [0, 1]);
    assert.deepEqual(j.inverseMinEventNdimsParts, [0, 2]);
    assert.deepEqual(j.forwardEventShape([[2], [3]]), [[2], [2, 2]]);
    assert.deepEqual(j.inverseEventShape([[2], [2, 2]]), [[2], [3]]);
    const [a, m] = j.forward([[0, 1], [1, 2, 3]]);
    close(a, [1, Math.E], 1e-7, 0, 'exp part');
    assert.deepEqual(m.toArray(), [[3, 0], [2, 1]]);
    assert.deepEqual(j.forwardLogDetJacobian([[1, 2], [1, 2, 3]]).toArray(), [1, 2], 'part LDJs broadcast and add');
    assert.equal(j.forwardLogDetJacobian([[1, 2], [1, 2, 3]], [1, 1]).item(), 3, 'per-part event ndims');
    assert.ok(!j.isConstantJacobian);
    assert.ok(new tfb.JointMap({ a: new tfb.Pad(), b: new tfb.Reshape({ eventShapeOut: [-1] }) }).isConstantJacobian);
    const nested = new tfb.JointMap({ outer: new tfb.Exp(), inner: [new tfb.Exp(), new tfb.Identity()] });
    const out = nested.forward({ outer: 0, inner: [0, 5] } as never) as unknown as { outer: Tensor; inner: Tensor[] };
    assert.equal(out.inner[0].item(), 1); assert.equal(out.inner[1].item(), 5);
    assert.equal((nested.forwardLogDetJacobian({ outer: 1, inner: [2, 3] } as never) as Tensor).item(), 3);
    assert.throws(() => (j as unknown as Bijector).forward(np.ones(2)), (e: Error) => e instanceof TypeError && /array with one entry per bijector/.test(e.message));
    assert.throws(() => j.forward([[1]]), (e: Error) => e instanceof RangeError && /1 entries but there are 2 bijectors/.test(e.message));
    const o = new tfb.JointMap({ a: new tfb.Exp() });
    assert.throws(() => o.forward({ b: 1 }), (e: Error) => e instanceof RangeError && /missing \["a"\]; unexpected \["b"\]/.test(e.message));
    assert.throws(() => new tfb.JointMap([new tfb.Exp(), 3 as never]), (e: Error) => e instanceof TypeError && /bijectors\["1"\]/.test(e.message));
    assert.equal(new tfb.JointMap([]).forwardLogDetJacobian([]).item(), 0);
  });
});

describe('bijectors (structural): parameters, variables and errors', () => {
  before(() => init());

  it('trainableVariables are collected from parameters and sub-bijectors in a stable order; variables are read at use', () => {
    const s = new Variable([1, 2], { name: 's' });
    const d = new tfb.ScaleMatvecDiag({ scaleDiag: s });
    assert.deepEqual(d.trainableVariables, [s]);
    assert.deepEqual(flat(d.forward([1, 1])), [1, 2]);
    s.assign([3, 4]);
    assert.deepEqual(flat(d.forward([1, 1])), [3, 4], 'the new value is read');
    const shift = new Variable(0.5, { name: 'shift' }), low = new Variable(0.1, { name: 'low' });
    const fs = new tfb.FillScaleTriL({ diagBijector: new tfb.Softplus({ low }), diagShift: shift });
    assert.deepEqual(fs.trainableVariables, [low, shift], 'diagBijector first, then diagShift (TFP\'s parameter order)');
    const tril = new TransformedVariable(np.eye(2), new tfb.FillScaleTriL(), { name: 'tril' });
    const m = new tfb.ScaleMatvecTriL({ scaleTril: tril });
    assert.deepEqual(m.trainableVariables, [tril.pretransformedInput]);
    const j = new tfb.JointMap({ a: d, b: new tfb.TransformDiagonal(new tfb.Shift(shift)), c: m });
    assert.deepEqual(j.trainableVariables, [s, shift, tril.pretransformedInput]);
    // differentiable w.r.t. the variables: d/ds sum(s * x) = x
    const [, [gs]] = valueAndGradVariables(() => np.sum(d.forward([5, 7])), [s]);
    assert.deepEqual(flat(gs), [5, 7]);
  });

  it('bad structural input: TypeError/RangeError naming the argument', () => {
    assert.throws(() => new tfb.ScaleMatvecDiag({} as never), (e: Error) => e instanceof TypeError && /scaleDiag is required/.test(e.message));
    assert.throws(() => new tfb.ScaleMatvecDiag({ scaleDiag: 2 }), (e: Error) => e instanceof RangeError && /scaleDiag must have at least 1 dimension/.test(e.message));
    assert.throws(() => new tfb.ScaleMatvecTriL({ scaleTril: [1, 2] }), (e: Error) => e instanceof RangeError && /scaleTril must (end in a square matrix|have at least 2 dimension)/.test(e.message));
    assert.throws(() => new tfb.FillTriangular().forward([1, 2, 3, 4]), (e: Error) => e instanceof RangeError && /x: the last dimension \(4\) must be a triangular number/.test(e.message));
    assert.throws(() => new tfb.FillTriangular().inverse([[1, 2, 3]]), (e: Error) => e instanceof RangeError && /y must end in a square matrix/.test(e.message));
    assert.throws(() => new tfb.FillTriangular().forward(1), (e: Error) => e instanceof RangeError && /at least 1 dimension/.test(e.message));
    assert.throws(() => new tfb.TransformDiagonal(new tfb.Exp()).forward(np.ones([2, 3])), RangeError);
    assert.throws(() => new tfb.TransformDiagonal(3 as never), TypeError);
    assert.throws(() => new tfb.TransformDiagonal(new tfb.CholeskyOuterProduct()), /min event ndims <= 1/);
    assert.throws(() => new tfb.CholeskyOuterProduct().forward([1, 2]), RangeError);
    assert.throws(() => new tfb.Pad({ axis: 0 }), (e: Error) => e instanceof RangeError && /axis must hold negative integers/.test(e.message));
    assert.throws(() => new tfb.Pad({ paddings: [[1, -1]] }), (e: Error) => e instanceof TypeError && /paddings/.test(e.message));
    assert.throws(() => new tfb.Pad({ paddings: [[1, 0]], axis: [-1, -2] }), /same number of elements/);
    assert.throws(() => new tfb.Pad({ mode: 'wrap' as never }), /mode must be/);
    assert.throws(() => new tfb.Reshape({} as never), (e: Error) => e instanceof TypeError && /eventShapeOut is required/.test(e.message));
    assert.throws(() => new tfb.FillScaleTriL({ diagBijector: 'exp' as never }), TypeError);
  });

  it('invalid parameters: NaN/inf by default, an Error naming the parameter with validateArgs', () => {
    const d = new tfb.ScaleMatvecDiag({ scaleDiag: [0, 2] });
    assert.equal(d.forwardLogDetJacobian([1, 1]).item(), -Infinity);
    assert.equal(d.inverse([1, 1]).data()[0], Infinity);
    assert.throws(() => new tfb.ScaleMatvecDiag({ scaleDiag: [0, 2], validateArgs: true }), (e: Error) => /scaleDiag must be non-zero/.test(e.message));
    assert.throws(() => new tfb.ScaleMatvecTriL({ scaleTril: [[1, 0], [3, 0]], validateArgs: true }), (e: Error) => /scaleTril must have a non-zero diagonal/.test(e.message));
    assert.ok(Number.isNaN(new tfb.CholeskyOuterProduct().forwardLogDetJacobian([[-1, 0], [0, 1]]).item() as number), 'negative diagonal: NaN (TFP\'s log(diag))');
    assert.ok(flat(new tfb.CholeskyOuterProduct().inverse([[1, 2], [2, 1]])).some((v) => Number.isNaN(v)), 'not positive definite: NaN');
  });

  it('float32 by default, float64 in -> float64 out, ints converted', () => {
    assert.equal(new tfb.FillTriangular().forward([1, 2, 3]).dtype, 'float32');
    assert.equal(new tfb.FillTriangular().forward(np.arange(3)).dtype, 'float32');
    assert.equal(new tfb.CorrelationCholesky().forward(f64([1])).dtype, 'float64');
    assert.equal(new tfb.SoftmaxCentered().forwardLogDetJacobian(f64([1])).dtype, 'float64');
    assert.equal(new tfb.FillScaleTriL().forward(f64([1, 2, 3])).dtype, 'float64');
    assert.equal(new tfb.Pad().forward(f64([1])).dtype, 'float64');
    assert.equal(new tfb.Reshape({ eventShapeOut: [1] }).forwardLogDetJacobian(f64([1])).dtype, 'float64');
    for (const b of [new tfb.SoftmaxCentered(), new tfb.CorrelationCholesky(), new tfb.FillScaleTriL(), new tfb.Ordered()]) {
      assert.equal(b.forwardLogDetJacobian([1, 2, 3]).dtype, 'float32', `${b.name}: float32 LDJ for float32 input`);
    }
    assert.equal(new tfb.CholeskyOuterProduct().forwardLogDetJacobian([[1, 0], [2, 1]]).dtype, 'float32');
  });

  it('repr in TFP\'s form', () => {
    assert.equal(String(new tfb.FillScaleTriL()), 'tfp.bijectors.FillScaleTriL("fill_scale_tril", batch_shape=[], forward_min_event_ndims=1, inverse_min_event_ndims=2)');
    assert.equal(String(new tfb.ScaleMatvecDiag({ scaleDiag: np.ones([3, 2]) })), 'tfp.bijectors.ScaleMatvecDiag("scale_matvec_diag", batch_shape=[3], forward_min_event_ndims=1, inverse_min_event_ndims=1)');
  });
});

// ---- The Learnable Distributions Zoo's PadEye, written as a user subclass ----

const numTrilRows = (nnz: number): number => Math.round(Math.sqrt(0.25 + 2 * nnz) - 0.5);

/**
 * TFP's notebook PadEye: prepends the unconstrained image of an identity matrix (via
 * `trilFn.inverse`) as a first "component" row, so a mixture's first scale stays fixed.
 */
class PadEye extends tfb.Bijector {
  private readonly trilFn: Bijector;
  constructor(trilFn: Bijector = new tfb.FillScaleTriL()) {
    super({ forwardMinEventNdims: 2, inverseMinEventNdims: 2, isConstantJacobian: true, name: 'PadEye' });
    this.trilFn = trilFn;
  }
  protected _forward(x: Tensor): Tensor {
    const n = numTrilRows(x.shape[x.ndim - 1]);
    const eye = np.broadcastTo(np.eye(n, undefined, 0, x.dtype), [...x.shape.slice(0, -2), n, n]);
    return np.concatenate([np.expandDims(this.trilFn.inverse(eye), -2), x], -2);
  }
  protected _inverse(y: Tensor): Tensor {
    return np.slice(y, y.shape.map((_, i) => (i === y.ndim - 2 ? 1 : 0)), y.shape);
  }
  protected _forwardLogDetJacobian(x: Tensor): Tensor { return np.zeros([], x.dtype); }
  protected _inverseLogDetJacobian(y: Tensor): Tensor { return np.zeros([], y.dtype); }
  protected _forwardEventShape(s: number[]): number[] { return s.map((d, i) => (i === s.length - 2 ? d + 1 : d)); }
  protected _inverseEventShape(s: number[]): number[] { return s.map((d, i) => (i === s.length - 2 ? d - 1 : d)); }
}

/** The same idea one level down: a [k-1, k-1] scale -> the k x k block diag(1, scale). */
class PadEyeCorner extends tfb.Bijector {
  constructor() { super({ forwardMinEventNdims: 2, isConstantJacobian: true, name: 'pad_eye_corner' }); }
  protected _forward(x: Tensor): Tensor {
    const k = x.shape[x.ndim - 1] + 1;
    const corner = np.pad(np.ones([1, 1], x.dtype), [[0, k - 1], [0, k - 1]]); // the unit in the new corner
    return np.add(np.pad(x, [...x.shape.slice(0, -2).map(() => [0, 0]), [1, 0], [1, 0]]), corner);
  }
  protected _inverse(y: Tensor): Tensor {
    return np.slice(y, y.shape.map((_, i) => (i >= y.ndim - 2 ? 1 : 0)), y.shape);
  }
  protected _forwardLogDetJacobian(x: Tensor): Tensor { return np.zeros([], x.dtype); }
  protected _forwardEventShape(s: number[]): number[] { return s.map((d, i) => (i >= s.length - 2 ? d + 1 : d)); }
  protected _inverseEventShape(s: number[]): number[] { return s.map((d, i) => (i >= s.length - 2 ? d - 1 : d)); }
}

describe('bijectors (structural): user subclasses (the zoo\'s PadEye)', () => {
  before(() => init());

  it('PadEye (TFP\'s Learnable Distributions Zoo): Chain([tril, PadEye(tril)]) fixes the first component\'s scale to I', () => {
    const tril = new tfb.FillScaleTriL({ diagBijector: new tfb.Softplus() });
    const pe = new PadEye(tril);
    assert.deepEqual(pe.forwardEventShape([2, 10]), [3, 10]);
    assert.deepEqual(pe.inverseEventShape([3, 10]), [2, 10]);
    const init10 = np.multiply(10, np.broadcastTo(np.eye(4), [3, 4, 4]));
    const scaleTril = new TransformedVariable(init10, new tfb.Chain([tril, pe]), { name: 'scale_tril' });
    const [v] = scaleTril.trainableVariables;
    assert.deepEqual(v.shape, [2, 10], 'only the last two components are trainable');
    // the zoo notebook's printed pattern: the diagonal sits at vector positions 0, 4, 5, 9 (TFP's fill order)
    for (const row of v.value.toArray() as number[][]) assert.deepEqual(row.map((x, i) => (x !== 0 ? i : -1)).filter((i) => i >= 0), [0, 4, 5, 9]);
    const value = scaleTril.value;
    assert.deepEqual(value.shape, [3, 4, 4]);
    const want = [...flat(np.eye(4)), ...flat(np.multiply(10, np.eye(4))), ...flat(np.multiply(10, np.eye(4)))];
    close(value, want, 1e-6, 1e-6, 'value = [I, 10 I, 10 I]');
    // moving the variable leaves the first component at I
    v.assign(np.add(v.value, 0.3));
    close(np.slice(scaleTril.value, [0, 0, 0], [1, 4, 4]), flat(np.eye(4)), 1e-6, 1e-6, 'first component fixed');
    // and it is differentiable w.r.t. the variable: the first component gets no gradient
    const [, [g]] = valueAndGradVariables(() => np.sum(np.slice(scaleTril.value, [0, 0, 0], [1, 4, 4])), [v]);
    assert.deepEqual(flat(g), new Array(20).fill(0));
    assert.equal(new tfb.Chain([tril, pe]).forwardLogDetJacobian(np.zeros([2, 10])).shape.length, 0);
  });

  it('PadEyeCorner: a [k-1, k-1] lower-triangular scale becomes diag(1, scale) in k x k', () => {
    const b = new PadEyeCorner();
    assert.deepEqual(b.forward([[2, 0], [3, 4]]).toArray(), [[1, 0, 0], [0, 2, 0], [0, 3, 4]]);
    assert.deepEqual(b.inverse([[1, 0, 0], [0, 2, 0], [0, 3, 4]]).toArray(), [[2, 0], [3, 4]]);
    assert.deepEqual(b.forward(np.ones([5, 2, 2])).shape, [5, 3, 3]);
    assert.deepEqual(b.forwardEventShape([2, 2]), [3, 3]);
    assert.deepEqual(b.inverseEventShape([3, 3]), [2, 2]);
    close(b.inverseLogDetJacobian(np.ones([5, 3, 3])), [0, 0, 0, 0, 0], 0, 0, 'ildj (derived: -fldj)');
    // composes with FillScaleTriL: 3 free numbers -> a 3 x 3 scale with a fixed unit corner
    const c = new tfb.Chain([b, new tfb.FillScaleTriL({ diagBijector: new tfb.Exp(), diagShift: null })]);
    assert.deepEqual(c.forward([0, 0, 0]).toArray(), [[1, 0, 0], [0, 1, 0], [0, 0, 1]]);
    assert.deepEqual(c.forwardEventShape([3]), [3, 3]);
  });
});
