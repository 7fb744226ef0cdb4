import type { Tensor } from '../np/tensor.js';

/**
 * One recorded application of a primitive inside a gradient trace: the inputs' nodes
 * (null for inputs that do not depend on the traced arguments), the input and output
 * tensors, and the primitive's parameters, enough to call its VJP rule later.
 */
export interface TapeNode {
  readonly id: number;
  /** The trace that recorded it (a tensor's node is only live in its own trace). */
  readonly trace: Trace;
  readonly prim: PrimitiveLike;
  readonly inputs: readonly Tensor[];
  readonly parents: readonly (TapeNode | null)[];
  readonly out: Tensor;
  readonly params: unknown;
}

/** What the tape needs of a primitive (see np/primitive.ts). */
export interface PrimitiveLike {
  readonly name: string;
  vjp?(g: Tensor, inputs: readonly Tensor[], out: Tensor, params: any, needs: readonly boolean[]): readonly (Tensor | null)[];
}

/**
 * A reverse-mode trace: the nodes recorded while a function runs under `grad`. Traces
 * nest (grad of grad): each has a level, a tensor remembers its node per level, and an
 * operation is recorded in every active trace where one of its inputs is live. VJP rules
 * are written with differentiable operations, so running the backward pass of an inner
 * trace records into the outer ones: that is what makes higher derivatives work.
 */
export class Trace {
  readonly nodes: TapeNode[] = [];
  private nextId = 0;
  constructor(readonly level: number) {}

  record(prim: PrimitiveLike, inputs: readonly Tensor[], parents: readonly (TapeNode | null)[], out: Tensor, params: unknown): TapeNode {
    const node: TapeNode = { id: this.nextId++, trace: this, prim, inputs, parents, out, params };
    this.nodes.push(node);
    return node;
  }

  /** A leaf node for a traced argument. */
  leaf(t: Tensor): TapeNode {
    return this.record(LEAF, [], [], t, undefined);
  }
}

const LEAF: PrimitiveLike = { name: 'leaf' };

const stack: Trace[] = [];

/** A tensor's node in `trace`, if it is live there (stale nodes of ended traces are ignored). */
export function nodeIn(t: Tensor, trace: Trace): TapeNode | undefined {
  const n = t._nodes?.[trace.level];
  return n && n.trace === trace ? n : undefined;
}

/** The active traces, outermost first. */
export function activeTraces(): readonly Trace[] {
  return stack;
}

/** Runs `fn` with a new innermost trace. */
export function withTrace<T>(fn: (trace: Trace) => T): T {
  const trace = new Trace(stack.length);
  stack.push(trace);
  try {
    return fn(trace);
  } finally {
    const top = stack.pop();
    if (top !== trace) throw new Error('internal error: gradient traces unbalanced');
  }
}

/** Runs `fn` with the innermost trace suspended (its backward pass runs outside it). */
export function withoutTrace<T>(trace: Trace, fn: () => T): T {
  const i = stack.indexOf(trace);
  if (i < 0) return fn();
  const removed = stack.splice(i);
  try {
    return fn();
  } finally {
    stack.push(...removed);
  }
}
