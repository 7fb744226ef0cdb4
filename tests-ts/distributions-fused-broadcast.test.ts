// Fused log-prob fast paths under broadcasting (MCMC's shapes: a leading chain dim on the
// parameters, shared data/labels/priors without it): Categorical labels [N] against logits
// [C, N, K] (and logits [N, K] against labels [C, N]), and a Normal prior whose loc [4, 3]
// is repeated over x [C, 4, 3]. Each: the fused kernel is taken, its values match the np-op
// formula, gradients match finite differences; and the joint distribution's flat pinned
// log-prob (windowedAdaptiveNuts' target) equals unnormalizedLogProb.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { init, np, grad, Tensor, tfd } from '../wrapper/index.ts';
import { categoricalLogProbFused } from '../wrapper/distributions/fused/categorical.ts';
import { categoricalLogProb } from '../wrapper/distributions/categorical.ts';
import { normalLogProb } from '../wrapper/distributions/fused/normal.ts';
import { BUILDS } from './helpers.ts';
import { checkGrad, f64, valuesFor, weighted } from './grad-check.ts';

type DT = 'float32' | 'float64';
const T = (v: number[], dt: DT, shape: number[] = [v.length]): Tensor =>
  new Tensor(dt === 'float32' ? Float32Array.from(v) : Float64Array.from(v), shape);
const data = (t: Tensor): number[] => Array.from(t.data() as ArrayLike<number>);
const EPS: Record<DT, number> = { float32: 2 ** -23, float64: 2 ** -52 };

function close(a: number[], b: number[], tol: number, what: string): void {
  assert.equal(a.length, b.length, `${what}: length`);
  for (let i = 0; i < a.length; i++) {
    if (!Number.isFinite(b[i])) { assert.ok(Object.is(a[i], b[i]) || (Number.isNaN(a[i]) && Number.isNaN(b[i])), `${what}[${i}]: ${a[i]} vs ${b[i]}`); continue; }
    assert.ok(Math.abs(a[i] - b[i]) <= tol * (1 + Math.abs(b[i])), `${what}[${i}]: ${a[i]} vs ${b[i]}`);
  }
}

/** labels [N] repeated per chain: [C, N]. */
const perChain = (labels: number[], C: number): Tensor =>
  new Tensor(Int32Array.from({ length: C * labels.length }, (_, i) => labels[i % labels.length]), [C, labels.length]);

for (const b of BUILDS) {
  describe(`fused log-probs under broadcasting (${b.name})`, () => {
    before(async () => { await init({ simd: b.simd }); });

    it('Categorical: labels [N] against logits [C, N, K] take the fused kernel, equal to labels repeated per chain and to the np formula', () => {
      const labels = [0, 2, 1, 1, 3, -1, 0];
      const N = labels.length, C = 3, K = 4;
      for (const dt of ['float32', 'float64'] as DT[]) {
        const logits = T(valuesFor([C, N, K], -3, 3, 31), dt, [C, N, K]);
        for (const kdt of ['int32', 'float32', 'float64'] as const) {
          const k = kdt === 'int32' ? new Tensor(Int32Array.from(labels), [N]) : T(labels, kdt);
          const got = categoricalLogProbFused(logits, k);
          assert.ok(got, 'fast path taken');
          assert.deepEqual(got.shape, [C, N]);
          assert.deepEqual(data(got), data(categoricalLogProbFused(logits, np.astype(perChain(labels, C), kdt))!), `${dt} ${kdt}: as repeated labels`);
          close(data(got), data(categoricalLogProb(logits, k)), 8 * EPS[dt], `${dt} ${kdt}: np formula`);
          assert.equal(data(got)[5], -Infinity, 'out-of-range label gives -inf');
          // the family takes the same path
          assert.deepEqual(data(new tfd.Categorical({ logits }).logProb(k)), data(got));
        }
      }
    });

    it('Categorical: logits [N, K] against labels [C, N] and a size-1 label broadcast too; incompatible shapes fall back', () => {
      const N = 5, K = 3, C = 2;
      const logits = T(valuesFor([N, K], -2, 2, 32), 'float64', [N, K]);
      const k = new Tensor(Int32Array.from([0, 1, 2, 2, 1, 0, 0, 1, 2, 1]), [C, N]);
      const got = categoricalLogProbFused(logits, k)!;
      assert.deepEqual(got.shape, [C, N]);
      close(data(got), data(categoricalLogProb(logits, k)), 8 * EPS.float64, 'logits broadcast');
      const one = categoricalLogProbFused(logits, new Tensor(Int32Array.from([2]), [1]))!;
      assert.deepEqual(one.shape, [N]);
      close(data(one), data(categoricalLogProb(logits, new Tensor(Int32Array.from([2]), [1]))), 8 * EPS.float64, 'size-1 label');
      assert.equal(categoricalLogProbFused(logits, new Tensor(Int32Array.from([0, 1]), [2])), undefined, 'N = 5 against 2 labels falls back');
    });

    it('Categorical: the gradient w.r.t. logits [C, N, K] with labels [N] (and w.r.t. broadcast logits [N, K]) matches finite differences', () => {
      const labels = new Tensor(Int32Array.from([0, 3, 3, 1, 2, 2]), [6]);
      checkGrad((l) => weighted(categoricalLogProbFused(l, labels)!), f64(valuesFor([2, 6, 4], -2, 2, 33), [2, 6, 4]), 'logits [C, N, K]');
      const kc = new Tensor(Int32Array.from([0, 3, 3, 1, 2, 2, 1, 1, 0, 3, 2, 0]), [2, 6]);
      checkGrad((l) => weighted(categoricalLogProbFused(l, kc)!), f64(valuesFor([6, 4], -2, 2, 34), [6, 4]), 'logits [N, K] broadcast to [C, N, K]');
      // through the family, against the np formula's gradient
      const l0 = f64(valuesFor([3, 6, 4], -2, 2, 35), [3, 6, 4]);
      const g = grad((m: Tensor) => weighted(new tfd.Categorical({ logits: m }).logProb(labels)))(l0) as Tensor;
      close(data(g), data(grad((m: Tensor) => weighted(categoricalLogProb(m, labels)))(l0) as Tensor), 1e-13, 'family gradient');
    });

    it('Normal: loc [4, 3] repeated over x [C, 4, 3] takes the fused kernel with the np formula\'s bits; gradients w.r.t. x and loc are right', () => {
      for (const dt of ['float32', 'float64'] as DT[]) {
        const x = T(valuesFor([2, 4, 3], -3, 3, 36), dt, [2, 4, 3]);
        const loc = T(valuesFor([4, 3], -1, 1, 37), dt, [4, 3]);
        const scale = T([1.5], dt, []);
        const got = normalLogProb(x, loc, scale);
        assert.ok(got, 'fast path taken');
        assert.deepEqual(got.shape, [2, 4, 3]);
        const ref = np.subtract(np.multiply(-0.5, np.square(np.subtract(np.divide(x, scale), np.divide(loc, scale)))), np.add(np.log(scale), 0.5 * Math.log(2 * Math.PI)));
        close(data(got), data(ref), 4 * EPS[dt], `${dt} values`);
        // second call reuses the cached repeat: same values
        assert.deepEqual(data(normalLogProb(x, loc, scale)!), data(got));
      }
      const x = f64(valuesFor([2, 4, 3], -3, 3, 38), [2, 4, 3]);
      const loc = f64(valuesFor([4, 3], -1, 1, 39), [4, 3]);
      const sc = f64([0.7], []);
      checkGrad((l) => weighted(normalLogProb(x, l, sc)!), loc, 'd/dloc (summed over the repeat)');
      checkGrad((xx) => weighted(normalLogProb(xx, loc, sc)!), x, 'd/dx with a constant repeated loc');
      const gl = grad((l: Tensor) => np.sum(normalLogProb(x, l, sc)!))(loc) as Tensor;
      assert.deepEqual(gl.shape, [4, 3]);
    });

    it('JointDistributionPinned: the flat free-part log-prob (the MCMC target) equals unnormalizedLogProb, chains included', () => {
      const Root = tfd.JointDistributionCoroutine.Root;
      const x = T(valuesFor([5, 2], -1, 1, 40), 'float32', [5, 2]);
      const jd = new tfd.JointDistributionCoroutine(function* () {
        const w: Tensor = yield Root(new tfd.Independent(new tfd.Normal({ loc: np.zeros([2, 3]), scale: 1 }), { reinterpretedBatchNdims: 2 }));
        const s: Tensor = yield Root(new tfd.HalfNormal({ scale: 1 }));
        yield new tfd.Independent(new tfd.Categorical({ logits: np.divide(np.matmul(x, w), np.expandDims(np.expandDims(s, -1), -1)) }), { reinterpretedBatchNdims: 1 });
      });
      const pinned = jd.experimentalPin({ var2: new Tensor(Int32Array.from([0, 2, 1, 1, 0]), [5]) });
      const w = T(valuesFor([4, 2, 3], -1, 1, 41), 'float32', [4, 2, 3]);
      const s = T([0.5, 1, 2, 3], 'float32', [4]);
      const flat = pinned._unnormalizedLogProbFlat([w, s]);
      assert.deepEqual(flat.shape, [4]);
      assert.deepEqual(data(flat), data(pinned.unnormalizedLogProb([w, s])));
      assert.deepEqual(data(jd._sumParts(jd._logProbPartsFlat([w, s, new Tensor(Int32Array.from([0, 2, 1, 1, 0]), [5])]))), data(jd.logProb([w, s, new Tensor(Int32Array.from([0, 2, 1, 1, 0]), [5])])));
    });
  });
}
