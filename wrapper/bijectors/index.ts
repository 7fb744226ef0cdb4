/**
 * `bijectors` (also exported as `tfb`): TFP's bijectors — invertible maps with
 * log-det-Jacobians, composable with `Chain` and by calling one on another or on a
 * distribution.
 */
export { Bijector } from './bijector.js';
export type { BijectorOptions, BijectorCommonOptions, BijectorParameterProperties } from './bijector.js';
export { Identity } from './identity.js';
export { Exp } from './exp.js';
export { Softplus } from './softplus.js';
export type { SoftplusOptions } from './softplus.js';
export { Sigmoid } from './sigmoid.js';
export type { SigmoidOptions } from './sigmoid.js';
