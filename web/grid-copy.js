// Joins per-layer memory views of the grid (Session.evaluateGridLayers) into one new array. The
// copy is made at once because a view into wasm memory dies when that memory grows.
export function joinLayers(views) {
  let total = 0;
  for (const view of views) total += view.length;
  const grid = new Float32Array(total);
  let offset = 0;
  for (const view of views) {
    grid.set(view, offset);
    offset += view.length;
  }
  return grid;
}
