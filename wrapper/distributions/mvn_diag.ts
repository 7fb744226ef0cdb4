/**
 * `tfd.MultivariateNormalDiag`: a multivariate normal with diagonal scale, event shape
 * [k]. Its math is that of `Independent(Normal(loc, scaleDiag), 1)` (same log_prob, same
 * key consumption for sampling: one `random.normal(seed, [n, ...batch, k])`).
 */
import type { ParamInput } from '../util/variable.js';
import { resolveParam } from '../util/variable.js';
import { Normal } from './normal.js';
import { Independent } from './independent.js';
import type { Distribution, DistributionOptions } from './distribution.js';
import * as np from '../np/index.js';

/** Options of {@link MultivariateNormalDiag}. */
export interface MultivariateNormalDiagOptions extends DistributionOptions {
  /** Mean vector(s), shape [..., k] (default zeros like scaleDiag). */
  loc?: ParamInput;
  /** Diagonal of the scale matrix, shape [..., k] (default ones like loc). */
  scaleDiag?: ParamInput;
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
  private readonly given: { loc?: ParamInput; scaleDiag?: ParamInput };

  constructor(options: MultivariateNormalDiagOptions) {
    if (options === undefined || (options.loc === undefined && options.scaleDiag === undefined)) {
      throw new TypeError('MultivariateNormalDiag: give loc and/or scaleDiag (shape [..., k])');
    }
    const shapeOf = (p: ParamInput | undefined, name: string): readonly number[] | undefined => p === undefined ? undefined : resolveParam(p, name).shape;
    const ls = shapeOf(options.loc, 'loc'), ss = shapeOf(options.scaleDiag, 'scaleDiag');
    if ((ls && ls.length < 1) || (ss && ss.length < 1)) throw new RangeError('MultivariateNormalDiag: loc and scaleDiag must have at least one dimension (the event)');
    const loc = options.loc ?? np.zeros(ss!, resolveParam(options.scaleDiag!, 'scaleDiag').dtype);
    const scale = options.scaleDiag ?? np.ones(ls!, resolveParam(options.loc!, 'loc').dtype);
    super(new Normal({ loc, scale, validateArgs: options.validateArgs }), {
      reinterpretedBatchNdims: 1, name: options.name ?? 'MultivariateNormalDiag', validateArgs: options.validateArgs, allowNanStats: options.allowNanStats,
    });
    this.given = { loc: options.loc, scaleDiag: options.scaleDiag };
  }

  get parameters(): Readonly<Record<string, unknown>> {
    return { ...this.given, validateArgs: this.validateArgs, allowNanStats: this.allowNanStats, name: this.name };
  }
  protected _copy(p: Record<string, unknown>): Distribution {
    return new MultivariateNormalDiag(p as MultivariateNormalDiagOptions);
  }
}
