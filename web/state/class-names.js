// One naming of classes for the whole page: the legend, the edit swatches, the diagram's output
// nodes, the trace, the confusion matrix and screen-reader labels all ask className. A class is
// named by the label its points carry in a downloaded CSV ("class −1" / "class +1" for two
// classes, "class 0" .. "class K−1" for more), or by the names of an imported CSV (cat, dog).
// Class k is drawn in palette colour k: for two classes colour 0 is the −1 end of the scale.
// This module imports nothing of the project.

const MINUS = '\u2212';

// { name, colorIndex } of class k (0-based; for two classes 0 is label −1). names: the CSV's
// class names in class order, or null; used only when there is one per class.
export function className(k, { classes = 2, names = null } = {}) {
  const count = Math.max(2, Number(classes) || 2);
  const index = Math.max(0, Math.min(count - 1, Math.round(Number(k) || 0)));
  if (Array.isArray(names) && names.length === count && names[index]) return { name: names[index], colorIndex: index };
  if (count === 2) return { name: index === 0 ? `class ${MINUS}1` : 'class +1', colorIndex: index };
  return { name: `class ${index}`, colorIndex: index };
}

// Every class's name, in class order.
export function classNames({ classes = 2, names = null } = {}) {
  const count = Math.max(2, Number(classes) || 2);
  return Array.from({ length: count }, (_, k) => className(k, { classes: count, names }).name);
}

// The class a point's label stands for: two classes use −1 / +1 (or 0 / 1), more use 0..K−1.
export function classOfLabel(label, classes = 2) {
  return Number(classes) === 2 ? (label > 0 ? 1 : 0) : Math.round(label);
}

// The class an output says: the sign of one unit, the largest of several.
export function classOfOutputs(outputs) {
  if (outputs.length === 1) return outputs[0] > 0 ? 1 : 0;
  let k = 0;
  for (let j = 1; j < outputs.length; j++) if (outputs[j] > outputs[k]) k = j;
  return k;
}

// The engine reads a CSV's label column (core/csv.cpp, csv_wide.cpp) and keeps only class numbers; this reads
// the names back out of a file the engine has already accepted, in the engine's order (first
// appearance). Returns null when the labels are numbers, which the default names already match.
export function csvClassNames(text) {
  const isNumber = (s) => /^[0-9+\-.eE]+$/.test(s) && Number.isFinite(Number(s));
  const trim = (s) => s.replace(/^[ \t"]+/, '').replace(/[ \t\r"]+$/, '');
  const labels = [];
  let first = true;
  for (const line of String(text).split('\n')) {
    if (trim(line) === '') continue;
    const fields = line.split(',').map(trim);
    const header = first && !(fields.length >= 2 && isNumber(fields[0]) && isNumber(fields[1]));
    first = false;
    if (!header) labels.push(fields[fields.length - 1]);  // the label is last, after 2 or more inputs
  }
  if (labels.every(isNumber)) return null;
  return [...new Set(labels)];
}
