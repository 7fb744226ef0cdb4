/**
 * The shared parameter handling of families given by `logits` or `probs` (exactly one;
 * TFP's convention): `LogitsProbsDistribution` stores them (Categorical,
 * OneHotCategorical and the binary families); `BinaryProbsDistribution` adds the
 * conversions for one success probability (Bernoulli, Binomial, Geometric,
 * NegativeBinomial): `logitsParameter()` = log(p) - log1p(-p), `probsParameter()` = sigmoid(logits).
 */
import type { DType } from '../types/dtype.js';
import type { Tensor } from '../np/tensor.js';
import * as np from '../np/index.js';
import type { ParamInput } from '../util/variable.js';
import { Distribution } from './distribution.js';
import { exactlyOne, requireFloat } from './logits_probs.js';

/**
 * Base of the logits-or-probs families (not exported as a distribution).
 * @example `new tfd.Categorical({ probs: [0.2, 0.8] }).probs // the probs given`
 */
export abstract class LogitsProbsDistribution extends Distribution {
  /** Checks that exactly one of logits/probs is given (floats) and stores them after `extra`; returns the float dtype. */
  protected initLogitsProbs(family: string, options: { logits?: ParamInput | null; probs?: ParamInput | null }, extra: Record<string, ParamInput | undefined> = {}): DType {
    exactlyOne(family, options, 'logits', 'probs');
    requireFloat(family, options.logits ?? undefined, 'logits');
    requireFloat(family, options.probs ?? undefined, 'probs');
    return this.initParams({ ...extra, logits: options.logits ?? undefined, probs: options.probs ?? undefined });
  }

  /** `logits` as given (undefined when constructed with probs). */
  get logits(): Tensor | undefined { return this.hasParam('logits') ? this.param('logits') : undefined; }
  /** `probs` as given (undefined when constructed with logits). */
  get probs(): Tensor | undefined { return this.hasParam('probs') ? this.param('probs') : undefined; }
}

/**
 * Base of the families with one success probability (not exported as a distribution).
 * @example `new tfd.Bernoulli({ probs: 0.25 }).logitsParameter() // log(1/3)`
 */
export abstract class BinaryProbsDistribution extends LogitsProbsDistribution {

  /**
   * Log-odds from whichever parameter was given: log(p) - log1p(-p) from probs.
   * @example `new tfd.Bernoulli({ probs: 0.5 }).logitsParameter() // 0`
   */
  logitsParameter(): Tensor {
    if (this.hasParam('logits')) return this.param('logits');
    const p = this.param('probs');
    return np.subtract(np.log(p), np.log1p(np.negative(p)));
  }

  /**
   * Success probability from whichever parameter was given: sigmoid(logits) from logits.
   * @example `new tfd.Bernoulli({ logits: 0 }).probsParameter() // 0.5`
   */
  probsParameter(): Tensor {
    return this.hasParam('probs') ? this.param('probs') : np.sigmoid(this.param('logits'));
  }
}
