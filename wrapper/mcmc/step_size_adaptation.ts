/**
 * Shared pieces of the step-size adaptation kernels ({@link SimpleStepSizeAdaptation},
 * {@link DualAveragingStepSizeAdaptation}), following TFP's
 * `hmc_like_step_size_getter_fn` / `hmc_like_step_size_setter_fn` /
 * `hmc_like_log_accept_prob_getter_fn` and `unnest.get_innermost`:
 *
 * - Kernel results are searched from the innermost level outwards, where the levels are
 *   reached through `innerResults` (wrapper kernels: adaptation, TransformedTransitionKernel)
 *   and then `acceptedResults` (MetropolisHastings). HMC's step size therefore comes from
 *   `innerResults…acceptedResults.stepSize` and NUTS's from its top-level `stepSize`; the
 *   log accept ratio from MetropolisHastings' (or NUTS's) `logAcceptRatio`.
 * - The log acceptance probability is min(0, logAcceptRatio).
 * - Step sizes broadcast against the state: with `log_accept_prob` of shape [nChains] and a
 *   step-size part of rank r, the leading min(rank(logAcceptProb), rank(state) - r) axes of
 *   the acceptance probabilities are averaged (in probability space, TFP's reduce_logmeanexp).
 *   A scalar step size thus adapts to the mean acceptance over chains; a [nChains, 1] step
 *   size adapts per chain.
 */
import { Tensor } from '../np/tensor.js';
import * as np from '../np/index.js';
import type { KernelResults, TransitionKernel } from './kernel.js';

/** A step size: a number or tensor, or one per state part. */
export type StepSize = number | Tensor | readonly (number | Tensor)[];

/** Reads the step size from (possibly nested) inner-kernel results. */
export type StepSizeGetterFn = (kernelResults: KernelResults) => StepSize;
/** Returns a copy of the (possibly nested) inner-kernel results with a new step size. */
export type StepSizeSetterFn = (kernelResults: KernelResults, newStepSize: StepSize) => KernelResults;
/** Reads log(acceptance probability) (shape [] or [nChains]) from inner-kernel results. */
export type LogAcceptProbGetterFn = (kernelResults: KernelResults) => Tensor;

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !(v instanceof Tensor) && !Array.isArray(v);

/** The chain of nested results, outermost first, through innerResults then acceptedResults. */
function levels(results: KernelResults): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  let r: unknown = results;
  while (isObj(r)) {
    out.push(r);
    r = 'innerResults' in r ? r.innerResults : 'acceptedResults' in r ? r.acceptedResults : undefined;
  }
  return out;
}

/**
 * The innermost value of `field` in nested kernel results (TFP's `unnest.get_innermost`).
 * @example
 * ```ts
 * mcmc.getInnermost(hmcResults, 'stepSize'); // hmcResults.acceptedResults.stepSize
 * ```
 */
export function getInnermost(results: KernelResults, field: string): unknown {
  const ls = levels(results);
  for (let i = ls.length - 1; i >= 0; i--) if (field in ls[i]) return ls[i][field];
  throw new TypeError(`kernel results have no '${field}' field at any level (searched innerResults / acceptedResults)`);
}

/**
 * A copy of nested kernel results with the innermost `field` replaced (TFP's
 * `unnest.replace_innermost`); the inputs are not changed.
 * @example
 * ```ts
 * const r2 = mcmc.replaceInnermost(hmcResults, 'stepSize', 0.05);
 * ```
 */
export function replaceInnermost(results: KernelResults, field: string, value: unknown): KernelResults {
  const ls = levels(results);
  let at = -1;
  for (let i = ls.length - 1; i >= 0; i--) if (field in ls[i]) { at = i; break; }
  if (at < 0) throw new TypeError(`kernel results have no '${field}' field at any level (searched innerResults / acceptedResults)`);
  const clone = (o: Record<string, unknown>, patch: Record<string, unknown>) =>
    Object.assign(Object.create(Object.getPrototypeOf(o) as object | null) as Record<string, unknown>, o, patch);
  let out = clone(ls[at], { [field]: value });
  for (let i = at - 1; i >= 0; i--) {
    const key = 'innerResults' in ls[i] ? 'innerResults' : 'acceptedResults';
    out = clone(ls[i], { [key]: out });
  }
  return out as KernelResults;
}

/**
 * TFP's default step-size getter: the innermost `stepSize` (HMC's acceptedResults, NUTS's top level).
 * @example `mcmc.hmcLikeStepSizeGetterFn(nutsResults) // the step size NUTS used`
 */
export const hmcLikeStepSizeGetterFn: StepSizeGetterFn = (r) => getInnermost(r, 'stepSize') as StepSize;

/**
 * TFP's default step-size setter: replaces the innermost `stepSize`.
 * @example `results = mcmc.hmcLikeStepSizeSetterFn(results, 0.05)`
 */
export const hmcLikeStepSizeSetterFn: StepSizeSetterFn = (r, s) => replaceInnermost(r, 'stepSize', s);

/**
 * TFP's default: min(0, innermost `logAcceptRatio`).
 * @example `mcmc.hmcLikeLogAcceptProbGetterFn(hmcResults) // log acceptance probability per chain`
 */
export const hmcLikeLogAcceptProbGetterFn: LogAcceptProbGetterFn = (r) => {
  const lar = np.asarray(getInnermost(r, 'logAcceptRatio') as Tensor);
  return np.minimum(lar, 0);
};

/** Step size as a list of float tensors, and whether it was a list. */
export function stepSizeParts(s: StepSize, dtype: 'float32' | 'float64'): { parts: Tensor[]; list: boolean } {
  if (Array.isArray(s)) return { parts: (s as (number | Tensor)[]).map((p) => np.asarray(p, p instanceof Tensor ? p.dtype : dtype)), list: true };
  return { parts: [np.asarray(s as number | Tensor, s instanceof Tensor ? s.dtype : dtype)], list: false };
}

/** The float dtype of a state. */
export const stateDtype = (parts: readonly Tensor[]): 'float32' | 'float64' => (parts.some((p) => p.dtype === 'float64') ? 'float64' : 'float32');

/**
 * log(mean(exp(logAcceptProb))) over the leading axes shared by the chains and not by the
 * step size (TFP's num_reduce_dims), then over axes whose sizes differ from the step size's
 * leading axes (kept as length 1), as TFP's dual-averaging `_one_step_part`.
 * @internal
 */
export function reduceLogAcceptProb(logAcceptProb: Tensor, statePart: Tensor, stepSizePart: Tensor, alsoDiffering: boolean): Tensor {
  const nReduce = Math.max(0, Math.min(logAcceptProb.ndim, statePart.ndim - stepSizePart.ndim));
  const axes = Array.from({ length: nReduce }, (_, i) => i);
  let p = np.exp(logAcceptProb);
  if (axes.length) p = np.mean(p, { axis: axes });
  if (alsoDiffering) {
    const differing: number[] = [];
    for (let i = 0; i < p.ndim; i++) if (i >= stepSizePart.ndim || p.shape[i] !== stepSizePart.shape[i]) differing.push(i);
    if (differing.length) p = np.mean(p, { axis: differing, keepdims: true });
  }
  return np.log(p);
}

/** Pads `x` with trailing length-1 axes up to `rank` (TFP's left-aligned broadcasting of chain values). */
export function padRight(x: Tensor, rank: number): Tensor {
  return x.ndim >= rank ? x : np.reshape(x, [...x.shape, ...new Array<number>(rank - x.ndim).fill(1)]);
}

/** Checks a target acceptance probability in (0, 1). */
export function checkTargetAcceptProb(v: unknown, kernel: string): number | Tensor {
  const t = np.asarray(v as number | Tensor);
  for (const x of t.data()) {
    if (!(x > 0 && x < 1)) throw new RangeError(`${kernel}: targetAcceptProb must be in (0, 1); got ${String(x)}`);
  }
  return v as number | Tensor;
}

/** Checks the number of adaptation steps. */
export function checkAdaptationSteps(v: unknown, kernel: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
    throw new RangeError(`${kernel}: numAdaptationSteps must be an integer >= 0; got ${String(v)}`);
  }
  return v;
}

/** The options both step-size adaptation kernels share. */
export interface AdaptationCommonOptions {
  innerKernel: TransitionKernel;
  numAdaptationSteps: number;
  targetAcceptProb?: number | Tensor;
  stepSizeSetterFn?: StepSizeSetterFn;
  stepSizeGetterFn?: StepSizeGetterFn;
  logAcceptProbGetterFn?: LogAcceptProbGetterFn;
}

/**
 * Validates the shared options (naming `name` in errors) and fills TFP's defaults
 * (targetAcceptProb 0.75, the hmcLike getters/setter).
 * @example `const common = adaptationCommon(options, 'SimpleStepSizeAdaptation');`
 */
export function adaptationCommon(options: AdaptationCommonOptions, name: string): Required<AdaptationCommonOptions> {
  if (!options || typeof options !== 'object') throw new TypeError(`${name}: expected an options object`);
  const inner = options.innerKernel;
  if (!inner || typeof inner.oneStep !== 'function') throw new TypeError(`${name}: innerKernel must be a TransitionKernel`);
  return {
    innerKernel: inner,
    numAdaptationSteps: checkAdaptationSteps(options.numAdaptationSteps, name),
    targetAcceptProb: checkTargetAcceptProb(options.targetAcceptProb ?? 0.75, name),
    stepSizeSetterFn: options.stepSizeSetterFn ?? hmcLikeStepSizeSetterFn,
    stepSizeGetterFn: options.stepSizeGetterFn ?? hmcLikeStepSizeGetterFn,
    logAcceptProbGetterFn: options.logAcceptProbGetterFn ?? hmcLikeLogAcceptProbGetterFn,
  };
}
