// Multivariate families: the distributions table (SciPy fixtures, sampling moments, shapes,
// gradients, invalid parameters). See tests-ts/dist-table.ts and
// tests-ts/fixtures/distributions/gen_multivariate.py. Covariance vs samples, KL pairs,
// LKJ sample validity and broadcasting are in distributions-multivariate-extra.test.ts.
import { tfd, np, Tensor } from '../wrapper/index.ts';
import { runFamilyTable } from './dist-table.ts';

/** 0.5 (C + Cᵀ) over the last two axes. */
function sym(c: Tensor): Tensor {
  const perm = c.shape.map((_, i) => i);
  const n = perm.length;
  [perm[n - 2], perm[n - 1]] = [perm[n - 1], perm[n - 2]];
  return np.multiply(0.5, np.add(c, np.transpose(c, perm)));
}

const LKJ_NO_VARIANCE = 'LKJ/CholeskyLKJ define no variance (as TFP); their samples are checked in distributions-multivariate-extra.test.ts';

runFamilyTable('multivariate', 'distributions/multivariate.json', [
  {
    family: 'MultivariateNormalTriL',
    make: (p, o) => new tfd.MultivariateNormalTriL({ loc: p.loc, scaleTril: p.scaleTril, ...o }),
    // float32: the badly scaled case (entries 2^10 and 2^-4) loses ~1e-5 relative in the solve
    tol: { logProb: { f32: [5e-5, 1e-5] }, entropy: { f32: [2e-5, 1e-5] } },
    sampling: 'moments',
    gradParams: ['loc', 'scaleTril'],
    gradX: true,
    invalid: [{ params: { scaleTril: [[2, 0, 0], [0.5, 0, 0], [-0.25, 0.75, 0.5]] }, param: 'scaleTril' }],
  },
  {
    family: 'MultivariateNormalFullCovariance',
    // The Cholesky gradient is symmetric (as jax.grad's), so one-entry finite differences
    // only match it through the symmetrization 0.5 (C + Cᵀ), which leaves the fixtures'
    // symmetric matrices unchanged. (Non-symmetric input is tested in the extra file.)
    make: (p, o) => new tfd.MultivariateNormalFullCovariance({ loc: p.loc, covarianceMatrix: sym(p.covarianceMatrix), ...o }),
    tol: { logProb: { f32: [5e-5, 1e-5] }, covariance: { f32: [5e-6, 1e-6] } },
    sampling: 'moments',
    gradParams: ['loc', 'covarianceMatrix'],
    gradX: true,
    invalid: [
      { params: { covarianceMatrix: [[4, 1, 0.5], [1, -2, -0.25], [0.5, -0.25, 1]] }, param: 'covarianceMatrix' },
    ],
  },
  {
    family: 'MultivariateStudentT',
    make: (p, o) => new tfd.MultivariateStudentT({ df: p.df, loc: p.loc, scaleTril: p.scaleTril, ...o }),
    // float32: lgamma differences in the normalizer
    tol: { logProb: { f32: [5e-5, 1e-5] }, entropy: { f32: [5e-5, 1e-5] } },
    sampling: 'moments',
    gradParams: ['df', 'loc', 'scaleTril'],
    gradX: true,
    invalid: [
      { params: { df: -1 }, param: 'df' },
      { params: { scaleTril: [[2, 0, 0], [0.5, 1, 0], [-0.25, 0.75, 0]] }, param: 'scaleTril' },
    ],
  },
  {
    family: 'Dirichlet',
    make: (p, o) => new tfd.Dirichlet({ concentration: p.concentration, ...o }),
    // float32: lbeta is a difference of lgammas (cancellation for the larger concentrations)
    tol: { logProb: { f32: [1e-4, 2e-5] }, entropy: { f32: [1e-4, 2e-5] } },
    sampling: 'moments',
    gradParams: ['concentration'],
    gradX: true,
    invalid: [{ params: { concentration: [1.5, -2, 3] }, param: 'concentration' }],
  },
  {
    family: 'LKJ',
    make: (p, o) => new tfd.LKJ({ dimension: 3, concentration: p.concentration, ...o }),
    tol: { logProb: { f32: [5e-5, 1e-5] } },
    sampling: { skip: LKJ_NO_VARIANCE },
    gradParams: ['concentration'],
    gradX: true,
    invalid: [{ params: { concentration: -1 }, param: 'concentration' }],
  },
  {
    family: 'LKJ(dimension=2)',
    make: (p, o) => new tfd.LKJ({ dimension: 2, concentration: p.concentration, ...o }),
    tol: { logProb: { f32: [5e-5, 1e-5] } },
    sampling: { skip: LKJ_NO_VARIANCE },
    gradParams: ['concentration'],
    gradX: true,
  },
  {
    family: 'LKJ(dimension=4)',
    make: (p, o) => new tfd.LKJ({ dimension: 4, concentration: p.concentration, ...o }),
    // float32: large concentration (100) multiplies the log-determinant's rounding
    tol: { logProb: { f32: [2e-4, 1e-4] } },
    sampling: { skip: LKJ_NO_VARIANCE },
    gradParams: ['concentration'],
  },
  {
    family: 'CholeskyLKJ',
    make: (p, o) => new tfd.CholeskyLKJ({ dimension: 3, concentration: p.concentration, ...o }),
    tol: { logProb: { f32: [5e-5, 1e-5] } },
    sampling: { skip: LKJ_NO_VARIANCE },
    gradParams: ['concentration'],
    gradX: true,
    invalid: [{ params: { concentration: 0 }, param: 'concentration' }],
  },
  {
    family: 'CholeskyLKJ(dimension=4)',
    make: (p, o) => new tfd.CholeskyLKJ({ dimension: 4, concentration: p.concentration, ...o }),
    tol: { logProb: { f32: [2e-4, 1e-4] } },
    sampling: { skip: LKJ_NO_VARIANCE },
    gradParams: ['concentration'],
  },
]);
