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
]);
