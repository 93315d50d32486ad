// Loads a part of the page that the first paint does not need (the guided tour, the long
// explanation texts, the share dialog, a followed point's panel): the dist build makes each a
// chunk of its own, fetched relative to nnplay.js on first use. When the fetch fails (offline,
// a blocked file) the error says which part is missing, so the page can show it and keep
// working; a later use tries again.
// load: () => import('./literal.js'), a literal path the bundler can see; what: a few words
// naming the part ("the guided tour").
export async function loadLater(load, what) {
  try {
    return await load();
  } catch (error) {
    throw new Error(`Could not load ${what} (${error?.message ?? error}). Check the connection and try again.`);
  }
}

// Shows a loadLater error in `root`'s message box, if any: the playground's own role=alert line
// (controls/layout.js), not the element's box for attribute problems, which it rewrites.
export function showLoadError(root, error) {
  const box = root?.querySelector?.('.message:not(.attribute-message)');
  if (!box) return;
  box.textContent = error instanceof Error ? error.message : String(error);
  box.hidden = false;
}
