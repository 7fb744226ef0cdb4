// A TransformedDistribution (DESIGN.md section 9, item 3, first part): a Normal pushed
// through a Sigmoid is a logit-normal on (0, 1); its density includes the bijector's
// log-det-Jacobian, and sampling is the Normal's sample mapped forward (same key).
import { init, random, tfd, tfb } from 'probasm';

export async function main(): Promise<void> {
  await init();
  const base = new tfd.Normal({ loc: 0, scale: 1 });
  const logitNormal = new tfd.TransformedDistribution({ distribution: base, bijector: new tfb.Sigmoid() });
  console.log(String(logitNormal));
  console.log('logProb([0.1, 0.5, 0.9]) =', String(logitNormal.logProb([0.1, 0.5, 0.9])));
  const seed = random.key(0);
  console.log('sample([4]) =', String(logitNormal.sample([4], { seed })));
  console.log('sigmoid of the base sample with the same key =', String(new tfb.Sigmoid().forward(base.sample([4], { seed }))));
  // the same distribution, composed by calling the bijector on the distribution
  const composed = new tfb.Sigmoid()(base);
  console.log('tfb.Sigmoid()(Normal).logProb(0.5) =', String(composed.logProb(0.5)));
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
