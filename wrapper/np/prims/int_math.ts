/**
 * Integer elementwise arithmetic (int32 and uint32 wrap modulo 2^32, as in XLA). These
 * run as JS loops: integer ops are exact, so there is no numerical contract to share with
 * the wasm core; they are not differentiable (integers carry no gradient).
 */
import { Tensor } from '../tensor.js';
import { allocFor } from '../dtypes.js';

export function intBinary(name: string, a: Tensor, b: Tensor): Tensor {
  const x = a._data, y = b._data, n = x.length;
  const out = allocFor(a.dtype, n);
  switch (name) {
    case 'add': for (let i = 0; i < n; i++) out[i] = x[i] + y[i]; break;
    case 'sub': for (let i = 0; i < n; i++) out[i] = x[i] - y[i]; break;
    case 'mul': for (let i = 0; i < n; i++) out[i] = Math.imul(x[i], y[i]); break;
    case 'max': for (let i = 0; i < n; i++) out[i] = Math.max(x[i], y[i]); break;
    case 'min': for (let i = 0; i < n; i++) out[i] = Math.min(x[i], y[i]); break;
    default: throw new TypeError(`${name} is not defined on ${a.dtype}`);
  }
  return new Tensor(out, a.shape);
}

export function intUnary(name: string, a: Tensor): Tensor {
  const x = a._data, n = x.length;
  const out = allocFor(a.dtype, n);
  switch (name) {
    case 'neg': for (let i = 0; i < n; i++) out[i] = -x[i]; break;
    case 'abs': for (let i = 0; i < n; i++) out[i] = Math.abs(x[i]); break;
    case 'sign': for (let i = 0; i < n; i++) out[i] = Math.sign(x[i]); break;
    case 'square': for (let i = 0; i < n; i++) out[i] = Math.imul(x[i], x[i]); break;
    default: throw new TypeError(`${name} is not defined on ${a.dtype}`);
  }
  return new Tensor(out, a.shape);
}
