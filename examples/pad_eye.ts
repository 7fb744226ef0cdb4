// The Learnable Distributions Zoo's PadEye (DESIGN.md section 9, item 9): a user-written
// bijector, in a few lines, that keeps the first component of a mixture's scales fixed at
// the identity while the others are trainable — as in TFP's notebook, where TFP "doesn't
// have a concat bijector, so we roll out our own". Also the Pad bijectors that fix the
// first mixture logit and the first location.
import { init, np, tfb, Tensor, TransformedVariable } from 'probasm';

const numTrilRows = (nnz: number): number => Math.round(Math.sqrt(0.25 + 2 * nnz) - 0.5);

/** Prepends `trilFn.inverse(I)` (the unconstrained identity) along the component axis. */
export class PadEye extends tfb.Bijector {
  private readonly trilFn: tfb.Bijector;
  constructor(trilFn: tfb.Bijector = new tfb.FillScaleTriL()) {
    super({ forwardMinEventNdims: 2, inverseMinEventNdims: 2, isConstantJacobian: true, name: 'PadEye' });
    this.trilFn = trilFn;
  }
  protected _forward(x: Tensor): Tensor {
    const n = numTrilRows(x.shape[x.ndim - 1]);
    const eye = np.broadcastTo(np.eye(n, undefined, 0, x.dtype), [...x.shape.slice(0, -2), n, n]);
    return np.concatenate([np.expandDims(this.trilFn.inverse(eye), -2), x], -2);
  }
  protected _inverse(y: Tensor): Tensor {
    return np.slice(y, y.shape.map((_, i) => (i === y.ndim - 2 ? 1 : 0)), y.shape); // y[..., 1:, :]
  }
  protected _forwardLogDetJacobian(x: Tensor): Tensor { return np.zeros([], x.dtype); }
  protected _inverseLogDetJacobian(y: Tensor): Tensor { return np.zeros([], y.dtype); }
  protected _forwardEventShape(s: number[]): number[] { return s.map((d, i) => (i === s.length - 2 ? d + 1 : d)); }
  protected _inverseEventShape(s: number[]): number[] { return s.map((d, i) => (i === s.length - 2 ? d - 1 : d)); }
}

export async function main(): Promise<void> {
  await init();
  const eventSize = 4, numComponents = 3;
  const trilBijector = new tfb.FillScaleTriL({ diagBijector: new tfb.Softplus() });
  const padEye = new PadEye(trilBijector);
  console.log(String(padEye));
  console.log('PadEye.forwardEventShape([2, 10]) =', padEye.forwardEventShape([2, 10]));

  const logits = new TransformedVariable(np.zeros([numComponents]), new tfb.Pad({ paddings: [[1, 0]] }), { name: 'logits' });
  const loc = new TransformedVariable(np.zeros([numComponents, eventSize]), new tfb.Pad({ paddings: [[1, 0]], axis: -2 }), { name: 'loc' });
  const scaleTril = new TransformedVariable(
    np.multiply(10, np.broadcastTo(np.eye(eventSize), [numComponents, eventSize, eventSize])),
    new tfb.Chain([trilBijector, padEye]),
    { name: 'scale_tril' },
  );
  for (const tv of [logits, loc, scaleTril]) {
    for (const v of tv.trainableVariables) console.log(`${tv.name}: trainable ${v.name} shape [${v.shape.join(', ')}] -> value shape [${tv.shape.join(', ')}]`);
  }
  console.log('scale_tril pretransformed:', String(scaleTril.pretransformedInput.value));

  // A step of "training" moves the free numbers; the first component stays the identity.
  const v = scaleTril.pretransformedInput;
  v.assign(np.add(v.value, 0.5));
  const first = np.slice(scaleTril.value, [0, 0, 0], [1, eventSize, eventSize]);
  const second = np.slice(scaleTril.value, [1, 0, 0], [2, eventSize, eventSize]);
  console.log('after the step, component 0 scale =', String(first));
  console.log('after the step, component 1 diagonal =', String(np.diagonal(np.reshape(second, [eventSize, eventSize]))));
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
