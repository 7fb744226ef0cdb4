/**
 * `tfd.MultivariateNormalDiag`: a multivariate normal with diagonal scale, event shape
 * [k]. Its math is that of `Independent(Normal(loc, scaleDiag), 1)` (same log_prob, same
 * key consumption for sampling: one `random.normal(seed, [n, ...batch, k])`).
 */
import type { ArrayLike } from '../types/dtype.js';
import { asTensor } from '../np/asarray.js';
import { Normal } from './normal.js';
import { Independent } from './independent.js';
import type { DistributionOptions } from './distribution.js';
import * as np from '../np/index.js';

/** Options of {@link MultivariateNormalDiag}. */
export interface MultivariateNormalDiagOptions extends DistributionOptions {
  /** Mean vector(s), shape [..., k] (default zeros like scaleDiag). */
  loc?: ArrayLike;
  /** Diagonal of the scale matrix, shape [..., k] (default ones like loc). */
  scaleDiag?: ArrayLike;
}

/**
 * MultivariateNormalDiag({ loc, scaleDiag }).
 * @example
 * ```ts
 * const d = new tfd.MultivariateNormalDiag({ loc: np.zeros(5), scaleDiag: np.ones(5) });
 * d.eventShape; // [5]
 * d.batchShape; // []
 * ```
 */
export class MultivariateNormalDiag extends Independent {
  constructor(options: MultivariateNormalDiagOptions) {
    if (options === undefined || (options.loc === undefined && options.scaleDiag === undefined)) {
      throw new TypeError('MultivariateNormalDiag: give loc and/or scaleDiag (shape [..., k])');
    }
    const loc = options.loc === undefined ? undefined : asTensor(options.loc, undefined, 'loc');
    const scale = options.scaleDiag === undefined ? undefined : asTensor(options.scaleDiag, undefined, 'scaleDiag');
    const l = loc ?? np.zerosLike(scale!), s = scale ?? np.onesLike(loc!);
    if (l.shape.length < 1 || s.shape.length < 1) throw new RangeError('MultivariateNormalDiag: loc and scaleDiag must have at least one dimension (the event)');
    super(new Normal({ loc: l, scale: s, validateArgs: options.validateArgs }), { reinterpretedBatchNdims: 1, name: options.name ?? 'MultivariateNormalDiag' });
  }
}
