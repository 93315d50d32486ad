// Child processes the WebKit driver needs (an X server and WebKitWebDriver): started in their
// own process group so that stopping them also stops what they started (MiniBrowser and its
// web processes), and stopped when this Node process exits, even after a failed test.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

const running = new Set();

function killGroup(child, signal) {
  try { process.kill(-child.pid, signal); } catch { /* already gone */ }
}

process.on('exit', () => { for (const child of running) killGroup(child, 'SIGKILL'); });
// A runner that stops this process by signal (node --test on a timeout, Ctrl-C) gets the same
// clean-up; the listener is only there while something runs, so it changes nothing otherwise.
function onSignal(signal) {
  for (const child of running) killGroup(child, 'SIGKILL');
  process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
}
function watchSignals() {
  const on = running.size > 0;
  for (const signal of ['SIGINT', 'SIGTERM']) {
    if (on && !process.listeners(signal).includes(onSignal)) process.on(signal, onSignal);
    if (!on) process.off(signal, onSignal);
  }
}

// Spawns `command` as the leader of a new process group; `stdio` as for child_process.spawn.
export function spawnGroup(command, args, { env = process.env, stdio = 'ignore' } = {}) {
  const child = spawn(command, args, { env, stdio, detached: true });
  running.add(child);
  watchSignals();
  child.once('exit', () => { running.delete(child); watchSignals(); });
  return child;
}

// Stops a process group: SIGTERM, then SIGKILL if it is still there after `graceMs`.
export async function stopGroup(child, graceMs = 2000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  killGroup(child, 'SIGTERM');
  const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
  // Children that left the group's leader behind still get the signal.
  killGroup(child, 'SIGKILL');
}

// A loopback TCP port that was free a moment ago.
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// Starts Xvfb on the first free display (it writes the number it took to a pipe) with a screen
// large enough for a 1920 px window at device-pixel-ratio 2. Resolves to { display, stop }.
export async function startXvfb({ timeoutMs = 10000 } = {}) {
  const child = spawnGroup('Xvfb', ['-displayfd', '3', '-screen', '0', '3840x2400x24', '-nolisten', 'tcp'],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const display = await new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`Xvfb did not start in ${timeoutMs} ms: ${stderr}`)), timeoutMs);
    child.stdio[3].on('data', (d) => {
      text += d;
      if (text.includes('\n')) { clearTimeout(timer); resolve(`:${text.trim()}`); }
    });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`Xvfb exited (${code}): ${stderr}`)); });
  });
  return { display, stop: () => stopGroup(child) };
}

// Polls `probe` (async, resolves truthy when ready) until it succeeds or `timeoutMs` passes.
export async function until(probe, { timeoutMs = 10000, intervalMs = 100, what = 'condition' } = {}) {
  const end = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) { last = error; }
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${last.message}` : ''}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
