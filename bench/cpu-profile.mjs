// A sampling CPU profile of the page's main thread through the DevTools protocol, reduced to
// the functions with the most self time: which of the page's own functions use the frame.

export async function startProfile(cdp) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });  // microseconds
  await cdp.send('Profiler.start');
}

// Self time (ms) per function, heaviest first. Functions are named with their file and line;
// V8's own entries ('(garbage collector)', '(program)', '(idle)') keep their names.
export async function stopProfile(cdp, top = 10) {
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('Profiler.disable');
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  profile.samples.forEach((id, i) => {
    const { functionName, url, lineNumber } = nodes.get(id).callFrame;
    const file = url ? url.slice(url.lastIndexOf('/') + 1) : '';
    const name = file ? `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}` : functionName;
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const totalMs = (profile.endTime - profile.startTime) / 1000;
  const entries = [...self.entries()].map(([name, us]) => ({ name, ms: us / 1000 }))
    .filter((e) => e.name !== '(idle)').sort((a, b) => b.ms - a.ms).slice(0, top);
  return { totalMs, entries };
}
