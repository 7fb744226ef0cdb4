/**
 * Fused Gamma(concentration, rate) log-density, TFP's
 * `xlogy(c - 1, x) - rate x - (lgamma(c) - c log rate)`, and its partials in one pass
 * (kernel assembly/kernels/gamma.ts: formulas, NaN behaviour — invalid parameters give
 * NaN — and the error budget against the np-op formula).
 */
import { Tensor } from '../../np/tensor.js';
import * as np from '../../np/index.js';
import { fusedLogProb, type FusedSpec } from './fused_op.js';

const SPEC: FusedSpec = {
  name: 'gamma_log_prob',
  inputs: ['x', 'concentration', 'rate'],
  kernel: (ex, f32) => (f32 ? ex.gammaLogProbF32 : ex.gammaLogProbF64),
  partials: ([x, c, r], needs) => {
    const c1 = np.subtract(c, 1);
    return [
      needs[0] ? np.subtract(np.where(np.equal(c1, 0), 0, np.divide(c1, x)), r) : null,
      needs[1] ? np.subtract(np.add(np.log(x), np.log(r)), np.digamma(c)) : null,
      needs[2] ? np.subtract(np.divide(c, r), x) : null,
    ];
  },
};

/**
 * log Gamma(x | concentration, rate) through the fused kernel, or `undefined` off the
 * fast path (one float dtype; each input a single value or the full broadcast shape).
 * @example
 * ```ts
 * gammaLogProb(np.array([1, 2]), np.array(2), np.array(1)); // [-1, -1.3068528]
 * ```
 */
export function gammaLogProb(x: Tensor, concentration: Tensor, rate: Tensor): Tensor | undefined {
  return fusedLogProb(SPEC, [x, concentration, rate]);
}
