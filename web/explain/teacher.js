// Watches the frames a playground draws and says, like a teacher would, when the network is not
// learning (warnings.js decides, warning-note.js shows it next to the output).
import { LossWatch, chanceAccuracy, deadLayers, hiddenActivations, teacherWarning, trainingCells } from './warnings.js';
import { WarningNote } from './warning-note.js';

export class Teacher {
  constructor(container) {
    this.note = new WarningNote(container);
    this.watch = new LossWatch();
    this.lastEpoch = 0;
    this.structure = { unitCounts: [], classes: 2, chance: 0.5, cells: null, gridSize: 0, points: null };
  }

  // After the data or the network changed: what counts as chance, where the data lies.
  setStructure({ unitCounts, classes, points }) {
    this.structure = { unitCounts, classes, points, chance: chanceAccuracy(points, classes), cells: null, gridSize: 0 };
    this.restart();
  }

  // A rebuild, a reset or new weights: the history and a dismissal are forgotten.
  restart() {
    this.watch.clear();
    this.note.clear();
  }

  onFrame(frame, state) {
    const m = frame.metrics;
    const s = this.structure;
    // An epoch count going back is a reset or new weights: a fresh start, as after a rebuild.
    if (m.epoch < this.lastEpoch) this.restart();
    this.lastEpoch = m.epoch;
    if (s.gridSize !== frame.gridSize) Object.assign(s, { gridSize: frame.gridSize, cells: trainingCells(s.points, frame.gridSize) });
    const classification = s.classes > 0;
    if (classification) this.watch.add(m.epoch, m.trainLoss, m.trainAccuracy);
    const dead = deadLayers(frame.grid, frame.gridSize, s.unitCounts, hiddenActivations(state), s.cells, frame.gridFrom ?? 0);
    this.note.show(teacherWarning({ dead, stalled: classification && this.watch.stalled(s.chance), state,
      loss: m.trainLoss, accuracy: m.trainAccuracy, chance: s.chance, epochs: this.watch.epochs }));
  }
}
