// Where a Chrome trace's time went: self time per event name on the page's main thread and on
// its worker, from the complete ('X') events of a trace Playwright wrote with startTracing.
import { readFileSync } from 'node:fs';

const THREADS = { CrRendererMain: 'main thread', 'DedicatedWorker thread': 'worker' };
const LONG_TASK_MS = 50;
// Scheduler and interrupt wrappers: they enclose work without naming it.
const WRAPPERS = new Set(['RunTask', 'ThreadControllerImpl::RunTask', 'V8.StackGuard', 'V8.HandleInterrupts',
  'V8.InvokeApiInterruptCallbacks']);

// Self time (ms) per event name for each thread of interest, heaviest first, and the span of the
// trace (ms) so that figures can be read as a share of wall time.
export function summarizeTrace(file, top = 8) {
  const { traceEvents: events } = JSON.parse(readFileSync(file, 'utf8'));
  const names = new Map();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name' && THREADS[e.args?.name]) names.set(`${e.pid}:${e.tid}`, THREADS[e.args.name]);
  }
  const byThread = new Map();
  let first = Infinity, last = -Infinity;
  for (const e of events) {
    if (e.ph !== 'X' || typeof e.dur !== 'number') continue;
    first = Math.min(first, e.ts);
    last = Math.max(last, e.ts + e.dur);
    const thread = names.get(`${e.pid}:${e.tid}`);
    if (!thread) continue;
    if (!byThread.has(thread)) byThread.set(thread, []);
    byThread.get(thread).push(e);
  }
  const result = { spanMs: (last - first) / 1000, threads: {}, longTasks: [] };
  for (const [thread, list] of byThread) {
    // Events on one thread nest; an event's self time is its duration minus its children's.
    list.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    const self = new Map();
    const stack = [];
    for (const e of list) {
      while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
      const parent = stack.at(-1);
      if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - e.dur);
      self.set(e.name, (self.get(e.name) ?? 0) + e.dur);
      stack.push(e);
    }
    if (thread === 'main thread') result.longTasks = longTasks(list, first);
    result.threads[thread] = [...self.entries()].map(([name, us]) => ({ name, ms: us / 1000 }))
      .filter((x) => x.ms > 0).sort((a, b) => b.ms - a.ms).slice(0, top);
  }
  return result;
}

// Main-thread tasks over LONG_TASK_MS: when they started (s into the trace) and the named
// events inside that take at least a tenth of them. `list` is sorted by start time.
function longTasks(list, traceStart) {
  const tasks = list.filter((e) => e.name === 'RunTask' && e.dur > LONG_TASK_MS * 1000);
  return tasks.map((task) => ({
    atSeconds: (task.ts - traceStart) / 1e6,
    ms: task.dur / 1000,
    inside: list.filter((e) => e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur && !WRAPPERS.has(e.name) &&
      e.dur >= task.dur / 10).map((e) => `${e.name} ${(e.dur / 1000).toFixed(1)} ms`).slice(0, 6),
  }));
}
