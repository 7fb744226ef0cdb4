// Joint distributions (DESIGN.md section 9, item 3, second part): one hierarchical model
//   scale ~ HalfNormal(1), loc ~ Normal(0, 1), obs[i] ~ Normal(loc, scale), i = 1..3
// written as a JointDistributionSequential, a JointDistributionNamed and a
// JointDistributionCoroutine. The three draw the same values from the same key (they run the
// parts in the same order and split the key the same way) and give the same logProb.
import { init, np, random, tfd, Tensor } from 'probasm';

// obs | loc, scale: three observations, written to broadcast over leading sample dims.
const obs = (loc: Tensor, scale: Tensor) => new tfd.Independent(
  new tfd.Normal({ loc: np.add(np.expandDims(loc, -1), np.zeros(3)), scale: np.expandDims(scale, -1) }),
  { reinterpretedBatchNdims: 1 });

export async function main(): Promise<void> {
  await init();

  // Sequential: functions get the earlier values, most recent first.
  const jds = new tfd.JointDistributionSequential([
    new tfd.HalfNormal({ scale: 1 }),
    new tfd.Normal({ loc: 0, scale: 1 }),
    (loc: Tensor, scale: Tensor) => obs(loc, scale),
  ]);
  // Named: functions get other parts by parameter name.
  const jdn = new tfd.JointDistributionNamed({
    scale: new tfd.HalfNormal({ scale: 1 }),
    loc: new tfd.Normal({ loc: 0, scale: 1 }),
    obs: (loc: Tensor, scale: Tensor) => obs(loc, scale),
  });
  // Coroutine: a generator yields each part and receives its value; Root marks parts without parents.
  const Root = tfd.JointDistributionCoroutine.Root;
  const jdc = new tfd.JointDistributionCoroutine(function* () {
    const scale: Tensor = yield Root(new tfd.HalfNormal({ scale: 1 }));
    const loc: Tensor = yield Root(new tfd.Normal({ loc: 0, scale: 1 }));
    yield obs(loc, scale);
  });

  for (const jd of [jds, jdn, jdc]) console.log(String(jd));

  const seed = random.key(0);
  // (Model functions above name their parameters loc and scale; the variables here use other
  // names so that no transpiler needs to rename those parameters.)
  const [s, l, y] = jds.sample({ seed }) as Tensor[];
  console.log('Sequential sample: scale =', String(s), ' loc =', String(l), ' obs =', String(y));
  const named = jdn.sample({ seed }) as Record<string, Tensor>;
  console.log('Named sample:      scale =', String(named.scale), ' loc =', String(named.loc), ' obs =', String(named.obs));
  const [cs, cl, co] = jdc.sample({ seed }) as Tensor[];
  console.log('Coroutine sample:  scale =', String(cs), ' loc =', String(cl), ' obs =', String(co));

  console.log('logProb (Sequential):', String(jds.logProb([s, l, y])));
  console.log('logProb (Named):     ', String(jdn.logProb({ scale: s, loc: l, obs: y })));
  console.log('logProb (Coroutine): ', String(jdc.logProb([s, l, y])));
  console.log('logProbParts (Named):', Object.entries(jdn.logProbParts({ scale: s, loc: l, obs: y })).map(([k, v]) => `${k}=${String(v)}`).join(', '));

  // A batch of draws: sampleShape goes in front of every part.
  const batch = jdc.sample([2], { seed: random.key(1) }) as Tensor[];
  console.log('sample([2]) shapes:', batch.map((t) => t.shape), '-> logProb shape', jdc.logProb(batch).shape);

  // Observing obs: the unnormalized posterior of (scale, loc), the target of MCMC.
  const posterior = jdn.experimentalPin({ obs: [0.5, 1.5, 1] });
  console.log('posterior free parts:', posterior.unpinnedNames, '; unnormalizedLogProb(scale=1, loc=1) =',
    String(posterior.unnormalizedLogProb({ scale: 1, loc: 1 })));
  const bij = posterior.experimentalDefaultEventSpaceBijector();
  console.log('unconstrained (0, 0) -> constrained', Object.entries(bij.forward({ scale: 0, loc: 0 })).map(([k, v]) => `${k}=${String(v)}`).join(', '));
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
