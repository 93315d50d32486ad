// Small DOM helpers of the network diagram: elements in the right namespace, absolute placing.
const SVG_NS = 'http://www.w3.org/2000/svg';
const SVG_TAGS = new Set(['svg', 'g', 'path']);

// An element of `doc` with a class, attributes, and either text or child elements (an array).
// SVG tags get the SVG namespace.
export function create(doc, tag, className, attrs = {}, content = undefined) {
  const el = SVG_TAGS.has(tag) ? doc.createElementNS(SVG_NS, tag) : doc.createElement(tag);
  if (className) el.setAttribute('class', className);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  if (Array.isArray(content)) el.append(...content);
  else if (content !== undefined) el.textContent = content;
  return el;
}

export function place(el, x, y) {
  el.style.left = `${x}px`;
  el.style.top = `${y}px`;
}

export function roleOf(el) {
  return el?.getAttribute?.('data-role') ?? null;
}

