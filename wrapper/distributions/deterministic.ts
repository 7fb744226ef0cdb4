/**
 * The scalar point mass at `loc`, as `tfd.Deterministic` on JAX, with TFP's tolerance:
 * slack = atol + rtol |loc| (atol, rtol >= 0, default 0).
 *
 *   prob(x) = 1 if |x - loc| <= slack else 0;  logProb = log prob (0 or -inf)
 *   cdf(x) = 1 if x >= loc - slack else 0 (survival 1 - cdf, logs of both)
 *   mean = mode = loc, variance = stddev = entropy = 0.
 * NaN x gives prob 0 (the comparison is false), as TFP. Negative atol/rtol are not
 * detected without validateArgs (they shrink the slack; nothing becomes NaN).
 *
 * Provenance: TFP's deterministic.py. Sampling: `loc` broadcast to [n, ...batchShape]; no
 * key is consumed. FULLY_REPARAMETERIZED as TFP (d sample/d loc = 1). A point mass has no
 * bijection from the reals onto its support: TFP's `_default_event_space_bijector` returns
 * None; `experimentalDefaultEventSpaceBijector()` here throws an Error saying so.
 * KL(Deterministic || any distribution) = -logProb(loc) is registered (TFP's rule).
 * (Older TFP releases declared NOT_REPARAMETERIZED; the sample is a differentiable
 * broadcast of loc either way.)
 */
import type { DType } from '../types/dtype.js';
import type { KeyLike } from '../types/random.js';
import { Tensor } from '../np/tensor.js';
import type { ParamInput } from '../util/variable.js';
import type { Bijector } from '../bijectors/bijector.js';
import { softplusLowerBound } from '../bijectors/defaults.js';
import * as np from '../np/index.js';
import { registerKL } from './kl.js';
import { Distribution, type DistributionOptions, type ParameterProperties, type ReparameterizationType } from './distribution.js';

/** Parameters of {@link Deterministic}. */
export interface DeterministicOptions extends DistributionOptions {
  /** The point. */
  loc: ParamInput;
  /** Absolute tolerance (>= 0, default 0). */
  atol?: ParamInput;
  /** Relative tolerance (>= 0, default 0), relative to |loc|. */
  rtol?: ParamInput;
}

/**
 * Point mass at `loc` (with optional tolerances).
 * @example
 * ```ts
 * const d = new tfd.Deterministic({ loc: 2 });
 * d.prob([2, 2.5]);                            // [1, 0]
 * d.sample([3], { seed: random.key(0) });      // [2, 2, 2]
 * new tfd.Deterministic({ loc: 2, atol: 0.5 }).logProb(2.5); // 0
 * ```
 */
export class Deterministic extends Distribution {
  private readonly _dtype: DType;

  constructor(options: DeterministicOptions) {
    super(options ?? {}, 'Deterministic');
    if (options === undefined || options.loc === undefined) throw new TypeError('Deterministic: loc is required, e.g. new Deterministic({ loc: 0 })');
    this._dtype = this.initParams({ loc: options.loc, atol: options.atol, rtol: options.rtol });
    this.assertParam('atol', (v) => v >= 0, 'non-negative');
    this.assertParam('rtol', (v) => v >= 0, 'non-negative');
  }

  /** The point (current value). */
  get loc(): Tensor { return this.param('loc'); }
  /** Absolute tolerance (0 when not given). */
  get atol(): Tensor { return this.hasParam('atol') ? this.param('atol') : np.zeros([], this._dtype); }
  /** Relative tolerance (0 when not given). */
  get rtol(): Tensor { return this.hasParam('rtol') ? this.param('rtol') : np.zeros([], this._dtype); }

  get parameterProperties(): Readonly<Record<string, ParameterProperties>> {
    return {
      loc: { eventNdims: 0 },
      atol: { eventNdims: 0, defaultConstrainingBijector: () => softplusLowerBound(this._dtype), isPreferred: false },
      rtol: { eventNdims: 0, defaultConstrainingBijector: () => softplusLowerBound(this._dtype), isPreferred: false },
    };
  }
  get dtype(): DType { return this._dtype; }
  get reparameterizationType(): ReparameterizationType { return 'FULLY_REPARAMETERIZED'; }
  get eventShape(): number[] { return []; }

  private slack(): Tensor { return np.add(this.atol, np.multiply(this.rtol, np.abs(this.loc))); }

  protected _sampleN(n: number, _seed: KeyLike): Tensor {
    return np.broadcastTo(this.loc, [n, ...this.batchShape]);
  }

  private inside(x: Tensor): Tensor {
    const xx = np.astype(x, this._dtype);
    return np.lessEqual(np.abs(np.subtract(xx, this.loc)), this.slack());
  }
  protected _logProb(x: Tensor): Tensor { return np.where(this.inside(x), np.zeros([], this._dtype), -Infinity); }
  private cdfMask(x: Tensor): Tensor { return np.greaterEqual(np.astype(x, this._dtype), np.subtract(this.loc, this.slack())); }
  protected _cdf(x: Tensor): Tensor { return np.where(this.cdfMask(x), np.ones([], this._dtype), 0); }
  protected _logCdf(x: Tensor): Tensor { return np.where(this.cdfMask(x), np.zeros([], this._dtype), -Infinity); }
  protected _survivalFunction(x: Tensor): Tensor { return np.where(this.cdfMask(x), np.zeros([], this._dtype), 1); }
  protected _logSurvivalFunction(x: Tensor): Tensor { return np.where(this.cdfMask(x), -Infinity, np.zeros([], this._dtype)); }

  protected _mean(): Tensor { return np.broadcastTo(this.loc, this.batchShape); }
  protected _mode(): Tensor { return this._mean(); }
  protected _variance(): Tensor { return np.zeros(this.batchShape, this._dtype); }
  protected _stddev(): Tensor { return np.zeros(this.batchShape, this._dtype); }
  protected _entropy(): Tensor { return np.zeros(this.batchShape, this._dtype); }
  protected _defaultEventSpaceBijector(): Bijector {
    throw new Error('Deterministic has no default event space bijector: its support is a single point (TFP returns None)');
  }
}

// KL(a || b) for a point mass a and any b (TFP's registration): -b.logProb(a.loc).
// (Distribution's constructor is protected, hence the cast to a constructor type.)
registerKL(Deterministic, Distribution as unknown as abstract new (...args: never[]) => Distribution, (a, b) => np.negative(b.logProb(a.loc)));
