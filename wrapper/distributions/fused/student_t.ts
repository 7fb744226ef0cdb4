/**
 * Fused StudentT(df, loc, scale) log-density (TFP's `student_t.log_prob`) and its partials
 * in one pass (kernel assembly/kernels/student_t.ts: formulas, NaN behaviour — df <= 0 or
 * scale <= 0 give NaN, where TFP takes log|scale| — and the error budget).
 */
import { Tensor } from '../../np/tensor.js';
import * as np from '../../np/index.js';
import { fusedLogProb, type FusedSpec } from './fused_op.js';

const SPEC: FusedSpec = {
  name: 'student_t_log_prob',
  inputs: ['x', 'df', 'loc', 'scale'],
  kernel: (ex, f32) => (f32 ? ex.studentTLogProbF32 : ex.studentTLogProbF64),
  partials: ([x, df, loc, scale], needs) => {
    const t = np.divide(np.subtract(x, loc), scale);
    const t2 = np.square(t);
    const dft2 = np.add(df, t2);
    const df1 = np.add(df, 1);
    const gx = np.negative(np.divide(np.multiply(df1, t), np.multiply(scale, dft2)));
    const half = (v: Tensor) => np.multiply(0.5, v);
    return [
      needs[0] ? gx : null,
      needs[1]
        ? np.add(np.add(np.negative(half(np.log1p(np.divide(t2, df)))), half(np.divide(np.multiply(df1, t2), np.multiply(df, dft2)))),
          np.subtract(half(np.subtract(np.digamma(half(df1)), np.digamma(half(df)))), np.divide(0.5, df)))
        : null,
      needs[2] ? np.negative(gx) : null,
      needs[3] ? np.divide(np.subtract(np.divide(np.multiply(df1, t2), dft2), 1), scale) : null,
    ];
  },
};

/**
 * log StudentT(x | df, loc, scale) through the fused kernel, or `undefined` off the fast
 * path (one float dtype; each input a single value or the full broadcast shape).
 * @example
 * ```ts
 * studentTLogProb(np.array([0]), np.array(1), np.array(0), np.array(1)); // [-log(pi)]
 * ```
 */
export function studentTLogProb(x: Tensor, df: Tensor, loc: Tensor, scale: Tensor): Tensor | undefined {
  return fusedLogProb(SPEC, [x, df, loc, scale]);
}
