// Discrete families: the distributions table (SciPy fixtures, sampling, shapes, gradients,
// invalid parameters). See tests-ts/dist-table.ts and fixtures/distributions/gen_discrete.py.
// Discrete distributions have no default event-space bijector (TFP), so eventSpace is off
// here; distributions-discrete-extra.test.ts checks the error they raise instead.
import { np, tfd } from '../wrapper/index.ts';
import type { Tensor } from '../wrapper/index.ts';
import { runFamilyTable } from './dist-table.ts';

// float32 tolerances: betainc / gammaincc evaluated in float32 lose a few more digits than
// the elementary functions (measured worst relative error ~3e-5 on these fixtures).
const incomplete = { cdf: { f32: [2e-4, 1e-6] as [number, number] }, logCdf: { f32: [2e-4, 1e-6] as [number, number] }, survivalFunction: { f32: [2e-4, 1e-6] as [number, number] }, logSurvivalFunction: { f32: [2e-4, 1e-6] as [number, number] } };

/** FiniteDiscrete's outcomes are shared by the batch (1-D): the table's shape check stacks every parameter, so keep one row. */
const firstRow = (o: Tensor): Tensor => (o.ndim > 1 ? np.take(o, 0, { axis: 0 }) : o);

runFamilyTable('discrete', 'distributions/discrete.json', [
  {
    family: 'Bernoulli',
    make: (p, o) => new tfd.Bernoulli({ logits: p.logits, probs: p.probs, ...o }),
    sampling: 'chi2',
    eventSpace: false,
    gradParams: ['probs'],
    invalid: [{ params: { probs: 1.5 }, param: 'probs' }, { params: { probs: -0.25 }, param: 'probs' }],
  },
  {
    family: 'Binomial',
    make: (p, o) => new tfd.Binomial({ totalCount: p.totalCount, logits: p.logits, probs: p.probs, ...o }),
    tol: { ...incomplete, logProb: { f32: [1e-4, 1e-5] }, prob: { f32: [1e-4, 1e-6] } },
    sampling: 'chi2',
    eventSpace: false,
    gradParams: ['probs'],
    invalid: [
      { params: { probs: -0.25 }, param: 'probs' },
      { params: { totalCount: -2 }, param: 'totalCount', nanFree: true },
      { params: { totalCount: 2.5 }, param: 'totalCount', nanFree: true },
    ],
  },
  {
    family: 'Poisson',
    make: (p, o) => new tfd.Poisson({ rate: p.rate, logRate: p.logRate, ...o }),
    tol: { ...incomplete, logProb: { f32: [1e-4, 1e-5] }, prob: { f32: [1e-4, 1e-6] } },
    sampling: 'chi2',
    eventSpace: false,
    gradParams: ['rate'],
    invalid: [{ params: { rate: -1 }, param: 'rate' }],
  },
  {
    family: 'NegativeBinomial',
    make: (p, o) => new tfd.NegativeBinomial({ totalCount: p.totalCount, logits: p.logits, probs: p.probs, ...o }),
    tol: { ...incomplete, logProb: { f32: [1e-4, 1e-5] }, prob: { f32: [1e-4, 1e-6] } },
    sampling: 'chi2',
    eventSpace: false,
    gradParams: ['probs', 'totalCount'],
    invalid: [{ params: { probs: 1.5 }, param: 'probs' }, { params: { totalCount: -1 }, param: 'totalCount' }],
  },
  {
    family: 'Geometric',
    // SciPy's pmf is 0 below the support: TFP's forceProbsToZeroOutsideSupport (default behaviour is checked in the extra tests)
    make: (p, o) => new tfd.Geometric({ logits: p.logits, probs: p.probs, forceProbsToZeroOutsideSupport: true, ...o }),
    tol: { logCdf: { f32: [1e-4, 1e-6] }, survivalFunction: { f32: [1e-4, 1e-7] }, logSurvivalFunction: { f32: [1e-4, 1e-6] }, cdf: { f32: [1e-4, 1e-7] } },
    sampling: 'chi2',
    eventSpace: false,
    gradParams: ['probs'],
    invalid: [{ params: { probs: 1.5 }, param: 'probs' }, { params: { probs: 0 }, param: 'probs', nanFree: true }],
  },
  {
    family: 'Categorical',
    make: (p, o) => new tfd.Categorical({ logits: p.logits, probs: p.probs, ...o }),
    sampling: { skip: 'TFP defines no mean/variance for Categorical (the moment check needs them); its chi-square sampling test is in distributions-discrete-extra.test.ts' },
    eventSpace: false,
    gradParams: ['probs'],
    invalid: [{ params: { probs: [-0.25, 0.75, 0.5] }, param: 'probs' }, { params: { probs: [0.25, 0.25, 0.25] }, param: 'probs', nanFree: true }],
  },
  {
    family: 'OneHotCategorical',
    make: (p, o) => new tfd.OneHotCategorical({ logits: p.logits, probs: p.probs, ...o }),
    sampling: 'moments',
    eventSpace: false,
    gradParams: ['probs'],
    invalid: [{ params: { probs: [-0.25, 0.75, 0.5] }, param: 'probs' }],
  },
  {
    family: 'Multinomial',
    make: (p, o) => new tfd.Multinomial({ totalCount: p.totalCount, logits: p.logits, probs: p.probs, ...o }),
    tol: { logProb: { f32: [1e-4, 1e-5] }, prob: { f32: [1e-4, 1e-6] } },
    sampling: 'moments',
    eventSpace: false,
    gradParams: ['probs'],
    invalid: [{ params: { probs: [-0.25, 0.75, 0.5] }, param: 'probs' }, { params: { totalCount: 2.5 }, param: 'totalCount', nanFree: true }],
  },
  {
    family: 'FiniteDiscrete',
    make: (p, o) => new tfd.FiniteDiscrete({ outcomes: firstRow(p.outcomes), logits: p.logits, probs: p.probs, ...o }),
    sampling: 'chi2',
    eventSpace: false,
    gradParams: ['probs'],
    invalid: [
      { params: { probs: [-0.125, 0.5, 0.5, 0.125] }, param: 'probs' },
      { params: { outcomes: [0, 2, 1, 3] }, param: 'outcomes', nanFree: true },
    ],
  },
]);
