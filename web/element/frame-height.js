// In embed.html (marked <html data-nnplay-embed>), inside an iframe: posts the page's content
// height to the parent whenever it changes, so the parent can size the iframe to fit. The
// message is documented in README.md ("Embed in an iframe"):
//   { type: 'nnplay:height', height: <CSS pixels, an integer> }
// It carries nothing but the height, so it is posted to any origin; the listener snippet
// (snippets.js, heightListenerSnippet) matches it to its own iframe by event.source.
export const HEIGHT_MESSAGE = 'nnplay:height';

export function reportFrameHeight(doc = globalThis.document) {
  const win = doc?.defaultView;
  if (!win || win.parent === win || !doc.documentElement.hasAttribute('data-nnplay-embed')) return null;
  let last = -1;
  const post = () => {
    const height = Math.ceil(doc.body?.getBoundingClientRect().height ?? doc.documentElement.scrollHeight);
    if (height === last) return;
    last = height;
    win.parent.postMessage({ type: HEIGHT_MESSAGE, height }, '*');
  };
  const observer = new ResizeObserver(post);
  const watch = () => { observer.observe(doc.body); post(); };
  if (doc.body) watch();
  else doc.addEventListener('DOMContentLoaded', watch, { once: true });
  return observer;
}
