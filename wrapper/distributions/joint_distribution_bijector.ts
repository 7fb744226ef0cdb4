/**
 * The default event-space bijector of a joint distribution (TFP's `_DefaultJointBijector`):
 * a `tfb.JointMap` of each part's `experimentalDefaultEventSpaceBijector()`, taken from one
 * run of the model (the parts' distributions of a single draw). The only difference from a
 * plain JointMap: when `eventNdims` is not given, the log-det-Jacobians are taken at each
 * part's event rank (TFP's `inverse_min_event_ndims` of the joint bijector is the structure
 * of event ranks), so `forwardLogDetJacobian(x)` is the total log-det-Jacobian per batch
 * member, ready for `target(forward(x)) + fldj(x)` in MCMC. Numerics are the parts'.
 *
 * Limitation (documented divergence from TFP): TFP conditions each part's bijector on the
 * values of the upstream parts; here the bijectors are those of the single-draw parts, which
 * is exact whenever a part's support does not depend on other parts' values (positivity,
 * unit interval, simplex, ... with fixed bounds: the usual models).
 */
import type { ArrayLike } from '../types/dtype.js';
import type { Tensor } from '../np/tensor.js';
import { JointMap } from '../bijectors/joint_map.js';
import type { Bijector } from '../bijectors/bijector.js';
import type { JointDistribution } from './joint_distribution.js';

/**
 * JointMap over the parts of a joint distribution, with per-part event ranks as default.
 * @example
 * ```ts
 * const b = jd.experimentalDefaultEventSpaceBijector(); // e.g. JointMap([Softplus, Identity])
 * const x = b.forward([0, 0]);                          // [softplus(0), 0]
 * b.forwardLogDetJacobian([0, 0]);                      // log sigmoid(0)
 * ```
 */
export class JointDistributionBijector extends JointMap {
  /** Event ndims of each part in constrained space (the joint distribution's event ranks). */
  readonly inverseEventNdimsParts: readonly number[] | Readonly<Record<string, number>>;
  /** Event ndims of each part in unconstrained space. */
  readonly forwardEventNdimsParts: readonly number[] | Readonly<Record<string, number>>;

  /** @internal Use `jd.experimentalDefaultEventSpaceBijector()`. */
  constructor(bijectors: Bijector[] | Record<string, Bijector>, eventRanks: number[] | Record<string, number>, name?: string) {
    super(bijectors as Bijector[], { name });
    const mapRanks = (f: (b: Bijector, r: number) => number): number[] | Record<string, number> => (Array.isArray(bijectors)
      ? bijectors.map((b, i) => f(b, (eventRanks as number[])[i]))
      : Object.fromEntries(Object.entries(bijectors).map(([k, b]) => [k, f(b, (eventRanks as Record<string, number>)[k])])));
    this.inverseEventNdimsParts = Object.freeze(mapRanks((_b, r) => r));
    this.forwardEventNdimsParts = Object.freeze(mapRanks((b, r) => b.inverseEventNdims(r)));
  }

  /** @internal The bijector over the parts at flat indices `idx` of `jd` (array or object by name). */
  static fromParts(jd: JointDistribution, idx: number[]): JointDistributionBijector {
    const ds = jd._singleSample().dists;
    const ranks = jd._eventShapesFlat().map((s) => s.length);
    const bij = (i: number): Bijector => ds[i].experimentalDefaultEventSpaceBijector();
    const name = `default_joint_bijector_of_${jd.name}`;
    if (Array.isArray(jd.model) || typeof jd.model === 'function') {
      return new JointDistributionBijector(idx.map(bij), idx.map((i) => ranks[i]), name);
    }
    const names = jd.partNames;
    const keep = new Set(idx);
    const order = Object.keys(jd.model as object).filter((k) => keep.has(names.indexOf(k)));
    return new JointDistributionBijector(
      Object.fromEntries(order.map((k) => [k, bij(names.indexOf(k))])),
      Object.fromEntries(order.map((k) => [k, ranks[names.indexOf(k)]])), name);
  }

  /** Total forward log-det-Jacobian (default event ndims: each part's unconstrained event rank). */
  forwardLogDetJacobian(x: readonly ArrayLike[], eventNdims?: readonly number[]): Tensor;
  forwardLogDetJacobian(x: { readonly [key: string]: ArrayLike }, eventNdims?: { readonly [key: string]: number }): Tensor;
  forwardLogDetJacobian(x: never, eventNdims?: never): never;
  forwardLogDetJacobian(x: unknown, eventNdims?: unknown): unknown {
    return super.forwardLogDetJacobian(x as never, (eventNdims ?? this.forwardEventNdimsParts) as never);
  }

  /** Total inverse log-det-Jacobian (default event ndims: each part's event rank). */
  inverseLogDetJacobian(y: readonly ArrayLike[], eventNdims?: readonly number[]): Tensor;
  inverseLogDetJacobian(y: { readonly [key: string]: ArrayLike }, eventNdims?: { readonly [key: string]: number }): Tensor;
  inverseLogDetJacobian(y: never, eventNdims?: never): never;
  inverseLogDetJacobian(y: unknown, eventNdims?: unknown): unknown {
    return super.inverseLogDetJacobian(y as never, (eventNdims ?? this.inverseEventNdimsParts) as never);
  }
}
