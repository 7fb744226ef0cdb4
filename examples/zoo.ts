// The learnable-distribution zoo (DESIGN.md section 9, item 9, after TFP's "Learnable
// Distributions Zoo"): trainable multivariate normals and mixtures of them, built from
// Variables and TransformedVariables, each listing its trainableVariables and
// differentiated with respect to them (the negative log-likelihood of a few points).
import { init, np, random, tfd, tfb, Variable, TransformedVariable, valueAndGradVariables, type Tensor } from 'probasm';
import { PadEye } from './pad_eye.ts';

const dims = 2, k = 3;

function describe(title: string, dist: tfd.Distribution, data: Tensor): void {
  console.log(`\n--- ${title}`);
  console.log(String(dist));
  for (const v of dist.trainableVariables) console.log(`  trainable ${v.name}: shape [${v.shape.join(', ')}]`);
  const [nll, grads] = valueAndGradVariables(() => np.negative(np.mean(dist.logProb(data))), dist.trainableVariables);
  console.log(`  mean negative log-likelihood ${(nll.item() as number).toFixed(4)}; gradient norms ${grads.map((g) => Math.sqrt(np.sum(np.square(g)).item() as number).toFixed(4)).join(', ')}`);
}

export async function main(): Promise<void> {
  await init();
  const [kData, kLoc] = random.split(random.key(0));
  const data = np.add(random.normal(kData, [100, dims]), 1);
  const softplus = new tfb.Softplus();

  describe('MVN with a scaled identity scale',
    new tfd.MultivariateNormalDiag({
      loc: new Variable(np.zeros([dims]), { name: 'loc' }),
      scaleDiag: new TransformedVariable(np.ones([1]), softplus, { name: 'scale' }),
    }), data);

  describe('MVN with a diagonal scale',
    new tfd.MultivariateNormalDiag({
      loc: new Variable(np.zeros([dims]), { name: 'loc' }),
      scaleDiag: new TransformedVariable(np.ones([dims]), softplus, { name: 'scale_diag' }),
    }), data);

  const mixture = (scale: 'spherical' | 'diagonal'): tfd.Distribution => new tfd.MixtureSameFamily({
    mixtureDistribution: new tfd.Categorical({ logits: new Variable(np.zeros([k]), { name: 'logits' }) }),
    componentsDistribution: new tfd.MultivariateNormalDiag({
      loc: new Variable(random.normal(kLoc, [k, dims]), { name: 'loc' }),
      scaleDiag: new TransformedVariable(np.ones(scale === 'spherical' ? [k, 1] : [k, dims]), softplus, { name: 'scale' }),
    }),
  });
  describe('mixture of spherical MVNs', mixture('spherical'), data);
  describe('mixture of diagonal MVNs', mixture('diagonal'), data);

  const fillScaleTril = new tfb.FillScaleTriL({ diagBijector: softplus });
  const eyes = np.broadcastTo(np.eye(dims), [k, dims, dims]);
  describe('mixture of full-covariance (TriL) MVNs', new tfd.MixtureSameFamily({
    mixtureDistribution: new tfd.Categorical({ logits: new Variable(np.zeros([k]), { name: 'logits' }) }),
    componentsDistribution: new tfd.MultivariateNormalTriL({
      loc: new Variable(random.normal(kLoc, [k, dims]), { name: 'loc' }),
      scaleTril: new TransformedVariable(eyes, fillScaleTril, { name: 'scale_tril' }),
    }),
  }), data);

  // The first component is fixed (logit 0, loc 0, scale I): Pad bijectors prepend the fixed
  // values, and the user-written PadEye prepends the unconstrained identity scale.
  describe('mixture with its first component fixed', new tfd.MixtureSameFamily({
    mixtureDistribution: new tfd.Categorical({
      logits: new TransformedVariable(np.zeros([k]), new tfb.Pad({ paddings: [[1, 0]] }), { name: 'logits' }),
    }),
    componentsDistribution: new tfd.MultivariateNormalTriL({
      loc: new TransformedVariable(np.zeros([k, dims]), new tfb.Pad({ paddings: [[1, 0]], axis: -2 }), { name: 'loc' }),
      scaleTril: new TransformedVariable(eyes, new tfb.Chain([fillScaleTril, new PadEye(fillScaleTril)]), { name: 'scale_tril' }),
    }),
  }), data);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
