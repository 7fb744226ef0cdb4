/** Timing helpers shared by the benchmarks. */

/** Best-of-`reps` seconds per call of `fn` (after one warm-up call). */
export function best(fn: () => void, reps: number): number {
  fn();
  let t = Infinity;
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    fn();
    t = Math.min(t, performance.now() - t0);
  }
  return t / 1000;
}
