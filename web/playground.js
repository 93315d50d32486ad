// mount(root, options): one complete playground inside `root`, the conductor. All of its state
// lives in this closure, so any number can run on one page. Data flow: a control reports a
// change -> the next state (playground/settings.js) -> live keys go to engine.set, the rest
// rebuild with engine.configure -> each animation frame asks the worker for one frame (train,
// metrics, grid) -> the views draw it. May import every folder but element/ (see web/playground/).
import { SCHEMA, defaultState, engineConfigText } from './state/state.js';
import { Engine } from './engine/engine.js';
import { buildLayout } from './controls/layout.js';
import { Teacher } from './explain/teacher.js';
import { NetworkView } from './network/network-view.js';
import { FEATURES } from './state/features.js';
import { ExplainController } from './explain/explain-controller.js';
import { drawOutputMap, holdsUnit } from './views/map-drawing.js';
import { describeRegions } from './views/map-description.js';
import { className } from './state/class-names.js';
import { FramePacer } from './engine/frame-pacer.js';
import { FrameLoop } from './playground/frame-loop.js';
import { networkStructure } from './playground/layer-names.js';
import { wireDataEditing } from './playground/data-editing.js';
import { FrameViews, gridFrom } from './playground/frame-views.js';
import { wireRuns } from './playground/runs-wiring.js';
import { ImageMode, isImageData } from './playground/image-mode.js';
import { WideMode } from './playground/wide-mode.js';
import {
  ALL_DATASETS, changesBetween, formatForEngine, haltReason, needsRebuild, nextState, pointRadii, randomSeed,
  withEngineSettings,
} from './playground/settings.js';

const GRID_SIZE = 100;

// options: { state, onStateChange(state), onEvent(name, detail), lazy, storeRuns }. With `lazy` the DOM is
// built at once but the worker starts only at the first setVisible(true) (or step/reset). storeRuns: a
// name keeps the run history in localStorage; null (the default) keeps it for the page's life only.
export function mount(root, { state: initial = defaultState(), onStateChange = () => {}, onEvent = () => {}, lazy = false, storeRuns = null } = {}) {
  let state = { ...initial, hidden: [...(initial.hidden ?? [])] };
  if (state.seed === '') state.seed = randomSeed();
  let running = false;
  let generation = 0;        // bumps on every rebuild; frames of an older build are dropped
  let model = { unitCounts: [], classes: 2, names: null, lossName: '', points: new Float32Array(0), build: null };
  let lastFrame = null;
  let destroyed = false, hoveredUnit = null, ready = false;
  let frames = 0;            // frames drawn since mount, for benchmarks
  let metrics = { epoch: 0, trainLoss: NaN, testLoss: NaN, trainAccuracy: NaN, testAccuracy: NaN, running: false, frames };
  const readyWaiters = [];

  let started = false;       // start() ran: the worker is up (its first call creates it)
  let onScreen = !lazy;      // false while off screen or in a hidden tab: no frames are asked for
  // Animation frames only while there is something to draw (frame-loop.js says why).
  const loop = new FrameLoop({ onFrame: tick, busy: () => running || !ready, shown: onScreen });
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
      loop.markDirty();
      onEvent('error', { message: text, recovered: true });
    },
  });
  let engine = newEngine();
  const ui = buildLayout(root, {
    onChange: (key, value) => change(key, value),
    onPlayPause: () => (running ? pause() : play()),
    onStep: (unit) => step(unit),
    onReset: () => reset(),
    onNewWeights: () => newWeights(),
    onRegenerate: () => change('seed', randomSeed()),
    onPickDataset: (problem, key) => changeMany({ problem, [problem === 'regression' ? 'regDataset' : 'dataset']: key }),
    onMapClick: (click) => editing.mapClicked(click),
    onTour: () => explain.startTour({ play, stepBatch, showGradients: () => change('showGradients', true),
      follow: () => { pause(); return whenReady().then(() => explain.follow(0, model.points)); } }),
    onDescribeMap: () => lastFrame && ui.mapDescription.show(describeRegions(lastFrame, { unitCounts: model.unitCounts, state }),
      (k) => className(k, model).name),
  });
  const network = new NetworkView(ui.networkContainer, {
    onHoverUnit: (unit) => { hoveredUnit = unit; if (!holdsUnit(lastFrame, unit)) loop.markDirty(); redrawMap(); },
    onToggleFeature: (key) => toggleFeature(key),
    // The view hands an update: applied to the latest state, so quick presses all count.
    onShapeChange: (update) => {
      const shape = update(state.networkShape);
      if (shape !== state.networkShape) change('networkShape', shape);
    },
    onEditParam: (index, value) => engine.setParam(index, value).then(() => loop.markDirty(), showError),
    onStale: () => loop.markDirty(),
  });
  // Frames carry the generation they were asked in: one asked before a rebuild is dropped.
  const pacer = new FramePacer({
    fetch: (epochs) => {
      const asked = generation, from = gridFrom(model, hoveredUnit, state, running);
      const wanted = { gradients: state.showGradients, pointLosses: state.showPointLoss, mapSide: network.mapSide, gridFrom: from };
      return engine.frame(epochs, GRID_SIZE, wanted)
        .then((frame) => (asked === generation && !destroyed ? { ...frame, gridSize: GRID_SIZE, generation: asked } : null));
    },
    draw: (frame) => { if (frame.generation === generation && !destroyed) draw(frame); },
    discard: (frame) => recycle(frame),
    live: () => running,
  });
  const explain = new ExplainController({ view: network, engine, traceContainer: ui.trace, root,
    onFollow: (index) => ui.output.select(index), getState: () => state, onStepBatch: () => stepBatch().catch(showError) });
  explain.decorate(root.ownerDocument ?? document);
  const teacher = new Teacher(ui.warning);
  const views = new FrameViews({ ui, network, explain, teacher, onError: showError });
  const editing = wireDataEditing({ root, ui, explain, pause, showError, onEvent, engine: () => engine,
    started: () => started, points: () => model.points, adoptSettings, applyStructure });
  const { tools } = editing;
  const runs = wireRuns({ root, ui, storeRuns, engine: () => engine, state: () => state, settle, changeMany, restart, adoptSettings, showError });
  const imageMode = new ImageMode({ root, ui, views, engine: () => engine, getState: () => state, change, onError: showError });
  const wideMode = new WideMode({ root, ui, engine: () => engine, onPoints: (p) => { model.points = p; network.forgetInputMaps(); loop.markDirty(); }, onError: showError });

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

  function change(key, value) { changeMany({ [key]: value }); }

  // Applies several settings at once: live ones go straight to the engine, anything else rebuilds.
  function changeMany(changes) {
    const previous = state;
    state = nextState(state, changes);
    onStateChange(state);
    const keys = Object.keys(changes);
    if (!started) {
      // Not started yet: start() configures the engine from the latest state.
    } else if (needsRebuild(keys)) {
      runs.end(previous);
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
    loop.markDirty();
    if ('showTestData' in changes) ui.output.setShowTest(state.showTestData);
    if ('palette' in changes || 'showPointLoss' in changes) applyPointStyle();
    if ('palette' in changes && started && model.unitCounts.length) {
      showNetwork();
      tools.setProblem({ classes: model.classes, names: model.names, palette: state.palette });
    }
    if ('numClasses' in changes || 'problem' in changes) refreshPreviews();
    if ('dataset' in changes || 'problem' in changes) imageMode.sync(state).catch(showError);
  }

  // After the engine's data or network changed: points, classes, loss title, network diagram.
  function applyStructure(result) {
    model = { unitCounts: result.unitCounts, classes: result.classes, names: result.classNames ?? null, wide: result.wide ?? null,
      lossName: result.lossName, points: result.points, build: result.build };
    lastFrame = null;
    hoveredUnit = null;
    ui.forgetWords();
    ui.output.setPoints(result.points);
    ui.origin.show(result.dataEdited, result.points.length / 4, result.source);
    teacher.setStructure(result);
    ui.output.select(-1);
    ui.output.setLossTitle(result.lossName);
    applyPointStyle();
    tools.setProblem({ classes: result.classes, names: model.names, palette: state.palette });
    if (isImageData(state)) imageMode.setStructure(result, state); else wideMode.setStructure(result);
    showNetwork();
    explain.setStructure({ labels: result.wide?.names ?? FEATURES.filter((f) => state[f.key]).map((f) => f.label),
      lossName: result.lossName, classes: result.classes, names: model.names, palette: state.palette });
    loop.markDirty();
  }

  const showNetwork = () => isImageData(state) || network.setStructure(networkStructure(state, model));

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
  function adoptSettings(result, source) {
    runs.end(state, false);
    generation++;
    state = withEngineSettings(state, result.config);
    onStateChange(state);
    ui.setValues(state);
    applyStructure({ ...result, source });
    ui.output.clearChart();
    ui.clearError();
    refreshPreviews();
  }

  function applyPointStyle() {
    const losses = state.showPointLoss && lastFrame?.pointLosses;
    const radii = losses ? pointRadii(losses) : null;
    ui.output.setPointStyle({ classes: model.classes, palette: state.palette, radii });
    ui.output.setLegend(model.classes, state.palette, model.names);
  }

  function redrawMap() {
    if (lastFrame?.grid) drawOutputMap(ui.output, lastFrame, { unit: hoveredUnit, unitCounts: model.unitCounts, state });
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
    redrawMap();  // the maps change every frame; the other views take turns while training
    views.draw(frame, { running, frames, state, model });
    imageMode.draw(frame, { running, frames });
    if (state.showPointLoss) applyPointStyle();
    // The previous frame is drawn and replaced: its arrays go back to the worker for the next
    // frame, so a steady stream of frames allocates nothing (2 MB a frame at 6x8 otherwise).
    if (previous) recycle(previous);
    if (frame.trained > 0) { runs.trained(state); onEvent('epoch', { ...metrics }); }
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
    loop.dirty = false;
    return pacer.request(epochs).catch(showError);
  }

  function tick() {
    pacer.onAnimationFrame();
    if (!ready || !pacer.hasRoom || !(running || loop.dirty)) return;
    const pace = state.epochsPerFrame;
    requestFrame(running ? (pace === 'auto' || pace === 'batch' ? pace : Number(pace)) : 0);
  }

  function play() {
    if (running) return;
    running = true;
    loop.wake();
    runs.play();
    metrics = { ...metrics, running };
    ui.showRunning(true);
    ui.clearError();
    onEvent('play', {});
  }

  function pause() {
    if (!running) return;
    running = false;
    runs.pause();
    metrics = { ...metrics, running };
    loop.markDirty();  // one more frame, drawn in full, so links and numbers show where training stopped
    ui.showRunning(false);
    onEvent('pause', {});
  }

  // Paused, started and with no frame in flight: the state a single step starts from.
  async function settle() {
    pause();
    start();
    await whenReady();
    while (pacer.inFlight > 0) await new Promise((r) => setTimeout(r, 5));
  }

  // One epoch, or with 'batch' one mini-batch (whose update the explanations then show weight
  // by weight), then paused; resolves once it is drawn.
  async function step(unit = 'epoch') {
    if (unit === 'batch') return stepBatch();
    await settle();
    await requestFrame(1);
  }

  // One mini-batch, then paused. Resolves with the engine's { before, after, gradients,
  // learningRate } once it is drawn.
  async function stepBatch() {
    await settle();
    const result = await engine.stepBatches(1);
    await explain.onStepBatch(result);
    await requestFrame(0);
    return result;
  }

  async function restart(call) {
    await settle();
    runs.end(state);
    await call();
    generation++;  // frames computed before the reset are stale
    ui.output.clearChart();
    ui.clearError();
    loop.markDirty();
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

  const whenReady = () => (ready ? Promise.resolve() : new Promise((resolve) => readyWaiters.push(resolve)));

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
  loop.wake();

  return {
    play, pause, step, stepBatch, reset, newWeights, whenReady,
    get metrics() { return { ...metrics }; },
    get pointCount() { return model.points.length / 4; },
    // Which engine build the worker loaded: 'simd128', or 'scalar' where SIMD128 is missing.
    get build() { return model.build; },
    // The current engine, for tools and tests (e.g. to simulate a crashed worker).
    get engine() { return engine; },
    // The explanations (the followed point, the last mini-batch step), for the tour and tests.
    get explain() { return explain; },
    // [x, y, label] of the first training point, for scripts and tests that click on the map.
    firstPoint() { return [model.points[0], model.points[1], model.points[2]]; },
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
      loop.setShown(visible);
    },
    destroy() {
      destroyed = true;
      runs.destroy();
      loop.destroy();
      engine.terminate();
      root.replaceChildren();
    },
  };
}
