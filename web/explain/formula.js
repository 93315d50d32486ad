// Formulas in the explanations are marked {like this}: this turns such text into the shown
// text, each formula's spaces made non-breaking and the marks dropped, so no formula wraps
// across two lines. Used by the first-paint texts and the guided tour's chunk alike.
export function formulaText(text) {
  return text.replace(/\{([^{}]*)\}/g, (_, formula) => formula.replace(/ /g, '\u00a0'));
}
