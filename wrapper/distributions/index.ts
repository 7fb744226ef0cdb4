/**
 * `distributions` (also exported as `tfd`): TFP's distributions with its shape semantics.
 */
export { Distribution } from './distribution.js';
export type { DistributionOptions, ParameterProperties, SampleOptions, ReparameterizationType } from './distribution.js';
export { klDivergence, registerKL } from './kl.js';
export { Normal } from './normal.js';
export type { NormalOptions } from './normal.js';
export { Independent } from './independent.js';
export type { IndependentOptions } from './independent.js';
export { MultivariateNormalDiag } from './mvn_diag.js';
export type { MultivariateNormalDiagOptions } from './mvn_diag.js';
