// The built package in Chromium: unbundled ESM over http, with and without a strict CSP.
//
// A node:http server on 127.0.0.1 (ephemeral port) serves dist/ and tests-ts/portable/
// (application/wasm for .wasm, text/javascript for .js/.mjs). playwright-core drives
// Debian's /usr/bin/chromium (never a downloaded browser) with a fresh temporary profile,
// opening tests-ts/portable/browser.html, whose module script imports /dist/index.js and
// computes the golden calls on both builds and layouts. Three loads:
//   1. no CSP;
//   2. `Content-Security-Policy: script-src 'self' 'wasm-unsafe-eval'` (strict, wasm allowed);
//   3. `script-src 'self'` (negative control: init() must be refused, which shows the
//      header is really enforced and the inline base64 wasm needs 'wasm-unsafe-eval').
// Exits 77 with SKIP when /usr/bin/chromium is missing (.ci/run installs it).
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, normalize, extname, sep } from 'node:path';
import { ROOT, requireDist, Checks, skip } from '../tests-ts/portable/harness.mjs';
import { checkCollected } from '../tests-ts/portable/golden-check.mjs';

const CHROMIUM = process.env.PROBASM_CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const LAUNCH_TIMEOUT_MS = 60_000;
const PAGE_TIMEOUT_MS = 60_000;
const WATCHDOG_MS = 240_000; // the whole suite, whatever hangs

if (!existsSync(CHROMIUM)) skip(`${CHROMIUM} is not installed (apt-get install -y chromium; .ci/run does this)`);
requireDist(['dist/index.js']);
let chromium;
try { ({ chromium } = await import('playwright-core')); } catch (e) { skip(`playwright-core is not installed (${e.message}): run npm ci`); }

const t = new Checks();
let browser, server;
async function shutdown() {
  if (browser) { const b = browser; browser = undefined; await Promise.race([b.close().catch(() => {}), new Promise((r) => setTimeout(r, 10_000))]); }
  if (server) { server.closeAllConnections?.(); server.close(); server = undefined; }
}
const watchdog = setTimeout(async () => {
  t.fail(`the suite finishes within ${WATCHDOG_MS / 1000} s`);
  await shutdown();
  t.finish();
}, WATCHDOG_MS);

// --- static server ---------------------------------------------------------------------
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json', '.map': 'application/json', '.cjs': 'text/javascript; charset=utf-8' };
const SERVED = ['dist', join('tests-ts', 'portable')];
const CSP = { strict: "script-src 'self' 'wasm-unsafe-eval'", 'no-wasm': "script-src 'self'" };
const misses = [];
server = createServer((req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  const rel = normalize(decodeURIComponent(url.pathname)).replace(/^[/\\]+/, '');
  const file = join(ROOT, rel);
  const inside = SERVED.some((d) => rel === d || rel.startsWith(d + sep));
  if (req.method !== 'GET' || !inside || !file.startsWith(ROOT + sep) || !existsSync(file) || !statSync(file).isFile()) {
    misses.push(`${req.method} ${url.pathname}`);
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
  const csp = CSP[url.searchParams.get('csp')];
  if (csp && extname(file) === '.html') headers['content-security-policy'] = csp;
  res.writeHead(200, headers).end(readFileSync(file));
});
await new Promise((resolve, reject) => { server.on('error', reject); server.listen(0, '127.0.0.1', resolve); });
const origin = `http://127.0.0.1:${server.address().port}`;
console.log(`serving ${ROOT} (dist/, tests-ts/portable/) on ${origin}`);

// --- browser -----------------------------------------------------------------------------
const t0 = Date.now();
try {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, timeout: LAUNCH_TIMEOUT_MS });
} catch (e) {
  t.fail(`chromium launches (${CHROMIUM})`, String(e.message).split('\n').slice(0, 12).join('\n       '));
  await shutdown();
  t.finish();
}
console.log(`--- chromium ${browser.version()} (launched in ${Date.now() - t0} ms)`);

/** Opens the page with the given CSP mode; returns { status, out, logs }. */
async function load(csp) {
  const context = await browser.newContext(); // fresh, cookie-less, cache-less
  const page = await context.newPage();
  const logs = [];
  page.on('console', (m) => logs.push(`console.${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => logs.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => logs.push(`requestfailed: ${r.url()} ${r.failure()?.errorText}`));
  const url = `${origin}/tests-ts/portable/browser.html${csp ? `?csp=${csp}` : ''}`;
  const s = Date.now();
  try {
    await page.goto(url, { timeout: PAGE_TIMEOUT_MS });
    await page.waitForFunction(() => document.getElementById('status')?.textContent !== 'running…', null, { timeout: PAGE_TIMEOUT_MS });
    const status = await page.textContent('#status');
    const text = await page.textContent('#result');
    let out;
    try { out = JSON.parse(text); } catch { out = { error: `not JSON: ${text.slice(0, 500)}` }; }
    return { status, out, logs, ms: Date.now() - s };
  } catch (e) {
    return { status: 'timeout', out: { error: e.message }, logs, ms: Date.now() - s };
  } finally {
    await context.close().catch(() => {});
  }
}

for (const [csp, where] of [[null, 'chromium'], ['strict', "chromium, CSP script-src 'self' 'wasm-unsafe-eval'"]]) {
  const r = await load(csp);
  console.log(`${where}: page finished in ${r.ms} ms (${r.status})`);
  if (!t.ok(r.status === 'done' && !r.out.error, `${where}: the page imports /dist/index.js and runs`,
    [r.out.error, ...r.logs].filter(Boolean).join('\n       '))) continue;
  if (csp === null) console.log(`user agent: ${r.out.userAgent}`);
  checkCollected(t, r.out, { where });
}

{
  const where = "chromium, CSP script-src 'self' (no 'wasm-unsafe-eval')";
  const r = await load('no-wasm');
  console.log(`${where}: page finished in ${r.ms} ms (${r.status}: ${String(r.out.message ?? r.out.error ?? '').split('\n')[0]})`);
  t.ok(r.status === 'error' && /wasm-unsafe-eval|Content Security Policy|CompileError|disallowed/i.test(r.out.message ?? r.out.error ?? ''),
    `${where}: init() is refused (the CSP header is enforced)`,
    `status ${r.status}: ${JSON.stringify(r.out).slice(0, 400)}\n       ${r.logs.join('\n       ')}`);
}

if (misses.length) console.log(`requests answered 404: ${[...new Set(misses)].join(', ')}`);
clearTimeout(watchdog);
await shutdown();
t.finish();
