/**
 * Shape helpers used by VJP rules and reductions (not part of the public `np` namespace:
 * np/index.ts does not re-export this file).
 */
import { Tensor } from '../tensor.js';
import { bind } from '../primitive.js';
import { reduceSumPrim } from '../prims/reduce.js';
import { reshape } from './shape.js';

/** Sums a broadcast cotangent back to `shape` (the VJP of broadcasting). */
export function sumToShape(g: Tensor, shape: readonly number[]): Tensor {
  if (g.shape.length === shape.length && g.shape.every((d, i) => d === shape[i])) return g;
  const lead = g.shape.length - shape.length;
  const axes: number[] = [];
  for (let i = 0; i < g.shape.length; i++) {
    if (i < lead || (shape[i - lead] === 1 && g.shape[i] !== 1)) axes.push(i);
  }
  const s = axes.length ? bind(reduceSumPrim, [g], { axes }) : g;
  return reshape(s, shape);
}

/** Reinserts reduced axes as length 1 so a reduction's result broadcasts against its input. */
export function keepDims(r: Tensor, inShape: readonly number[], axes: readonly number[]): Tensor {
  return reshape(r, inShape.map((d, i) => (axes.includes(i) ? 1 : d)));
}

