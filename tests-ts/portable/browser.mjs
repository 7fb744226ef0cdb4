// Page script of tests-ts/portable/browser.html: imports the built default entry
// (/dist/index.js, wasm inlined as base64), computes the golden calls on both builds and
// both layouts (golden-sample.mjs) and writes the JSON into <pre id="result">, then sets
// <p id="status"> to "done" (or "error"). scripts/test-browser.mjs reads and checks it.
import * as probasm from '/dist/index.js';
import { collect } from './golden-sample.mjs';

const status = document.getElementById('status');
const result = document.getElementById('result');
try {
  const out = await collect(probasm);
  out.userAgent = navigator.userAgent;
  result.textContent = JSON.stringify(out);
  status.textContent = 'done';
} catch (e) {
  result.textContent = JSON.stringify({ error: String(e?.stack ?? e), message: String(e?.message ?? e) });
  status.textContent = 'error';
}
