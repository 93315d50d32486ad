// What the worker copies out of the engine's grid for one frame. The copies are made at once
// because a view into wasm memory dies when that memory grows. Both functions write into
// `spare` when it has the right length (a buffer the page handed back), else into a new array.

// Joins per-layer memory views of the grid (Session.evaluateGridLayers) into one array, from
// value `skip` of the first view on: the page asks only for the units it draws at full size.
export function joinLayers(views, spare = null, skip = 0) {
  let total = -skip;
  for (const view of views) total += view.length;
  const grid = spare?.length === Math.max(0, total) ? spare : new Float32Array(Math.max(0, total));
  let offset = -skip;
  for (const view of views) {
    if (offset + view.length > 0) grid.set(offset < 0 ? view.subarray(-offset) : view, Math.max(0, offset));
    offset += view.length;
  }
  return grid;
}

// The layers' views as one view when they lie end to end in wasm memory (the engine keeps
// them so), else null: the neurons' maps are then sampled without a copy of every layer.
export function wholeView(views) {
  if (!views.length) return null;
  const first = views[0];
  let end = first.byteOffset;
  for (const view of views) {
    if (view.buffer !== first.buffer || view.byteOffset !== end) return null;
    end += view.byteLength;
  }
  return new Float32Array(first.buffer, first.byteOffset, (end - first.byteOffset) / 4);
}

// The maps of units first..units-1 (grid: units maps of n x n, row 0 at the top) at side x side
// each, every value the grid's nearest to that pixel's centre: the network diagram paints its
// neurons from these, side being a neuron's size in device pixels. At 30 px from a 100 x 100
// grid that is 900 values a neuron instead of 10 000 to send and read.
export function sampleMaps(grid, n, first, side, spare = null) {
  const per = n * n;
  const units = Math.floor(grid.length / per);
  const area = side * side;
  const count = Math.max(0, units - first);
  const maps = spare?.length === count * area ? spare : new Float32Array(count * area);
  const at = new Int32Array(side);
  for (let i = 0; i < side; i++) at[i] = Math.min(n - 1, Math.floor(((i + 0.5) * n) / side));
  for (let u = 0; u < count; u++) {
    const map = (first + u) * per;
    let out = u * area;
    for (let r = 0; r < side; r++) {
      const row = map + at[r] * n;
      for (let c = 0; c < side; c++) maps[out++] = grid[row + at[c]];
    }
  }
  return maps;
}
