/**
 * @internal Sampling a distribution at a larger (broadcast) batch shape, with TFP's key use
 * (`tfd.BatchBroadcast._sample_n`, which `tfd.Masked` and `tfd.MixtureSameFamily` sample
 * through): for a base batch shape U and target batch shape T = broadcast(U, T), draw
 * `base.sample([n, prod(T) / prod(U)])` with the key unchanged, then interleave the extra
 * draws into the broadcast dimensions. When T equals U this is `base.sample([n])`.
 */
import type { KeyLike } from '../types/random.js';
import type { Tensor } from '../np/tensor.js';
import * as np from '../np/index.js';
import { broadcastShapes, sizeOf } from '../np/shape.js';
import type { Distribution } from './distribution.js';

/**
 * n draws of `d` at batch shape `batchShape` (which must be a broadcast of `d.batchShape`):
 * shape `[n, ...batchShape, ...d.eventShape]`.
 */
export function sampleBroadcastBatch(d: Distribution, n: number, seed: KeyLike, batchShape: readonly number[]): Tensor {
  const U = d.batchShape, T = [...batchShape], E = d.eventShape;
  const full = broadcastShapes(U, T, `${d.constructor.name}: batch shape`);
  if (full.length !== T.length || full.some((v, i) => v !== T[i])) throw new RangeError(`batch shape [${U.join(', ')}] does not broadcast to [${T.join(', ')}]`);
  if (U.length === T.length && U.every((v, i) => v === T[i])) return d.sample([n], { seed });
  const nu = sizeOf(U), m = nu === 0 ? 0 : Math.floor(sizeOf(T) / nu);
  const x = d.sample([n, m], { seed }); // [n, m, ...U, ...E]
  const r = T.length;
  const Up = [...new Array<number>(r - U.length).fill(1), ...U];
  const extra = T.map((t, i) => (t !== Up[i] ? t : 1));
  const doubled = np.reshape(x, [n, ...extra, ...Up, ...E]);
  const perm = [0];
  for (let i = 0; i < r; i++) perm.push(1 + i, 1 + r + i);
  for (let i = 0; i < E.length; i++) perm.push(1 + 2 * r + i);
  return np.reshape(np.transpose(doubled, perm), [n, ...T, ...E]);
}
