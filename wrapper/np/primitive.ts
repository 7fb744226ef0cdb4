import type { DType, Shape } from '../types/dtype.js';
import { Tensor } from './tensor.js';
import { activeTraces, nodeIn, type TapeNode } from '../autodiff/trace.js';

/** The abstract value of a tensor: what shape rules see (no data). */
export interface Aval { readonly shape: readonly number[]; readonly dtype: DType }

/**
 * A primitive operation: everything the system knows about it, declared in one place.
 *
 * - `abstractEval` is the shape/dtype rule (validates and says what comes out), so a
 *   future `vmap` or tracing `jit` can reason about programs without running them;
 * - `impl` computes on concrete tensors with the wasm kernels (inputs already validated);
 * - `vjp` maps the output cotangent to one cotangent per input (null: no gradient flows,
 *   e.g. integer inputs), written with differentiable ops so higher derivatives work.
 *   `needs[i]` says whether input i needs a cotangent at all (rules may skip the others).
 *   Primitives without `vjp` are non-differentiable: their outputs are constants to
 *   autodiff (gradient zero), like comparisons and argmax in JAX; set `noGrad: 'error'`
 *   to make differentiating through them an error instead.
 */
export interface Primitive<P = void> {
  readonly name: string;
  abstractEval(inputs: readonly Aval[], params: P): Aval;
  impl(inputs: readonly Tensor[], params: P, out: Aval): Tensor;
  vjp?(g: Tensor, inputs: readonly Tensor[], out: Tensor, params: P, needs: readonly boolean[]): readonly (Tensor | null)[];
  readonly noGrad?: 'zero' | 'error';
}

/** Declares a primitive (a typed identity: it documents intent and checks the shape). */
export function definePrimitive<P = void>(p: Primitive<P>): Primitive<P> {
  return p;
}

/**
 * Applies a primitive: runs its shape rule and kernel, then records it in every active
 * gradient trace where one of its inputs is live.
 */
export function bind<P>(prim: Primitive<P>, inputs: readonly Tensor[], params: P): Tensor {
  const aval = prim.abstractEval(inputs, params);
  let out = prim.impl(inputs, params, aval);
  if (inputs.includes(out) || out._nodes) out = new Tensor(out._data, out.shape); // outputs are always fresh
  const traces = activeTraces();
  for (let t = 0; t < traces.length; t++) {
    const tr = traces[t];
    let parents: (TapeNode | null)[] | undefined;
    for (let i = 0; i < inputs.length; i++) {
      const node = nodeIn(inputs[i], tr);
      if (node) {
        parents ??= inputs.map(() => null);
        parents[i] = node;
      }
    }
    if (!parents) continue;
    if (!prim.vjp) {
      if (prim.noGrad === 'error') throw new Error(`${prim.name} is not differentiable; wrap its input in stopGradient() if that is intended`);
      continue;
    }
    const node = tr.record(prim, inputs, parents, out, params);
    (out._nodes ??= [])[tr.level] = node;
  }
  return out;
}

/** Shapes equal? */
export function sameShape(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}
