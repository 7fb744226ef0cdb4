/**
 * The multivariate normal with a lower-triangular scale, shared by
 * `MultivariateNormalTriL` and `MultivariateNormalFullCovariance` (as TFP's
 * `MultivariateNormalLinearOperator` with a `LinearOperatorLowerTriangular` scale), plus the
 * lower-triangular helpers that `MultivariateStudentT` reuses, and the analytic KL pairs.
 *
 * log_prob runs as one fused wasm pass per point (./fused/mvn_tril.ts) when L is one
 * shared [k, k] matrix and loc one row or one per point.
 *
 * Math (event size k, X = loc + L Z with Z ~ N(0, I_k), covariance L Lᵀ):
 *   log p(x) = -0.5 ||z||² - (k/2) log(2π) - Σ_i log|L_ii|,  z = L⁻¹ (x - loc)
 * (one batched triangular solve; only the lower triangle of L is read, as TFP's
 * LinearOperatorLowerTriangular), entropy = (k/2)(1 + log 2π) + Σ log|L_ii|,
 * mean = mode = loc, covariance = L Lᵀ, variance = row sums of L², stddev = its sqrt.
 *
 * Sampling consumes the key as TFP on JAX does (its base is `Sample(Normal(zeros(batch)), k)`):
 * `random.normal(seed, [n, k, ...batch])`, moved to `[n, ...batch, k]`, then `L z + loc`.
 * With an empty batch this is `random.normal(seed, [n, k])`, so values agree with TFP up
 * to the float rounding of the matrix-vector product.
 *
 * NaN/inf: a singular scale (a zero on the diagonal) gives NaN log-densities (TFP does not
 * check; with `validateArgs` the families here throw naming the parameter). Negative
 * diagonal entries are allowed, as in TFP (log|det| uses |L_ii|). Accuracy: backward-stable
 * triangular solves; float32 results within a few ulp·k of float64 for well-conditioned L.
 */
import type { DType } from '../types/dtype.js';
import type { KeyLike } from '../types/random.js';
import { Tensor } from '../np/tensor.js';
import * as np from '../np/index.js';
import { broadcastShapes } from '../np/shape.js';
import { isDeferred } from '../util/variable.js';
import { normal as randomNormal } from '../random/normal.js';
import type { Bijector } from '../bijectors/bijector.js';
import { Identity } from '../bijectors/identity.js';
import { registerKL } from './kl.js';
import { Distribution, type DistributionOptions, type ReparameterizationType } from './distribution.js';
import { MultivariateNormalDiag } from './mvn_diag.js';
import { Normal } from './normal.js';
import { mvnTrilLogProb } from './fused/mvn_tril.js';

const LOG_TWO_PI = Math.log(2 * Math.PI);

/**
 * Static shape of a stored parameter (variables: their current value's shape).
 * @example `storedShape(np.zeros([2, 3])) // [2, 3]`
 */
export function storedShape(p: unknown): readonly number[] | undefined {
  if (p === undefined) return undefined;
  return isDeferred(p) ? p.value.shape : (p as Tensor).shape;
}

/**
 * The diagonal of the last two axes (batched).
 * @example `diagPart(np.eye(3)) // [1, 1, 1]`
 */
export function diagPart(m: Tensor): Tensor {
  return np.diagonal(m, { axis1: -2, axis2: -1 });
}

/**
 * Σ_i log|L_ii| over the last axis: log|det L| of a (batch of) triangular matrices.
 * @example `logAbsDetTril(np.array([[2, 0], [1, -3]])) // log 6`
 */
export function logAbsDetTril(l: Tensor): Tensor {
  return np.sum(np.log(np.abs(diagPart(l))), { axis: -1 });
}

/**
 * L⁻¹ v for lower-triangular L [..., k, k] and vectors v [..., k] (batch dims broadcast).
 * @example `solveTrilVec(np.array([[2, 0], [1, 1]]), np.array([2, 3])) // [1, 2]`
 */
export function solveTrilVec(l: Tensor, v: Tensor): Tensor {
  const r = np.linalg.triangularSolve(l, np.expandDims(v, -1), { lower: true });
  return np.squeeze(r, -1);
}

/**
 * L v for matrices L [..., k, k] and vectors v [..., k] (batch dims broadcast).
 * @example `matvec(np.array([[2, 0], [1, 1]]), np.array([1, 2])) // [2, 3]`
 */
export function matvec(l: Tensor, v: Tensor): Tensor {
  if (l.shape.length === 2 && v.shape.length >= 2) {
    // one shared matrix: a single [m, k] x [k, k] product (v Lᵀ) instead of broadcasting L
    // to every vector (same products summed in the same order)
    const k = l.shape[1];
    return np.reshape(np.matmul(np.reshape(v, [-1, k]), np.transpose(l)), [...v.shape.slice(0, -1), l.shape[0]]);
  }
  return np.squeeze(np.matmul(l, np.expandDims(v, -1)), -1);
}

/**
 * Standard normal draws of shape [n, ...batch, k] with TFP-on-JAX key use: TFP's
 * `Sample(Normal(zeros(batch), 1), k)` draws `normal(seed, [n, k, ...batch])` and moves
 * the k axis last.
 * @example `stdNormalEvents(random.key(0), 4, [2], 3, 'float32').shape // [4, 2, 3]`
 */
export function stdNormalEvents(seed: KeyLike, n: number, batch: readonly number[], k: number, dtype: DType): Tensor {
  const z = randomNormal(seed, [n, k, ...batch], dtype as 'float32' | 'float64');
  if (batch.length === 0) return z;
  const perm = [0, ...batch.map((_, i) => i + 2), 1];
  return np.transpose(z, perm);
}

/**
 * Base of the multivariate normals whose scale is a lower-triangular matrix L (TFP's
 * `MultivariateNormalLinearOperator` restricted to lower-triangular operators). Subclasses
 * provide `loc` (or undefined: zeros), `scaleTril` (or undefined: identity) and the event
 * size; this class does the math.
 * @example
 * ```ts
 * const d = new tfd.MultivariateNormalTriL({ loc: [1, 2], scaleTril: [[1, 0], [0.5, 2]] });
 * d instanceof tfd.MultivariateNormalLinearOperator; // true
 * ```
 */
export abstract class MultivariateNormalLinearOperator extends Distribution {
  protected abstract readonly _dtype: DType;

  /** Subclasses pass their options and default name (public so the class can key the KL registry). */
  constructor(options: DistributionOptions, defaultName: string) { super(options, defaultName); }

  /** The lower-triangular scale at use (undefined: identity). */
  protected abstract scaleTrilOrUndefined(): Tensor | undefined;
  /** The location at use (undefined: zeros). */
  protected abstract locOrUndefined(): Tensor | undefined;
  /** Event size k. */
  protected abstract get eventSize(): number;

  /** Mean vector(s) as given (zeros when no loc was given), shape [..., k]. */
  get loc(): Tensor { return this.locOrUndefined() ?? np.zeros([this.eventSize], this._dtype); }
  /** Lower-triangular scale (the lower triangle of what was given; identity when absent). */
  get scaleTril(): Tensor { return this.scaleTrilOrUndefined() ?? np.eye(this.eventSize, undefined, 0, this._dtype); }

  get dtype(): DType { return this._dtype; }
  get reparameterizationType(): ReparameterizationType { return 'FULLY_REPARAMETERIZED'; }
  get eventShape(): number[] { return [this.eventSize]; }

  protected _sampleN(n: number, seed: KeyLike): Tensor {
    const z = stdNormalEvents(seed, n, this.batchShape, this.eventSize, this._dtype);
    const l = this.scaleTrilOrUndefined();
    const y = l === undefined ? z : matvec(l, z);
    const loc = this.locOrUndefined();
    return loc === undefined ? y : np.add(y, loc);
  }

  protected _logProb(x: Tensor): Tensor {
    const xx = this.checkValue(x);
    const loc = this.locOrUndefined(), l = this.scaleTrilOrUndefined();
    if (l !== undefined) {
      // one pass per point in the wasm core (shared scale; loc one row or one per point)
      const fused = mvnTrilLogProb(xx, loc ?? np.zeros([this.eventSize], this._dtype), l);
      if (fused) return this.toBatch(fused, xx.shape.slice(0, -1));
    }
    const dev = loc === undefined ? xx : np.subtract(xx, loc);
    const z = l === undefined ? dev : solveTrilVec(l, dev);
    let lp = np.subtract(np.multiply(-0.5, np.sum(np.square(z), { axis: -1 })), 0.5 * this.eventSize * LOG_TWO_PI);
    if (l !== undefined) lp = np.subtract(lp, logAbsDetTril(l));
    return this.toBatch(lp, xx.shape.slice(0, -1));
  }

  protected _mean(): Tensor { return np.broadcastTo(this.loc, [...this.batchShape, this.eventSize]); }
  protected _mode(): Tensor { return this._mean(); }
  protected _covariance(): Tensor {
    const l = this.scaleTril;
    return np.broadcastTo(np.matmul(l, np.transpose(l, this.swapLast(l.shape.length))), [...this.batchShape, this.eventSize, this.eventSize]);
  }
  protected _variance(): Tensor {
    return np.broadcastTo(np.sum(np.square(this.scaleTril), { axis: -1 }), [...this.batchShape, this.eventSize]);
  }
  protected _stddev(): Tensor { return np.sqrt(this._variance()); }
  protected _entropy(): Tensor {
    const l = this.scaleTrilOrUndefined();
    const c = 0.5 * this.eventSize * (1 + LOG_TWO_PI);
    const e = l === undefined ? np.full([], c, this._dtype) : np.add(logAbsDetTril(l), c);
    return np.broadcastTo(e, this.batchShape);
  }
  protected _defaultEventSpaceBijector(): Bijector { return new Identity(); }

  /** x as the float dtype, checking its event size. */
  protected checkValue(x: Tensor): Tensor {
    const k = this.eventSize;
    if (x.shape.length < 1 || x.shape[x.shape.length - 1] !== k) {
      throw new RangeError(`${this.constructor.name}.logProb: value must have shape [..., ${k}] (the event shape); got [${x.shape.join(', ')}]`);
    }
    return np.astype(x, this._dtype);
  }

  /** Broadcasts a per-point result against the batch shape. */
  protected toBatch(r: Tensor, pointBatch: readonly number[]): Tensor {
    const target = broadcastShapes(pointBatch, this.batchShape, `${this.constructor.name}.logProb: value and batch shapes`);
    return np.broadcastTo(r, broadcastShapes(r.shape, target, `${this.constructor.name}.logProb`));
  }

  protected swapLast(nd: number): number[] {
    const p = Array.from({ length: nd }, (_, i) => i);
    [p[nd - 2], p[nd - 1]] = [p[nd - 1], p[nd - 2]];
    return p;
  }
}

// ---- KL(a || b) between multivariate normals (TFP's `_kl_brute_force`) ----
// KL = log|det B| - log|det A| + 0.5 (-k + ||B⁻¹A||_F² + ||B⁻¹(mu_b - mu_a)||²), where A, B
// are the scales (lower-triangular, or diagonal for MultivariateNormalDiag).

type Scale = { kind: 'tril'; m: Tensor } | { kind: 'diag'; d: Tensor };

function scaleOf(d: MultivariateNormalLinearOperator | MultivariateNormalDiag): Scale {
  if (d instanceof MultivariateNormalLinearOperator) return { kind: 'tril', m: d.scaleTril };
  return { kind: 'diag', d: (d.distribution as Normal).scale };
}

function mvnKL(a: MultivariateNormalLinearOperator | MultivariateNormalDiag, b: MultivariateNormalLinearOperator | MultivariateNormalDiag): Tensor {
  const k = a.eventShape[0];
  if (b.eventShape[0] !== k) throw new RangeError(`klDivergence: event sizes differ (${k} vs ${b.eventShape[0]})`);
  const sa = scaleOf(a), sb = scaleOf(b);
  const sqFrob = (m: Tensor): Tensor => np.sum(np.square(m), { axis: [-2, -1] });
  const logDet = (s: Scale): Tensor => (s.kind === 'tril' ? logAbsDetTril(s.m) : np.sum(np.log(np.abs(s.d)), { axis: -1 }));
  let frob: Tensor;
  if (sa.kind === 'diag' && sb.kind === 'diag') frob = np.sum(np.square(np.divide(sa.d, sb.d)), { axis: -1 });
  else if (sb.kind === 'diag') frob = sqFrob(np.divide((sa as { m: Tensor }).m, np.expandDims(sb.d, -1)));
  else {
    const am = sa.kind === 'tril' ? sa.m : np.multiply(np.expandDims(sa.d, -2), np.eye(k, undefined, 0, sa.d.dtype));
    frob = sqFrob(np.linalg.triangularSolve(sb.m, am, { lower: true }));
  }
  const dm = np.subtract(b.mean(), a.mean());
  const q = np.sum(np.square(sb.kind === 'diag' ? np.divide(dm, sb.d) : solveTrilVec(sb.m, dm)), { axis: -1 });
  const kl = np.add(np.subtract(logDet(sb), logDet(sa)), np.multiply(0.5, np.add(np.add(frob, q), -k)));
  return np.broadcastTo(kl, broadcastShapes(a.batchShape, b.batchShape, 'klDivergence: batch shapes'));
}

registerKL(MultivariateNormalLinearOperator, MultivariateNormalLinearOperator, mvnKL);
registerKL(MultivariateNormalLinearOperator, MultivariateNormalDiag, mvnKL);
registerKL(MultivariateNormalDiag, MultivariateNormalLinearOperator, mvnKL);
