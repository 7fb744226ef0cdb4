/** Everything the package exports, shared by every entry point (index.ts, index.workerd.ts). */
export { init, backend } from './runtime/core.js';
export { config } from './config.js';
export type { ConfigValues } from './config.js';
export { Tensor } from './np/tensor.js';
export * as random from './random/index.js';
export * as np from './np/index.js';
export * as distributions from './distributions/index.js';
export * as tfd from './distributions/index.js';
export * as bijectors from './bijectors/index.js';
export * as tfb from './bijectors/index.js';
export * as mcmc from './mcmc/index.js';
export { Variable, TransformedVariable } from './util/variable.js';
export type { VariableOptions, ParamInput, Deferred } from './util/variable.js';
export { valueAndGradVariables } from './autodiff/variables.js';
export { grad, valueAndGrad, stopGradient } from './autodiff/grad.js';
export type { GradOptions, Pytree } from './autodiff/grad.js';
export type * from './types/index.js';
