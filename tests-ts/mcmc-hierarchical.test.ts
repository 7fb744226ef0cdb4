// Issue #5 item 3: a funnel-free hierarchical model with a conjugate (Gaussian) posterior,
// sampled by HMC and NUTS from the joint distribution's log-prob: posterior means and
// variances of every parameter within 4 Monte Carlo standard errors of the exact values.
//   mu ~ N(0, 1);  theta_j ~ N(mu, tau = 1), j < J;  y_j ~ N(theta_j, sigma_j) observed.
// The posterior of (mu, theta) is Gaussian: precision P = S0^-1 + H' R^-1 H, mean
// m = P^-1 H' R^-1 y, with S0 the prior covariance and H = [0 | I]. HMC's trajectory
// (0.2 x 5 = 1.0) is kept well short of the posterior's shortest period (2 pi 0.40 = 2.5),
// where fixed-length HMC nearly returns to its start and mixes poorly.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { init, np, random, tfd, mcmc, Tensor } from '../wrapper/index.ts';

const J = 4, Y = [1.5, -0.5, 2.0, 0.3], SIGMA = [0.8, 1.2, 1.0, 0.6];
const f64 = (x: number[] | number[][]) => np.array(x as never, 'float64');

/** Exact posterior mean and variances of (mu, theta_0..theta_3). */
function exactPosterior(): { mean: number[]; variance: number[] } {
  const n = J + 1;
  const S0 = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === 0 || j === 0 ? 1 : i === j ? 2 : 1)));
  const prec = np.linalg.inv(f64(S0)).toArray() as number[][];
  for (let j = 0; j < J; j++) prec[j + 1][j + 1] += 1 / SIGMA[j] ** 2;
  const cov = np.linalg.inv(f64(prec)).toArray() as number[][];
  const b = [0, ...Y.map((y, j) => y / SIGMA[j] ** 2)];
  const mean = cov.map((row) => row.reduce((s, v, k) => s + v * b[k], 0));
  return { mean, variance: cov.map((row, i) => row[i]) };
}

const model = new tfd.JointDistributionSequential([
  new tfd.Normal({ loc: np.zeros([], 'float64'), scale: 1 }),
  (mu: Tensor) => new tfd.Independent(new tfd.Normal({ loc: np.multiply(np.expandDims(mu, -1), np.ones([J], 'float64')), scale: 1 }), { reinterpretedBatchNdims: 1 }),
  (theta: Tensor) => new tfd.Independent(new tfd.Normal({ loc: theta, scale: f64(SIGMA) }), { reinterpretedBatchNdims: 1 }),
]);
const target = (mu: Tensor, theta: Tensor): Tensor => model.logProb([mu, theta, f64(Y)]);

function check(allStates: Tensor[], label: string): void {
  const { mean, variance } = exactPosterior();
  const [mu, theta] = allStates; // [n, chains], [n, chains, J]
  const draws = np.concatenate([np.expandDims(mu, -1), theta], -1); // [n, chains, J + 1]
  const ess = mcmc.effectiveSampleSize(draws, { crossChainDims: 1 }).data();
  const centered = np.square(np.subtract(draws, f64(mean)));
  const essSq = mcmc.effectiveSampleSize(centered, { crossChainDims: 1 }).data();
  const flat = np.reshape(draws, [-1, J + 1]).toArray() as number[][];
  const sq = np.reshape(centered, [-1, J + 1]).toArray() as number[][];
  for (let k = 0; k <= J; k++) {
    const xs = flat.map((r) => r[k]), ss = sq.map((r) => r[k]);
    const m = xs.reduce((a, v) => a + v, 0) / xs.length;
    const v = ss.reduce((a, s) => a + s, 0) / ss.length;
    const sdSq = Math.sqrt(ss.reduce((a, s) => a + (s - v) ** 2, 0) / ss.length);
    const mcseMean = Math.sqrt(variance[k] / ess[k]), mcseVar = sdSq / Math.sqrt(essSq[k]);
    assert.ok(Math.abs(m - mean[k]) <= 4 * mcseMean, `${label}: posterior mean[${k}] ${m} vs exact ${mean[k]} (4 MCSE = ${4 * mcseMean}, ESS ${ess[k]})`);
    assert.ok(Math.abs(v - variance[k]) <= 4 * mcseVar, `${label}: posterior variance[${k}] ${v} vs exact ${variance[k]} (4 MCSE = ${4 * mcseVar})`);
  }
}

describe('MCMC on a conjugate hierarchical model', () => {
  before(() => init());
  const chains = 4;
  const start = (): Tensor[] => [np.zeros([chains], 'float64'), np.zeros([chains, J], 'float64')];

  it('has the exact posterior the test compares with (sanity: shrinkage toward the pooled mean)', () => {
    const { mean, variance } = exactPosterior();
    for (let j = 0; j < J; j++) {
      assert.ok(Math.abs(mean[j + 1] - mean[0]) < Math.abs(Y[j] - mean[0]), `theta_${j} shrinks toward mu`);
      assert.ok(variance[j + 1] < SIGMA[j] ** 2, `theta_${j} posterior variance below the likelihood's`);
    }
  });

  it('HMC: every posterior mean and variance within 4 MCSE of the exact values', () => {
    const kernel = new mcmc.HamiltonianMonteCarlo({ targetLogProbFn: target, stepSize: 0.2, numLeapfrogSteps: 5 });
    const { allStates } = mcmc.sampleChain({ numResults: 1000, numBurninSteps: 200, currentState: start(), kernel, seed: random.key(11), traceFn: null });
    check(allStates as Tensor[], 'HMC');
  });

  it('NUTS: every posterior mean and variance within 4 MCSE of the exact values', () => {
    const kernel = new mcmc.NoUTurnSampler({ targetLogProbFn: target, stepSize: 0.4 });
    const { allStates } = mcmc.sampleChain({ numResults: 800, numBurninSteps: 200, currentState: start(), kernel, seed: random.key(12), traceFn: null });
    check(allStates as Tensor[], 'NUTS');
  });
});
