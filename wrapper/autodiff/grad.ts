/**
 * Reverse-mode autodiff: `grad`, `valueAndGrad` and `stopGradient`, over functions whose
 * arguments and results are tensors or nested arrays/objects of tensors (pytrees).
 */
import type { ArrayLike } from '../types/dtype.js';
import { Tensor } from '../np/tensor.js';
import { asTensor, isFloat } from '../np/asarray.js';
import { withTrace, withoutTrace, nodeIn, type TapeNode, type Trace } from './trace.js';
import { describe, ownData, withSlab } from '../np/dtypes.js';
import { add } from '../np/ops/elementwise.js';

/** A tensor, number, or nested arrays/objects of them. */
export type Pytree = Tensor | number | boolean | readonly Pytree[] | { readonly [k: string]: Pytree } | ArrayLike;

/** The structure of a pytree with tensors at the leaves. */
export type TreeOf<T> = T extends Tensor | number | boolean | Float32Array | Float64Array ? Tensor
  : T extends readonly (infer U)[] ? TreeOf<U>[] : T extends object ? { [K in keyof T]: TreeOf<T[K]> } : Tensor;

function isLeaf(x: unknown): boolean {
  return x instanceof Tensor || typeof x === 'number' || typeof x === 'boolean' || ArrayBuffer.isView(x) ||
    (Array.isArray(x) && (x.length === 0 || !x.some((e) => Array.isArray(e) ? !isNumericNest(e) : typeof e === 'object' && e !== null && !(e instanceof Tensor)) && isNumericNest(x)));
}
function isNumericNest(x: unknown): boolean {
  return typeof x === 'number' || typeof x === 'boolean' || (Array.isArray(x) && x.every(isNumericNest));
}

/** Maps the leaves of a pytree (nested numeric arrays count as one leaf). */
export function treeMap(tree: unknown, fn: (leaf: unknown, path: string) => unknown, path = ''): unknown {
  if (isLeaf(tree)) return fn(tree, path);
  if (Array.isArray(tree)) return tree.map((t, i) => treeMap(t, fn, `${path}[${i}]`));
  if (tree && typeof tree === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(tree)) out[k] = treeMap(v, fn, path ? `${path}.${k}` : k);
    return out;
  }
  throw new TypeError(`unsupported value ${describe(tree)} at ${path || 'the root'} of an argument`);
}

/**
 * Stops gradients: the value of `x`, treated as a constant by `grad` (like
 * `jax.lax.stop_gradient`). Works on pytrees.
 * @example
 * ```ts
 * grad((x) => np.multiply(x, stopGradient(x)))(3); // 3, not 6
 * ```
 */
export function stopGradient<T>(x: T): TreeOf<T> {
  return treeMap(x, (leaf) => {
    const t = asTensor(leaf);
    return new Tensor(t._data, t.shape);
  }) as TreeOf<T>;
}

/** Options of {@link grad} and {@link valueAndGrad}. */
export interface GradOptions {
  /** Which positional argument(s) to differentiate with respect to (default 0). */
  argnums?: number | readonly number[];
  /** `f` returns `[value, aux]`; aux is passed through untouched. */
  hasAux?: boolean;
}

function liftLeaf(leaf: unknown, trace: Trace, where: string): Tensor {
  const t = asTensor(leaf, undefined, where);
  if (!isFloat(t.dtype)) {
    throw new TypeError(`grad requires float inputs; ${where} has dtype ${t.dtype} (convert it with np.astype(x, 'float32'))`);
  }
  const lifted = new Tensor(t._data, t.shape);
  lifted._nodes = t._nodes ? t._nodes.slice(0, trace.level) : [];
  lifted._nodes[trace.level] = trace.leaf(lifted);
  return lifted;
}

/** Maps the tensors in plain arrays/objects of `x` (other values are kept as they are). */
function treeMapTensors(x: unknown, fn: (t: Tensor) => Tensor): unknown {
  if (x instanceof Tensor) return fn(x);
  if (Array.isArray(x)) return x.map((e) => treeMapTensors(e, fn));
  if (x !== null && typeof x === 'object' && Object.getPrototypeOf(x) === Object.prototype) {
    return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, treeMapTensors(v, fn)]));
  }
  return x;
}

/** A fresh tensor without this trace's (or deeper) nodes. */
function detachFrom(t: Tensor, trace: Trace): Tensor {
  const d = new Tensor(ownData(t._data), t.shape);
  if (t._nodes) d._nodes = t._nodes.slice(0, trace.level);
  return d;
}

function backward(trace: Trace, out: Tensor): Map<TapeNode, Tensor> {
  const cts = new Map<TapeNode, Tensor>();
  const root = nodeIn(out, trace);
  if (!root) return cts;
  cts.set(root, new Tensor(out.dtype === 'float32' ? new Float32Array(out.size).fill(1) : new Float64Array(out.size).fill(1), out.shape));
  withoutTrace(trace, () => {
    for (let i = root.id; i >= 0; i--) {
      const node = trace.nodes[i];
      const ct = cts.get(node);
      if (!ct || !node.prim.vjp) continue;
      cts.delete(node); // free memory as we go; leaves keep theirs
      const gs = node.prim.vjp(ct, node.inputs, node.out, node.params, node.parents.map((p) => p !== null));
      node.parents.forEach((p, k) => {
        const g = gs[k];
        if (!p || !g) return;
        if (g.shape.length !== node.inputs[k].shape.length || g.shape.some((d, j) => d !== node.inputs[k].shape[j])) {
          throw new Error(`internal: the VJP of ${node.prim.name} returned shape [${g.shape}] for an input of shape [${node.inputs[k].shape}]`);
        }
        const prev = cts.get(p);
        cts.set(p, prev ? add(prev, g) : g);
      });
    }
  });
  return cts;
}

/**
 * `f` and its gradient, as `jax.value_and_grad`: returns a function giving
 * `[value, gradient]`, where the gradient has the structure of the differentiated
 * argument(s) (a tuple when `argnums` is an array). `f` must return a scalar float tensor.
 * Higher derivatives work by nesting.
 *
 * @example
 * ```ts
 * const f = (x: Tensor) => np.sum(np.square(x));
 * const [v, g] = valueAndGrad(f)(np.array([1, 2, 3])); // v = 14, g = [2, 4, 6]
 * const d2 = grad(grad((x: Tensor) => np.sum(np.power(x, 3))))(2); // 12
 * ```
 */
export function valueAndGrad<A extends unknown[]>(f: (...args: A) => unknown, options: GradOptions = {}): (...args: A) => [Tensor, any] {
  const { argnums = 0, hasAux = false } = options;
  const nums = typeof argnums === 'number' ? [argnums] : [...argnums];
  return (...args: A) => {
    for (const n of nums) {
      if (!Number.isInteger(n) || n < 0 || n >= args.length) {
        throw new RangeError(`grad: argnums ${describe(argnums)} is out of range for a call with ${args.length} argument(s)`);
      }
    }
    return withSlab(() => withTrace((trace) => {
      const callArgs = args.slice() as A;
      const lifted: unknown[] = [];
      for (const n of nums) {
        const tree = treeMap(args[n], (leaf, path) => liftLeaf(leaf, trace, `argument ${n}${path ? ' at ' + path : ''}`));
        callArgs[n] = tree;
        lifted.push(tree);
      }
      const res = f(...callArgs);
      let value: unknown = res, aux: unknown;
      if (hasAux) {
        if (!Array.isArray(res) || res.length !== 2) throw new TypeError('grad with hasAux: f must return [value, aux]');
        [value, aux] = res;
      }
      const out = value instanceof Tensor ? value : asTensor(value as number);
      if (out.size !== 1 || out.shape.length !== 0) {
        throw new TypeError(`grad requires f to return a scalar (shape []); it returned shape [${out.shape.join(', ')}]`);
      }
      if (!isFloat(out.dtype)) throw new TypeError(`grad requires f to return a float; it returned ${out.dtype}`);
      const cts = backward(trace, out);
      const grads = lifted.map((tree) => treeMap(tree, (leaf) => {
        const t = leaf as Tensor;
        const ct = cts.get(nodeIn(t, trace)!);
        return ct ? detachFrom(ct, trace) : new Tensor(t.dtype === 'float32' ? new Float32Array(t.size) : new Float64Array(t.size), t.shape);
      }));
      const g = typeof argnums === 'number' ? grads[0] : grads;
      const v = detachFrom(out, trace);
      const auxOut = hasAux ? treeMapTensors(aux, (t) => (ownData(t._data) === t._data ? t : detachFrom(t, trace))) : aux;
      return (hasAux ? [[v, auxOut], g] : [v, g]) as [Tensor, any];
    }));
  };
}

/**
 * The gradient of a scalar function, as `jax.grad`.
 * @example
 * ```ts
 * grad((x: Tensor) => np.sum(np.exp(x)))([0, 1]); // [1, e]
 * grad((w, b) => loss(w, b), { argnums: [0, 1] })(w, b); // [dw, db]
 * ```
 */
export function grad<A extends unknown[]>(f: (...args: A) => unknown, options: GradOptions = {}): (...args: A) => any {
  const vg = valueAndGrad(f, options);
  return (...args: A) => vg(...args)[1];
}
