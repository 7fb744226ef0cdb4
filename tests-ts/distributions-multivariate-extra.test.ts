// Multivariate families beyond the table: covariance against sample covariance, KL pairs
// against closed forms and Monte Carlo, LKJ/CholeskyLKJ samples (valid correlation
// matrices / Cholesky factors, marginals), TFP key use, batch broadcasting of loc against
// scaleTril, trainable parameters, copy, and clear errors. All statistical checks use fixed
// keys (deterministic) and 5-standard-error bounds unless stated.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { init, np, random, tfd, grad, Tensor, Variable } from '../wrapper/index.ts';

const f64 = (v: unknown): Tensor => np.array(v as never, 'float64');
const arr = (t: Tensor): number[] => Array.from(t.data() as Float64Array, Number);

/** Sample mean vector and covariance of rows x[n, k] (float64). */
function sampleMoments(x: Tensor): { mean: number[]; cov: number[][] } {
  const [n, k] = x.shape;
  const d = arr(x);
  const mean = Array.from({ length: k }, (_, j) => { let s = 0; for (let i = 0; i < n; i++) s += d[i * k + j]; return s / n; });
  const cov = Array.from({ length: k }, (_, a) => Array.from({ length: k }, (_, b) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += (d[i * k + a] - mean[a]) * (d[i * k + b] - mean[b]);
    return s / (n - 1);
  }));
  return { mean, cov };
}

/**
 * Checks a sample covariance against the exact one: for (near-)Gaussian data the standard
 * error of cov_ab is sqrt((S_aa S_bb + S_ab^2) / n); `inflate` widens it for heavier tails.
 */
function checkCov(x: Tensor, want: Tensor, what: string, inflate = 1): void {
  const { cov } = sampleMoments(x);
  const n = x.shape[0], k = x.shape[1];
  const w = arr(want);
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) {
    const se = inflate * Math.sqrt((w[a * k + a] * w[b * k + b] + w[a * k + b] ** 2) / n);
    assert.ok(Math.abs(cov[a][b] - w[a * k + b]) <= 5 * se, `${what}: sample cov[${a}][${b}] ${cov[a][b]} vs ${w[a * k + b]} (5 se = ${5 * se})`);
  }
}

/** Monte Carlo KL(a || b) with its standard error. */
function mcKL(a: tfd.Distribution, b: tfd.Distribution, n: number, seed: number): { est: number; se: number } {
  const x = a.sample([n], { seed: random.key(seed) });
  const r = arr(np.subtract(a.logProb(x), b.logProb(x)));
  const m = r.reduce((s, v) => s + v, 0) / n;
  const v = r.reduce((s, u) => s + (u - m) ** 2, 0) / (n - 1);
  return { est: m, se: Math.sqrt(v / n) };
}

/** Closed-form Gaussian KL from dense means and covariances (independent of the library's formula). */
function denseKL(ma: Tensor, Sa: Tensor, mb: Tensor, Sb: Tensor): number {
  const k = ma.shape[0];
  const SbInv = np.linalg.inv(Sb);
  const tr = np.sum(np.diagonal(np.matmul(SbInv, Sa)));
  const dm = np.subtract(mb, ma);
  const q = np.sum(np.multiply(dm, np.matmul(SbInv, dm)));
  const ldb = np.linalg.slogdet(Sb)[1], lda = np.linalg.slogdet(Sa)[1];
  return 0.5 * ((tr.item() as number) + (q.item() as number) - k + (ldb.item() as number) - (lda.item() as number));
}

/** Two-sided KS statistic of samples against a cdf evaluated on the sorted samples. */
function ksStat(sorted: number[], cdf: number[]): number {
  let d = 0;
  const n = sorted.length;
  for (let i = 0; i < n; i++) d = Math.max(d, Math.abs(cdf[i] - i / n), Math.abs(cdf[i] - (i + 1) / n));
  return d;
}

const L3 = [[2, 0, 0], [0.5, 1, 0], [-0.25, 0.75, 0.5]];
const C3 = [[4, 1, 0.5], [1, 2, -0.25], [0.5, -0.25, 1]];

describe('multivariate distributions: beyond the table', () => {
  before(() => init());

  describe('covariance against sample covariance (fixed keys, n = 20000)', () => {
    it('MultivariateNormalTriL: covariance() = scaleTril scaleTrilᵀ matches samples', () => {
      const d = new tfd.MultivariateNormalTriL({ loc: f64([1, -2, 0.5]), scaleTril: f64(L3) });
      const x = d.sample([20000], { seed: random.key(11) });
      checkCov(x, d.covariance(), 'MVN TriL');
      const { mean } = sampleMoments(x);
      const sd = arr(d.stddev());
      mean.forEach((m, j) => assert.ok(Math.abs(m - [1, -2, 0.5][j]) <= 5 * sd[j] / Math.sqrt(20000), `mean[${j}] ${m}`));
    });

    it('MultivariateNormalFullCovariance: covariance() reproduces covarianceMatrix and matches samples', () => {
      const d = new tfd.MultivariateNormalFullCovariance({ loc: f64([0, 1, 2]), covarianceMatrix: f64(C3) });
      const c = arr(d.covariance());
      C3.flat().forEach((v, i) => assert.ok(Math.abs(c[i] - v) < 1e-14, `covariance[${i}] ${c[i]} vs ${v}`));
      checkCov(d.sample([20000], { seed: random.key(12) }), d.covariance(), 'MVN FullCovariance');
    });

    it('MultivariateStudentT: covariance() = df/(df-2) L Lᵀ matches samples (df = 8)', () => {
      const d = new tfd.MultivariateStudentT({ df: f64(8), loc: f64([0, 0, 0]), scaleTril: f64(L3) });
      const c = arr(d.covariance());
      const s = arr(np.matmul(f64(L3), np.transpose(f64(L3))));
      s.forEach((v, i) => assert.ok(Math.abs(c[i] - (8 / 6) * v) < 1e-13, `covariance[${i}]`));
      // heavier tails than Gaussian: kurtosis of t8 is 3 + 6/(df - 4) = 4.5, so widen the bound
      checkCov(d.sample([20000], { seed: random.key(13) }), d.covariance(), 'MVT', 1.6);
    });

    it('Dirichlet: covariance() (negative off-diagonal) matches samples', () => {
      const d = new tfd.Dirichlet({ concentration: f64([1.5, 2, 3]) });
      const cov = arr(d.covariance());
      assert.ok(cov[1] < 0 && cov[2] < 0 && cov[5] < 0, 'components of a Dirichlet are negatively correlated');
      const v = arr(d.variance());
      [0, 4, 8].forEach((i, j) => assert.ok(Math.abs(cov[i] - v[j]) < 1e-15, 'diagonal is the variance'));
      const x = d.sample([20000], { seed: random.key(14) });
      const rows = arr(np.sum(x, { axis: -1 }));
      assert.ok(rows.every((s) => Math.abs(s - 1) < 1e-12), 'samples lie on the simplex');
      checkCov(x, d.covariance(), 'Dirichlet');
    });
  });

  describe('KL divergence between multivariate normals', () => {
    const a = (): tfd.MultivariateNormalTriL => new tfd.MultivariateNormalTriL({ loc: f64([1, -2, 0.5]), scaleTril: f64(L3) });
    const b = (): tfd.MultivariateNormalFullCovariance => new tfd.MultivariateNormalFullCovariance({ loc: f64([0, -1, 1]), covarianceMatrix: f64(C3) });
    const diag = (): tfd.MultivariateNormalDiag => new tfd.MultivariateNormalDiag({ loc: f64([0.5, 0, -0.5]), scaleDiag: f64([1.5, 0.5, 2]) });
    const denseOf = (d: tfd.Distribution): [Tensor, Tensor] => [d.mean(), d.covariance()];

    for (const [name, p, q] of [
      ['TriL || FullCovariance', a, b], ['FullCovariance || TriL', b, a],
      ['TriL || Diag', a, diag], ['Diag || TriL', diag, a], ['FullCovariance || Diag', b, diag], ['Diag || FullCovariance', diag, b],
    ] as [string, () => tfd.Distribution, () => tfd.Distribution][]) {
      it(`KL(${name}) matches the dense closed form and a Monte Carlo estimate`, () => {
        const P = p(), Q = q();
        const kl = tfd.klDivergence(P, Q);
        assert.deepEqual(kl.shape, []);
        const [ma, Sa] = denseOf(P), [mb, Sb] = denseOf(Q);
        const want = denseKL(ma, Sa, mb, Sb);
        assert.ok(Math.abs((kl.item() as number) - want) < 1e-12 * Math.max(1, Math.abs(want)), `KL ${kl.item()} vs dense ${want}`);
        assert.equal(P.klDivergence(Q).item(), kl.item(), 'the method and the function agree');
        const mc = mcKL(P, Q, 20000, 21);
        assert.ok(Math.abs(mc.est - want) <= 5 * mc.se, `Monte Carlo ${mc.est} ± ${mc.se} vs ${want}`);
      });
    }

    it('KL(p || p) = 0 and KL is positive otherwise', () => {
      assert.ok(Math.abs(tfd.klDivergence(a(), a()).item() as number) < 1e-14);
      assert.ok((tfd.klDivergence(a(), b()).item() as number) > 0);
    });

    it('KL broadcasts batch shapes and is differentiable in the parameters', () => {
      const P = new tfd.MultivariateNormalTriL({ loc: f64([[0, 0], [1, 1], [2, -1]]), scaleTril: f64([[1, 0], [0.5, 2]]) });
      const Q = new tfd.MultivariateNormalTriL({ loc: f64([0, 0]), scaleTril: np.reshape(f64([[[1, 0], [0, 1]], [[2, 0], [1, 1]]]), [2, 1, 2, 2]) });
      const kl = tfd.klDivergence(P, Q);
      assert.deepEqual(kl.shape, [2, 3]);
      const one = tfd.klDivergence(new tfd.MultivariateNormalTriL({ loc: f64([1, 1]), scaleTril: f64([[1, 0], [0.5, 2]]) }),
        new tfd.MultivariateNormalTriL({ loc: f64([0, 0]), scaleTril: f64([[2, 0], [1, 1]]) }));
      assert.ok(Math.abs(arr(kl)[4] - (one.item() as number)) < 1e-14, 'batch member [1, 1]');
      const g = grad((loc: Tensor) => tfd.klDivergence(new tfd.MultivariateNormalTriL({ loc, scaleTril: f64([[1, 0], [0, 1]]) }),
        new tfd.MultivariateNormalTriL({ loc: f64([0, 0]), scaleTril: f64([[1, 0], [0, 1]]) })))(f64([1, -2])) as Tensor;
      assert.deepEqual(arr(g), [1, -2], 'd/dloc of 0.5 |loc|^2');
    });

    it('KL between Dirichlets matches a Monte Carlo estimate', () => {
      const P = new tfd.Dirichlet({ concentration: f64([1.5, 2, 3]) }), Q = new tfd.Dirichlet({ concentration: f64([1, 1, 4]) });
      const kl = tfd.klDivergence(P, Q).item() as number;
      const mc = mcKL(P, Q, 20000, 22);
      assert.ok(Math.abs(mc.est - kl) <= 5 * mc.se, `Monte Carlo ${mc.est} ± ${mc.se} vs ${kl}`);
    });
  });

  describe('LKJ and CholeskyLKJ samples', () => {
    for (const [dim, eta] of [[3, 1], [4, 2.5], [5, 0.75]] as const) {
      it(`LKJ(dimension ${dim}, concentration ${eta}) samples are correlation matrices with Beta marginals`, () => {
        const d = new tfd.LKJ({ dimension: dim, concentration: f64(eta) });
        const n = 4000;
        const x = d.sample([n], { seed: random.key(31 + dim) });
        assert.deepEqual(x.shape, [n, dim, dim]);
        const v = arr(x);
        for (let s = 0; s < n; s++) {
          for (let i = 0; i < dim; i++) {
            assert.equal(v[s * dim * dim + i * dim + i], 1, 'unit diagonal');
            for (let j = 0; j < dim; j++) assert.equal(v[s * dim * dim + i * dim + j], v[s * dim * dim + j * dim + i], 'symmetric');
          }
        }
        // positive definite: the Cholesky factor exists (no NaN) and has a positive diagonal
        const diagL = arr(np.diagonal(np.linalg.cholesky(x), { axis1: -2, axis2: -1 }));
        assert.ok(diagL.every((t) => t > 0), 'every sample is positive definite');
        assert.ok(arr(d.logProb(x)).every(Number.isFinite), 'logProb of samples is finite');
        // each off-diagonal correlation is 2 Beta(a, a) - 1 with a = eta - 1 + dim/2: KS on the last pair
        const a = eta - 1 + dim / 2;
        const r = Array.from({ length: n }, (_, s) => v[s * dim * dim + (dim - 1) * dim + (dim - 2)]).sort((p, q) => p - q);
        const cdf = arr(np.betainc(a, a, np.divide(np.add(f64(r), 1), 2)));
        const D = ksStat(r, cdf);
        assert.ok(D < 1.95 / Math.sqrt(n), `KS statistic ${D} (alpha 0.001)`);
        const m = r.reduce((s, t) => s + t, 0) / n, varr = r.reduce((s, t) => s + t * t, 0) / n - m * m;
        const want = 1 / (2 * eta + dim - 1);
        assert.ok(Math.abs(varr - want) < 0.1 * want, `variance of a correlation ${varr} vs 1/(2 eta + d - 1) = ${want}`);
      });
    }

    it('CholeskyLKJ samples are lower triangular with unit-norm rows and positive diagonals; L Lᵀ follows LKJ', () => {
      const d = new tfd.CholeskyLKJ({ dimension: 4, concentration: f64(2) });
      const n = 4000;
      const L = d.sample([n], { seed: random.key(41) });
      const v = arr(L);
      for (let s = 0; s < n; s++) {
        for (let i = 0; i < 4; i++) {
          let norm = 0;
          for (let j = 0; j < 4; j++) {
            const t = v[s * 16 + i * 4 + j];
            if (j > i) assert.equal(t, 0, 'upper triangle is zero');
            norm += t * t;
          }
          assert.ok(Math.abs(norm - 1) < 1e-12, `row norm ${norm}`);
          assert.ok(v[s * 16 + i * 5] > 0, 'positive diagonal');
        }
      }
      const R = np.matmul(L, np.transpose(L, [0, 2, 1]));
      const lkj = new tfd.LKJ({ dimension: 4, concentration: f64(2) });
      // change of variables: logProb_CholeskyLKJ(L) = logProb_LKJ(L Lᵀ) + Σ (d - 1 - i) log L_ii
      const logdiag = np.log(np.diagonal(L, { axis1: -2, axis2: -1 }));
      const jac = np.sum(np.multiply(logdiag, f64([3, 2, 1, 0])), { axis: -1 });
      const lhs = arr(d.logProb(L)), rhs = arr(np.add(lkj.logProb(R), jac));
      lhs.forEach((t, i) => assert.ok(Math.abs(t - rhs[i]) < 1e-9 * Math.max(1, Math.abs(t)), `sample ${i}: ${t} vs ${rhs[i]}`));
      const rv = arr(R);
      const r = Array.from({ length: n }, (_, s) => rv[s * 16 + 3 * 4 + 1]);
      const m = r.reduce((s, t) => s + t, 0) / n;
      assert.ok(Math.abs(m) < 5 * Math.sqrt(1 / (2 * 2 + 3) / n), `mean correlation ${m}`);
    });

    it('LKJ with inputOutputCholesky samples Cholesky factors and gives the same density as the matrix form', () => {
      const chol = new tfd.LKJ({ dimension: 3, concentration: f64(1.5), inputOutputCholesky: true });
      const full = new tfd.LKJ({ dimension: 3, concentration: f64(1.5) });
      const L = chol.sample([50], { seed: random.key(42) });
      assert.ok(arr(np.triu(L, 1)).every((t) => t === 0), 'samples are lower triangular');
      const R = np.matmul(L, np.transpose(L, [0, 2, 1]));
      const a = arr(chol.logProb(L)), b = arr(full.logProb(R));
      a.forEach((t, i) => assert.ok(Math.abs(t - b[i]) < 1e-10, `${t} vs ${b[i]}`));
      assert.equal(chol.experimentalDefaultEventSpaceBijector().constructor.name, 'CorrelationCholesky');
      assert.equal(full.experimentalDefaultEventSpaceBijector().constructor.name, 'Chain');
    });

    it('uses the documented key split: dimension d draws 1 + 2 (d - 2) keys; the same key gives the same samples', () => {
      const d = new tfd.LKJ({ dimension: 3, concentration: f64(2) });
      assert.deepEqual(arr(d.sample([3], { seed: random.key(5) })), arr(d.sample([3], { seed: random.key(5) })));
      assert.notDeepEqual(arr(d.sample([3], { seed: random.key(5) })), arr(d.sample([3], { seed: random.key(6) })));
      // dimension 2: r = 2 Beta(eta, eta) - 1 drawn with the last of split(seed, 1)
      const d2 = new tfd.LKJ({ dimension: 2, concentration: f64(2) });
      const [k] = random.split(random.key(7), 1);
      const r = arr(np.subtract(np.multiply(random.beta(k, f64(2), f64(2), [4], 'float64'), 2), 1));
      const x = arr(d2.sample([4], { seed: random.key(7) }));
      r.forEach((t, i) => assert.ok(Math.abs(x[i * 4 + 1] - t) < 1e-15, `off-diagonal ${x[i * 4 + 1]} vs ${t}`));
      // dimensions 0 and 1: the only correlation matrix
      assert.deepEqual(arr(new tfd.LKJ({ dimension: 1, concentration: 2 }).sample([2], { seed: random.key(0) })), [1, 1]);
    });
  });

  describe('sampling key use and batch broadcasting', () => {
    it('MultivariateNormalTriL draws z = random.normal(seed, [n, k]) and returns loc + L z (TFP on JAX)', () => {
      const d = new tfd.MultivariateNormalTriL({ loc: f64([1, -2, 0.5]), scaleTril: f64(L3) });
      const z = random.normal(random.key(0), [4, 3], 'float64');
      const want = np.add(np.matmul(z, np.transpose(f64(L3))), f64([1, -2, 0.5]));
      const got = d.sample([4], { seed: random.key(0) });
      arr(got).forEach((t, i) => assert.ok(Math.abs(t - arr(want)[i]) < 1e-14, `${t} vs ${arr(want)[i]}`));
    });

    it('with a batch, draws random.normal(seed, [n, k, ...batch]) and moves k last (TFP Sample(Normal(zeros(batch)), k))', () => {
      const d = new tfd.MultivariateNormalTriL({ loc: f64([[0, 0], [10, 10], [20, 20]]), scaleTril: f64([[1, 0], [0, 1]]) });
      const z = arr(random.normal(random.key(9), [5, 2, 3], 'float64'));
      const x = arr(d.sample([5], { seed: random.key(9) }));
      for (let s = 0; s < 5; s++) for (let b = 0; b < 3; b++) for (let j = 0; j < 2; j++) {
        assert.equal(x[s * 6 + b * 2 + j], z[s * 6 + j * 3 + b] + 10 * b);
      }
    });

    it('broadcasts loc [4, 1, 3] against scaleTril [2, 3, 3]: batch [4, 2] for every method', () => {
      const loc = np.reshape(np.astype(np.arange(12), 'float64'), [4, 1, 3]);
      const scales = f64([L3, [[1, 0, 0], [0, 2, 0], [0, 0, 3]]]);
      for (const d of [
        new tfd.MultivariateNormalTriL({ loc, scaleTril: scales }),
        new tfd.MultivariateNormalFullCovariance({ loc, covarianceMatrix: np.matmul(scales, np.transpose(scales, [0, 2, 1])) }),
        new tfd.MultivariateStudentT({ df: f64([5, 7]), loc, scaleTril: scales }),
      ]) {
        assert.deepEqual(d.batchShape, [4, 2]);
        assert.deepEqual(d.eventShape, [3]);
        const x = d.sample([5], { seed: random.key(1) });
        assert.deepEqual(x.shape, [5, 4, 2, 3]);
        assert.deepEqual(d.logProb(x).shape, [5, 4, 2]);
        assert.deepEqual(d.logProb(f64([0, 0, 0])).shape, [4, 2], 'one point broadcasts against the batch');
        assert.deepEqual(d.mean().shape, [4, 2, 3]);
        assert.deepEqual(d.variance().shape, [4, 2, 3]);
        assert.deepEqual(d.covariance().shape, [4, 2, 3, 3]);
        assert.deepEqual(d.entropy().shape, [4, 2]);
        // batch member [3, 1] equals the unbatched distribution
        const lp = arr(d.logProb(f64([1, 2, 3])))[3 * 2 + 1];
        const one = d instanceof tfd.MultivariateStudentT
          ? new tfd.MultivariateStudentT({ df: f64(7), loc: f64([9, 10, 11]), scaleTril: f64([[1, 0, 0], [0, 2, 0], [0, 0, 3]]) })
          : new tfd.MultivariateNormalTriL({ loc: f64([9, 10, 11]), scaleTril: f64([[1, 0, 0], [0, 2, 0], [0, 0, 3]]) });
        assert.ok(Math.abs(lp - (one.logProb(f64([1, 2, 3])).item() as number)) < 1e-12, `${d.constructor.name} batch member`);
      }
    });

    it('loc alone gives an identity scale; scaleTril alone gives a zero loc', () => {
      const a = new tfd.MultivariateNormalTriL({ loc: f64([1, 2]) });
      assert.deepEqual(arr(a.covariance()), [1, 0, 0, 1]);
      const b = new tfd.MultivariateNormalTriL({ scaleTril: f64([[2, 0], [1, 1]]) });
      assert.deepEqual(arr(b.mean()), [0, 0]);
      assert.ok(Math.abs((b.logProb(f64([0, 0])).item() as number) + Math.log(2 * Math.PI) + Math.log(2)) < 1e-14);
    });
  });

  describe('gradients through samples (reparameterization)', () => {
    it('MVN samples are pathwise differentiable in loc and scaleTril', () => {
      assert.equal(new tfd.MultivariateNormalTriL({ loc: f64([0, 0]) }).reparameterizationType, 'FULLY_REPARAMETERIZED');
      const z = random.normal(random.key(3), [6, 2], 'float64');
      const g = grad((l: Tensor) => np.sum(new tfd.MultivariateNormalTriL({ loc: f64([0, 0]), scaleTril: l }).sample([6], { seed: random.key(3) })))(f64([[1, 0], [0.5, 1]])) as Tensor;
      const zs = arr(np.sum(z, { axis: 0 }));
      assert.deepEqual(arr(g).map((t) => Math.round(t * 1e10) / 1e10), [zs[0], 0, zs[0], zs[1]].map((t) => Math.round(t * 1e10) / 1e10), 'd sum(L z) / dL_ij = sum z_j (lower triangle)');
    });

    it('Dirichlet samples carry implicit gradients: d E[x_0] / d concentration matches the analytic derivative', () => {
      const c0 = f64([1.5, 2, 3]);
      const n = 20000;
      const g = arr(grad((c: Tensor) => np.divide(np.sum(np.take(new tfd.Dirichlet({ concentration: c }).sample([n], { seed: random.key(51) }), 0, { axis: -1 })), n))(c0) as Tensor);
      // E[x_0] = c_0 / c_sum
      const want = [(6.5 - 1.5) / 6.5 ** 2, -1.5 / 6.5 ** 2, -1.5 / 6.5 ** 2];
      g.forEach((t, i) => assert.ok(Math.abs(t - want[i]) < 0.1 * Math.abs(want[0]), `d/dc[${i}] ${t} vs ${want[i]}`));
    });

    it('MultivariateStudentT samples carry implicit gradients in df: d E[x²] / d df = -2 sigma² / (df - 2)²', () => {
      const n = 40000;
      const g = grad((df: Tensor) => np.divide(np.sum(np.square(new tfd.MultivariateStudentT({ df, loc: f64([0]), scaleTril: f64([[1]]) }).sample([n], { seed: random.key(52) }))), n))(f64(6)) as Tensor;
      const want = -2 / 16;
      assert.ok(Math.abs((g.item() as number) - want) < 0.25 * Math.abs(want), `${g.item()} vs ${want}`);
    });
  });

  describe('parameters, bijectors, copy and errors', () => {
    it('default constraining bijectors map unconstrained reals onto each parameter support', () => {
      const mvn = new tfd.MultivariateNormalTriL({ loc: f64([0, 0, 0]), scaleTril: f64(L3) });
      const L = mvn.parameterProperties.scaleTril.defaultConstrainingBijector!().forward(f64([-3, 0.5, 2, -1, 0, 4]));
      assert.deepEqual(L.shape, [3, 3]);
      assert.ok(arr(np.diagonal(L)).every((t) => t > 0) && arr(np.triu(L, 1)).every((t) => t === 0));
      const full = new tfd.MultivariateNormalFullCovariance({ covarianceMatrix: f64(C3) });
      const C = full.parameterProperties.covarianceMatrix.defaultConstrainingBijector!().forward(f64([-3, 0.5, 2, -1, 0, 4]));
      assert.ok(arr(np.diagonal(np.linalg.cholesky(C))).every((t) => t > 0), 'a positive definite matrix');
      const lkj = new tfd.LKJ({ dimension: 3, concentration: f64(2) });
      assert.ok((lkj.parameterProperties.concentration.defaultConstrainingBijector!().forward(f64(-30)).item() as number) > 1, 'LKJ concentration > 1');
      const dir = new tfd.Dirichlet({ concentration: f64([1, 2]) });
      assert.equal(dir.parameterProperties.concentration.eventNdims, 1);
      assert.ok((dir.experimentalDefaultEventSpaceBijector().forward(f64([0.3, -2])).shape[0]) === 3, 'SoftmaxCentered maps R^2 onto the 3-simplex');
    });

    it('accepts Variables (read at use) and lists them as trainableVariables', () => {
      const loc = new Variable(f64([0, 0]));
      const scale = new Variable(f64([[1, 0], [0, 1]]));
      const d = new tfd.MultivariateNormalTriL({ loc, scaleTril: scale });
      assert.equal(d.trainableVariables.length, 2);
      const before = d.logProb(f64([1, 1])).item() as number;
      loc.assign(f64([1, 1]));
      assert.ok((d.logProb(f64([1, 1])).item() as number) > before, 'the new loc is used');
      const conc = new Variable(f64(2));
      assert.deepEqual(new tfd.LKJ({ dimension: 3, concentration: conc }).trainableVariables, [conc]);
    });

    it('copy keeps structural arguments (dimension, inputOutputCholesky) and replaces parameters', () => {
      const d = new tfd.LKJ({ dimension: 3, concentration: f64(2), inputOutputCholesky: true });
      const c = d.copy({ concentration: f64(5) });
      assert.equal(c.dimension, 3);
      assert.equal(c.inputOutputCholesky, true);
      assert.equal(c.concentration.item(), 5);
      const m = new tfd.MultivariateNormalTriL({ loc: f64([1, 2]), scaleTril: f64([[1, 0], [0, 1]]) }).copy({ loc: f64([3, 4]) });
      assert.deepEqual(arr(m.mean()), [3, 4]);
      assert.equal(String(new tfd.CholeskyLKJ({ dimension: 2, concentration: 2 })), 'tfp.distributions.CholeskyLKJ("CholeskyLKJ", batch_shape=[], event_shape=[2, 2], dtype=float32)');
    });

    it('rejects bad structure with TypeError/RangeError naming the argument', () => {
      assert.throws(() => new tfd.MultivariateNormalTriL({} as never), /loc.*scaleTril/);
      assert.throws(() => new tfd.MultivariateNormalTriL({ loc: [1, 2, 3], scaleTril: [[1, 0], [0, 1]] }), /loc's last dimension/);
      assert.throws(() => new tfd.MultivariateNormalTriL({ scaleTril: [[1, 0, 0], [0, 1, 0]] }), /square/);
      assert.throws(() => new tfd.MultivariateNormalTriL({ loc: [1, 2] }).logProb([1, 2, 3]), /shape \[\.\.\., 2\]/);
      assert.throws(() => new tfd.LKJ({ dimension: 2.5, concentration: 2 }), /dimension/);
      assert.throws(() => new tfd.LKJ({ dimension: 3 } as never), TypeError);
      assert.throws(() => new tfd.Dirichlet({} as never), /concentration is required/);
      assert.throws(() => new tfd.MultivariateStudentT({ loc: [0] } as never), /df is required/);
      assert.throws(() => new tfd.LKJ({ dimension: 3, concentration: 2 }).logProb(np.eye(2)), /\[\.\.\., 3, 3\]/);
    });

    it('validateArgs: non-symmetric covariance, non-correlation LKJ values, off-simplex Dirichlet values', () => {
      assert.throws(() => new tfd.MultivariateNormalFullCovariance({ covarianceMatrix: f64([[2, 1], [0, 2]]), validateArgs: true }), /covarianceMatrix must be symmetric/);
      // without validateArgs only the lower triangle is read (as TFP's cholesky)
      const lower = new tfd.MultivariateNormalFullCovariance({ covarianceMatrix: f64([[2, 7], [1, 2]]) });
      assert.ok(Number.isFinite(lower.logProb(f64([0, 0])).item() as number));
      const lkj = new tfd.LKJ({ dimension: 2, concentration: f64(2), validateArgs: true });
      assert.throws(() => lkj.logProb(f64([[1, 0.5], [0.5, 0.9]])), /self-correlations/);
      assert.throws(() => lkj.logProb(f64([[1, 0.5], [0.4, 1]])), /symmetric/);
      assert.throws(() => new tfd.CholeskyLKJ({ dimension: 2, concentration: f64(2), validateArgs: true }).logProb(f64([[1, 0.5], [0, 1]])), /lower triangular/);
      const dir = new tfd.Dirichlet({ concentration: f64([1, 2]), validateArgs: true });
      assert.throws(() => dir.logProb(f64([0.5, 0.6])), /sum to 1/);
      assert.throws(() => dir.logProb(f64([1.5, -0.5])), /simplex/);
      assert.throws(() => new tfd.LKJ({ dimension: 3, concentration: f64(0.5), validateArgs: true }), /concentration must be >= 1/);
    });

    it('undefined statistics: NaN by default, an Error with allowNanStats false', () => {
      const t = new tfd.MultivariateStudentT({ df: f64(0.5), loc: f64([1, 2]) });
      assert.ok(arr(t.mean()).every(Number.isNaN));
      assert.deepEqual(arr(t.mode()), [1, 2]);
      assert.throws(() => new tfd.MultivariateStudentT({ df: f64(0.5), loc: f64([1, 2]), allowNanStats: false }).mean(), /df <= 1/);
      assert.ok(arr(new tfd.Dirichlet({ concentration: f64([0.5, 2]) }).mode()).every(Number.isNaN));
      assert.throws(() => new tfd.Dirichlet({ concentration: f64([0.5, 2]), allowNanStats: false }).mode(), /concentration <= 1/);
    });
  });
});
