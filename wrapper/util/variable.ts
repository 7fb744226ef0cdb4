/**
 * Trainable parameters: `Variable` (a mutable holder of a tensor) and
 * `TransformedVariable` (a variable stored unconstrained and read through a bijector, as
 * `tfp.util.TransformedVariable`). Distributions and bijectors accept either wherever they
 * accept a parameter, read its value each time they compute (so `assign` and gradients
 * with respect to variables are seen), and list them in `trainableVariables`.
 */
import type { ArrayLike, DType } from '../types/dtype.js';
import { Tensor } from '../np/tensor.js';
import { astype } from '../np/ops/elementwise.js';
import { asTensor, isFloat } from '../np/asarray.js';
import { defaultFloat } from '../config.js';

/** Something read lazily as a tensor: a {@link Variable} or a {@link TransformedVariable}. */
export interface Deferred {
  /** The current value. */
  readonly value: Tensor;
  /** The trainable variables it depends on. */
  readonly trainableVariables: readonly Variable[];
  /** Marks the type. */
  readonly isDeferred: true;
}

/** Whether `x` is a {@link Variable} or {@link TransformedVariable}. */
export function isDeferred(x: unknown): x is Deferred {
  return typeof x === 'object' && x !== null && (x as Deferred).isDeferred === true;
}

/** A parameter value: anything tensor-like, or a variable read at use time. */
export type ParamInput = ArrayLike | Deferred;

/** Options of {@link Variable}. */
export interface VariableOptions {
  /** Name shown in the repr (default 'Variable'). */
  name?: string;
  /** Element type (default: that of the initial value). */
  dtype?: DType;
  /** Whether it appears in `trainableVariables` (default true). */
  trainable?: boolean;
}

let counter = 0;

/**
 * A mutable tensor holder, like `tf.Variable`: `value` reads it, `assign` replaces it (same
 * shape and dtype). Tensors stay immutable; only the holder changes.
 *
 * @example
 * ```ts
 * const loc = new Variable(np.zeros(2), { name: 'loc' });
 * const d = new tfd.Normal({ loc, scale: 1 });
 * loc.assign([1, 2]);
 * d.mean(); // [1, 2]
 * d.trainableVariables; // [loc]
 * ```
 */
export class Variable implements Deferred {
  readonly isDeferred = true as const;
  /** Name shown in the repr. */
  readonly name: string;
  /** Whether it is listed by `trainableVariables`. */
  readonly trainable: boolean;
  /** Creation order, a stable tiebreak. */
  readonly id: number;
  /** @internal The held tensor (swapped for traced values by valueAndGradVariables). */
  _value: Tensor;

  constructor(initialValue: ArrayLike, options: VariableOptions = {}) {
    const t = asTensor(initialValue, options.dtype, 'initialValue');
    this._value = t._weak ? astype(t, t.dtype) : t;
    this.name = options.name ?? 'Variable';
    this.trainable = options.trainable ?? true;
    this.id = counter++;
  }

  /** The current value. */
  get value(): Tensor { return this._value; }
  /** Shape of the value. */
  get shape(): readonly number[] { return this._value.shape; }
  /** Element type of the value. */
  get dtype(): DType { return this._value.dtype; }
  /** `[this]` when trainable, else `[]`. */
  get trainableVariables(): readonly Variable[] { return this.trainable ? [this] : []; }

  /**
   * Replaces the value (same shape; converted to this variable's dtype).
   * @example `v.assign(np.ones(2))`
   */
  assign(value: ArrayLike): this {
    const t = asTensor(value, this.dtype, 'value');
    if (t.shape.length !== this.shape.length || t.shape.some((d, i) => d !== this.shape[i])) {
      throw new RangeError(`Variable '${this.name}'.assign: value must have shape [${this.shape.join(', ')}]; got [${t.shape.join(', ')}]`);
    }
    this._value = t;
    return this;
  }

  /** `<Variable 'name' shape=[2] dtype=float32, numpy=[0 0]>`, as tf.Variable's repr. */
  toString(): string {
    return `<Variable '${this.name}' shape=[${this.shape.join(', ')}] dtype=${this.dtype}, numpy=${String(this._value).replace(/^Array\(|, dtype=\w+\)$/g, '')}>`;
  }
}

/** The part of a bijector a {@link TransformedVariable} needs (avoids an import cycle). */
export interface VariableBijector {
  forward(x: ArrayLike): Tensor;
  inverse(y: ArrayLike): Tensor;
  readonly name: string;
  readonly trainableVariables: readonly Variable[];
}

/**
 * A variable stored in unconstrained space and read through a bijector, as
 * `tfp.util.TransformedVariable(initial_value, bijector)`: the trainable variable holds
 * `bijector.inverse(initialValue)`; `value` is `bijector.forward(variable)`.
 *
 * @example
 * ```ts
 * const scale = new TransformedVariable(1, new tfb.Softplus(), { name: 'scale' });
 * const d = new tfd.Normal({ loc: 0, scale });
 * d.trainableVariables; // [the pretransformed variable]
 * scale.value;          // 1 (float32)
 * ```
 */
export class TransformedVariable implements Deferred {
  readonly isDeferred = true as const;
  /** The bijector from unconstrained to constrained space. */
  readonly bijector: VariableBijector;
  /** The underlying trainable variable (unconstrained). */
  readonly pretransformedInput: Variable;
  /** Name shown in the repr. */
  readonly name: string;

  constructor(initialValue: ArrayLike, bijector: VariableBijector, options: VariableOptions = {}) {
    if (bijector === undefined || typeof bijector.inverse !== 'function') {
      throw new TypeError('TransformedVariable: bijector must be a Bijector, e.g. new TransformedVariable(1, new tfb.Softplus())');
    }
    const t = asTensor(initialValue, options.dtype, 'initialValue');
    if (!isFloat(t.dtype)) throw new TypeError(`TransformedVariable: initialValue must be float; got ${t.dtype}`);
    this.bijector = bijector;
    this.name = options.name ?? 'TransformedVariable';
    this.pretransformedInput = new Variable(bijector.inverse(t._weak ? astype(t, t.dtype) : t), {
      name: `${this.name}/pretransformed`, trainable: options.trainable,
    });
  }

  /** `bijector.forward(pretransformedInput.value)`, recomputed on each read. */
  get value(): Tensor { return this.bijector.forward(this.pretransformedInput.value); }
  /** Shape of the (constrained) value. */
  get shape(): readonly number[] { return this.value.shape; }
  /** Element type. */
  get dtype(): DType { return this.pretransformedInput.dtype; }
  /** The pretransformed variable, then the bijector's own variables. */
  get trainableVariables(): readonly Variable[] {
    return uniqueVariables([...this.pretransformedInput.trainableVariables, ...this.bijector.trainableVariables]);
  }

  /** Sets the value in constrained space (stores `bijector.inverse(value)`). @example `scale.assign(2)` */
  assign(value: ArrayLike): this {
    this.pretransformedInput.assign(this.bijector.inverse(asTensor(value, this.dtype, 'value')));
    return this;
  }

  /** `<TransformedVariable 'name' shape=[] dtype=float32, fn="softplus", numpy=1>`. */
  toString(): string {
    const v = this.value;
    return `<TransformedVariable '${this.name}' shape=[${v.shape.join(', ')}] dtype=${this.dtype}, fn="${this.bijector.name}", numpy=${String(v).replace(/^Array\(|, dtype=\w+\)$/g, '')}>`;
  }
}

/** Variables in first-seen order, without repeats. */
export function uniqueVariables(vs: Iterable<Variable>): Variable[] {
  const seen = new Set<Variable>();
  const out: Variable[] = [];
  for (const v of vs) if (!seen.has(v)) { seen.add(v); out.push(v); }
  return out;
}

/** The current tensor of a parameter (reads variables). */
export function resolveParam(x: ParamInput, arg: string, dtype?: DType): Tensor {
  const t = isDeferred(x) ? x.value : asTensor(x, undefined, arg);
  return dtype === undefined || t.dtype === dtype ? t : astype(t, dtype);
}

/** The common float dtype of parameters: float64 if any (non-weak) is float64, else float32, else the default float. */
export function commonParamFloat(params: readonly (ParamInput | undefined)[]): DType {
  let dt: DType | undefined;
  for (const q of params) {
    if (q === undefined) continue;
    const p = isDeferred(q) ? q.value : q instanceof Tensor ? q : asTensor(q);
    if (p._weak) continue;
    if (p.dtype === 'float64') return 'float64';
    if (p.dtype === 'float32') dt = 'float32';
  }
  return dt ?? defaultFloat();
}
