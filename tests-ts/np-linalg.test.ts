// Linear algebra through the np layer: values against closed forms / NumPy-known
// results, and every gradient against float64 central finite differences.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { init, np, Tensor } from '../wrapper/index.ts';
import { f64, valuesFor, weighted, checkGrad } from './grad-check.ts';

const lcg = (n: number, seed: number, lo = -1, hi = 1): number[] => valuesFor([n], lo, hi, seed);

/** A random SPD matrix (batch of them): M Mᵀ + n I. */
function spd(n: number, seed: number, batch: number[] = []): Tensor {
  const b = batch.reduce((x, y) => x * y, 1);
  const m = f64(lcg(b * n * n, seed), [...batch, n, n]);
  return np.add(np.matmul(m, np.transpose(m, [...batch.map((_, i) => i), batch.length + 1, batch.length])), np.multiply(np.eye(n, undefined, 0, 'float64'), n));
}

const close = (a: Tensor, b: number[] | Tensor, tol = 1e-12) => {
  const x = a.data(), y = b instanceof Tensor ? b.data() : b;
  assert.equal(x.length, y.length);
  for (let i = 0; i < x.length; i++) assert.ok(Math.abs(x[i] - y[i]) <= tol * Math.max(1, Math.abs(y[i])), `[${i}] ${x[i]} vs ${y[i]}`);
};

describe('np linear algebra', () => {
  before(() => init());

  it('matmul follows NumPy rules for vectors and broadcast batches', () => {
    assert.deepEqual(np.matmul(np.ones([2, 3]), np.ones([3, 4])).shape, [2, 4]);
    assert.deepEqual(np.matmul(np.ones([5, 1, 2, 3]), np.ones([4, 3, 2])).shape, [5, 4, 2, 2]);
    assert.deepEqual(np.matmul(np.ones([3]), np.ones([3, 4])).shape, [4]);
    assert.deepEqual(np.matmul(np.ones([2, 3]), np.ones([3])).shape, [2]);
    assert.equal(np.matmul([1, 2, 3], [4, 5, 6]).item(), 32);
    assert.throws(() => np.matmul(np.ones([2, 3]), np.ones([2, 3])), /matmul: shapes \[2, 3\] and \[2, 3\] do not align: 3 \(dim -1\) != 2 \(dim -2\)/);
    assert.throws(() => np.matmul(np.ones([2, 2, 3]), np.ones([3, 3, 2])), /batch dimensions have shapes \[2\] and \[3\]/);
  });

  it('dot, outer and einsum agree with explicit loops', () => {
    const a = f64(lcg(6, 1), [2, 3]), b = f64(lcg(12, 2), [3, 4]);
    close(np.einsum('ij,jk->ik', a, b), np.matmul(a, b));
    close(np.einsum('ij,kj->ik', a, a), np.matmul(a, np.transpose(a)));
    close(np.einsum('ij->ji', a), np.transpose(a));
    close(np.einsum('ij->', a), np.sum(a));
    close(np.einsum('ii->i', np.eye(3, undefined, 0, 'float64')), [1, 1, 1]);
    close(np.einsum('bij,bjk->bik', np.stack([a, a]), np.stack([b, b])), np.stack([np.matmul(a, b), np.matmul(a, b)]));
    close(np.einsum('i,j->ij', [1, 2], [3, 4]), [3, 4, 6, 8]);
    close(np.dot(f64(lcg(24, 3), [2, 3, 4]), f64(lcg(20, 4), [5, 4, 1])),
      np.einsum('ijk,lkm->ijlm', f64(lcg(24, 3), [2, 3, 4]), f64(lcg(20, 4), [5, 4, 1])), 1e-12);
    close(np.outer([1, 2], [3, 4, 5]), [3, 4, 5, 6, 8, 10]);
    assert.throws(() => np.einsum('ij,jk', np.ones([2, 3])), /2 input specs for 1 operands/);
    assert.throws(() => np.einsum('...i->i', np.ones([2])), /ellipsis/);
  });

  it('cholesky reconstructs SPD matrices and gives NaN for non-PD ones', () => {
    const A = spd(5, 7, [2]);
    const L = np.linalg.cholesky(A);
    close(np.matmul(L, np.transpose(L, [0, 2, 1])), A, 1e-13);
    close(np.triu(L, 1), new Array(50).fill(0));
    const bad = np.linalg.cholesky([[1, 2], [2, 1]]);
    assert.ok(Number.isNaN(bad.data()[3]));
    assert.throws(() => np.linalg.cholesky(np.ones([2, 3])), /square matrices; got shape \[2, 3\]/);
  });

  it('solves triangular, Cholesky and general systems', () => {
    const A = spd(4, 11), b = f64(lcg(8, 12), [4, 2]);
    const L = np.linalg.cholesky(A);
    close(np.matmul(A, np.linalg.choSolve(L, b)), b, 1e-12);
    close(np.matmul(A, np.linalg.solve(A, b)), b, 1e-12);
    close(np.matmul(L, np.linalg.triangularSolve(L, b, { lower: true })), b, 1e-12);
    close(np.matmul(np.transpose(L), np.linalg.triangularSolve(L, b, { lower: true, transposeA: true })), b, 1e-12);
    const bt = np.transpose(b);
    close(np.matmul(np.linalg.triangularSolve(L, bt, { lower: true, leftSide: false }), L), bt, 1e-12);
    close(np.linalg.solve([[3, 1], [1, 2]], [9, 8]), [2, 3], 1e-6);
    close(np.matmul(np.linalg.inv(A), A), np.eye(4, undefined, 0, 'float64'), 1e-12);
    const [s, ld] = np.linalg.slogdet(f64([0, 2, 3, 1], [2, 2]));
    assert.equal(s.item(), -1); close(ld, [Math.log(6)]);
    close(np.linalg.det(f64([1, 2, 3, 4], [2, 2])), [-2], 1e-12);
    close(np.linalg.logdetCholesky(L), np.linalg.slogdet(A)[1], 1e-12);
  });

  it('matmul gradients (with batch broadcasting)', () => {
    const b = f64(lcg(12, 5), [3, 4]);
    checkGrad((a) => weighted(np.matmul(a, b)), f64(lcg(12, 6), [2, 2, 3]), 'matmul d/da');
    const a = f64(lcg(12, 7), [2, 2, 3]);
    checkGrad((x) => weighted(np.matmul(a, x)), b, 'matmul d/db (broadcast)');
    checkGrad((x) => weighted(np.einsum('ij,jk->ik', x, b)), f64(lcg(6, 8), [2, 3]), 'einsum');
    checkGrad((x) => weighted(np.outer(x, [1, 2, 3])), f64([0.5, -1], [2]), 'outer');
  });

  it('cholesky gradient (Murray 2016) matches finite differences on symmetric inputs', () => {
    const A = spd(4, 13);
    checkGrad((a) => weighted(np.linalg.cholesky(np.multiply(0.5, np.add(a, np.transpose(a))))), A, 'cholesky');
    checkGrad((a) => np.linalg.logdetCholesky(np.linalg.cholesky(np.multiply(0.5, np.add(a, np.transpose(a))))), A, 'logdet via cholesky');
  });

  it('triangular and general solve gradients, every flag', () => {
    const L = np.add(np.tril(f64(lcg(9, 14, 0.1, 1), [3, 3])), np.multiply(np.eye(3, undefined, 0, 'float64'), 2));
    const b = f64(lcg(6, 15), [3, 2]);
    for (const lower of [true, false]) for (const transposeA of [true, false]) for (const unitDiagonal of [false, true]) for (const leftSide of [true, false]) {
      const T = lower ? L : np.transpose(L);
      const rhs = leftSide ? b : np.transpose(b);
      const o = { lower, transposeA, unitDiagonal, leftSide };
      const tag = JSON.stringify(o);
      checkGrad((t) => weighted(np.linalg.triangularSolve(t, rhs, o)), T, `triangularSolve d/da ${tag}`);
      checkGrad((r) => weighted(np.linalg.triangularSolve(T, r, o)), rhs, `triangularSolve d/db ${tag}`);
    }
    const A = np.add(f64(lcg(9, 16), [3, 3]), np.multiply(np.eye(3, undefined, 0, 'float64'), 3));
    checkGrad((a) => weighted(np.linalg.solve(a, b)), A, 'solve d/da');
    checkGrad((r) => weighted(np.linalg.solve(A, r)), b, 'solve d/db');
    checkGrad((a) => weighted(np.linalg.inv(a)), A, 'inv');
    checkGrad((a) => np.sum(np.linalg.slogdet(a)[1]), A, 'slogdet');
    checkGrad((a) => np.linalg.det(a), A, 'det');
  });
});
