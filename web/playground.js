// mount(root, options): one complete playground inside `root`. All of its state lives in this
// closure, so any number can run on one page. Data flow: a control reports a change -> the next
// state -> live keys go to engine.set, the rest rebuild with engine.configure -> each animation
// frame asks the worker for one frame (train, metrics, grid) -> the views draw it.
import { SCHEMA, defaultState, engineConfigText } from './state.js';
import { Engine } from './engine.js';
import { buildLayout } from './layout.js';
import { NetworkView } from './network-view.js';
import { FEATURES } from './features.js';

const GRID_SIZE = 100;

// options: { state, onStateChange(state), onEvent(name, detail) }.
export function mount(root, { state: initial = defaultState(), onStateChange = () => {}, onEvent = () => {} } = {}) {
  let state = { ...initial, hidden: [...(initial.hidden ?? [])] };
  if (state.seed === '') state.seed = randomSeed();
  let running = false;
  let generation = 0;        // bumps on every rebuild; frames of an older build are dropped
  let frameInFlight = false;
  let dirty = true;          // something changed while paused: draw one frame
  let hoveredUnit = null;
  let unitCounts = [];
  let lastFrame = null;
  let rafId = 0;
  let destroyed = false;
  let ready = false;
  let frames = 0;            // frames drawn since mount, for benchmarks
  let metrics = { epoch: 0, trainLoss: NaN, testLoss: NaN, trainAccuracy: NaN, testAccuracy: NaN, running: false, frames };
  const readyWaiters = [];

  const engine = new Engine({ onFatal: (message) => { pause(); ui.showError(message); onEvent('error', { message }); } });
  const ui = buildLayout(root, {
    onChange: (key, value) => change(key, value),
    onPlayPause: () => (running ? pause() : play()),
    onStep: () => step(),
    onReset: () => reset(),
    onRegenerate: () => change('seed', randomSeed()),
    onPickDataset: (problem, key) => changeMany({ problem, [problem === 'regression' ? 'regDataset' : 'dataset']: key }),
  });
  const network = new NetworkView(ui.networkContainer, {
    onHoverUnit: (unit) => { hoveredUnit = unit; redrawMap(); },
    onToggleFeature: (key) => toggleFeature(key),
    onShapeChange: (shape) => change('networkShape', shape),
    onEditParam: (index, value) => engine.setParam(index, value).then(() => { dirty = true; }, showError),
  });

  function showError(error) {
    ui.showError(error instanceof Error ? error.message : String(error));
    onEvent('error', { message: String(error?.message ?? error) });
  }

  function randomSeed() {
    return String(Math.floor(Math.random() * 1e5)).padStart(5, '0');
  }

  function toggleFeature(key) {
    const next = !state[key];
    const enabled = FEATURES.filter((f) => (f.key === key ? next : state[f.key])).length;
    if (enabled === 0) {
      ui.showError('At least one input feature must stay on.');
      return;
    }
    change(key, next);
  }

  function change(key, value) {
    changeMany({ [key]: value });
  }

  // Applies several settings at once: live ones go straight to the engine, anything else rebuilds.
  function changeMany(changes) {
    const previous = state;
    state = { ...state, ...changes };
    onStateChange(state);
    const keys = Object.keys(changes);
    if (keys.some((k) => SCHEMA[k]?.engine && !SCHEMA[k].live)) {
      rebuild().catch((error) => {
        state = previous;
        onStateChange(state);
        ui.setValues(state);
        showError(error);
      });
    } else {
      for (const key of keys) if (SCHEMA[key]?.live) engine.set(key, state[key]).catch(showError);
    }
    ui.setValues(state);
    dirty = true;
    if ('showTestData' in changes) ui.output.setShowTest(state.showTestData);
  }

  async function rebuild() {
    const build = ++generation;
    const { points, unitCounts: counts } = await engine.configure(engineConfigText(state));
    if (build !== generation) return;
    unitCounts = counts;
    lastFrame = null;
    hoveredUnit = null;
    ui.output.setPoints(points);
    ui.output.clearChart();
    ui.clearError();
    network.setStructure({
      features: FEATURES.map((f) => ({ ...f, enabled: Boolean(state[f.key]) })),
      hiddenShape: state.networkShape,
      outputs: counts[counts.length - 1],
    });
    dirty = true;
    if (!ready) {
      ready = true;
      readyWaiters.splice(0).forEach((resolve) => resolve());
    }
  }

  function redrawMap() {
    if (!lastFrame) return;
    const n = lastFrame.gridSize;
    const outputUnit = unitCounts.reduce((a, b) => a + b, 0) - 1;
    const unit = hoveredUnit ?? outputUnit;
    const map = lastFrame.grid.subarray(unit * n * n, (unit + 1) * n * n);
    ui.output.drawMap(map, n, state.discretize && unit === outputUnit);
  }

  function draw(frame) {
    lastFrame = frame;
    const m = frame.metrics;
    frames += 1;
    metrics = { epoch: m.epoch, trainLoss: m.trainLoss, testLoss: m.testLoss,
      trainAccuracy: m.trainAccuracy, testAccuracy: m.testAccuracy, running, frames };
    redrawMap();
    network.update({ params: frame.params, grid: frame.grid, gridSize: frame.gridSize });
    ui.showEpoch(m.epoch);
    ui.output.showMetrics(m, state.problem === 'regression');
    ui.output.addLossPoint(m.epoch, m.trainLoss, m.testLoss);
    if (frame.trained > 0) onEvent('epoch', { ...metrics });
    if (m.diverged && running) {
      pause();
      ui.showError(`Training stopped at epoch ${m.epoch}: the loss became infinite or not a number. ` +
        `Lower the learning rate (now ${state.learningRate}) or the regularization rate ` +
        `(now ${state.regularizationRate}), then press reset.`);
      onEvent('diverged', { ...metrics });
    }
  }

  function requestFrame(epochs) {
    frameInFlight = true;
    dirty = false;
    const build = generation;
    return engine.frame(epochs, GRID_SIZE)
      .then((frame) => { if (build === generation && !destroyed) draw({ ...frame, gridSize: GRID_SIZE }); })
      .catch(showError)
      .finally(() => { frameInFlight = false; });
  }

  function tick() {
    rafId = requestAnimationFrame(tick);
    if (!ready || frameInFlight || !(running || dirty)) return;
    requestFrame(running ? 'auto' : 0);
  }

  function play() {
    if (running) return;
    running = true;
    metrics = { ...metrics, running };
    ui.showRunning(true);
    ui.clearError();
    onEvent('play', {});
  }

  function pause() {
    if (!running) return;
    running = false;
    metrics = { ...metrics, running };
    ui.showRunning(false);
    onEvent('pause', {});
  }

  // One epoch, then paused; resolves once that epoch is drawn.
  async function step() {
    pause();
    await whenReady();
    while (frameInFlight) await new Promise((r) => setTimeout(r, 5));
    await requestFrame(1);
  }

  async function reset() {
    pause();
    await whenReady();
    await engine.reset();
    generation++;  // frames computed before the reset are stale
    ui.output.clearChart();
    ui.clearError();
    dirty = true;
  }

  function whenReady() {
    return ready ? Promise.resolve() : new Promise((resolve) => readyWaiters.push(resolve));
  }

  ui.setValues(state);
  onStateChange(state);
  engine.previews(['circle', 'xor', 'gauss', 'spiral', 'reg-plane', 'reg-gauss'])
    .then((previews) => ui.datasets.setPreviews(previews), showError);
  rebuild().catch(showError);
  rafId = requestAnimationFrame(tick);

  return {
    play, pause, step, reset, whenReady,
    get metrics() { return { ...metrics }; },
    get state() { return { ...state, hidden: [...state.hidden] }; },
    // Applies a whole new state (from a changed URL hash or attributes).
    setState(next) {
      const changes = {};
      for (const key of Object.keys(SCHEMA)) {
        if (JSON.stringify(next[key]) !== JSON.stringify(state[key])) changes[key] = next[key];
      }
      if (Object.keys(changes).length) changeMany(changes);
    },
    showMessages(messages) { ui.showError(messages.join('\n')); },
    destroy() {
      destroyed = true;
      cancelAnimationFrame(rafId);
      engine.terminate();
      root.replaceChildren();
    },
  };
}
