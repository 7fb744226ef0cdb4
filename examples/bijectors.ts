// Bijectors (DESIGN.md section 9, item 6): inverses, composition by calling one bijector on
// another, FillScaleTriL's fill order, Chain, and the log-det-Jacobians TFP defines.
import { init, np, tfb } from 'probasm';

export async function main(): Promise<void> {
  await init();
  console.log('Exp().inverse(1) =', String(new tfb.Exp().inverse(1)));

  const affine = new tfb.Shift(1)(new tfb.Scale(3)); // TFP: tfb.Shift(1.)(tfb.Scale(3.))
  const y = affine.forward(np.ones(5));
  console.log(`${affine.name}.forward(ones(5)) =`, String(y));
  console.log(`${affine.name}.inverse(ones(5)) =`, String(affine.inverse(np.ones(5))));
  console.log('its forwardLogDetJacobian over the event [5] =', String(affine.forwardLogDetJacobian(np.ones(5), 1)));

  const fst = new tfb.FillScaleTriL({ diagBijector: new tfb.Exp(), diagShift: null });
  console.log('FillScaleTriL(Exp, no shift).forward([0, 0, 0]) =', String(fst.forward([0, 0, 0])));
  console.log('FillScaleTriL(Exp, no shift).inverse([[1, 0], [0.5, 2]]) =', String(fst.inverse([[1, 0], [0.5, 2]])));

  console.log('Chain([Exp, Softplus]).forward(-1) =', String(new tfb.Chain([new tfb.Exp(), new tfb.Softplus()]).forward(-1)));
  console.log('Exp().inverse([0, 1, 2, 3]) =', String(new tfb.Exp().inverse([0, 1, 2, 3])));
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
