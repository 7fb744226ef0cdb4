// Every differentiable op's gradient against central finite differences in float64, on
// random shapes from fast-check (fixed seeds: deterministic), broadcasting included.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { init, np, grad, Tensor } from '../wrapper/index.ts';
import { f64, valuesFor, weighted, checkGrad } from './grad-check.ts';



const shapeArb = fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 0, maxLength: 3 });

describe('gradients match finite differences (float64)', () => {
  before(() => init());

  const UNARY: [string, (x: Tensor) => Tensor, number, number][] = [
    ['negative', np.negative, -3, 3], ['abs', np.abs, 0.1, 3], ['sqrt', np.sqrt, 0.1, 4], ['rsqrt', np.rsqrt, 0.2, 4],
    ['square', np.square, -3, 3], ['reciprocal', np.reciprocal, 0.3, 3], ['exp', np.exp, -3, 3], ['expm1', np.expm1, -2, 2],
    ['log', np.log, 0.1, 5], ['log1p', np.log1p, -0.5, 3], ['sin', np.sin, -3, 3], ['cos', np.cos, -3, 3], ['tan', np.tan, -1, 1],
    ['tanh', np.tanh, -3, 3], ['sigmoid', np.sigmoid, -5, 5], ['softplus', np.softplus, -5, 5], ['logSigmoid', np.logSigmoid, -5, 5],
    ['arcsin', np.arcsin, -0.8, 0.8], ['arccos', np.arccos, -0.8, 0.8], ['arctan', np.arctan, -3, 3], ['sinh', np.sinh, -2, 2],
    ['cosh', np.cosh, -2, 2], ['logit', np.logit, 0.1, 0.9],
  ];
  for (const [name, op, lo, hi] of UNARY) {
    it(`${name}`, () => {
      fc.assert(fc.property(shapeArb, fc.integer(), (shape, seed) => {
        checkGrad((x) => weighted(op(x)), f64(valuesFor(shape, lo, hi, seed), shape), name);
      }), { numRuns: 8, seed: 1 });
    });
  }

  const BINARY: [string, (a: Tensor, b: Tensor) => Tensor, number, number][] = [
    ['add', np.add, -3, 3], ['subtract', np.subtract, -3, 3], ['multiply', np.multiply, -3, 3], ['divide', np.divide, 0.5, 3],
    ['maximum', np.maximum, -3, 3], ['minimum', np.minimum, -3, 3], ['power', np.power, 0.5, 2], ['arctan2', np.arctan2, 0.5, 3],
    ['logaddexp', np.logaddexp, -3, 3],
  ];
  // broadcastable pairs: b's shape drops leading dims of a's and sets some dims to 1
  const pairArb = fc.tuple(shapeArb, fc.array(fc.boolean(), { maxLength: 3 }), fc.integer({ min: 0, max: 3 }));
  for (const [name, op, lo, hi] of BINARY) {
    it(`${name} with broadcasting`, () => {
      fc.assert(fc.property(pairArb, fc.integer(), ([sa, ones, drop], seed) => {
        const sb = sa.slice(Math.min(drop, sa.length)).map((d, i) => (ones[i] ? 1 : d));
        const a = f64(valuesFor(sa, lo, hi, seed), sa), b = f64(valuesFor(sb, lo, hi, seed + 7), sb);
        checkGrad((x) => weighted(op(x, b)), a, `${name} d/da [${sa}] vs [${sb}]`);
        checkGrad((y) => weighted(op(a, y)), b, `${name} d/db [${sa}] vs [${sb}]`);
      }), { numRuns: 8, seed: 2 });
    });
  }

  const REDUCE: [string, (x: Tensor, o: any) => Tensor][] = [
    ['sum', np.sum], ['mean', np.mean], ['prod', np.prod], ['max', np.max], ['min', np.min], ['logsumexp', np.logsumexp],
    ['var', np.var], ['std', np.std],
  ];
  for (const [name, op] of REDUCE) {
    it(`${name} over random axes, with and without keepdims`, () => {
      fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }), fc.integer(), fc.boolean(), fc.integer({ min: 0, max: 7 }), (shape, seed, keepdims, mask) => {
        const axes = shape.map((_, i) => i).filter((i) => mask & (1 << i));
        const count = (axes.length ? axes : shape.map((_, i) => i)).reduce((c, i) => c * shape[i], 1);
        if ((name === 'var' || name === 'std') && count < 2) return; // no spread: d std is undefined
        const x = f64(valuesFor(shape, 0.5, 2, seed), shape);
        checkGrad((t) => weighted(op(t, { axis: axes.length ? axes : undefined, keepdims })), x, `${name} axes [${axes}] of [${shape}]`);
      }), { numRuns: 8, seed: 3 });
    });
  }

  it('shape ops: reshape, transpose, expandDims, squeeze, broadcastTo', () => {
    const x = f64(valuesFor([2, 3], -1, 1, 9), [2, 3]);
    checkGrad((t) => weighted(np.reshape(t, [3, 2])), x, 'reshape');
    checkGrad((t) => weighted(np.transpose(t)), x, 'transpose');
    checkGrad((t) => weighted(np.expandDims(t, [0, 2])), x, 'expandDims');
    checkGrad((t) => weighted(np.squeeze(np.reshape(t, [1, 2, 1, 3]))), x, 'squeeze');
    checkGrad((t) => weighted(np.broadcastTo(t, [4, 2, 3])), x, 'broadcastTo');
    const y = f64(valuesFor([2, 1, 3], -1, 1, 10), [2, 1, 3]);
    checkGrad((t) => weighted(np.transpose(t, [2, 0, 1])), y, 'transpose perm');
  });

  it('where routes gradients to the selected branch', () => {
    const x = f64([-2, -0.5, 0.5, 2], [4]);
    checkGrad((t) => weighted(np.where(np.greater(t, 0), np.square(t), np.multiply(t, 3))), x, 'where');
  });

  it('second derivatives through nested grad', () => {
    const inner = (y: Tensor) => np.sum(np.multiply(np.sin(y), np.square(y)));
    const d2 = grad((x: Tensor) => np.sum(grad(inner)(x)))(f64([0.3, 1.1], [2])) as Tensor;
    const want = (t: number) => 2 * Math.sin(t) + 4 * t * Math.cos(t) - t * t * Math.sin(t);
    const got = d2.data();
    assert.ok(Math.abs(got[0] - want(0.3)) < 1e-12 && Math.abs(got[1] - want(1.1)) < 1e-12, `${got}`);
  });
});

describe('weak scalars (JS numbers)', () => {
  before(() => init());
  it('keep full precision against float64 operands', () => {
    assert.equal(np.multiply(np.array([1], 'float64'), 0.1).data()[0], 0.1);
    assert.equal(np.add(0.1, np.array([0], 'float64')).data()[0], 0.1);
    assert.equal(np.where(true, 0.1, np.array([0], 'float64')).data()[0], 0.1);
  });
  it('adopt float32 against float32 operands and default to float32 alone', () => {
    assert.equal(np.multiply(np.array([1]), 0.1).dtype, 'float32');
    assert.equal(np.multiply(np.array([1]), 0.1).data()[0], Math.fround(0.1));
    assert.equal(np.exp(0.1).dtype, 'float32');
    assert.equal(np.add(0.1, 0.2).dtype, 'float32');
  });
});
