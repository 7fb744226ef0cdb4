/**
 * `klDivergence(a, b)` and its registry of analytic pairs, as TFP's `kl_divergence` /
 * `RegisterKL`. Lookup walks both class hierarchies (nearest registered ancestors first,
 * like TFP), so a pair registered for (Normal, Normal) also serves subclasses. Families
 * register their pairs in their own files with {@link registerKL}.
 */
import type { Tensor } from '../np/tensor.js';
import { Distribution, klHook } from './distribution.js';

/** A distribution class (constructors may be protected, like the Distribution base's). */
type Ctor = { readonly prototype: Distribution };
type KLFn = (a: Distribution, b: Distribution) => Tensor;

const registry = new Map<Ctor, Map<Ctor, KLFn>>();

/**
 * Registers the analytic KL(a || b) for instances of classes `A` and `B`.
 * @example `registerKL(Normal, Normal, (a, b) => ...)`
 */
export function registerKL<A extends Distribution, B extends Distribution>(
  A: { readonly prototype: A }, B: { readonly prototype: B }, fn: (a: A, b: B) => Tensor,
): void {
  let inner = registry.get(A);
  if (!inner) registry.set(A, (inner = new Map()));
  inner.set(B, fn as KLFn);
}

function ancestors(d: Distribution): Ctor[] {
  const out: Ctor[] = [];
  for (let p = Object.getPrototypeOf(d); p && p !== Object.prototype; p = Object.getPrototypeOf(p)) out.push(p.constructor as Ctor);
  return out;
}

/**
 * KL(a || b) = E_a[log a(X) - log b(X)], with shape broadcast(a.batchShape, b.batchShape).
 * Throws when no analytic form is registered for the pair (use a Monte Carlo estimate).
 * @example
 * ```ts
 * tfd.klDivergence(new tfd.Normal({ loc: 0, scale: 1 }), new tfd.Normal({ loc: 1, scale: 1 })); // 0.5
 * ```
 */
export function klDivergence(a: Distribution, b: Distribution): Tensor {
  if (!(a instanceof Distribution) || !(b instanceof Distribution)) throw new TypeError('klDivergence: a and b must be distributions');
  for (const ca of ancestors(a)) {
    const inner = registry.get(ca);
    if (!inner) continue;
    for (const cb of ancestors(b)) {
      const fn = inner.get(cb);
      if (fn) return fn(a, b);
    }
  }
  throw new Error(`klDivergence: no analytic KL(${a.constructor.name} || ${b.constructor.name}) is registered`);
}

klHook.fn = klDivergence;
