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
export { Shift } from './shift.js';
export { Scale } from './scale.js';
export type { ScaleParams } from './scale.js';
export { Power } from './power.js';
export { Square } from './square.js';
export { Reciprocal } from './reciprocal.js';
export { Invert } from './invert.js';
export { Chain } from './chain.js';
export { Tanh } from './tanh.js';
export { Log } from './log.js';
export { NormalCDF } from './normal_cdf.js';
export { ScaleMatvecDiag } from './scale_matvec_diag.js';
export type { ScaleMatvecDiagOptions } from './scale_matvec_diag.js';
export { ScaleMatvecTriL } from './scale_matvec_tril.js';
export type { ScaleMatvecTriLOptions } from './scale_matvec_tril.js';
export { FillTriangular } from './fill_triangular.js';
export type { FillTriangularOptions } from './fill_triangular.js';
export { TransformDiagonal } from './transform_diagonal.js';
export { FillScaleTriL } from './fill_scale_tril.js';
export type { FillScaleTriLOptions } from './fill_scale_tril.js';
export { CholeskyOuterProduct } from './cholesky_outer_product.js';
export { CorrelationCholesky } from './correlation_cholesky.js';
export { SoftmaxCentered } from './softmax_centered.js';
export { Ascending } from './ascending.js';
export { Ordered } from './ordered.js';
export { Reshape } from './reshape.js';
export type { ReshapeOptions } from './reshape.js';
export { Pad } from './pad.js';
export type { PadOptions } from './pad.js';
export { JointMap } from './joint_map.js';
export type { JointBijectors, JointStructure } from './joint_map.js';
