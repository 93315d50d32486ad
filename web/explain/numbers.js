// Numbers as the explanations write them: four significant digits and a real minus sign, so a
// learner can redo the arithmetic and a test can read the numbers back.
export function num(v) {
  if (!Number.isFinite(v)) return String(v);
  return String(Number(v.toPrecision(4))).replace(/-/g, '\u2212');
}

// A factor in a product: negative numbers in brackets, "0.52 × (−1.2)".
export const factor = (v) => (v < 0 ? `(${num(v)})` : num(v));
