/**
 * Fused Normal log-density: `lp = -0.5 (x/scale - loc/scale)^2 - (log scale + log(2 pi)/2)`
 * (TFP's form) and its partials in one pass over linear memory (kernel
 * assembly/kernels/normal.ts). The value is bit for bit the unfused np-op formula in both
 * float32 and float64 and on both builds; partials are the closed forms
 * d/dx = -t/scale, d/dloc = t/scale, d/dscale = (t^2 - 1)/scale with t = (x - loc)/scale.
 * NaN in gives NaN; scale <= 0 gives NaN.
 */
import { Tensor } from '../../np/tensor.js';
import * as np from '../../np/index.js';
import { fusedLogProb, type FusedSpec } from './fused_op.js';

const SPEC: FusedSpec = {
  name: 'normal_log_prob',
  inputs: ['x', 'loc', 'scale'],
  kernel: (ex, f32) => (f32 ? ex.normalLogProbF32 : ex.normalLogProbF64),
  partials: ([x, loc, scale], needs) => {
    const t = np.divide(np.subtract(x, loc), scale);
    const q = np.divide(t, scale);
    return [
      needs[0] ? np.negative(q) : null,
      needs[1] ? q : null,
      needs[2] ? np.divide(np.subtract(np.square(t), 1), scale) : null,
    ];
  },
};

/**
 * log N(x | loc, scale) through the fused kernel, or `undefined` when the inputs are not on
 * the fast path (one float dtype; each input a single value or the full broadcast shape):
 * then use the np-op formula.
 * @example
 * ```ts
 * normalLogProb(np.array([0, 1]), np.array(0), np.array(1)); // [-0.9189385, -1.4189385]
 * ```
 */
export function normalLogProb(x: Tensor, loc: Tensor, scale: Tensor): Tensor | undefined {
  return fusedLogProb(SPEC, [x, loc, scale]);
}
