// Joining, indexing, structural, softmax and cumulative ops: values against NumPy/JAX
// results (computed once with NumPy and written here), shapes over many axis/size
// combinations (negative axes, empty arrays), invariants on random shapes (fast-check,
// fixed seeds), gradients against float64 central differences, and bad-input errors.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { init, np, grad, Tensor } from '../wrapper/index.ts';
import { takePrim, scatterAddPrim } from '../wrapper/np/prims/indexing.ts';
import { f64, valuesFor, weighted, checkGrad } from './grad-check.ts';

const i32 = (data: number[], shape: number[] = [data.length]) => new Tensor(new Int32Array(data), shape);
const iota = (shape: number[]) => np.reshape(np.arange(shape.reduce((a, b) => a * b, 1)), shape);

/** Flattens nested arrays of numbers (or a tensor) to a flat list. */
const flat = (x: unknown): number[] => (x instanceof Tensor ? [...x.data()].map(Number) : Array.isArray(x) ? x.flatMap(flat) : [Number(x)]);

/** Asserts a tensor's values (NaN matches NaN) and optionally its shape and dtype. */
function expectValues(t: Tensor, want: unknown, opts: { tol?: number; shape?: number[]; dtype?: string } = {}): void {
  if (opts.shape) assert.deepEqual(t.shape, opts.shape, 'shape');
  if (opts.dtype) assert.equal(t.dtype, opts.dtype, 'dtype');
  const got = flat(t), exp = flat(want), tol = opts.tol ?? 0;
  assert.equal(got.length, exp.length, `size: got ${got.length}, want ${exp.length}`);
  for (let i = 0; i < got.length; i++) {
    const ok = Number.isNaN(exp[i]) ? Number.isNaN(got[i]) : got[i] === exp[i] || Math.abs(got[i] - exp[i]) <= tol * Math.max(1, Math.abs(exp[i]));
    assert.ok(ok, `element ${i}: got ${got[i]}, want ${exp[i]} (all: ${JSON.stringify(got)})`);
  }
}


const rand = (shape: number[], seed: number, lo = -2, hi = 2) => f64(valuesFor(shape, lo, hi, seed), shape);
const shapeArb = (minLength = 1, maxLength = 3, max = 3) => fc.array(fc.integer({ min: 1, max }), { minLength, maxLength });
/** Throws an error whose message matches every pattern. */
function throwsWith(fn: () => unknown, ...patterns: (string | RegExp)[]): void {
  assert.throws(fn, (e: Error) => {
    for (const p of patterns) {
      if (typeof p === 'string' ? !e.message.includes(p) : !p.test(e.message)) {
        assert.fail(`message ${JSON.stringify(e.message)} lacks ${String(p)}`);
      }
    }
    return true;
  });
}

describe('np structural ops', () => {
  before(() => init());

  describe('concatenate, stack, split', () => {
    it('values, promotion and axis handling', () => {
      expectValues(np.concatenate([[1, 2], [3]]), [1, 2, 3], { shape: [3], dtype: 'float32' });
      const c = np.concatenate([np.ones([2, 2], 'int32'), np.zeros([2, 1], 'float64')], -1);
      expectValues(c, [[1, 1, 0], [1, 1, 0]], { shape: [2, 3], dtype: 'float64' });
      expectValues(np.concatenate([i32([1, 2]), new Tensor(new Uint32Array([3]), [1])]), [1, 2, 3], { dtype: 'int32' });
      expectValues(np.concatenate([np.array([true]), np.array([false])]), [1, 0], { dtype: 'bool' });
      expectValues(np.concatenate([[[1, 2]], [[3, 4]]], null), [1, 2, 3, 4], { shape: [4] });
      expectValues(np.concatenate(iota([2, 3])), [0, 1, 2, 3, 4, 5], { shape: [6], dtype: 'int32' });
      expectValues(np.stack(iota([2, 3]), 1), [[0, 3], [1, 4], [2, 5]], { shape: [3, 2] });
      expectValues(np.stack([[1, 2], [3, 4]]), [[1, 2], [3, 4]], { shape: [2, 2] });
      expectValues(np.stack([[1, 2], [3, 4]], -1), [[1, 3], [2, 4]], { shape: [2, 2] });
      expectValues(np.stack([1, 2, 3]), [1, 2, 3], { shape: [3], dtype: 'float32' });
      expectValues(np.stack([i32([1], []), 2]), [1, 2], { dtype: 'int32' }); // integral JS number joins int32 weakly
      expectValues(np.stack([i32([1], []), 2.5]), [1, 2.5], { dtype: 'float32' });
      const parts = np.split(np.arange(6), [1, 4]);
      assert.deepEqual(parts.map((p) => p.toArray()), [[0], [1, 2, 3], [4, 5]]);
      assert.deepEqual(np.split(np.arange(6), [-2, 10]).map((p) => p.toArray()), [[0, 1, 2, 3], [4, 5], []]);
      assert.deepEqual(np.split(np.arange(6), [4, 2]).map((p) => p.toArray()), [[0, 1, 2, 3], [], [2, 3, 4, 5]]);
      assert.deepEqual(np.split(np.zeros([2, 6, 3]), 3, -2).map((p) => p.shape), [[2, 2, 3], [2, 2, 3], [2, 2, 3]]);
      assert.deepEqual(np.split(np.zeros([0, 2]), 2, 1).map((p) => p.shape), [[0, 1], [0, 1]]);
    });

    it('shapes over random shapes and every axis, negative and empty included', () => {
      fc.assert(fc.property(shapeArb(1, 3, 3), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), (shape, ax0, n1, n2) => {
        const nd = shape.length, ax = ax0 % nd, neg = ax - nd;
        const s1 = shape.map((d, i) => (i === ax ? n1 : d)), s2 = shape.map((d, i) => (i === ax ? n2 : d));
        const a = iota(s1), b = np.add(iota(s2), 100);
        const c = np.concatenate([a, b], neg);
        assert.deepEqual(c.shape, shape.map((d, i) => (i === ax ? n1 + n2 : d)));
        // split at the seam gives the inputs back
        const [p, q] = np.split(c, [n1], neg);
        assert.deepEqual(p.toArray(), a.toArray());
        assert.deepEqual(q.toArray(), b.toArray());
        // stack inserts the new axis where asked
        for (let k = -(nd + 1); k <= nd; k++) {
          const st = np.stack([a, a, a], k);
          const kk = k < 0 ? k + nd + 1 : k;
          assert.deepEqual(st.shape, [...s1.slice(0, kk), 3, ...s1.slice(kk)]);
        }
      }), { numRuns: 40, seed: 11 });
    });
  });

  describe('slice, take, takeAlongAxis, gather, scatterAdd, oneHot', () => {
    it('slice values and shapes', () => {
      expectValues(np.slice(np.arange(10), [1], [8], [3]), [1, 4, 7], { dtype: 'int32' });
      expectValues(np.slice(iota([3, 4]), [1, 1], [3, 4], [1, 2]), [[5, 7], [9, 11]], { shape: [2, 2] });
      assert.deepEqual(np.slice(iota([3, 4]), [2, 0], [2, 4]).shape, [0, 4]);
      assert.deepEqual(np.slice(np.zeros([0, 3]), [0, 1], [0, 3]).shape, [0, 2]);
      expectValues(np.slice(5, [], []), 5, { shape: [] });
    });

    it('take: modes, negative indices, axes, fill values', () => {
      expectValues(np.take([10, 20, 30], [2, 0, -1]), [30, 10, 30]);
      expectValues(np.take([10, 20, 30], [5, -4]), [NaN, NaN]);
      expectValues(np.take([10, 20, 30], [5, -1, -7], { mode: 'clip' }), [30, 10, 10]); // clip does not wrap negatives (JAX)
      expectValues(np.take([10, 20, 30], [4, -1, -5], { mode: 'wrap' }), [20, 30, 20]);
      expectValues(np.take(np.arange(3), [5, 1]), [0, 1], { dtype: 'int32' }); // ints fill with 0 here
      expectValues(np.take([10, 20, 30], [5], { fillValue: -1 }), [-1]);
      expectValues(np.take(iota([2, 3]), 4), 4, { shape: [] }); // axis omitted: flattened, scalar index
      expectValues(np.take(iota([2, 3, 4]), [[2, 0], [1, -1]], { axis: -1 }),
        [[[[2, 0], [1, 3]], [[6, 4], [5, 7]], [[10, 8], [9, 11]]], [[[14, 12], [13, 15]], [[18, 16], [17, 19]], [[22, 20], [21, 23]]]],
        { shape: [2, 3, 2, 2] });
      expectValues(np.take(iota([2, 3]), new Uint32Array([2, 0]), { axis: 1 }), [[2, 0], [5, 3]]);
      assert.deepEqual(np.take(iota([2, 3]), [], { axis: 1 }).shape, [2, 0]);
      assert.deepEqual(np.take(np.zeros([2, 0]), [], { axis: 1 }).shape, [2, 0]);
      assert.deepEqual(np.take(np.zeros([0, 3]), [1, 2], { axis: 1 }).shape, [0, 2]);
      expectValues(np.gather(iota([3, 2]), [[2, 0], [1, 1]]), [[[4, 5], [0, 1]], [[2, 3], [2, 3]]], { shape: [2, 2, 2] });
    });

    it('takeAlongAxis with broadcasting and scatterAdd with duplicates', () => {
      const a = np.array([[10, 30, 20], [60, 40, 50]]);
      expectValues(np.takeAlongAxis(a, [[1], [0]], 1), [[30], [60]], { shape: [2, 1] });
      expectValues(np.takeAlongAxis(a, [[0, 2, 1]], 1), [[10, 20, 30], [60, 50, 40]], { shape: [2, 3] });
      expectValues(np.takeAlongAxis(a, [[1, 0, 0]], 0), [[60, 30, 20]]);
      expectValues(np.takeAlongAxis(a, [[-1], [3]], -1), [[20], [NaN]]);
      expectValues(np.takeAlongAxis(a, [[-1], [3]], -1, { mode: 'clip' }), [[10], [50]]);
      expectValues(np.takeAlongAxis(a, [4, 0], null), [40, 10]);
      expectValues(np.takeAlongAxis([[1], [2]], [[0, 0, 0]], 0), [[1, 1, 1]]); // a broadcasts off the axis
      // argmax positions pick the maxima
      const x = rand([3, 4], 5);
      const am = np.expandDims(np.argmax(x, { axis: 1 }), 1);
      expectValues(np.takeAlongAxis(x, am, 1), np.max(x, { axis: 1, keepdims: true }));
      expectValues(np.scatterAdd(np.zeros(3), [0, 2, 0], [1, 2, 3]), [4, 0, 2]);
      expectValues(np.scatterAdd(np.zeros([2, 3], 'int32'), [1, -1, 7], 1, { axis: 1 }), [[0, 1, 1], [0, 1, 1]], { dtype: 'int32' });
      expectValues(np.scatterAdd(np.zeros(3), [7, -9], [1, 1], { mode: 'clip' }), [1, 0, 1]);
    });

    it('take is consistent with a naive reference on random shapes', () => {
      fc.assert(fc.property(shapeArb(1, 3, 3), fc.integer({ min: 0, max: 2 }), fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 4 }),
        fc.constantFrom('fill', 'clip', 'wrap'), (shape, ax0, idx, mode) => {
          const nd = shape.length, ax = ax0 % nd, n = shape[ax];
          const x = iota(shape);
          const got = np.take(np.astype(x, 'float64'), idx, { axis: ax - nd, mode: mode as any });
          assert.deepEqual(got.shape, [...shape.slice(0, ax), idx.length, ...shape.slice(ax + 1)]);
          const inner = shape.slice(ax + 1).reduce((p, q) => p * q, 1), outer = shape.slice(0, ax).reduce((p, q) => p * q, 1);
          const want: number[] = [];
          for (let o = 0; o < outer; o++) {
            for (const j0 of idx) {
              let j = j0;
              if (mode === 'fill') j = j < 0 ? j + n : j;
              else if (mode === 'clip') j = Math.min(Math.max(j, 0), n - 1);
              else j = ((j % n) + n) % n;
              for (let t = 0; t < inner; t++) want.push(j < 0 || j >= n ? NaN : (o * n + j) * inner + t);
            }
          }
          expectValues(got, want);
        }), { numRuns: 60, seed: 12 });
    });

    it('oneHot like jax.nn.one_hot', () => {
      expectValues(np.oneHot([0, 2, 5, -1], 3), [[1, 0, 0], [0, 0, 1], [0, 0, 0], [0, 0, 0]], { shape: [4, 3], dtype: 'float32' });
      expectValues(np.oneHot([0, 2], 3, { axis: 0, dtype: 'int32' }), [[1, 0], [0, 0], [0, 1]], { shape: [3, 2], dtype: 'int32' });
      expectValues(np.oneHot(i32([1, 0, 2, 1], [2, 2]), 3, { axis: 1 }), [[[0, 1], [1, 0], [0, 0]], [[0, 0], [0, 1], [1, 0]]], { shape: [2, 3, 2] });
      assert.deepEqual(np.oneHot(1, 4).shape, [4]);
      assert.deepEqual(np.oneHot([], 4).shape, [0, 4]);
      assert.deepEqual(np.oneHot([1, 2], 0).shape, [2, 0]);
    });
  });

  describe('pad, tril, triu, diag, diagonal, flip', () => {
    it('pad modes and width forms', () => {
      expectValues(np.pad([1, 2], 1), [0, 1, 2, 0]);
      expectValues(np.pad([1, 2], [2, 1], { mode: 'edge' }), [1, 1, 1, 2, 2]);
      expectValues(np.pad([1, 2, 3], 5, { mode: 'reflect' }), [2, 1, 2, 3, 2, 1, 2, 3, 2, 1, 2, 3, 2]);
      expectValues(np.pad([1, 2, 3], 5, { mode: 'symmetric' }), [2, 3, 3, 2, 1, 1, 2, 3, 3, 2, 1, 1, 2]);
      expectValues(np.pad([1, 2, 3], 5, { mode: 'wrap' }), [2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2]);
      expectValues(np.pad([1], 2, { mode: 'reflect' }), [1, 1, 1, 1, 1]);
      expectValues(np.pad(np.ones([1, 1]), 1, { constantValues: [[2, 3], [4, 5]] }), [[4, 2, 5], [4, 1, 5], [4, 3, 5]]);
      expectValues(np.pad(iota([2, 3]), [[1, 2], [2, 1]], { mode: 'reflect' }),
        [[5, 4, 3, 4, 5, 4], [2, 1, 0, 1, 2, 1], [5, 4, 3, 4, 5, 4], [2, 1, 0, 1, 2, 1], [5, 4, 3, 4, 5, 4]], { dtype: 'int32' });
      expectValues(np.pad(iota([2, 3]), [[1, 0], [0, 2]], { mode: 'symmetric' }), [[0, 1, 2, 2, 1], [0, 1, 2, 2, 1], [3, 4, 5, 5, 4]]);
      expectValues(np.pad(iota([2, 2]), [[1, 0]], { constantValues: 7 }), [[7, 7, 7], [7, 0, 1], [7, 2, 3]]);
      expectValues(np.pad(np.array([true]), 1), [0, 1, 0], { dtype: 'bool' });
      expectValues(np.pad(np.zeros([0]), 1), [0, 0], { shape: [2] });
      assert.deepEqual(np.pad(np.zeros([2, 0]), [[1, 1], [0, 0]], { mode: 'edge' }).shape, [4, 0]);
      assert.deepEqual(np.pad(np.zeros([2, 3, 1]), [[0, 1], [2, 0], [3, 3]]).shape, [3, 5, 7]);
    });

    it('tril/triu (batched, offsets), diag, diagonal, flip', () => {
      expectValues(np.tril([[1, 2], [3, 4]]), [[1, 0], [3, 4]]);
      expectValues(np.triu([[1, 2], [3, 4]]), [[1, 2], [0, 4]]);
      expectValues(np.tril(iota([3, 4]), 1), [[0, 1, 0, 0], [4, 5, 6, 0], [8, 9, 10, 11]], { dtype: 'int32' });
      expectValues(np.triu(iota([2, 3, 4]), -1),
        [[[0, 1, 2, 3], [4, 5, 6, 7], [0, 9, 10, 11]], [[12, 13, 14, 15], [16, 17, 18, 19], [0, 21, 22, 23]]]);
      expectValues(np.tril(np.ones([2, 2], 'bool')), [1, 0, 1, 1], { dtype: 'bool' });
      assert.deepEqual(np.tril(np.zeros([3, 0, 2])).shape, [3, 0, 2]);
      expectValues(np.diag([1, 2]), [[1, 0], [0, 2]]);
      expectValues(np.diag([1, 2], -1), [[0, 0, 0], [1, 0, 0], [0, 2, 0]]);
      expectValues(np.diag([1, 2], 1), [[0, 1, 0], [0, 0, 2], [0, 0, 0]]);
      expectValues(np.diag(iota([3, 4]), -1), [4, 9]);
      expectValues(np.diag(iota([3, 4]), 5), [], { shape: [0] });
      assert.deepEqual(np.diag([]).shape, [0, 0]);
      expectValues(np.diagonal(iota([2, 3, 4]), { offset: 1, axis1: 0, axis2: 2 }), [[1, 14], [5, 18], [9, 22]], { shape: [3, 2] });
      expectValues(np.diagonal(iota([2, 3, 4]), { axis1: 2, axis2: 0 }), [[0, 13], [4, 17], [8, 21]]);
      expectValues(np.diagonal(iota([2, 3, 4]), { axis1: -2, axis2: -1, offset: -1 }), [[4, 9], [16, 21]]);
      expectValues(np.flip([[1, 2], [3, 4]], 1), [[2, 1], [4, 3]]);
      expectValues(np.flip([[1, 2], [3, 4]]), [[4, 3], [2, 1]]);
      expectValues(np.flip(iota([2, 3, 4]), [0, -1]),
        [[[15, 14, 13, 12], [19, 18, 17, 16], [23, 22, 21, 20]], [[3, 2, 1, 0], [7, 6, 5, 4], [11, 10, 9, 8]]]);
      assert.deepEqual(np.flip(np.zeros([0, 2]), 0).shape, [0, 2]);
    });

    it('invariants on random shapes', () => {
      fc.assert(fc.property(shapeArb(2, 4, 4), fc.integer({ min: -4, max: 4 }), fc.integer(), (shape, k, seed) => {
        const x = rand(shape, seed);
        // tril(k) + triu(k + 1) == x
        expectValues(np.add(np.tril(x, k), np.triu(x, k + 1)), x);
        // flipping twice is the identity; flipping all axes reverses the flat order
        expectValues(np.flip(np.flip(x, [0, -1]), [-1, 0]), x);
        expectValues(np.flip(x), [...x.data()].reverse());
        // pad then slice gives x back
        const w = shape.map((_, i) => [i % 2, (i + k + 8) % 3]);
        const p = np.pad(x, w, { constantValues: 9 });
        expectValues(np.slice(p, w.map((q) => q[0]), w.map((q, i) => q[0] + shape[i])), x);
        // the diagonal of diag(v, k) is v
        const v = rand([shape[0]], seed + 1);
        expectValues(np.diagonal(np.diag(v, k), { offset: k }), v);
      }), { numRuns: 40, seed: 13 });
    });
  });

  describe('softmax, logSoftmax, cumsum, cumLogsumexp', () => {
    it('values like jax.nn / lax', () => {
      expectValues(np.softmax([1, 2, 3]), [0.09003057317038046, 0.24472847105479764, 0.6652409557748219], { tol: 1e-6 });
      const x = f64([1, 2, 3, 5], [2, 2]);
      expectValues(np.softmax(x, { axis: 0 }), [[0.11920292202211755, 0.04742587317756679], [0.8807970779778823, 0.9525741268224334]], { tol: 1e-14, dtype: 'float64' });
      expectValues(np.logSoftmax(x), [[-1.3132616875182226, -0.3132616875182226], [-2.1269280110429722, -0.12692801104297224]], { tol: 1e-14 });
      expectValues(np.softmax(np.zeros([2, 4]), { axis: [0, 1] }), new Array(8).fill(0.125));
      expectValues(np.logSoftmax([1000, 0]), [0, -1000]); // no overflow
      expectValues(np.softmax([-1e4, 0]), [0, 1]);
      expectValues(np.softmax(i32([0, 0])), [0.5, 0.5], { dtype: 'float32' });
      expectValues(np.cumsum([1, 2, 3]), [1, 3, 6]);
      expectValues(np.cumsum(iota([2, 3, 4]), { axis: -2 }),
        [[[0, 1, 2, 3], [4, 6, 8, 10], [12, 15, 18, 21]], [[12, 13, 14, 15], [28, 30, 32, 34], [48, 51, 54, 57]]], { dtype: 'int32' });
      expectValues(np.cumsum(iota([2, 2])), [0, 1, 3, 6], { shape: [4] }); // no axis: flattened
      expectValues(np.cumsum([1, 2, 3], { axis: 0, reverse: true }), [6, 5, 3]);
      expectValues(np.cumsum(np.array([true, true, false])), [1, 2, 2], { dtype: 'int32' });
      expectValues(np.cumsum(i32([2 ** 31 - 1, 1])), [2 ** 31 - 1, -(2 ** 31)]); // int32 wraps
      expectValues(np.cumsum([1, 2], { dtype: 'int32' }), [1, 3], { dtype: 'int32' });
      assert.deepEqual(np.cumsum(np.zeros([2, 0]), { axis: 1 }).shape, [2, 0]);
      const y = f64([0.5, -1, 2, 3, 0, -2], [2, 3]);
      expectValues(np.cumLogsumexp(y, { axis: 1 }), [[0.5, 0.7014132779827524, 2.241311296657157], [3, 3.048587351573742, 3.0549852353771474]], { tol: 1e-14 });
      expectValues(np.cumLogsumexp(y, { axis: -1, reverse: true }), [[2.241311296657157, 2.048587351573742, 2], [3.0549852353771474, 0.1269280110429725, -2]], { tol: 1e-14 });
      expectValues(np.cumLogsumexp(f64([-1000, 0, 1000, -Infinity], [4])), [-1000, 0, 1000, 1000]); // stable
      expectValues(np.cumLogsumexp(f64([-Infinity, -Infinity, 0], [3])), [-Infinity, -Infinity, 0]);
      expectValues(np.cumLogsumexp([0, 0, 0]), [0, Math.LN2, Math.log(3)], { tol: 1e-6 });
      assert.deepEqual(np.cumLogsumexp(np.zeros([3, 0]), { axis: 1 }).shape, [3, 0]);
    });

    it('invariants on random shapes', () => {
      fc.assert(fc.property(shapeArb(1, 3, 5), fc.integer({ min: 0, max: 2 }), fc.boolean(), fc.integer(), (shape, ax0, reverse, seed) => {
        const nd = shape.length, ax = ax0 % nd - nd;
        const x = rand(shape, seed, -3, 3);
        const s = np.softmax(x, { axis: ax });
        expectValues(np.sum(s, { axis: ax }), new Array(x.size / shape[nd + ax]).fill(1), { tol: 1e-12 });
        expectValues(np.logSoftmax(x, { axis: ax }), np.log(s), { tol: 1e-12 });
        // the last (first, reversed) cumulative entry is the full reduction
        const pick = (t: Tensor) => np.take(t, [reverse ? 0 : shape[nd + ax] - 1], { axis: ax });
        expectValues(pick(np.cumsum(x, { axis: ax, reverse })), np.sum(x, { axis: ax, keepdims: true }), { tol: 1e-12 });
        const cl = np.cumLogsumexp(x, { axis: ax, reverse });
        expectValues(pick(cl), np.logsumexp(x, { axis: ax, keepdims: true }), { tol: 1e-12 });
        // cumLogsumexp == log(cumsum(exp(x))) for moderate values
        expectValues(cl, np.log(np.cumsum(np.exp(x), { axis: ax, reverse })), { tol: 1e-12 });
      }), { numRuns: 40, seed: 14 });
    });
  });

  describe('gradients match finite differences (float64)', () => {
    it('concatenate, stack, split', () => {
      const a = rand([2, 3], 1), b = rand([2, 1], 2);
      checkGrad((t) => weighted(np.concatenate([t, b, t], 1)), a, 'concatenate d/da');
      checkGrad((t) => weighted(np.concatenate([a, t], -1)), b, 'concatenate d/db');
      checkGrad((t) => weighted(np.stack([t, np.square(t)], -1)), a, 'stack');
      checkGrad((t) => weighted(np.stack(t, 1)), a, 'stack of a tensor (split along axis 0)');
      checkGrad((t) => { const [p, q, r] = np.split(t, [1, 2], 1); return np.add(weighted(p), np.multiply(weighted(np.sin(r)), weighted(q))); }, a, 'split');
    });

    it('slice, take (every mode, repeats), gather, takeAlongAxis, scatterAdd', () => {
      const x = rand([3, 4], 3);
      checkGrad((t) => weighted(np.slice(t, [0, 1], [3, 4], [2, 2])), x, 'strided slice');
      checkGrad((t) => weighted(np.take(t, [[0, 2, 0], [-1, 1, 1]], { axis: 1 })), x, 'take repeated/negative');
      checkGrad((t) => weighted(np.take(t, [9, -7, 1], { axis: 0, mode: 'clip' })), x, 'take clip');
      checkGrad((t) => weighted(np.take(t, [9, -7, 1], { axis: 0, mode: 'wrap' })), x, 'take wrap');
      checkGrad((t) => weighted(np.take(t, [9, 2, -1], { axis: -1, mode: 'fill', fillValue: 0 })), x, 'take fill (out of bounds gets no gradient)');
      checkGrad((t) => weighted(np.take(t, [5, 0, 11])), x, 'take flattened');
      checkGrad((t) => weighted(np.gather(t, [[2, 0], [2, 2]])), x, 'gather');
      checkGrad((t) => weighted(np.takeAlongAxis(t, [[0, 3, 3]], 1, { mode: 'clip' })), x, 'takeAlongAxis');
      checkGrad((t) => weighted(np.takeAlongAxis(t, np.expandDims(np.argmax(t, { axis: 0 }), 0), 0)), x, 'takeAlongAxis argmax');
      const u = rand([3, 3], 4);
      checkGrad((t) => weighted(np.scatterAdd(t, [1, 1, -1], u, { axis: 1 })), x, 'scatterAdd d/da');
      checkGrad((t) => weighted(np.scatterAdd(x, [1, 1, 7], t, { axis: 1 })), u, 'scatterAdd d/dupdates (dropped index gets 0)');
      checkGrad((t) => weighted(np.scatterAdd(x, [1, 1, 7], np.sum(t), { axis: 1 })), u, 'scatterAdd broadcast updates');
    });

    it('take and scatterAdd on random shapes and axes', () => {
      fc.assert(fc.property(shapeArb(1, 3, 3), fc.integer({ min: 0, max: 2 }), fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 1, maxLength: 4 }), fc.integer(), (shape, ax0, idx, seed) => {
        const nd = shape.length, ax = ax0 % nd, n = shape[ax];
        const ok = idx.map((j) => ((j % n) + n) % n);
        const x = rand(shape, seed);
        checkGrad((t) => weighted(np.take(t, ok, { axis: ax })), x, `take [${shape}] axis ${ax} idx [${ok}]`);
        const ushape = [...shape.slice(0, ax), ok.length, ...shape.slice(ax + 1)];
        checkGrad((t) => weighted(np.scatterAdd(x, ok, t, { axis: ax - nd })), rand(ushape, seed + 1), `scatterAdd [${shape}] axis ${ax}`);
      }), { numRuns: 12, seed: 15 });
    });

    it('pad (every mode), tril, triu, diag, diagonal, flip', () => {
      const x = rand([2, 3], 5);
      checkGrad((t) => weighted(np.pad(t, [[1, 2], [0, 1]], { constantValues: 3 })), x, 'pad constant');
      checkGrad((t) => weighted(np.pad(t, 1, { constantValues: [[1, 2], [3, 4]] })), x, 'pad constant per axis');
      for (const mode of ['edge', 'reflect', 'symmetric', 'wrap'] as const) {
        checkGrad((t) => weighted(np.pad(t, [[2, 3], [4, 1]], { mode })), x, `pad ${mode}`);
      }
      const m = rand([2, 3, 3], 6);
      checkGrad((t) => weighted(np.tril(t, -1)), m, 'tril');
      checkGrad((t) => weighted(np.triu(t, 1)), m, 'triu');
      checkGrad((t) => weighted(np.diag(t, -1)), rand([3], 7), 'diag 1-D');
      checkGrad((t) => weighted(np.diag(t, 1)), x, 'diag 2-D');
      checkGrad((t) => weighted(np.diagonal(t, { axis1: 2, axis2: 0 })), m, 'diagonal');
      checkGrad((t) => weighted(np.flip(t, [0, 2])), m, 'flip');
    });

    it('softmax, logSoftmax, cumsum, cumLogsumexp over random axes', () => {
      fc.assert(fc.property(shapeArb(1, 3, 4), fc.integer({ min: 0, max: 2 }), fc.boolean(), fc.integer(), (shape, ax0, reverse, seed) => {
        const ax = (ax0 % shape.length) - (reverse ? shape.length : 0);
        const x = rand(shape, seed, -3, 3);
        checkGrad((t) => weighted(np.softmax(t, { axis: ax })), x, `softmax [${shape}] axis ${ax}`);
        checkGrad((t) => weighted(np.logSoftmax(t, { axis: ax })), x, `logSoftmax [${shape}] axis ${ax}`);
        checkGrad((t) => weighted(np.cumsum(t, { axis: ax, reverse })), x, `cumsum [${shape}] axis ${ax} reverse ${reverse}`);
        checkGrad((t) => weighted(np.cumLogsumexp(t, { axis: ax, reverse })), x, `cumLogsumexp [${shape}] axis ${ax} reverse ${reverse}`);
      }), { numRuns: 12, seed: 16 });
      // huge spreads: the stable gradient is the prefix softmax weights exp(x_j - out_i)
      const big = f64([-800, 0, 700, 1], [4]);
      const g = grad((t: Tensor) => np.sum(np.cumLogsumexp(t)))(big) as Tensor;
      const out = [-800, 0, 700, 700 + Math.log1p(Math.exp(1 - 700))];
      const want = [-800, 0, 700, 1].map((xj, j) => out.slice(j).reduce((acc, oi) => acc + Math.exp(xj - oi), 0));
      expectValues(g, want, { tol: 1e-12 });
    });

    it('second derivatives through take/scatterAdd, cumsum, softmax', () => {
      const x = rand([4], 8);
      const hess = (f: (t: Tensor) => Tensor) => grad((t: Tensor) => weighted(grad(f)(t) as Tensor));
      checkGrad((t) => weighted(grad((s: Tensor) => np.sum(np.power(np.take(s, [0, 0, 3]), 3)))(t) as Tensor), x, 'd2 take');
      checkGrad((t) => weighted(grad((s: Tensor) => np.sum(np.sin(np.cumsum(s, { reverse: true }))))(t) as Tensor), x, 'd2 cumsum');
      checkGrad((t) => weighted(grad((s: Tensor) => weighted(np.softmax(s)))(t) as Tensor), x, 'd2 softmax');
      checkGrad((t) => weighted(grad((s: Tensor) => weighted(np.cumLogsumexp(s)))(t) as Tensor), x, 'd2 cumLogsumexp');
      checkGrad((t) => weighted(grad((s: Tensor) => np.sum(np.square(np.pad(np.flip(s), 2, { mode: 'reflect' }))))(t) as Tensor), x, 'd2 pad/flip');
      assert.equal((hess((t) => np.sum(np.square(np.concatenate([t, t]))))(x) as Tensor).shape[0], 4);
    });

    it('integer index inputs get no gradient', () => {
      const x = rand([3], 9), idx = i32([0, 2]), g = rand([2], 10);
      const [ga, gi] = takePrim.vjp!(g, [x, idx], np.take(x, idx), { axis: 0, mode: 'fill', fillValue: NaN }, [true, false]);
      assert.deepEqual(ga!.shape, [3]);
      assert.equal(gi, null);
      const s = scatterAddPrim.vjp!(x, [x, idx, g], x, { axis: 0, mode: 'fill' }, [true, false, true]);
      assert.equal(s[1], null);
      expectValues(s[2]!, [x.data()[0], x.data()[2]]);
      assert.throws(() => grad((t: Tensor) => np.sum(np.take([1, 2, 3], t)))(f64([0, 1], [2])), /integer dtype/);
    });
  });

  describe('bad inputs', () => {
    it('axes out of range or not integers', () => {
      throwsWith(() => np.concatenate([[1], [2]], 1), 'concatenate', 'axis 1', 'dimension 1');
      throwsWith(() => np.stack([[1], [2]], -3), 'stack', 'axis -3');
      throwsWith(() => np.split([1, 2], 1, 2), 'split', 'axis 2');
      throwsWith(() => np.take([1, 2], [0], { axis: 1 }), 'take', 'axis 1');
      throwsWith(() => np.take([1, 2], [0], { axis: 0.5 }), 'take', 'axis 0.5');
      throwsWith(() => np.takeAlongAxis([[1, 2]], [[0]], 2), 'takeAlongAxis', 'axis 2');
      throwsWith(() => np.diagonal(np.ones([2, 2]), { axis1: 1, axis2: -1 }), 'diagonal', 'differ');
      throwsWith(() => np.diagonal(np.ones([2, 2]), { axis2: 2 }), 'diagonal', 'axis 2');
      throwsWith(() => np.flip([1, 2], 1), 'flip', 'axis 1');
      throwsWith(() => np.softmax([1, 2], { axis: 1 }), 'softmax', 'axis 1');
      throwsWith(() => np.cumsum(np.ones([2, 2]), { axis: -3 }), 'cumsum', 'axis -3');
      throwsWith(() => np.cumLogsumexp([1, 2], { axis: 1 }), 'cumLogsumexp', 'axis 1');
      throwsWith(() => np.oneHot([1], 3, { axis: 2 }), 'oneHot', 'axis 2');
      throwsWith(() => np.scatterAdd([1, 2], [0], [1], { axis: 1 }), 'scatterAdd', 'axis 1');
    });

    it('non-matching shapes name both shapes', () => {
      throwsWith(() => np.concatenate([np.ones([2, 3]), np.ones([3, 3])], 1), 'concatenate', '[2, 3]', '[3, 3]');
      throwsWith(() => np.concatenate([np.ones([2, 3]), np.ones([2])]), 'concatenate', '[2, 3]', '[2]', 'number of dimensions');
      throwsWith(() => np.stack([np.ones([2]), np.ones([3])]), 'stack', '[2]', '[3]');
      throwsWith(() => np.takeAlongAxis(np.ones([2, 3]), i32([0, 0, 0], [3, 1]), 1), 'takeAlongAxis', '[2, 3]', '[3, 1]');
      throwsWith(() => np.takeAlongAxis(np.ones([2, 3]), [0], 1), 'takeAlongAxis', '[2, 3]', '[1]');
      throwsWith(() => np.scatterAdd(np.zeros([2, 3]), [0, 1], np.ones([2, 3]), { axis: 1 }), 'scatterAdd', '[2, 3]', '[2, 2]');
      throwsWith(() => np.split(np.arange(5), 3), 'split', 'equal division', 'size 5', '3 sections');
      throwsWith(() => np.slice(np.ones([2, 3]), [0, 0], [2, 4]), 'slice', '[2, 3]', 'limits [2, 4]');
      throwsWith(() => np.slice(np.ones([2, 3]), [0], [2]), 'slice', 'starts', '[2, 3]');
      throwsWith(() => np.slice(np.ones([3]), [2], [1]), 'slice', 'starts [2]');
      throwsWith(() => np.slice(np.ones([3]), [0], [3], [0]), 'slice', 'strides');
      throwsWith(() => np.pad(np.ones([2, 2]), [[1, 1], [1, 1], [1, 1]]), 'pad', 'padWidth', '3', '2 dimensions');
      throwsWith(() => np.pad(np.ones([2]), -1), 'pad', 'padWidth', 'non-negative');
      throwsWith(() => np.pad(np.zeros([0]), 1, { mode: 'edge' }), 'pad', 'empty axis 0', "'edge'");
      throwsWith(() => np.pad([1], 1, { mode: 'mean' as any }), 'pad', 'mode');
      throwsWith(() => np.tril([1, 2]), 'tril', '[2]');
      throwsWith(() => np.diag(np.ones([2, 2, 2])), 'diag', '[2, 2, 2]');
      throwsWith(() => np.diagonal([1, 2]), 'diagonal', '[2]');
      throwsWith(() => np.take(np.zeros([2, 0]), [0], { axis: 1 }), 'take', 'size 0', '[2, 0]');
      throwsWith(() => np.concatenate([1, 2]), 'concatenate', 'zero-dimensional');
      throwsWith(() => np.concatenate([]), 'concatenate', 'at least one');
      throwsWith(() => np.stack(np.zeros([0, 2])), 'stack', 'at least one', '[0, 2]');
    });

    it('non-integer or ragged indices and inputs', () => {
      throwsWith(() => np.take([1, 2], [0.5]), 'take', 'integers', '0.5');
      throwsWith(() => np.take([1, 2], np.array([0, 1])), 'take', 'integer dtype', 'float32');
      throwsWith(() => np.take([1, 2], [true]), 'take', 'booleans');
      throwsWith(() => np.takeAlongAxis([1, 2], [NaN], 0), 'takeAlongAxis', 'integers');
      throwsWith(() => np.gather([1, 2], [[0], [1, 0]]), 'ragged');
      throwsWith(() => np.scatterAdd([1, 2], [1.5], [1]), 'scatterAdd', 'integers');
      throwsWith(() => np.take([1, 2], [2 ** 31]), 'take', 'int32 range');
      throwsWith(() => np.split(np.arange(4), [1.5]), 'split', 'integer');
      throwsWith(() => np.split(np.arange(4), 0), 'split', 'positive');
      throwsWith(() => np.concatenate([[[1, 2], [3]]]), 'ragged');
      throwsWith(() => np.stack([[1, 2], [3]]), 'stack', '[2]', '[1]');
      throwsWith(() => np.oneHot([1], 2.5), 'oneHot', 'numClasses');
      throwsWith(() => np.tril(np.ones([2, 2]), 0.5), 'tril', 'k');
      throwsWith(() => np.take([1, 2], [0], { mode: 'raise' as any }), 'take', 'mode');
      throwsWith(() => np.pad([1, 2], [1.5, 1]), 'pad', 'non-negative integers');
    });
  });
});
