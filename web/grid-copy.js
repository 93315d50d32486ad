// Joins per-layer memory views of the grid (Session.evaluateGridLayers) into one array: `spare`
// when it has the right length (a buffer the page handed back), else a new one. The copy is
// made at once because a view into wasm memory dies when that memory grows.
export function joinLayers(views, spare = null) {
  let total = 0;
  for (const view of views) total += view.length;
  const grid = spare?.length === total ? spare : new Float32Array(total);
  let offset = 0;
  for (const view of views) {
    grid.set(view, offset);
    offset += view.length;
  }
  return grid;
}
