// MCMC on a 2-D standard normal (DESIGN.md section 9, item 7): NUTS with step size 0.1 and
// 1000 results, first one chain, then 10 independent chains as a leading batch dimension.
import { init, np, random, mcmc, tfd, type Tensor } from 'probasm';

const target = new tfd.MultivariateNormalDiag({ loc: [0, 0], scaleDiag: [1, 1] });
const targetLogProbFn = (x: Tensor): Tensor => target.logProb(x);

function summarize(label: string, states: Tensor, trace: { isAccepted: Tensor; leapfrogsTaken: Tensor }): void {
  const flat = np.reshape(states, [-1, 2]);
  console.log(`${label}: states ${JSON.stringify(states.shape)}`);
  console.log('  mean', String(np.mean(flat, { axis: 0 })), ' std', String(np.std(flat, { axis: 0 })));
  console.log('  acceptance', (np.mean(np.astype(trace.isAccepted, 'float32')).item() as number).toFixed(3),
    ' mean leapfrogs', (np.mean(np.astype(trace.leapfrogsTaken, 'float32')).item() as number).toFixed(1));
  const ess = states.ndim === 3
    ? mcmc.effectiveSampleSize(states, { crossChainDims: 1 })
    : mcmc.effectiveSampleSize(states);
  console.log('  ESS', String(ess));
  if (states.ndim === 3) console.log('  R-hat (rank-normalized)', String(mcmc.rankNormalizedRhat(states)));
}

export async function main(): Promise<void> {
  await init();
  const kernel = new mcmc.NoUTurnSampler({ targetLogProbFn, stepSize: 0.1 });
  const traceFn = (_: unknown, r: any) => ({ isAccepted: r.isAccepted, leapfrogsTaken: r.leapfrogsTaken });

  const one = mcmc.sampleChain({ numResults: 1000, currentState: np.zeros([2]), kernel, traceFn, seed: random.key(0) });
  summarize('one chain', one.allStates as Tensor, one.trace as any);

  const ten = mcmc.sampleChain({ numResults: 1000, currentState: np.zeros([10, 2]), kernel, traceFn, seed: random.key(1) });
  summarize('10 chains', ten.allStates as Tensor, ten.trace as any);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
