/**
 * `tfb.Chain([b1, b2, ..., bn])`: the composition b1 ∘ b2 ∘ ... ∘ bn, as TFP's
 * `tfp.bijectors.Chain` — forward applies the LAST bijector first, inverse the first one
 * first. The log-det-Jacobian is the sum of the members' log-det-Jacobians, each evaluated
 * on its own input with its own event ndims tracked through rank-changing members
 * (`forwardEventNdims` / `inverseEventNdims`). The minimum event ndims are inferred as TFP
 * does (`_infer_min_event_ndims`): walk from the output side, and raise both ends by the
 * largest shortfall of any member's minimum. The Jacobian is constant when every member's
 * is; the chain is increasing when its number of decreasing members is even (TFP's rule).
 * The default name is 'chain_of_' + the member names joined by '_of_' ('identity' when
 * empty). Numerics are those of the members. Importing this module also makes bijectors
 * callable on bijectors: `b(c)` is `new Chain([b, c])`.
 */
import { Tensor } from '../np/tensor.js';
import * as np from '../np/index.js';
import { broadcastShapes } from '../np/shape.js';
import { Bijector, composers, type BijectorCommonOptions } from './bijector.js';
import { floatOf } from './float.js';
import { isIncreasing } from './monotone.js';

/** [forwardMinEventNdims, inverseMinEventNdims] of a non-empty chain (TFP's algorithm). */
function inferMinEventNdims(bijectors: readonly Bijector[]): [number, number] {
  let offset = 0;
  let nd = bijectors[0].inverseMinEventNdims;
  for (const b of bijectors) {
    const reduce = nd - b.inverseMinEventNdims;
    offset = Math.max(offset, -reduce);
    nd = reduce + b.forwardMinEventNdims;
  }
  return [offset + nd, offset + bijectors[0].inverseMinEventNdims];
}

/**
 * Composition of bijectors, applied right to left.
 * @example
 * ```ts
 * const c = new tfb.Chain([new tfb.Exp(), new tfb.Softplus()]);
 * c.name;          // 'chain_of_exp_of_softplus'
 * c.forward(-1);   // exp(softplus(-1)) = 1.3678794
 * new tfb.Shift(1)(new tfb.Scale(3)).forward(np.ones(5)); // [4, 4, 4, 4, 4]
 * ```
 */
export class Chain extends Bijector {
  /** The members, outermost first (the last is applied first by `forward`). */
  readonly bijectors: readonly Bijector[];

  constructor(bijectors: readonly Bijector[] = [], options: BijectorCommonOptions = {}) {
    if (!Array.isArray(bijectors)) throw new TypeError('Chain: bijectors must be an array of Bijector, e.g. new tfb.Chain([new tfb.Exp(), new tfb.Softplus()])');
    bijectors.forEach((b, i) => {
      if (!(b instanceof Bijector)) throw new TypeError(`Chain: bijectors[${i}] must be a Bijector; got ${b === null ? 'null' : typeof b}`);
    });
    const [fmin, imin] = bijectors.length > 0 ? inferMinEventNdims(bijectors) : [0, 0];
    const name = options.name ?? (bijectors.length === 0 ? 'identity' : ['chain', ...bijectors.map((b) => b.name)].join('_of_').replace(/\//g, ''));
    super({
      forwardMinEventNdims: fmin, inverseMinEventNdims: imin, isConstantJacobian: bijectors.every((b) => b.isConstantJacobian),
      validateArgs: options.validateArgs, name,
    });
    this.bijectors = Object.freeze([...bijectors]);
  }

  /** Broadcast of the members' batch shapes. */
  get batchShape(): number[] {
    return this.bijectors.reduce<number[]>((s, b) => broadcastShapes(s, b.batchShape, 'Chain: batch shapes of the bijectors'), []);
  }
  get parameters(): Readonly<Record<string, unknown>> { return { bijectors: this.bijectors, validateArgs: this.validateArgs, name: this.name }; }

  protected _isIncreasing(): boolean | undefined {
    let inc: boolean | undefined = true;
    for (const b of this.bijectors) {
      const bi = isIncreasing(b);
      if (bi === undefined) return undefined;
      inc = inc === bi;
    }
    return inc;
  }

  protected _forward(x: Tensor): Tensor {
    let v = x;
    for (let i = this.bijectors.length - 1; i >= 0; i--) v = this.bijectors[i].forward(v);
    return v;
  }

  protected _inverse(y: Tensor): Tensor {
    let v = y;
    for (const b of this.bijectors) v = b.inverse(v);
    return v;
  }

  /** Sum of the members' LDJs at the chain's minimum event ndims, tracked through each member. */
  protected _forwardLogDetJacobian(x: Tensor): Tensor {
    let v = x, nd = this.forwardMinEventNdims;
    let total: Tensor | undefined;
    for (let i = this.bijectors.length - 1; i >= 0; i--) {
      const b = this.bijectors[i];
      const ldj = b.forwardLogDetJacobian(v, nd);
      total = total === undefined ? ldj : np.add(total, ldj);
      if (i > 0) v = b.forward(v);
      nd = b.forwardEventNdims(nd);
    }
    return total ?? np.zeros([], floatOf(x).dtype);
  }

  protected _inverseLogDetJacobian(y: Tensor): Tensor {
    let v = y, nd = this.inverseMinEventNdims;
    let total: Tensor | undefined;
    this.bijectors.forEach((b, i) => {
      const ldj = b.inverseLogDetJacobian(v, nd);
      total = total === undefined ? ldj : np.add(total, ldj);
      if (i < this.bijectors.length - 1) v = b.inverse(v);
      nd = b.inverseEventNdims(nd);
    });
    return total ?? np.zeros([], floatOf(y).dtype);
  }

  protected _forwardEventShape(shape: number[]): number[] {
    let s = shape;
    for (let i = this.bijectors.length - 1; i >= 0; i--) s = this.bijectors[i].forwardEventShape(s);
    return s;
  }

  protected _inverseEventShape(shape: number[]): number[] {
    let s = shape;
    for (const b of this.bijectors) s = b.inverseEventShape(s);
    return s;
  }
}

composers.chain = (outer, inner) => new Chain([outer, inner]);
