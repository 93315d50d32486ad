// The theme switch of a page around playgrounds (the standalone index.html): a button with
// `data-nnplay-theme` cycles follow-the-system -> light -> dark. The choice goes on <html> as
// data-theme (page.css styles the page from it) and into the `theme` attribute of every
// playground marked `data-follow-page-theme`; the attribute itself keeps its meaning. Pages
// without such a button are left alone. The choice is remembered where storage is allowed.
const CHOICES = ['auto', 'light', 'dark'];
const NAMES = { auto: 'as the system', light: 'light', dark: 'dark' };
const KEY = 'nnplay-page-theme';

function stored(view) {
  try {
    const value = view.localStorage.getItem(KEY);
    return CHOICES.includes(value) ? value : 'auto';
  } catch {
    return 'auto';  // storage blocked (sandboxed frame, privacy settings): follow the system
  }
}

function store(view, value) {
  try {
    view.localStorage.setItem(KEY, value);
  } catch {
    // Not remembered: the switch still works for this visit.
  }
}

export function wirePageTheme(doc = globalThis.document) {
  const button = doc?.querySelector('button[data-nnplay-theme]');
  if (!button) return;
  const view = doc.defaultView;
  let choice = stored(view);
  const apply = () => {
    doc.documentElement.dataset.theme = choice;
    for (const el of doc.querySelectorAll('nn-playground[data-follow-page-theme]')) el.setAttribute('theme', choice);
    button.textContent = `Theme: ${NAMES[choice]}`;
    button.setAttribute('aria-label', `Colour theme: ${NAMES[choice]}. Press for ${NAMES[CHOICES[(CHOICES.indexOf(choice) + 1) % 3]]}`);
  };
  button.addEventListener('click', () => {
    choice = CHOICES[(CHOICES.indexOf(choice) + 1) % CHOICES.length];
    store(view, choice);
    apply();
  });
  apply();
}
