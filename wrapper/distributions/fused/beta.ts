/**
 * Fused Beta(concentration1, concentration0) log-density, TFP's
 * `xlogy(a - 1, x) + xlog1py(b - 1, -x) - lbeta(a, b)`, and its partials in one pass
 * (kernel assembly/kernels/beta.ts: formulas, NaN behaviour — invalid concentrations give
 * NaN — and the error budget).
 */
import { Tensor } from '../../np/tensor.js';
import * as np from '../../np/index.js';
import { fusedLogProb, type FusedSpec } from './fused_op.js';

const SPEC: FusedSpec = {
  name: 'beta_log_prob',
  inputs: ['x', 'concentration1', 'concentration0'],
  kernel: (ex, f32) => (f32 ? ex.betaLogProbF32 : ex.betaLogProbF64),
  partials: ([x, a, b], needs) => {
    const a1 = np.subtract(a, 1), b1 = np.subtract(b, 1);
    const pab = needs[1] || needs[2] ? np.digamma(np.add(a, b)) : null;
    return [
      needs[0]
        ? np.subtract(np.where(np.equal(a1, 0), 0, np.divide(a1, x)), np.where(np.equal(b1, 0), 0, np.divide(b1, np.subtract(1, x))))
        : null,
      needs[1] ? np.add(np.subtract(np.log(x), np.digamma(a)), pab!) : null,
      needs[2] ? np.add(np.subtract(np.log1p(np.negative(x)), np.digamma(b)), pab!) : null,
    ];
  },
};

/**
 * log Beta(x | concentration1, concentration0) through the fused kernel, or `undefined`
 * off the fast path (one float dtype; each input a single value or the full broadcast shape).
 * @example
 * ```ts
 * betaLogProb(np.array([0.5]), np.array(2), np.array(2)); // [log 1.5]
 * ```
 */
export function betaLogProb(x: Tensor, concentration1: Tensor, concentration0: Tensor): Tensor | undefined {
  return fusedLogProb(SPEC, [x, concentration1, concentration0]);
}
