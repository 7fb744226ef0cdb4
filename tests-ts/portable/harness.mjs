// Shared plumbing for the suite scripts in scripts/test-{deno,bun,workerd,browser,as}.mjs.
//
// The suite contract (scripts/run-tests.mjs): print your own output, end with
// `RESULT passed=N failed=M`, exit 0 when all passed, 1 on failure, 77 after `SKIP: <reason>`
// when the runtime is missing here. Every child runs in its own process group with a
// deadline; on timeout, on exit and on SIGINT/SIGTERM the whole group is killed, so no
// runtime, server or browser outlives the script.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (this file is tests-ts/portable/harness.mjs). */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const live = new Set(); // child processes still running (each leads its own process group)
const temps = new Set();

function killGroup(child, signal = 'SIGKILL') {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try { process.kill(-child.pid, signal); } catch { try { child.kill(signal); } catch { /* gone */ } }
}
function cleanup() {
  for (const c of live) killGroup(c);
  live.clear();
  for (const d of temps) { try { rmSync(d, { recursive: true, force: true }); } catch { /* best effort */ } }
  temps.clear();
}
process.on('exit', cleanup);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => { cleanup(); process.exit(1); });
}

/** A fresh temporary directory (mode 0700), removed when the script exits. */
export function tempDir(prefix) {
  const d = mkdtempSync(join(tmpdir(), `probasm-${prefix}-`));
  temps.add(d);
  return d;
}

/**
 * Starts `cmd args` in its own process group. Returns { child, done } where `done` resolves
 * to { code, signal, stdout, stderr, timedOut, ms } once it exits or `timeoutMs` passed
 * (then the group is SIGKILLed). `echo` copies its output to ours as it comes.
 */
export function start(cmd, args, { timeoutMs, env, cwd = ROOT, echo = true } = {}) {
  const t0 = Date.now();
  const child = spawn(cmd, args, { cwd, env: env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  live.add(child);
  let stdout = '', stderr = '', timedOut = false;
  child.stdout.setEncoding('utf8').on('data', (s) => { stdout += s; if (echo) process.stdout.write(s); });
  child.stderr.setEncoding('utf8').on('data', (s) => { stderr += s; if (echo) process.stdout.write(s); });
  const timer = timeoutMs ? setTimeout(() => { timedOut = true; killGroup(child); }, timeoutMs) : null;
  const done = new Promise((resolve) => {
    child.on('error', (e) => { stderr += String(e); });
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      live.delete(child);
      killGroup(child); // grandchildren left in the group, if any
      resolve({ code, signal, stdout, stderr, timedOut, ms: Date.now() - t0 });
    });
  });
  return { child, done, stop: () => { killGroup(child); return done; }, output: () => stdout + stderr };
}

/** Runs `cmd args` to completion (bounded by timeoutMs); see {@link start}. */
export function run(cmd, args, opts) {
  return start(cmd, args, opts).done;
}

/** A TCP port free on 127.0.0.1 right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

/** Waits until `probe()` resolves truthy, polling every `everyMs`, or throws after `timeoutMs`. */
export async function waitFor(probe, { timeoutMs = 20000, everyMs = 100, what = 'condition', alive = () => true } = {}) {
  const end = Date.now() + timeoutMs;
  let last;
  while (Date.now() < end) {
    if (!alive()) throw new Error(`gave up waiting for ${what}: the process exited`);
    try { const v = await probe(); if (v) return v; } catch (e) { last = e; }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${last.message}` : ''}`);
}

/** Fails the script unless `dist/` has been built. */
export function requireDist(files = ['dist/index.js']) {
  const missing = files.filter((f) => !existsSync(join(ROOT, f)));
  if (missing.length) {
    console.log(`missing ${missing.join(', ')}: run \`npm run build\` first`);
    finish(0, 1);
  }
}

/** Prints the RESULT line and exits 0 (all passed) or 1. */
export function finish(passed, failed) {
  if (passed + failed === 0) { console.log('no tests ran: counting that as a failure'); failed = 1; }
  console.log(`RESULT passed=${passed} failed=${failed}`);
  cleanup();
  process.exit(failed === 0 ? 0 : 1);
}

/** Prints SKIP and exits 77 (the runtime this suite needs is missing here). */
export function skip(reason) {
  console.log(`SKIP: ${reason}`);
  console.log('RESULT passed=0 failed=0');
  cleanup();
  process.exit(77);
}

/** Tallies named checks and prints each as `ok`/`not ok`. */
export class Checks {
  passed = 0;
  failed = 0;
  ok(cond, name, detail) {
    if (cond) { this.passed++; console.log(`ok     ${name}`); }
    else { this.failed++; console.log(`not ok ${name}${detail ? `\n       ${detail}` : ''}`); }
    return cond;
  }
  equal(actual, expected, name) {
    const a = JSON.stringify(actual), e = JSON.stringify(expected);
    return this.ok(a === e, name, `expected ${e}\n       actual   ${a}`);
  }
  fail(name, detail) { return this.ok(false, name, detail); }
  finish() { finish(this.passed, this.failed); }
}
