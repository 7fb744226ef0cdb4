// The small-model gradient of bench/ops (logistic-regression log-likelihood, X [150, 4],
// w [4, 3], b [3]) timed in a fresh process with ONE build loaded, as an application runs:
// bench/ops.ts spawns `node --import tsx bench/small_grad.ts simd|scalar` and reads the
// JSON line it prints. (bench/ops also times it in-process while alternating both builds,
// which makes every kernel call site serve two wasm instances.)
import { init, np, valueAndGrad, random, type Tensor } from '../wrapper/index.ts';

/** Microseconds per valueAndGrad call: best of `batches` batches of `calls` calls. */
export async function smallGradMicros(simd: boolean, calls = 500, batches = 15): Promise<number> {
  await init({ simd });
  const X = random.normal(random.key(7), [150, 4]);
  const Y = np.oneHot(random.randint(random.key(8), [150], 0, 3), 3);
  const W = np.multiply(random.normal(random.key(9), [4, 3]), 0.5);
  const B = np.array(new Float32Array([0.1, -0.2, 0.05]));
  const ll = (w: Tensor, b: Tensor) => np.sum(np.multiply(Y, np.logSoftmax(np.add(np.matmul(X, w), b))));
  const g = valueAndGrad(ll, { argnums: [0, 1] });
  for (let i = 0; i < 3000; i++) g(W, B);
  let best = Infinity;
  for (let r = 0; r < batches; r++) {
    const t0 = performance.now();
    for (let i = 0; i < calls; i++) g(W, B);
    best = Math.min(best, (performance.now() - t0) / calls);
  }
  return best * 1000;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const simd = process.argv[2] !== 'scalar';
  console.log(JSON.stringify({ simd, micros: await smallGradMicros(simd) }));
}
