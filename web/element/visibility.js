// Tells elements whether they can be seen: at least partly inside the viewport and in a tab
// that is showing. One IntersectionObserver and one visibilitychange listener serve every
// element on the page. This module imports nothing of the project.

const watched = new Map();   // element -> { callback, intersecting, seen }
let observer = null;

function report(element, entry) {
  const seen = entry.intersecting && document.visibilityState !== 'hidden';
  if (seen === entry.seen) return;
  entry.seen = seen;
  entry.callback(seen, element);
}

function onIntersections(records) {
  for (const record of records) {
    const entry = watched.get(record.target);
    if (!entry) continue;
    entry.intersecting = record.isIntersecting;
    report(record.target, entry);
  }
}

function onTabVisibility() {
  for (const [element, entry] of watched) report(element, entry);
}

// Calls callback(seen) now-ish (once the observer has looked) and whenever `seen` changes.
// Returns a function that stops watching.
export function watchVisibility(element, callback) {
  if (!observer) {
    observer = new IntersectionObserver(onIntersections);
    document.addEventListener('visibilitychange', onTabVisibility);
  }
  watched.set(element, { callback, intersecting: false, seen: undefined });
  observer.observe(element);
  return () => {
    if (!watched.delete(element)) return;
    observer.unobserve(element);
    if (watched.size === 0) {
      observer.disconnect();
      observer = null;
      document.removeEventListener('visibilitychange', onTabVisibility);
    }
  };
}
