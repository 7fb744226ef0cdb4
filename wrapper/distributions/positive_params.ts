/**
 * The shared shell of scalar families whose parameters are all positive reals (Weibull,
 * InverseGamma, Pareto): required parameters, `> 0` checks with `validateArgs` (NaN
 * results otherwise), TFP's `Softplus(low=eps)` default constraining bijector for each,
 * scalar events and reparameterized sampling.
 */
import type { DType } from '../types/dtype.js';
import type { ParamInput } from '../util/variable.js';
import { softplusLowerBound } from '../bijectors/defaults.js';
import { Distribution, type DistributionOptions, type ParameterProperties, type ReparameterizationType } from './distribution.js';

/**
 * Base of families with positive scalar parameters (not exported as a distribution).
 * @example `class Weibull extends PositiveParamsDistribution { constructor(o) { super(o, 'Weibull', { concentration: undefined, scale: undefined }, '{ concentration: 2, scale: 1 }'); } }`
 */
export abstract class PositiveParamsDistribution extends Distribution {
  protected readonly _dtype: DType;
  private readonly names: string[];

  /**
   * @param spec parameter name -> default value (undefined: required), in declaration order
   * @param example constructor argument shown in the error for a missing parameter
   */
  protected constructor(options: DistributionOptions & Record<string, unknown>, name: string, spec: Record<string, number | undefined>, example: string) {
    super(options ?? {}, name);
    this.names = Object.keys(spec);
    const missing = this.names.filter((k) => spec[k] === undefined && (options === undefined || options[k] === undefined));
    if (missing.length > 0) throw new TypeError(`${name}: ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} required, e.g. new ${name}(${example})`);
    this._dtype = this.initParams(Object.fromEntries(this.names.map((k) => [k, (options[k] as ParamInput | undefined) ?? spec[k]])));
    for (const k of this.names) this.assertParam(k, (v) => v > 0, 'positive');
  }

  get parameterProperties(): Readonly<Record<string, ParameterProperties>> {
    return Object.fromEntries(this.names.map((k) => [k, { eventNdims: 0, defaultConstrainingBijector: () => softplusLowerBound(this._dtype) }]));
  }
  get dtype(): DType { return this._dtype; }
  get reparameterizationType(): ReparameterizationType { return 'FULLY_REPARAMETERIZED'; }
  get eventShape(): number[] { return []; }
}
