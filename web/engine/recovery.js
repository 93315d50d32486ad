// After a crash of the page's one worker (engine.js, EngineHost.crashed): a new worker, each
// Session loaded from its last checkpoint (the exact-resume format of session.save(), sent with
// answers, see worker.js), then the calls that were in flight or asked for meanwhile, except
// the one that trapped (rejected already); each engine's onRecovered(message) tells its
// playground. A worker that fails again and again (MAX_RESTARTS within RESTART_WINDOW_MS) is
// given up: every engine's onFatal(message) is called.
const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 30000;

export function recover(host, message) {
  const now = performance.now();
  host.restarts = host.restarts.filter((t) => now - t < RESTART_WINDOW_MS);
  if (host.restarts.length >= MAX_RESTARTS) {
    host.failAll(message);
    return;
  }
  host.restarts.push(now);
  host.recovering = false;
  const held = [...host.calls.entries()];
  host.calls.clear();
  host.frameBusy = false;
  // Each session first comes back from its checkpoint, then gets the calls it was waiting on.
  for (const engine of host.engines.values()) {
    if (engine.checkpoint === null) continue;
    host.send(host.nextId++, { engine, op: 'load', args: { json: engine.checkpoint, classNames: engine.classNames },
      resolve: () => engine.onRecovered(message), reject: (error) => engine.fail(`${message}; ${error.message}`) });
  }
  // A frame that was in the worker goes back to the head of the waiting ones.
  host.frames.unshift(...held.filter(([, call]) => call.op === 'frame'));
  for (const [id, call] of held) if (call.op !== 'frame') host.send(id, call);
  host.pump();
  for (const engine of host.engines.values()) if (engine.checkpoint === null) engine.onRecovered(message);
}
