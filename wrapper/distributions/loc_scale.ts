/**
 * The shared shell of location-scale families (Normal, LogNormal, LogitNormal, Cauchy,
 * HalfCauchy, Gumbel, Laplace, Logistic): the `loc`/`scale` parameters (scale > 0, checked
 * with `validateArgs`, NaN results otherwise), their event ndims and default constraining
 * bijectors (scale: TFP's `Softplus(low=eps)`), scalar events, reparameterized sampling.
 */
import type { DType } from '../types/dtype.js';
import type { Tensor } from '../np/tensor.js';
import type { ParamInput } from '../util/variable.js';
import { softplusLowerBound } from '../bijectors/defaults.js';
import { Distribution, type DistributionOptions, type ParameterProperties, type ReparameterizationType } from './distribution.js';

/** Parameters of a location-scale family. */
export interface LocScaleOptions extends DistributionOptions {
  /** Location. */
  loc: ParamInput;
  /** Scale (> 0). */
  scale: ParamInput;
}

/**
 * Base of the location-scale families (not exported as a distribution of its own).
 * @example `class MyFamily extends LocScaleDistribution { constructor(o: LocScaleOptions) { super(o, 'MyFamily'); } ... }`
 */
export abstract class LocScaleDistribution extends Distribution {
  protected readonly _dtype: DType;

  protected constructor(options: LocScaleOptions, name: string) {
    super(options ?? {}, name);
    if (options === undefined || options.loc === undefined || options.scale === undefined) {
      throw new TypeError(`${name}: both loc and scale are required, e.g. new ${name}({ loc: 0, scale: 1 })`);
    }
    this._dtype = this.initParams({ loc: options.loc, scale: options.scale });
    this.assertParam('scale', (v) => v > 0, 'positive');
  }

  /** Location (current value). */
  get loc(): Tensor { return this.param('loc'); }
  /** Scale (current value). */
  get scale(): Tensor { return this.param('scale'); }

  get parameterProperties(): Readonly<Record<string, ParameterProperties>> {
    return { loc: { eventNdims: 0 }, scale: { eventNdims: 0, defaultConstrainingBijector: () => softplusLowerBound(this._dtype) } };
  }
  get dtype(): DType { return this._dtype; }
  get reparameterizationType(): ReparameterizationType { return 'FULLY_REPARAMETERIZED'; }
  get eventShape(): number[] { return []; }
}
