/**
 * Statistics that are undefined for some parameters (the mean of a Pareto with
 * concentration <= 1, the mode of a Gamma with concentration <= 1, ...), handled as TFP's
 * `allow_nan_stats`: with `allowNanStats` (the default) the undefined entries are NaN (or
 * the family's documented fill value); without it, an Error names the statistic and the
 * condition when any batch member is undefined.
 */
import { Tensor } from '../np/tensor.js';
import * as np from '../np/index.js';

/**
 * `where(defined, value, fill)` broadcast to `batchShape`, or an Error when
 * `allowNanStats` is false and some entry is undefined.
 * @example
 * ```ts
 * undefinedStat({ allowNanStats: true, name: 'Gamma' }, np.greater(c, 1), mode, [], 'mode', 'concentration > 1');
 * ```
 */
export function undefinedStat(
  dist: { readonly allowNanStats: boolean; readonly name: string },
  defined: Tensor, value: Tensor, batchShape: number[], what: string, condition: string, fill = NaN,
): Tensor {
  const d = np.broadcastTo(defined, batchShape);
  if (!dist.allowNanStats) {
    const flags = d.data();
    for (let i = 0; i < flags.length; i++) {
      if (!flags[i]) throw new Error(`${dist.name}: ${what} is undefined unless ${condition} (allowNanStats is false)${flags.length > 1 ? `; batch index ${i}` : ''}`);
    }
  }
  return np.broadcastTo(np.where(d, value, fill), batchShape);
}
