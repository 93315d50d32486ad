// Restore: brings a run's settings back exactly (the URL hash it was recorded with) and either
// its weights (the engine's experiment text, kept for the newest runs) or, without them, the
// initial weights of those settings, so that Play trains the run again. Loaded with the panel.
import { parseHash } from '../state/state.js';

// host: the conductor's { settle(), end(state), state(), apply(state), reset(), engine(),
// adoptSettings(result, source) } (see playground/runs-wiring.js).
export async function restoreRun(run, host) {
  const { state, errors } = parseHash(run.hash);
  if (errors.length) throw new Error(errors.map((e) => e.message).join('\n'));
  await host.settle();
  host.end(host.state());   // the run on screen is kept before its settings go
  host.apply(state);
  if (run.weights) host.adoptSettings(await host.engine().load(run.weights), 'experiment');
  else await host.reset();
}
