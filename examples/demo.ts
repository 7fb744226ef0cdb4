// `npm run demo`: the headline program (Bayesian logistic regression on Iris with NUTS,
// DESIGN.md 9.1) first, then a short tour of the other reference programs.
import { main as iris } from './iris.ts';
import { main as prngWalkthrough } from './prng-walkthrough.ts';
import { main as basics } from './basics.ts';
import { main as transformed } from './transformed.ts';
import { main as jointDistributions } from './joint_distributions.ts';
import { main as bijectors } from './bijectors.ts';
import { main as zoo } from './zoo.ts';
import { main as mcmcNormal } from './mcmc_normal.ts';

console.log('=== Bayesian logistic regression on Iris with NUTS (DESIGN.md 9.1) ===');
await iris();

console.log('\n=== PRNG walkthrough (DESIGN.md 9.10) ===');
await prngWalkthrough();

console.log('\n=== Distribution basics (DESIGN.md 9.2) ===');
await basics();

console.log('\n=== TransformedDistribution (DESIGN.md 9.3) ===');
await transformed();

console.log('\n=== Joint distributions: Sequential, Named, Coroutine (DESIGN.md 9.3) ===');
await jointDistributions();

console.log('\n=== Bijectors (DESIGN.md 9.6) ===');
await bijectors();

console.log('\n=== The learnable-distribution zoo (DESIGN.md 9.9) ===');
await zoo();

console.log('\n=== NUTS on a 2-D standard normal, one chain and 10 chains (DESIGN.md 9.7) ===');
await mcmcNormal();
