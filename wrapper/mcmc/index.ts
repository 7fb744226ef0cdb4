/**
 * `mcmc`: TFP's `tfp.mcmc` — transition kernels (TFP's protocol, see kernel.ts), step-size
 * adaptation, transformed kernels, `sampleChain`, and convergence diagnostics.
 */
export { stateParts, fromParts } from './kernel.js';
export type { State, TargetLogProbFn, KernelResults, TransitionKernel } from './kernel.js';
export { effectiveSampleSize, potentialScaleReduction } from './diagnostic.js';
export type { DiagnosticStates, EffectiveSampleSizeOptions, PotentialScaleReductionOptions } from './diagnostic.js';
export { rankNormalizedRhat, rankNormalizedEss } from './rank_normalized.js';
export type { RankNormalizedRhatOptions, RankNormalizedEssOptions } from './rank_normalized.js';
export { targetAndGrads } from './util.js';
export type { TargetAndGrads, PerPart } from './util.js';
export { MetropolisHastings } from './metropolis_hastings.js';
export type { MetropolisHastingsOptions, MetropolisHastingsResults } from './metropolis_hastings.js';
export { HamiltonianMonteCarlo, UncalibratedHamiltonianMonteCarlo } from './hmc.js';
export type { HamiltonianMonteCarloOptions, HamiltonianMonteCarloResults, UncalibratedHamiltonianMonteCarloResults } from './hmc.js';
export { NoUTurnSampler } from './nuts.js';
export type { NoUTurnSamplerOptions, NoUTurnSamplerResults } from './nuts.js';
export { sampleChain, sampleChainAsync } from './sample_chain.js';
export type { SampleChainOptions, SampleChainAsyncOptions, SampleChainResult, SampleChainProgress, Stacked } from './sample_chain.js';
export {
  getInnermost, replaceInnermost, hmcLikeStepSizeGetterFn, hmcLikeStepSizeSetterFn, hmcLikeLogAcceptProbGetterFn,
} from './step_size_adaptation.js';
export type { StepSize, StepSizeGetterFn, StepSizeSetterFn, LogAcceptProbGetterFn } from './step_size_adaptation.js';
export { SimpleStepSizeAdaptation } from './simple_step_size_adaptation.js';
export type { SimpleStepSizeAdaptationOptions, SimpleStepSizeAdaptationResults } from './simple_step_size_adaptation.js';
export { DualAveragingStepSizeAdaptation } from './dual_averaging_step_size_adaptation.js';
export type { DualAveragingStepSizeAdaptationOptions, DualAveragingStepSizeAdaptationResults } from './dual_averaging_step_size_adaptation.js';
export { TransformedTransitionKernel } from './transformed_kernel.js';
export type { TransformedTransitionKernelOptions, TransformedTransitionKernelResults } from './transformed_kernel.js';
export { RandomWalkMetropolis, UncalibratedRandomWalk, randomWalkNormalFn, randomWalkUniformFn } from './random_walk_metropolis.js';
export type { RandomWalkMetropolisOptions, RandomWalkMetropolisResults, UncalibratedRandomWalkResults, NewStateFn } from './random_walk_metropolis.js';
export { MetropolisAdjustedLangevinAlgorithm, UncalibratedLangevin } from './mala.js';
export type { MetropolisAdjustedLangevinAlgorithmOptions, MetropolisAdjustedLangevinAlgorithmResults, UncalibratedLangevinResults } from './mala.js';
export { windowedAdaptiveNuts } from './windowed_adaptive_nuts.js';
export type { WindowedAdaptiveNutsOptions, WindowedAdaptiveNutsResult, WindowedProgress, WindowedTrace } from './windowed_adaptive_nuts.js';
