/**
 * The `Distribution` base class, with TFP's template-method contract: public methods
 * validate arguments and handle shapes (`sampleShape + batchShape + eventShape`); the
 * private `_sampleN`, `_logProb`, `_mean`, ... of each family do the math with `np` ops
 * (so everything is differentiable through `grad`).
 */
import type { ArrayLike, DType } from '../types/dtype.js';
import { Tensor } from '../np/tensor.js';
import { asTensor } from '../np/asarray.js';
import { checkShape, sizeOf } from '../np/shape.js';
import { defaultFloat } from '../config.js';
import { keyInfo } from '../random/key.js';
import type { KeyLike } from '../types/random.js';
import * as np from '../np/index.js';
import { resolveParam, commonParamFloat, type ParamInput, type Variable } from '../util/variable.js';
import { checkElements, collectVariables, paramsBatchShape, storeParams } from '../util/params.js';
import type { Bijector } from '../bijectors/bijector.js';

/**
 * How a parameter enters the distribution (TFP's `ParameterProperties`): its event
 * ndims (which drive `batchShape`) and the bijector that maps unconstrained reals onto its
 * support (which trainable-distribution builders use).
 */
export interface ParameterProperties {
  /** Trailing dimensions of the parameter that belong to one event (0 for scalars per batch member). */
  readonly eventNdims: number;
  /** Bijector from unconstrained reals to the parameter's support (created lazily); absent: unconstrained. */
  readonly defaultConstrainingBijector?: () => Bijector;
  /** For mutually exclusive parameters (logits/probs): whether this is the one TFP prefers. */
  readonly isPreferred?: boolean;
}

/** Options every distribution accepts. */
export interface DistributionOptions {
  /** Check parameters eagerly and throw a clear Error when they are invalid (default false: NaN, as TFP). */
  validateArgs?: boolean;
  /** Statistics that are undefined return NaN (true, default) instead of throwing. */
  allowNanStats?: boolean;
  /** The distribution's name (default: the class name). */
  name?: string;
}

/** `{ seed }` for sampling: a PRNG key, required (as in TFP on JAX). */
export interface SampleOptions { seed: KeyLike }

/** Whether samples are reparameterized (pathwise gradients flow through them). */
export type ReparameterizationType = 'FULLY_REPARAMETERIZED' | 'NOT_REPARAMETERIZED';

/** The common float dtype of parameters (float64 if any is float64, else float32 or the x64 default). */
export const commonFloat = commonParamFloat;

/** @internal Set by kl.ts: the registry lookup behind `Distribution.klDivergence`. */
export const klHook: { fn?: (a: Distribution, b: Distribution) => Tensor } = {};

/**
 * Base class of all distributions (TFP's `tfd.Distribution`).
 *
 * @example
 * ```ts
 * const d = new tfd.Normal({ loc: 0, scale: 1 });
 * d.sample([3], { seed: random.key(0) }); // shape [3]
 * d.logProb(0);                           // -0.9189385
 * String(d); // 'tfp.distributions.Normal("Normal", batch_shape=[], event_shape=[], dtype=float32)'
 * ```
 */
export abstract class Distribution {
  /** The distribution's name. */
  readonly name: string;
  /** Whether invalid parameters throw (true) or give NaN (false, default). */
  readonly validateArgs: boolean;
  /** Whether undefined statistics are NaN (true) or throw (false). */
  readonly allowNanStats: boolean;
  /** @internal Parameters as given (tensors or variables), by name, in declaration order. */
  protected _params: Record<string, ParamInput> = {};
  /** @internal The float dtype parameters are read at (set by initParams). */
  protected _paramDtype: DType | undefined;

  protected constructor(options: DistributionOptions, defaultName: string) {
    this.name = options.name ?? defaultName;
    this.validateArgs = options.validateArgs ?? false;
    this.allowNanStats = options.allowNanStats ?? true;
  }

  /**
   * Stores the parameters (tensor-likes become tensors; variables are kept and read at
   * use) and returns their common float dtype (or `dtype` when given). Undefined entries
   * are skipped. Checks that the batch shapes broadcast.
   */
  protected initParams(params: Record<string, ParamInput | undefined>, dtype?: DType): DType {
    this._params = storeParams(params);
    this._paramDtype = dtype ?? commonFloat(Object.values(this._params));
    void this.batchShape; // throws a clear error when the parameters do not broadcast
    return this._paramDtype;
  }

  /** The current value of parameter `name` at the parameter dtype (variables are read now). */
  protected param(name: string): Tensor {
    const p = this._params[name];
    if (p === undefined) throw new Error(`${this.constructor.name}: internal: no parameter '${name}'`);
    return resolveParam(p, name, this._paramDtype);
  }

  /** Whether parameter `name` was given. */
  protected hasParam(name: string): boolean { return this._params[name] !== undefined; }

  /**
   * With `validateArgs`, throws a RangeError naming `name` when an element of its current
   * value fails `ok` (NaN fails every check); otherwise does nothing (TFP: NaN results).
   */
  protected assertParam(name: string, ok: (v: number) => boolean, expectation: string): void {
    if (this.validateArgs && this.hasParam(name)) checkElements(this.param(name), ok, this.constructor.name, name, expectation);
  }

  /** Parameter name -> properties (event ndims, default constraining bijector), declared once per family. */
  abstract get parameterProperties(): Readonly<Record<string, ParameterProperties>>;
  /** Element type of samples. */
  abstract get dtype(): DType;
  /** Whether sampling is reparameterized. */
  abstract get reparameterizationType(): ReparameterizationType;
  /** Shape of one event. */
  abstract get eventShape(): number[];

  /**
   * The parameters as given (tensors, variables, sub-distributions), plus `validateArgs`,
   * `allowNanStats` and `name`: what `copy` passes back to the constructor.
   */
  get parameters(): Readonly<Record<string, unknown>> {
    return { ...this._params, validateArgs: this.validateArgs, allowNanStats: this.allowNanStats, name: this.name };
  }

  /** The batch shape, derived from the parameters' shapes and `parameterProperties`. */
  get batchShape(): number[] {
    return paramsBatchShape(this._params, this.parameterProperties, this.constructor.name);
  }

  /**
   * The trainable variables this distribution reads (its parameters', then those of
   * sub-distributions and bijectors), in parameter order, each once.
   * @example `new tfd.Normal({ loc: new Variable(0), scale: 1 }).trainableVariables // [Variable]`
   */
  get trainableVariables(): Variable[] {
    return collectVariables(Object.values(this.parameters));
  }

  /**
   * A new distribution of the same class with some parameters replaced (TFP's `copy`).
   * @example `new tfd.Normal({ loc: 0, scale: 1 }).copy({ scale: 2 })`
   */
  copy(overrides: Record<string, unknown> = {}): this {
    return this._copy({ ...this.parameters, ...overrides }) as this;
  }

  /** Constructs this class from a `parameters`-shaped object (override when the constructor differs). */
  protected _copy(params: Record<string, unknown>): Distribution {
    const Ctor = this.constructor as new (o: Record<string, unknown>) => Distribution;
    return new Ctor(params);
  }

  /**
   * The bijector from unconstrained reals onto this distribution's support (event space),
   * as TFP's `experimental_default_event_space_bijector`: used to unconstrain MCMC.
   * @example `new tfd.Gamma({ concentration: 2, rate: 1 }).experimentalDefaultEventSpaceBijector() // Softplus`
   */
  experimentalDefaultEventSpaceBijector(): Bijector {
    return this._defaultEventSpaceBijector();
  }

  /**
   * Draws samples of shape `sampleShape + batchShape + eventShape`. The seed is required.
   * @example `new tfd.Normal({ loc: 0, scale: 1 }).sample({ seed: random.PRNGKey(0) }) // -0.20584226`
   */
  sample(options: SampleOptions): Tensor;
  sample(sampleShape: number | readonly number[], options: SampleOptions): Tensor;
  sample(a: number | readonly number[] | SampleOptions, b?: SampleOptions): Tensor {
    const [shapeArg, opts] = typeof a === 'object' && !Array.isArray(a) ? [[], a as SampleOptions] : [a as number | number[], b];
    if (!opts || opts.seed === undefined) {
      throw new TypeError(`${this.constructor.name}.sample: a seed is required, e.g. sample([3], { seed: random.key(0) }) (TFP on JAX has no implicit randomness)`);
    }
    keyInfo(opts.seed, 'seed');
    const sampleShape = checkShape(shapeArg, 'sampleShape');
    const n = sizeOf(sampleShape);
    const flat = this._sampleN(n, opts.seed);
    return np.reshape(flat, [...sampleShape, ...this.batchShape, ...this.eventShape]);
  }

  /**
   * Log density (or mass) of `value`, broadcast against the batch: the result has shape
   * `broadcast(value.shape[:-eventNdims], batchShape)`.
   * @example `new tfd.Normal({ loc: 0, scale: 1 }).logProb([0, 1])`
   */
  logProb(value: ArrayLike): Tensor {
    return this._logProb(asTensor(value, undefined, 'value'));
  }

  /** exp(logProb(value)). @example `new tfd.Normal({ loc: 0, scale: 1 }).prob(0)` */
  prob(value: ArrayLike): Tensor {
    return np.exp(this.logProb(value));
  }

  /** Mean. @example `new tfd.Normal({ loc: 1, scale: 2 }).mean() // 1` */
  mean(): Tensor { return this._mean(); }
  /** Variance. @example `new tfd.Normal({ loc: 1, scale: 2 }).variance() // 4` */
  variance(): Tensor { return this._variance(); }
  /** Standard deviation. @example `new tfd.Normal({ loc: 1, scale: 2 }).stddev() // 2` */
  stddev(): Tensor { return this._stddev(); }
  /** Mode. @example `new tfd.Normal({ loc: 1, scale: 2 }).mode() // 1` */
  mode(): Tensor { return this._mode(); }
  /** Differential entropy. @example `new tfd.Normal({ loc: 0, scale: 1 }).entropy()` */
  entropy(): Tensor { return this._entropy(); }
  /** Cumulative distribution function. @example `new tfd.Normal({ loc: 0, scale: 1 }).cdf(0) // 0.5` */
  cdf(value: ArrayLike): Tensor { return this._cdf(asTensor(value, undefined, 'value')); }
  /** log cdf. @example `new tfd.Normal({ loc: 0, scale: 1 }).logCdf(-10)` */
  logCdf(value: ArrayLike): Tensor { return this._logCdf(asTensor(value, undefined, 'value')); }
  /** 1 - cdf. @example `new tfd.Normal({ loc: 0, scale: 1 }).survivalFunction(0)` */
  survivalFunction(value: ArrayLike): Tensor { return this._survivalFunction(asTensor(value, undefined, 'value')); }
  /** log(1 - cdf). @example `new tfd.Normal({ loc: 0, scale: 1 }).logSurvivalFunction(10)` */
  logSurvivalFunction(value: ArrayLike): Tensor { return this._logSurvivalFunction(asTensor(value, undefined, 'value')); }
  /** Inverse cdf. @example `new tfd.Normal({ loc: 0, scale: 1 }).quantile(0.975)` */
  quantile(p: ArrayLike): Tensor { return this._quantile(asTensor(p, undefined, 'p')); }

  /**
   * Covariance matrix of a multivariate distribution (shape `batchShape + [k, k]`).
   * @example `new tfd.MultivariateNormalDiag({ scaleDiag: [1, 2] }).covariance() // [[1, 0], [0, 4]]`
   */
  covariance(): Tensor { return this._covariance(); }

  /**
   * KL(this || other) from the registry of analytic pairs (see `klDivergence`).
   * @example `new tfd.Normal({ loc: 0, scale: 1 }).klDivergence(new tfd.Normal({ loc: 1, scale: 1 })) // 0.5`
   */
  klDivergence(other: Distribution): Tensor {
    if (!klHook.fn) throw new Error('klDivergence needs the distributions module (import from probasm)');
    return klHook.fn(this, other);
  }

  /** TFP's repr: `tfp.distributions.Normal("Normal", batch_shape=[5], event_shape=[], dtype=float32)`. */
  toString(): string {
    return `tfp.distributions.${this.constructor.name}("${this.name}", batch_shape=[${this.batchShape.join(', ')}], event_shape=[${this.eventShape.join(', ')}], dtype=${this.dtype})`;
  }

  // The per-family math. Families override what they define; the rest is a clear error.
  protected abstract _sampleN(n: number, seed: KeyLike): Tensor;
  protected abstract _logProb(value: Tensor): Tensor;
  protected _mean(): Tensor { return this.notImplemented('mean'); }
  protected _variance(): Tensor { return np.square(this._stddev()); }
  protected _stddev(): Tensor { return this.notImplemented('stddev'); }
  protected _mode(): Tensor { return this.notImplemented('mode'); }
  protected _entropy(): Tensor { return this.notImplemented('entropy'); }
  protected _cdf(_v: Tensor): Tensor { return this.notImplemented('cdf'); }
  protected _logCdf(v: Tensor): Tensor { return np.log(this._cdf(v)); }
  protected _survivalFunction(v: Tensor): Tensor { return np.subtract(1, this._cdf(v)); }
  protected _logSurvivalFunction(v: Tensor): Tensor { return np.log(this._survivalFunction(v)); }
  protected _quantile(_p: Tensor): Tensor { return this.notImplemented('quantile'); }
  protected _covariance(): Tensor { return this.notImplemented('covariance'); }
  protected _defaultEventSpaceBijector(): Bijector { return this.notImplemented('experimentalDefaultEventSpaceBijector'); }

  protected notImplemented(what: string): never {
    throw new Error(`${this.constructor.name} does not implement ${what}`);
  }
}
