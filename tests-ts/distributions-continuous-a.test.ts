// Continuous families, group A: the distributions table (SciPy fixtures, sampling, shapes,
// gradients, invalid parameters). See tests-ts/dist-table.ts.
import { tfd } from '../wrapper/index.ts';
import { runFamilyTable } from './dist-table.ts';

runFamilyTable('continuous A', 'distributions/continuous_a.json', [
  {
    family: 'Normal',
    make: (p, o) => new tfd.Normal({ loc: p.loc, scale: p.scale, ...o }),
    tol: { logCdf: { f32: [1e-4, 1e-6] }, quantile: { f32: [1e-4, 1e-5] } },
    sampling: 'ks',
    gradParams: ['loc', 'scale'],
    gradX: true,
    invalid: [{ params: { scale: -1 }, param: 'scale' }],
  },
  {
    family: 'HalfNormal',
    make: (p, o) => new tfd.HalfNormal({ scale: p.scale, ...o }),
    sampling: 'ks',
    gradParams: ['scale'],
    gradX: true,
    invalid: [{ params: { scale: -1 }, param: 'scale' }, { params: { scale: 0 }, param: 'scale' }],
  },
  {
    family: 'LogNormal',
    make: (p, o) => new tfd.LogNormal({ loc: p.loc, scale: p.scale, ...o }),
    sampling: 'ks',
    gradParams: ['loc', 'scale'],
    gradX: true,
    invalid: [{ params: { scale: -1 }, param: 'scale' }],
  },
  {
    family: 'TruncatedNormal',
    make: (p, o) => new tfd.TruncatedNormal({ loc: p.loc, scale: p.scale, low: p.low, high: p.high, ...o }),
    sampling: 'ks',
    gradParams: ['loc', 'scale', 'low', 'high'],
    gradX: true,
    invalid: [
      { params: { scale: -1 }, param: 'scale' },
      // low >= high: TFP gives -inf log prob (no NaN), so only the validateArgs error is checked
      { params: { low: 3, high: -3 }, param: 'low', nanFree: true },
    ],
  },
  {
    family: 'StudentT',
    make: (p, o) => new tfd.StudentT({ df: p.df, loc: p.loc, scale: p.scale, ...o }),
    sampling: 'ks',
    gradParams: ['df', 'loc', 'scale'],
    gradX: true,
    invalid: [{ params: { df: -1 }, param: 'df' }, { params: { df: 0 }, param: 'df' }],
  },
  {
    family: 'Cauchy',
    make: (p, o) => new tfd.Cauchy({ loc: p.loc, scale: p.scale, ...o }),
    sampling: 'ks',
    gradParams: ['loc', 'scale'],
    gradX: true,
    invalid: [{ params: { scale: -1 }, param: 'scale' }],
  },
  {
    family: 'HalfCauchy',
    make: (p, o) => new tfd.HalfCauchy({ loc: p.loc, scale: p.scale, ...o }),
    sampling: 'ks',
    gradParams: ['loc', 'scale'],
    gradX: true,
    invalid: [{ params: { scale: -1 }, param: 'scale' }],
  },
  {
    family: 'Laplace',
    make: (p, o) => new tfd.Laplace({ loc: p.loc, scale: p.scale, ...o }),
    sampling: 'ks',
    gradParams: ['loc', 'scale'],
    gradX: true,
    invalid: [{ params: { scale: -1 }, param: 'scale' }],
  },
  {
    family: 'Logistic',
    make: (p, o) => new tfd.Logistic({ loc: p.loc, scale: p.scale, ...o }),
    sampling: 'ks',
    gradParams: ['loc', 'scale'],
    gradX: true,
    invalid: [{ params: { scale: -1 }, param: 'scale' }],
  },
  {
    family: 'Uniform',
    make: (p, o) => new tfd.Uniform({ low: p.low, high: p.high, ...o }),
    sampling: 'ks',
    gradParams: ['low', 'high'],
    invalid: [
      // low >= high: TFP's density is 0 or negative there (no NaN); validateArgs names both
      { params: { low: 2, high: 1 }, param: 'high', nanFree: true },
    ],
  },
  {
    family: 'Exponential',
    make: (p, o) => new tfd.Exponential({ rate: p.rate, ...o }),
    sampling: 'ks',
    gradParams: ['rate'],
    gradX: true,
    // rate = 0: log p = log 0 - 0 x = -inf (TFP too), so only the validateArgs error is checked
    invalid: [{ params: { rate: -1 }, param: 'rate' }, { params: { rate: 0 }, param: 'rate', nanFree: true }],
  },
  {
    family: 'Gumbel',
    make: (p, o) => new tfd.Gumbel({ loc: p.loc, scale: p.scale, ...o }),
    sampling: 'ks',
    gradParams: ['loc', 'scale'],
    gradX: true,
    invalid: [{ params: { scale: -1 }, param: 'scale' }],
  },
]);
