/**
 * Implicit reparameterization gradients (Figurnov, Mohamed & Mnih, "Implicit
 * Reparameterization Gradients", NeurIPS 2018), as TFP uses for Gamma, Beta and VonMises.
 *
 * A sample x drawn by a rejection sampler is not a differentiable function of the
 * parameters θ, but it is a quantile: F(x; θ) = u for a fixed u. Differentiating that
 * identity gives dx/dθ = -(∂F/∂θ)(x; θ) / f(x; θ). This module attaches exactly that
 * first derivative to a sample with the surrogate
 *
 *     x = x0 - (F(x0; θ) - stopGradient(F(x0; θ))) / stopGradient(f(x0; θ))
 *
 * whose value is x0 (the numerator is exactly 0) and whose gradient is the implicit one.
 * Second derivatives through samples are not provided (the special functions' second
 * derivatives with respect to their shape parameters raise a clear error). Where f(x0)
 * is 0 or not finite (a sample that underflowed to the edge of the support) the gradient
 * is 0 for that sample instead of inf/NaN. The surrogate is only built when a gradient
 * trace is active, so plain sampling pays nothing.
 */
import { Tensor } from '../np/tensor.js';
import * as np from '../np/index.js';
import { stopGradient } from '../autodiff/grad.js';
import { activeTraces } from '../autodiff/trace.js';

/**
 * Returns `x0` with the implicit reparameterization gradient attached: `cdf(x)` must be
 * differentiable in the parameters (it closes over them); `logPdf(x)` is only evaluated
 * (its gradient is stopped).
 * @example
 * ```ts
 * // inside a family's _sampleN, with x0 a constant tensor of standard gamma draws:
 * const x = implicitReparam(x0, (x) => np.gammainc(alpha, x), (x) => gammaLogPdf(x));
 * ```
 */
export function implicitReparam(x0: Tensor, cdf: (x: Tensor) => Tensor, logPdf: (x: Tensor) => Tensor): Tensor {
  if (activeTraces().length === 0) return x0;
  const F = cdf(x0);
  const pdf = stopGradient(np.exp(logPdf(x0))) as Tensor;
  const good = np.greater(np.where(np.isfinite(pdf), pdf, 0), 0);
  const safePdf = np.where(good, pdf, 1);
  const delta = np.where(good, np.subtract(F, stopGradient(F) as Tensor), 0);
  return np.subtract(x0, np.divide(delta, safePdf));
}
