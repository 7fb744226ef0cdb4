// Shared by the gradient suites: deterministic inputs and the finite-difference checker.
import assert from 'node:assert/strict';
import { np, grad, Tensor } from '../wrapper/index.ts';

/** A float64 tensor. */
export const f64 = (data: number[], shape: number[]): Tensor => new Tensor(new Float64Array(data), shape);

/** Deterministic pseudo-random values in [lo, hi) for a shape (a small LCG: no global RNG). */
export function valuesFor(shape: number[], lo: number, hi: number, seed: number): number[] {
  const n = shape.reduce((a, b) => a * b, 1);
  let s = seed >>> 0;
  const out: number[] = [];
  for (let i = 0; i < n; i++) { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; out.push(lo + (hi - lo) * (s / 2 ** 32)); }
  return out;
}

/** A scalar objective that weighs every output differently, so each partial is tested. */
export const weighted = (y: Tensor): Tensor =>
  np.sum(np.multiply(y, np.add(np.reshape(np.astype(np.arange(y.size), 'float64'), y.shape), 0.5)));

/** Checks grad(f)(x) against central differences of the scalar function f (float64). */
export function checkGrad(f: (x: Tensor) => Tensor, x: Tensor, what: string, rtol = 1e-6): void {
  const g = grad(f)(x) as Tensor;
  assert.equal(g.dtype, 'float64', `${what}: gradient dtype`);
  assert.deepEqual(g.shape, x.shape, `${what}: gradient shape`);
  const base = x.data() as Float64Array;
  const gd = g.data();
  for (let i = 0; i < base.length; i++) {
    const h = 1e-6 * Math.max(1, Math.abs(base[i]));
    const xp = base.slice(), xm = base.slice();
    xp[i] += h; xm[i] -= h;
    const fd = ((f(f64([...xp], [...x.shape])).item() as number) - (f(f64([...xm], [...x.shape])).item() as number)) / (2 * h);
    const tol = rtol * Math.max(1, Math.abs(fd)) + 1e-7;
    assert.ok(Math.abs(gd[i] - fd) <= tol, `${what}: d/dx[${i}] autodiff ${gd[i]} vs finite difference ${fd} at x=${base[i]}`);
  }
}
