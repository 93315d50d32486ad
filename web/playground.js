// mount(root, options): one complete playground inside `root`, the conductor. All of its state
// lives in this closure, so any number can run on one page. Data flow: a control reports a
// change -> the next state (playground/settings.js) -> live keys go to engine.set, the rest
// rebuild with engine.configure -> each animation frame asks the worker for one frame (train,
// metrics, grid) -> the views draw it. May import every folder but element/ (see web/playground/).
import { SCHEMA, defaultState, engineConfigText } from './state/state.js';
import { Engine } from './engine/engine.js';
import { buildLayout } from './controls/layout.js';
import { NetworkView } from './network/network-view.js';
import { FEATURES } from './state/features.js';
import { DataTools, download } from './controls/data-tools.js';
import { ConfusionView } from './views/confusion-view.js';
import { SpeedMeter } from './views/speed-meter.js';
import { ExplainController } from './explain/explain-controller.js';
import { drawOutputMap, outputsAreProbabilities } from './views/map-drawing.js';
import { FramePacer } from './engine/frame-pacer.js';
import {
  ALL_DATASETS, changesBetween, formatForEngine, haltReason, needsRebuild, nextState, pointRadii, randomSeed,
  withEngineSettings,
} from './playground/settings.js';

const GRID_SIZE = 100;

// options: { state, onStateChange(state), onEvent(name, detail), lazy }. With `lazy` the DOM is
// built at once but the worker starts only at the first setVisible(true) (or step/reset).
export function mount(root, { state: initial = defaultState(), onStateChange = () => {}, onEvent = () => {}, lazy = false } = {}) {
  let state = { ...initial, hidden: [...(initial.hidden ?? [])] };
  if (state.seed === '') state.seed = randomSeed();
  let running = false;
  let generation = 0;        // bumps on every rebuild; frames of an older build are dropped
  let dirty = true;          // something changed while paused: draw one frame
  let hoveredUnit = null;
  let model = { unitCounts: [], classes: 2, points: new Float32Array(0), build: null };
  let lastFrame = null;
  let rafId = 0;
  let destroyed = false;
  let ready = false;
  let frames = 0;            // frames drawn since mount, for benchmarks
  let metrics = { epoch: 0, trainLoss: NaN, testLoss: NaN, trainAccuracy: NaN, testAccuracy: NaN, running: false, frames };
  const readyWaiters = [];
  const speed = new SpeedMeter();

  let started = false;       // start() ran: the worker is up (its first call creates it)
  let onScreen = !lazy;      // false while off screen or in a hidden tab: no frames are asked for
  // The shared worker can die (a trap): engine.js restarts it and loads this session from its
  // last checkpoint. Only a worker that keeps failing is fatal: we then offer Restart.
  let stopped = false;  // the engine died: its calls' errors are noise until Restart
  const newEngine = () => new Engine({
    onFatal: (message) => {
      pause();
      stopped = true;
      ui.showFatal(`${message}.`, restartEngine);
      onEvent('error', { message });
    },
    onRecovered: (message) => {
      const text = `${message}. It was restarted, and this playground resumed from where it was.`;
      ui.showError(text);
      dirty = true;
      onEvent('error', { message: text, recovered: true });
    },
  });
  let engine = newEngine();
  const ui = buildLayout(root, {
    onChange: (key, value) => change(key, value),
    onPlayPause: () => (running ? pause() : play()),
    onStep: () => step(),
    onReset: () => reset(),
    onNewWeights: () => newWeights(),
    onRegenerate: () => change('seed', randomSeed()),
    onPickDataset: (problem, key) => changeMany({ problem, [problem === 'regression' ? 'regDataset' : 'dataset']: key }),
    onMapClick: (click) => mapClicked(click),
    onTour: () => explain.startTour(),
  });
  const network = new NetworkView(ui.networkContainer, {
    onHoverUnit: (unit) => { hoveredUnit = unit; redrawMap(); },
    onToggleFeature: (key) => toggleFeature(key),
    onShapeChange: (shape) => change('networkShape', shape),
    onEditParam: (index, value) => engine.setParam(index, value).then(() => { dirty = true; }, showError),
    onStale: () => { dirty = true; },
  });
  const confusion = new ConfusionView(ui.confusion);
  // Frames carry the generation they were asked in: one asked before a rebuild is dropped.
  const pacer = new FramePacer({
    fetch: (epochs) => {
      const asked = generation;
      const wanted = { gradients: state.showGradients, pointLosses: state.showPointLoss, mapSide: network.mapSide };
      return engine.frame(epochs, GRID_SIZE, wanted)
        .then((frame) => (asked === generation && !destroyed ? { ...frame, gridSize: GRID_SIZE, generation: asked } : null));
    },
    draw: (frame) => { if (frame.generation === generation && !destroyed) draw(frame); },
    discard: (frame) => recycle(frame),
    live: () => running,
  });
  const explain = new ExplainController({ view: network, engine, traceContainer: ui.trace, root,
    onFollow: (index) => ui.output.select(index) });
  explain.decorate(root.ownerDocument ?? document);
  const tools = new DataTools(ui.dataTools, {
    onImportCsv: (text) => restructure(engine.importCsv(text), 'CSV'),
    onExportCsv: () => engine.exportCsv().then((csv) => download(root.ownerDocument ?? document, 'nnplay-data.csv', csv, 'text/csv'), showError),
    onSaveExperiment: () => engine.save().then((json) => download(root.ownerDocument ?? document, 'nnplay-experiment.json', json, 'application/json'), showError),
    onOpenExperiment: (text) => restructure(engine.load(text), 'experiment'),
    onError: (message) => showError(message),
  });

  function showError(error) {
    if (stopped) return;  // keep the Restart message in place
    ui.showError(error instanceof Error ? error.message : String(error));
    onEvent('error', { message: String(error?.message ?? error) });
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
    state = nextState(state, changes);
    onStateChange(state);
    const keys = Object.keys(changes);
    if (!started) {
      // Not started yet: start() configures the engine from the latest state.
    } else if (needsRebuild(keys)) {
      rebuild().catch((error) => {
        state = previous;
        onStateChange(state);
        ui.setValues(state);
        showError(error);
      });
    } else {
      for (const key of keys) if (SCHEMA[key]?.live) engine.set(key, formatForEngine(state[key])).catch(showError);
    }
    ui.setValues(state);
    dirty = true;
    if ('showTestData' in changes) ui.output.setShowTest(state.showTestData);
    if ('palette' in changes || 'showPointLoss' in changes) applyPointStyle();
    if ('numClasses' in changes || 'problem' in changes) refreshPreviews();
  }

  // After the engine's data or network changed: points, classes, loss title, network diagram.
  function applyStructure(result) {
    model = { unitCounts: result.unitCounts, classes: result.classes, points: result.points, build: result.build };
    lastFrame = null;
    hoveredUnit = null;
    ui.output.setPoints(result.points);
    ui.output.select(-1);
    ui.output.setLossTitle(result.lossName, result.lossFormula);
    applyPointStyle();
    tools.setProblem({ classes: result.classes, palette: state.palette });
    network.setStructure({
      features: FEATURES.map((f) => ({ ...f, enabled: Boolean(state[f.key]) })),
      hiddenShape: state.networkShape,
      outputs: result.unitCounts[result.unitCounts.length - 1],
      probabilityOutputs: outputsAreProbabilities(state, result.unitCounts[result.unitCounts.length - 1]),
    });
    explain.setStructure({ labels: FEATURES.filter((f) => state[f.key]).map((f) => f.label),
      lossName: result.lossName, classes: result.classes, palette: state.palette });
    dirty = true;
  }

  async function rebuild() {
    const build = ++generation;
    const result = await engine.configure(engineConfigText(state));
    if (build !== generation) return;
    applyStructure(result);
    ui.output.clearChart();
    ui.clearError();
    if (!ready) {
      ready = true;
      readyWaiters.splice(0).forEach((resolve) => resolve());
      // The first picture at once, not at the next animation frame (measure-memory.mjs: 100 ms).
      if (onScreen && pacer.hasRoom) requestFrame(0);
    }
  }

  // A CSV import or an opened experiment changed the engine's settings: take them into the state.
  function restructure(promise, what) {
    pause();
    promise.then((result) => {
      generation++;
      state = withEngineSettings(state, result.config);
      onStateChange(state);
      ui.setValues(state);
      applyStructure(result);
      ui.output.clearChart();
      ui.clearError();
      refreshPreviews();
      onEvent('data', { source: what });
    }, showError);
  }

  function applyPointStyle() {
    const losses = state.showPointLoss && lastFrame?.pointLosses;
    const radii = losses ? pointRadii(losses) : null;
    ui.output.setPointStyle({ classes: model.classes, palette: state.palette, radii });
    ui.output.setLegend(model.classes, state.palette);
  }

  function redrawMap() {
    if (lastFrame) drawOutputMap(ui.output, lastFrame, { unit: hoveredUnit, unitCounts: model.unitCounts, state });
  }

  function draw(frame) {
    const previous = lastFrame;
    lastFrame = frame;
    const m = frame.metrics;
    frames += 1;
    // The data set thumbnails take tens of ms to draw: after the first picture is painted.
    if (frames === 1) requestAnimationFrame(() => setTimeout(refreshPreviews, 0));
    metrics = { epoch: m.epoch, trainLoss: m.trainLoss, testLoss: m.testLoss,
      trainAccuracy: m.trainAccuracy, testAccuracy: m.testAccuracy, running, frames };
    redrawMap();
    // The maps change every frame. While training, the rest takes turns (every frame when
    // paused): links on one frame in four, numbers and the table on another, the loss chart on
    // every other frame, so that no frame repaints everything at once.
    const turn = running ? frames % 4 : -1;
    network.update({ params: frame.params, maps: frame.maps, mapSide: frame.mapSide, styleLinks: turn <= 0 });
    ui.showEpoch(m.epoch);
    ui.showSpeed(speed.add(m.epoch, running));
    if (turn === -1 || turn === 2) {
      ui.output.showMetrics(m, state.problem === 'regression');
      confusion.show(frame.confusion, model.classes, state.palette);
    }
    ui.output.addLossPoint(m.epoch, m.trainLoss, m.testLoss, { redraw: turn === -1 || turn % 2 === 1 });
    explain.onFrame(frame).catch(showError);
    if (state.showPointLoss) applyPointStyle();
    // The previous frame is drawn and replaced: its arrays go back to the worker for the next
    // frame, so a steady stream of frames allocates nothing (2 MB a frame at 6x8 otherwise).
    if (previous) recycle(previous);
    if (frame.trained > 0) onEvent('epoch', { ...metrics });
    const halt = running ? haltReason(m, state) : null;
    if (halt) {
      pause();
      ui.showError(halt.message);
      onEvent(halt.event, halt.event === 'stopped' ? { ...metrics, reason: m.stopReason } : { ...metrics });
    }
  }

  function recycle(frame) {
    engine.recycle(frame.grid);
    if (frame.maps) engine.recycle(frame.maps);
  }

  function requestFrame(epochs) {
    dirty = false;
    return pacer.request(epochs).catch(showError);
  }

  function tick() {
    rafId = requestAnimationFrame(tick);
    pacer.onAnimationFrame();
    if (!ready || !pacer.hasRoom || !(running || dirty)) return;
    requestFrame(running ? (state.epochsPerFrame === 'auto' ? 'auto' : Number(state.epochsPerFrame)) : 0);
  }

  // In edit mode a click adds a point of the picked class (Shift+click removes the nearest);
  // otherwise a click on a point follows it through the network.
  function mapClicked({ x, y, shift, point }) {
    if (!started) return;
    if (tools.editing) {
      const action = shift ? (point >= 0 ? engine.removePoint(point) : null)
        : engine.addPoint(x, y, tools.label, tools.addAsTest);
      if (action) action.then((result) => { applyStructure(result); onEvent('data', { source: 'edit' }); }, showError);
      return;
    }
    if (point >= 0) {
      pause();  // a followed point is easier to read on still weights; Step moves them
      explain.follow(point, model.points).catch(showError);
    } else {
      explain.unfollow();
    }
    onEvent('select', { point });
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
    dirty = true;  // one more frame, drawn in full, so links and numbers show where training stopped
    ui.showRunning(false);
    onEvent('pause', {});
  }

  // One epoch, then paused; resolves once that epoch is drawn.
  async function step() {
    pause();
    start();
    await whenReady();
    while (pacer.inFlight > 0) await new Promise((r) => setTimeout(r, 5));
    await requestFrame(1);
  }

  async function restart(call) {
    pause();
    start();
    await whenReady();
    await call();
    generation++;  // frames computed before the reset are stale
    ui.output.clearChart();
    ui.clearError();
    dirty = true;
  }

  // After a fatal engine error: a new worker, rebuilt from the current settings.
  function restartEngine() {
    engine.terminate();
    engine = newEngine();
    stopped = false;
    explain.engine = engine;
    ready = false;
    lastFrame = null;
    ui.clearError();
    refreshPreviews();
    rebuild().catch(showError);
  }

  const reset = () => restart(() => engine.reset());
  const newWeights = () => restart(() => engine.newWeights());

  function whenReady() {
    return ready ? Promise.resolve() : new Promise((resolve) => readyWaiters.push(resolve));
  }

  function refreshPreviews() {
    if (!started) return;
    engine.previews(ALL_DATASETS, state.problem === 'classification' ? state.numClasses : 2)
      .then((previews) => ui.datasets.setPreviews(previews, state.numClasses, state.palette), showError);
  }

  // Starts the engine and the first build; later calls do nothing.
  function start() {
    if (started || destroyed) return;
    started = true;
    rebuild().catch(showError);   // the thumbnails follow the first frame (see draw)
  }

  ui.setValues(state);
  onStateChange(state);
  if (!lazy) start();
  if (onScreen) rafId = requestAnimationFrame(tick);

  return {
    play, pause, step, reset, newWeights, whenReady,
    get metrics() { return { ...metrics }; },
    get pointCount() { return model.points.length / 4; },
    // Which engine build the worker loaded: 'simd128', or 'scalar' where SIMD128 is missing.
    get build() { return model.build; },
    // The current engine, for tools and tests (e.g. to simulate a crashed worker).
    get engine() { return engine; },
    // [x, y] of the first training point, for scripts and tests that click on the map.
    firstPoint() { return [model.points[0], model.points[1]]; },
    get classes() { return model.classes; },
    get state() { return { ...state, hidden: [...state.hidden] }; },
    // Applies a whole new state (from a changed URL hash or attributes).
    setState(next) {
      const changes = changesBetween(state, next);
      if (Object.keys(changes).length) changeMany(changes);
    },
    showMessages(messages) { ui.showError(messages.join('\n')); },
    // Whether the playground can be seen (on screen, tab visible). The first `true` starts the
    // engine; while false no frames are asked for, so training halts and resumes where it was.
    setVisible(visible) {
      if (destroyed) return;
      if (visible) start();
      if (visible === onScreen) return;
      onScreen = visible;
      if (visible) rafId = requestAnimationFrame(tick);
      else cancelAnimationFrame(rafId);
    },
    destroy() {
      destroyed = true;
      cancelAnimationFrame(rafId);
      engine.terminate();
      root.replaceChildren();
    },
  };
}
