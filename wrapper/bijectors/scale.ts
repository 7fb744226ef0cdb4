/**
 * `tfb.Scale`: y = scale * x (or y = exp(logScale) * x), x = y / scale,
 * log|dy/dx| = log|scale| (or logScale) — a constant Jacobian — as TFP's
 * `tfp.bijectors.Scale(scale=None, log_scale=None)`. Elementwise; the parameter broadcasts
 * and gives the batch shape. scale = 0 gives inf/NaN (with `validateArgs`: a RangeError
 * naming `scale`). Increasing when every scale is positive, decreasing when every one is
 * negative (what `TransformedDistribution.cdf` needs). One rounding per operation.
 */
import { Tensor } from '../np/tensor.js';
import * as np from '../np/index.js';
import { isDeferred, type ParamInput } from '../util/variable.js';
import { Bijector, type BijectorCommonOptions, type BijectorParameterProperties } from './bijector.js';
import { floatOf } from './float.js';
import { signDirection } from './monotone.js';

/** The parameter of {@link Scale}: exactly one of `scale` and `logScale`. */
export type ScaleParams = { scale: ParamInput; logScale?: undefined } | { logScale: ParamInput; scale?: undefined };

function isParamsObject(a: unknown): a is ScaleParams & BijectorCommonOptions {
  return typeof a === 'object' && a !== null && !Array.isArray(a) && !(a instanceof Tensor) && !isDeferred(a)
    && !ArrayBuffer.isView(a) && ('scale' in a || 'logScale' in a);
}

/**
 * y = scale * x.
 * @example
 * ```ts
 * new tfb.Scale(3).forward([1, 2]);                          // [3, 6]
 * new tfb.Scale(3).forwardLogDetJacobian(np.ones(5), 1);     // 5 log 3
 * new tfb.Scale({ logScale: Math.log(2) }).inverse(4);       // 2
 * ```
 */
export class Scale extends Bijector {
  constructor(scale: ParamInput, options?: BijectorCommonOptions);
  constructor(params: ScaleParams & BijectorCommonOptions);
  constructor(a: ParamInput | (ScaleParams & BijectorCommonOptions), b: BijectorCommonOptions = {}) {
    const opts: BijectorCommonOptions = isParamsObject(a) ? a : b;
    super({ forwardMinEventNdims: 0, isConstantJacobian: true, validateArgs: opts.validateArgs, name: opts.name ?? 'scale' });
    let scale: ParamInput | undefined, logScale: ParamInput | undefined;
    if (isParamsObject(a)) {
      ({ scale, logScale } = a);
      if (scale !== undefined && logScale !== undefined) throw new TypeError('Scale: give at most one of scale and logScale');
    } else {
      scale = a;
    }
    if ((scale === undefined || scale === null) && (logScale === undefined || logScale === null)) {
      throw new TypeError('Scale: scale is required, e.g. new tfb.Scale(3) or new tfb.Scale({ logScale: 0 })');
    }
    this.initParams(scale !== undefined ? { scale } : { logScale });
    if (this.validateArgs && scale !== undefined) {
      const d = this.param('scale').data();
      for (let i = 0; i < d.length; i++) {
        if (!(Number(d[i]) !== 0 && !Number.isNaN(Number(d[i])))) throw new RangeError(`Scale: scale must be non-zero; got ${d[i]}${d.length > 1 ? ` at index ${i}` : ''}`);
      }
    }
  }

  /** Whether the bijector was built from `logScale`. */
  private get usesLog(): boolean { return this._params.logScale !== undefined; }

  /** The scale (current value; exp(logScale) when built from logScale). */
  get scale(): Tensor { return this.usesLog ? np.exp(this.param('logScale')) : this.param('scale'); }
  /** logScale as given, or undefined when built from scale. */
  get logScale(): Tensor | undefined { return this.usesLog ? this.param('logScale') : undefined; }

  get parameterProperties(): Readonly<Record<string, BijectorParameterProperties>> {
    return { scale: { eventNdims: 0 }, logScale: { eventNdims: 0 } };
  }

  protected _isIncreasing(): boolean | undefined { return this.usesLog ? true : signDirection(this.param('scale')); }
  protected _forward(x: Tensor): Tensor { return np.multiply(floatOf(x, this._paramDtype), this.scale); }
  protected _inverse(y: Tensor): Tensor {
    const yf = floatOf(y, this._paramDtype);
    return this.usesLog ? np.multiply(yf, np.exp(np.negative(this.param('logScale')))) : np.divide(yf, this.param('scale'));
  }
  protected _forwardLogDetJacobian(_x: Tensor): Tensor {
    return this.usesLog ? this.param('logScale') : np.log(np.abs(this.param('scale')));
  }
  protected _inverseLogDetJacobian(_y: Tensor): Tensor {
    return this.usesLog ? np.negative(this.param('logScale')) : np.negative(np.log(np.abs(this.param('scale'))));
  }
}
