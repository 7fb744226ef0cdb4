/**
 * Gradients with respect to variables (TF's GradientTape use, in JAX's functional style):
 * the variables' values are swapped for traced tensors while `loss()` runs, so every
 * distribution or bijector that reads them is differentiated through.
 */
import { Tensor } from '../np/tensor.js';
import { valueAndGrad } from './grad.js';
import type { Variable } from '../util/variable.js';

/**
 * `loss()` and its gradient with respect to each variable (same order, same shapes).
 * The variables keep their values.
 *
 * @example
 * ```ts
 * const loc = new Variable(0, { name: 'loc' });
 * const d = new tfd.Normal({ loc, scale: 1 });
 * const [nll, [dLoc]] = valueAndGradVariables(() => np.negative(np.sum(d.logProb([1, 2]))), d.trainableVariables);
 * // nll = 4.3378773, dLoc = -3
 * ```
 */
export function valueAndGradVariables(loss: () => Tensor, variables: readonly Variable[]): [Tensor, Tensor[]] {
  if (typeof loss !== 'function') throw new TypeError('valueAndGradVariables: loss must be a function of no arguments returning a scalar tensor');
  if (!Array.isArray(variables) || variables.some((v) => v === null || typeof v !== 'object' || !('_value' in v))) {
    throw new TypeError('valueAndGradVariables: variables must be an array of Variable (e.g. dist.trainableVariables)');
  }
  const f = (values: Tensor[]): Tensor => {
    const saved = variables.map((v) => v._value);
    variables.forEach((v, i) => { v._value = values[i]; });
    try {
      return loss();
    } finally {
      variables.forEach((v, i) => { v._value = saved[i]; });
    }
  };
  const [value, grads] = valueAndGrad(f)(variables.map((v) => v._value));
  return [value, grads as Tensor[]];
}
