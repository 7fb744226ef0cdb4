/**
 * `random`: JAX's `jax.random` with explicit Threefry keys and JAX's bits.
 * See each function for its exactness guarantee.
 */
export { key, PRNGKey, split, foldIn, keyData } from './key.js';
export { bits } from './bits.js';
export { uniform } from './uniform.js';
export { normal, exponential, gumbel } from './normal.js';
export type { BitsOptions } from './bits.js';
export type { UniformOptions } from './uniform.js';
export type { FloatSampleOptions } from './normal.js';
export { bernoulli, categorical, randint, rademacher } from './discrete.js';
export { permutation, choice } from './permutation.js';
export { truncatedNormal } from './truncated_normal.js';
export { gamma, loggamma, beta, dirichlet } from './gamma.js';
export { poisson } from './poisson.js';
export { multivariateNormal } from './multivariate_normal.js';
export type { BernoulliOptions, CategoricalOptions, RandintOptions, RademacherOptions } from './discrete.js';
export type { PermutationOptions, ChoiceOptions } from './permutation.js';
export type { TruncatedNormalOptions } from './truncated_normal.js';
export type { GammaOptions, BetaOptions, DirichletOptions } from './gamma.js';
export type { PoissonOptions } from './poisson.js';
export type { MultivariateNormalOptions } from './multivariate_normal.js';
