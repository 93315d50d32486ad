// Which map the main heat map shows and how: the output (one unit on the -1..1 scale, or the
// winning class of several), or the neuron under the pointer.
// Sigmoid and softmax outputs lie in [0, 1]: their maps are stretched onto the [-1, 1] colour
// scale, here and in the network diagram.
export function outputsAreProbabilities(state, outputs) {
  return state.problem === 'classification' && (outputs > 1 || state.loss === 'crossEntropy');
}

// Whether `frame` carries unit `unit`'s full map (its grid starts at unit frame.gridFrom).
export const holdsUnit = (frame, unit) => unit === null || unit >= (frame?.gridFrom ?? 0);

// A hovered unit the frame does not carry shows the output until a frame that does comes.
export function drawOutputMap(output, frame, { unit: hovered, unitCounts, state }) {
  const n = frame.gridSize;
  const per = n * n;
  const total = unitCounts.reduce((a, b) => a + b, 0);
  const outputs = unitCounts[unitCounts.length - 1] ?? 1;
  const first = total - outputs;
  const from = frame.gridFrom ?? 0;
  const unit = holdsUnit(frame, hovered) ? hovered : null;
  if (unit === null && outputs > 1) {
    output.drawClasses(frame.grid.subarray((first - from) * per, (first - from + outputs) * per), outputs, n, state.discretize, state.palette);
    return;
  }
  const shown = unit ?? first;
  let map = frame.grid.subarray((shown - from) * per, (shown - from + 1) * per);
  if (shown >= first && outputsAreProbabilities(state, outputs)) {
    map = Float32Array.from(map, (v) => 2 * v - 1);
  }
  output.drawMap(map, n, state.discretize && shown >= first, state.palette);
}
