// One drawn frame fanned out to the views beside the output map, for the conductor
// (../playground.js, which draws the map itself: hovering a neuron redraws it between frames):
// the diagram, the epoch and speed read-outs, the words for a screen reader, the metrics and
// confusion table, the loss chart, the explanations and the teacher's warnings. It owns the
// confusion view and the speed meter; the frame's arrays stay the conductor's to recycle.
import { ConfusionView } from '../views/confusion-view.js';
import { SpeedMeter } from '../views/speed-meter.js';
import { hiddenActivations } from '../explain/warnings.js';

// The first unit whose full map a frame must carry (the worker sends the units from there on,
// the others only as the diagram's small maps): the outputs, which the output map shows; the
// hovered unit, shown there instead; the first ReLU layer, which the teacher checks for dead
// units. Paused, every unit: few frames come then, and a hovered neuron shows at once.
export function gridFrom({ unitCounts }, hovered, state, running) {
  if (!running || !unitCounts.length) return 0;
  let from = unitCounts.reduce((a, b) => a + b, 0) - unitCounts[unitCounts.length - 1];
  if (hovered !== null && hovered >= 0) from = Math.min(from, hovered);
  const activations = hiddenActivations(state);
  for (let layer = 1, first = unitCounts[0]; layer < unitCounts.length - 1; first += unitCounts[layer++]) {
    if (activations[layer - 1] === 'relu') return Math.min(from, first);
  }
  return from;
}

export class FrameViews {
  // ui: buildLayout's; network: the NetworkView; onError(error) for the explanations' failures.
  constructor({ ui, network, explain, teacher, onError }) {
    Object.assign(this, { ui, network, explain, teacher, onError });
    this.confusion = new ConfusionView(ui.confusion);
    this.speed = new SpeedMeter();
  }

  // frames: frames drawn since mount, counting this one; model: { classes, names }.
  draw(frame, { running, frames, state, model }) {
    const { ui, network } = this;
    const m = frame.metrics;
    const regression = state.problem === 'regression';
    // A picture network's frame (first-layer weights, no maps) has views of its own (images/).
    const pictures = 'inputWeights' in frame;
    // While training, the maps change on every frame and the views read as numbers or curves
    // take turns, each at a quarter of the frame rate on a frame of its own: the links on turn
    // 0, the loss chart on turn 1, the numbers (epoch, speed, losses, accuracy, the confusion
    // table) on turn 2. Paused, every view draws at once (turn -1). Why: text changing 60 times
    // a second is a blur and a curve moving by an epoch is not seen, while 15 times a second
    // still reads as live; and an engine repaints, per tile of the page, the box around all
    // that changed in it (WebKitGTK: 512 px tiles), so the fewer and closer the changes of a
    // frame, the less it repaints (bench/README.md "What a frame repaints").
    const turn = running ? frames % 4 : -1;
    if (!pictures) network.update({ params: frame.params, maps: frame.maps, mapSide: frame.mapSide, styleLinks: turn <= 0,
      grid: frame.grid, gridSize: frame.gridSize });
    const speed = this.speed.add(m.epoch, running);
    if (turn === -1 || turn === 2) {
      ui.showEpoch(m.epoch);
      ui.showSpeed(speed);
      ui.output.showMetrics(m, regression);
      this.confusion.show(frame.confusion, model.classes, state.palette, model.names);
    }
    ui.announcer.update(m, { running, regression });
    // A picture epoch spans many frames: its measurements are placed part-way along it.
    ui.output.addLossPoint(m.epoch + (frame.epochFraction ?? 0), m.trainLoss, m.testLoss, { redraw: turn === -1 || turn === 1,
      trainAccuracy: m.trainAccuracy, testAccuracy: m.testAccuracy });
    if (!pictures) this.explain.onFrame(frame).catch(this.onError);
    this.teacher.onFrame(frame, state);
  }
}
