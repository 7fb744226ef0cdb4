// Runs one example by name: `npm run example prng-walkthrough`.
const name = process.argv[2];
const examples = ['prng-walkthrough', 'basics', 'transformed', 'joint_distributions', 'bijectors', 'zoo', 'pad_eye', 'mcmc_normal', 'iris'];
if (!name || !examples.includes(name)) {
  console.error(`usage: npm run example <name>; names: ${examples.join(', ')}`);
  process.exit(2);
}
const mod = await import(`./${name}.ts`);
await mod.main();
