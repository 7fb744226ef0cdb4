// Distribution basics (DESIGN.md section 9, item 2): log-probabilities, and the shapes of
// batches, events and samples, as in TFP's "Understanding shapes" walkthrough.
import { init, np, random, tfd } from 'probasm';

export async function main(): Promise<void> {
  await init();
  const normal = new tfd.Normal({ loc: 0, scale: 1 });
  console.log('Normal(0, 1).logProb(0) =', String(normal.logProb(0)));
  console.log('Normal(0, 1).sample(seed=PRNGKey(0)) =', String(normal.sample({ seed: random.PRNGKey(0) })));

  const mvn = new tfd.MultivariateNormalDiag({ loc: np.zeros(5), scaleDiag: np.ones(5) });
  console.log(String(mvn), '-> event', mvn.eventShape, 'batch', mvn.batchShape);

  const batch = new tfd.Normal({ loc: np.ones(5), scale: np.ones(5) });
  console.log(String(batch), '-> event', batch.eventShape, 'batch', batch.batchShape);

  const x = batch.sample([10, 2], { seed: random.key(0) });
  console.log('samples:', x.shape, '-> logProb:', batch.logProb(x).shape);
  const ind = new tfd.Independent(batch, { reinterpretedBatchNdims: 1 });
  console.log(String(ind), '-> logProb of the same samples:', ind.logProb(x).shape);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
