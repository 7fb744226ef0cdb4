// Continuous families, group B: the distributions table (SciPy fixtures, sampling, shapes,
// gradients, invalid parameters). See tests-ts/dist-table.ts and
// tests-ts/fixtures/distributions/gen_continuous_b.py.
import { tfd } from '../wrapper/index.ts';
import { runFamilyTable } from './dist-table.ts';

runFamilyTable('continuous B', 'distributions/continuous_b.json', [
  {
    family: 'Gamma',
    make: (p, o) => new tfd.Gamma({ concentration: p.concentration, rate: p.rate, logRate: p.logRate, ...o }),
    sampling: 'ks',
    gradParams: ['concentration', 'rate'],
    gradX: true,
    invalid: [{ params: { rate: -1 }, param: 'rate' }, { params: { concentration: -1.5 }, param: 'concentration', nanFree: true }],
  },
  {
    family: 'InverseGamma',
    make: (p, o) => new tfd.InverseGamma({ concentration: p.concentration, scale: p.scale, ...o }),
    sampling: 'ks',
    gradParams: ['concentration', 'scale'],
    gradX: true,
    invalid: [{ params: { scale: -1 }, param: 'scale' }, { params: { concentration: -1.5 }, param: 'concentration', nanFree: true }],
  },
  {
    family: 'Beta',
    make: (p, o) => new tfd.Beta({ concentration1: p.concentration1, concentration0: p.concentration0, ...o }),
    // float32, a = 200, b = 300: log p is a difference of terms of size ~340 (betaln), so the
    // absolute error is ~340 * float32 eps; the same cancellation as TFP's formula.
    tol: { logProb: { f32: [2e-5, 5e-5] } },
    sampling: 'ks',
    gradParams: ['concentration1', 'concentration0'],
    gradX: true,
    invalid: [{ params: { concentration1: -1.5 }, param: 'concentration1', nanFree: true }, { params: { concentration0: 0 }, param: 'concentration0', nanFree: true }],
  },
  {
    family: 'Chi2',
    make: (p, o) => new tfd.Chi2({ df: p.df, ...o }),
    sampling: 'ks',
    gradParams: ['df'],
    gradX: true,
    invalid: [{ params: { df: -1 }, param: 'df', nanFree: true }],
  },
  {
    family: 'Weibull',
    make: (p, o) => new tfd.Weibull({ concentration: p.concentration, scale: p.scale, ...o }),
    sampling: 'ks',
    gradParams: ['concentration', 'scale'],
    gradX: true,
    invalid: [{ params: { scale: -1 }, param: 'scale' }, { params: { concentration: -2 }, param: 'concentration' }],
  },
  {
    family: 'Pareto',
    make: (p, o) => new tfd.Pareto({ concentration: p.concentration, scale: p.scale, ...o }),
    sampling: 'ks',
    gradParams: ['concentration', 'scale'],
    gradX: true,
    invalid: [{ params: { concentration: -1 }, param: 'concentration' }, { params: { scale: -2 }, param: 'scale', nanFree: true }],
  },
  {
    family: 'VonMises',
    make: (p, o) => new tfd.VonMises({ loc: p.loc, concentration: p.concentration, ...o }),
    // TFP's cdf switches to Hill's corrected normal approximation at k = 10.5, whose absolute
    // error is ~1e-8 just above the switch (k = 12 here); the series below it is ~1e-14.
    tol: { cdf: { f64: [1e-10, 1e-8] } },
    sampling: 'ks',
    gradParams: ['loc', 'concentration'],
    gradX: true,
    invalid: [{ params: { concentration: -1 }, param: 'concentration', nanFree: true }],
  },
  {
    family: 'LogitNormal',
    make: (p, o) => new tfd.LogitNormal({ loc: p.loc, scale: p.scale, ...o }),
    sampling: 'ks',
    gradParams: ['loc', 'scale'],
    gradX: true,
    invalid: [{ params: { scale: -1 }, param: 'scale' }],
  },
  {
    family: 'Deterministic',
    make: (p, o) => new tfd.Deterministic({ loc: p.loc, atol: p.atol, rtol: p.rtol, ...o }),
    sampling: 'moments',
    gradParams: ['loc', 'atol', 'rtol'],
    invalid: [{ params: { atol: -1 }, param: 'atol', nanFree: true }, { params: { rtol: -0.5 }, param: 'rtol', nanFree: true }],
    eventSpace: false,
  },
]);
