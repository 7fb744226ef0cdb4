/**
 * The `Bijector` base class (TFP's `tfb.Bijector`), with TFP's template-method contract.
 *
 * Subclasses implement `_forward`, `_inverse` and one or both of
 * `_forwardLogDetJacobian(x)` / `_inverseLogDetJacobian(y)` at the minimum event ndims
 * (the result has shape `x.shape[:-forwardMinEventNdims]`, or anything broadcastable to it,
 * e.g. a scalar for a constant Jacobian); the missing one is derived
 * (`ildj(y) = -fldj(inverse(y))`). The public methods convert arguments, check event ndims,
 * and sum the log-det-Jacobian over the extra `eventNdims - minEventNdims` dimensions,
 * broadcasting constant Jacobians first (so `Scale(3)` over 5 event elements gives 5 log 3).
 *
 * Bijectors are callable, as in TFP: `b(otherBijector)` is `Chain([b, other])` and
 * `b(distribution)` is `TransformedDistribution({ distribution, bijector: b })`.
 */
import type { ArrayLike, DType } from '../types/dtype.js';
import { Tensor } from '../np/tensor.js';
import { asTensor } from '../np/asarray.js';
import { broadcastShapes } from '../np/shape.js';
import * as np from '../np/index.js';
import { resolveParam, commonParamFloat, type ParamInput, type Variable } from '../util/variable.js';
import { checkElements, collectVariables, paramsBatchShape, storeParams } from '../util/params.js';
import type { Distribution } from '../distributions/distribution.js';

/** Options of the {@link Bijector} base constructor (subclasses pass these). */
export interface BijectorOptions {
  /** Smallest number of trailing dims of `x` that `forward` acts on jointly (0: elementwise). */
  forwardMinEventNdims: number;
  /** Same for `y` and `inverse` (default: `forwardMinEventNdims`). */
  inverseMinEventNdims?: number;
  /** Whether the Jacobian does not depend on the input (affine maps). */
  isConstantJacobian?: boolean;
  /** Check inputs/parameters and throw clear errors (default false). */
  validateArgs?: boolean;
  /** Name (TFP's snake_case default per class, e.g. 'exp'). */
  name: string;
}

/** Options users may pass to a concrete bijector. */
export interface BijectorCommonOptions {
  /** Check parameters/inputs eagerly and throw clear errors (default false). */
  validateArgs?: boolean;
  /** Name override. */
  name?: string;
}

/** How a bijector parameter enters its batch shape. */
export interface BijectorParameterProperties {
  /** Trailing dims of the parameter that belong to one event. */
  readonly eventNdims: number;
}

type Composer = {
  chain?: (outer: Bijector, inner: Bijector) => Bijector;
  transform?: (b: Bijector, d: Distribution) => Distribution;
};
/** @internal Set by chain.ts and transformed_distribution.ts (avoids import cycles). */
export const composers: Composer = {};

/** Calling a bijector composes it (TFP's `__call__`). */
export interface Bijector {
  /** `b(d)`: the transformed distribution of `d` under `b`. */
  (distribution: Distribution): Distribution;
  /** `b(c)`: `Chain([b, c])` (c applied first). */
  (bijector: Bijector): Bijector;
}

/**
 * Base class of all bijectors.
 *
 * @example
 * ```ts
 * new tfb.Exp().inverse(1);                           // 0
 * new tfb.Shift(1)(new tfb.Scale(3)).forward(np.ones(5)); // [4, 4, 4, 4, 4]
 * class Double extends tfb.Bijector {                   // a user bijector
 *   constructor() { super({ forwardMinEventNdims: 0, isConstantJacobian: true, name: 'double' }); }
 *   protected _forward(x: Tensor) { return np.multiply(x, 2); }
 *   protected _inverse(y: Tensor) { return np.divide(y, 2); }
 *   protected _forwardLogDetJacobian(x: Tensor) { return np.log(np.full([], 2, x.dtype)); }
 * }
 * ```
 */
export abstract class Bijector {
  declare readonly name: string;
  declare readonly validateArgs: boolean;
  declare readonly forwardMinEventNdims: number;
  declare readonly inverseMinEventNdims: number;
  declare readonly isConstantJacobian: boolean;
  /** @internal Parameters as given (tensors or variables). */
  declare protected _params: Record<string, ParamInput>;
  /** @internal dtype parameters are read at (undefined: their own). */
  declare protected _paramDtype: DType | undefined;

  constructor(options: BijectorOptions) {
    // A function object with this class's prototype, so the instance is callable.
    const self = function (this: unknown, arg: Bijector | Distribution): Bijector | Distribution {
      return (self as unknown as Bijector).compose(arg);
    } as unknown as Record<string, unknown>;
    Object.setPrototypeOf(self, new.target.prototype);
    delete self.name;
    delete self.length;
    const fmin = options.forwardMinEventNdims, imin = options.inverseMinEventNdims ?? fmin;
    for (const [k, v] of [['forwardMinEventNdims', fmin], ['inverseMinEventNdims', imin]] as const) {
      if (!Number.isInteger(v) || v < 0) throw new RangeError(`Bijector: ${k} must be a non-negative integer; got ${v}`);
    }
    Object.assign(self, {
      name: options.name, validateArgs: options.validateArgs ?? false,
      forwardMinEventNdims: fmin, inverseMinEventNdims: imin,
      isConstantJacobian: options.isConstantJacobian ?? false, _params: {}, _paramDtype: undefined,
    });
    return self as unknown as Bijector;
  }

  /** `Chain([this, other])` for a bijector, `TransformedDistribution` for a distribution. */
  private compose(arg: Bijector | Distribution): Bijector | Distribution {
    if (arg instanceof Bijector) {
      if (!composers.chain) throw new Error('Bijector composition needs the bijectors module (import from probasm)');
      return composers.chain(this, arg);
    }
    if (arg !== null && typeof arg === 'object' && typeof (arg as Distribution).logProb === 'function') {
      if (!composers.transform) throw new Error('Bijector composition needs the distributions module (import from probasm)');
      return composers.transform(this, arg as Distribution);
    }
    throw new TypeError(`${this.constructor.name}(...): can only be called on a Bijector or a Distribution; use .forward(x) for values`);
  }

  /** Stores parameters (tensor-likes become tensors, variables kept); returns their float dtype. */
  protected initParams(params: Record<string, ParamInput | undefined>, dtype?: DType): DType {
    this._params = storeParams(params);
    this._paramDtype = dtype ?? commonParamFloat(Object.values(this._params));
    void this.batchShape;
    return this._paramDtype;
  }

  /** The current value of parameter `name` (variables read now). */
  protected param(name: string): Tensor {
    const p = this._params[name];
    if (p === undefined) throw new Error(`${this.constructor.name}: internal: no parameter '${name}'`);
    return resolveParam(p, name, this._paramDtype);
  }

  /**
   * With `validateArgs`, throws a RangeError naming `name` when an element of its current
   * value fails `ok` (NaN fails every check); otherwise does nothing (NaN results, as TFP).
   */
  protected assertParam(name: string, ok: (v: number) => boolean, expectation: string): void {
    if (this.validateArgs && this._params[name] !== undefined) checkElements(this.param(name), ok, this.constructor.name, name, expectation);
  }

  /** Parameter name -> event ndims (drives `batchShape`). */
  get parameterProperties(): Readonly<Record<string, BijectorParameterProperties>> { return {}; }

  /** Parameters as given. */
  get parameters(): Readonly<Record<string, unknown>> { return { ...this._params, validateArgs: this.validateArgs, name: this.name }; }

  /** Batch shape from the parameters. */
  get batchShape(): number[] {
    return paramsBatchShape(this._params, this.parameterProperties, this.constructor.name);
  }

  /** Trainable variables read by this bijector (parameters, then sub-bijectors), each once. */
  get trainableVariables(): Variable[] {
    return collectVariables(Object.entries(this.parameters).filter(([k]) => k !== 'name' && k !== 'validateArgs').map(([, v]) => v));
  }

  /** y = f(x). @example `new tfb.Exp().forward(0) // 1` */
  forward(x: ArrayLike): Tensor {
    return this._forward(this.checkInput(x, 'x', this.forwardMinEventNdims));
  }

  /** x = f^-1(y). @example `new tfb.Exp().inverse(1) // 0` */
  inverse(y: ArrayLike): Tensor {
    return this._inverse(this.checkInput(y, 'y', this.inverseMinEventNdims));
  }

  /**
   * log |det J_f(x)| summed over the last `eventNdims` dims of x (default: the minimum).
   * @example `new tfb.Scale(3).forwardLogDetJacobian(np.ones(5), 1) // 5 log 3`
   */
  forwardLogDetJacobian(x: ArrayLike, eventNdims: number = this.forwardMinEventNdims): Tensor {
    const xt = this.checkInput(x, 'x', this.forwardMinEventNdims);
    this.checkEventNdims(eventNdims, this.forwardMinEventNdims, xt, 'forwardLogDetJacobian');
    const ldj = this.hasOwnImpl('_forwardLogDetJacobian')
      ? this._forwardLogDetJacobian(xt)
      : np.negative(this._inverseLogDetJacobian(this._forward(xt)));
    return this.reduceLdj(ldj, xt.shape, eventNdims, this.forwardMinEventNdims);
  }

  /**
   * log |det J_{f^-1}(y)| summed over the last `eventNdims` dims of y (default: the minimum).
   * @example `new tfb.Exp().inverseLogDetJacobian(2) // -log 2`
   */
  inverseLogDetJacobian(y: ArrayLike, eventNdims: number = this.inverseMinEventNdims): Tensor {
    const yt = this.checkInput(y, 'y', this.inverseMinEventNdims);
    this.checkEventNdims(eventNdims, this.inverseMinEventNdims, yt, 'inverseLogDetJacobian');
    const ldj = this.hasOwnImpl('_inverseLogDetJacobian')
      ? this._inverseLogDetJacobian(yt)
      : np.negative(this._forwardLogDetJacobian(this._inverse(yt)));
    return this.reduceLdj(ldj, yt.shape, eventNdims, this.inverseMinEventNdims);
  }

  /** Event shape of y for an x event shape. @example `new tfb.FillTriangular().forwardEventShape([3]) // [2, 2]` */
  forwardEventShape(shape: readonly number[]): number[] { return this._forwardEventShape([...shape]); }
  /** Event shape of x for a y event shape. @example `new tfb.FillTriangular().inverseEventShape([2, 2]) // [3]` */
  inverseEventShape(shape: readonly number[]): number[] { return this._inverseEventShape([...shape]); }

  /** Event ndims of y for x event ndims (rank change of the bijector). */
  forwardEventNdims(n: number): number { return n - this.forwardMinEventNdims + this.inverseMinEventNdims; }
  /** Event ndims of x for y event ndims. */
  inverseEventNdims(n: number): number { return n - this.inverseMinEventNdims + this.forwardMinEventNdims; }

  /** TFP-style repr: `tfp.bijectors.Exp("exp", batch_shape=[], forward_min_event_ndims=0, inverse_min_event_ndims=0)`. */
  toString(): string {
    return `tfp.bijectors.${this.constructor.name}("${this.name}", batch_shape=[${this.batchShape.join(', ')}], forward_min_event_ndims=${this.forwardMinEventNdims}, inverse_min_event_ndims=${this.inverseMinEventNdims})`;
  }

  // ---- what subclasses implement ----
  protected abstract _forward(x: Tensor): Tensor;
  protected _inverse(_y: Tensor): Tensor { return this.notImplemented('inverse'); }
  /** log|det J| at forwardMinEventNdims; shape x.shape[:-min] or broadcastable to it. */
  protected _forwardLogDetJacobian(_x: Tensor): Tensor { return this.notImplemented('forwardLogDetJacobian'); }
  /** log|det J^-1| at inverseMinEventNdims. */
  protected _inverseLogDetJacobian(_y: Tensor): Tensor { return this.notImplemented('inverseLogDetJacobian'); }
  protected _forwardEventShape(shape: number[]): number[] { return shape; }
  protected _inverseEventShape(shape: number[]): number[] { return shape; }

  /** @internal Whether a subclass (not this base) defines method `m`. */
  protected hasOwnImpl(m: string): boolean {
    for (let p = Object.getPrototypeOf(this); p && p !== Bijector.prototype; p = Object.getPrototypeOf(p)) {
      if (Object.prototype.hasOwnProperty.call(p, m)) return true;
    }
    return false;
  }

  protected notImplemented(what: string): never {
    throw new Error(`${this.constructor.name} does not implement ${what}`);
  }

  private checkInput(v: ArrayLike, arg: string, minNdims: number): Tensor {
    const t = asTensor(v, undefined, arg);
    if (t.shape.length < minNdims) {
      throw new RangeError(`${this.constructor.name}: ${arg} must have at least ${minNdims} dimension(s) (the minimum event ndims); got shape [${t.shape.join(', ')}]`);
    }
    return t;
  }

  private checkEventNdims(n: number, min: number, t: Tensor, where: string): void {
    if (!Number.isInteger(n) || n < min || n > t.shape.length) {
      throw new RangeError(`${this.constructor.name}.${where}: eventNdims must be an integer in [${min}, ${t.shape.length}] (minimum event ndims .. rank of the input); got ${n}`);
    }
  }

  /** Broadcasts the min-event-ndims LDJ over the input's batch, then sums the extra event dims. */
  private reduceLdj(ldj: Tensor, inShape: readonly number[], eventNdims: number, minNdims: number): Tensor {
    const batch = inShape.slice(0, inShape.length - minNdims);
    const target = broadcastShapes(ldj.shape, batch, `${this.constructor.name}: log-det-Jacobian`);
    const full = ldj.shape.length === target.length && ldj.shape.every((d, i) => d === target[i]) ? ldj : np.broadcastTo(ldj, target);
    const k = eventNdims - minNdims;
    if (k === 0) return full;
    return np.sum(full, { axis: Array.from({ length: k }, (_, i) => target.length - k + i) });
  }
}
