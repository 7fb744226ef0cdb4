/**
 * Fused Poisson log-probability from the log rate (TFP's `_log_prob` with
 * interpolate_nondiscrete: `(x == s ? multiply_no_nan(log_rate, s) - lgamma(1 + s) : -inf)
 * - exp(log_rate)`, s = max(x, 0)) and its partials in one pass (kernel
 * assembly/kernels/poisson.ts: formulas, NaN behaviour and the error budget).
 */
import { Tensor } from '../../np/tensor.js';
import * as np from '../../np/index.js';
import { fusedLogProb, type FusedSpec } from './fused_op.js';

const SPEC: FusedSpec = {
  name: 'poisson_log_prob',
  inputs: ['x', 'logRate'],
  kernel: (ex, f32) => (f32 ? ex.poissonLogProbF32 : ex.poissonLogProbF64),
  partials: ([x, logRate], needs) => {
    const s = np.maximum(x, 0);
    const ok = np.equal(x, s);
    const rate = np.exp(logRate);
    return [
      needs[0] ? np.where(ok, np.subtract(logRate, np.digamma(np.add(s, 1))), 0) : null,
      needs[1] ? np.subtract(np.where(ok, s, 0), rate) : null,
    ];
  },
};

/**
 * log Poisson(x | exp(logRate)) through the fused kernel, or `undefined` off the fast path
 * (one float dtype; each input a single value or the full broadcast shape).
 * @example
 * ```ts
 * poissonLogProb(np.array([0, 1]), np.log(np.array(2))); // [-2, log 2 - 2]
 * ```
 */
export function poissonLogProb(x: Tensor, logRate: Tensor): Tensor | undefined {
  return fusedLogProb(SPEC, [x, logRate]);
}
