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


// The diagram's single tab stop (a roving tabindex): every node and link element has
// tabindex -1 but the current one, which has 0; the arrow keys move the focus along the graph.
// Nodes sit in columns (features, each hidden layer, the output). On a node, Up and Down move
// within its column, Right to its first outgoing link, Left to its first incoming link (the
// bias comes after them). On a link, Up and Down move among the links on the side it was
// entered from (the outgoing links of its source, or the incoming links and bias of its
// target), Right goes on to its target and Left back to its source. Home and End jump to the
// first and last in the same list.
//   node: { el, key, outs: [edge], ins: [edge] }; edge: { el, key, from: node | null, to: node }
export class RovingFocus {
  constructor() {
    Object.assign(this, { columns: [], byKey: new Map(), current: null, side: 'out' });
  }

  // A new graph; the current item stays current if an item with its key is still there.
  setGraph(columns) {
    const previous = this.current?.key;
    this.columns = columns;
    this.byKey = new Map();
    for (const column of columns) {
      column.forEach((node, row) => {
        Object.assign(node, { column, row });
        this.byKey.set(node.key, node);
        for (const edge of node.outs) this.byKey.set(edge.key, edge);
        for (const edge of node.ins) this.byKey.set(edge.key, edge);
      });
    }
    for (const item of this.byKey.values()) item.el.setAttribute('tabindex', '-1');
    this.current = null;
    this.setCurrent(this.byKey.get(previous) ?? columns.find((c) => c.length)?.[0] ?? null);
  }

  itemOf(el) {
    for (const item of this.byKey.values()) if (item.el === el) return item;
    return null;
  }

  // Makes `item` the tab stop (without moving the focus).
  setCurrent(item) {
    if (!item || item === this.current) return;
    this.current?.el.setAttribute('tabindex', '-1');
    this.current = item;
    item.el.setAttribute('tabindex', '0');
  }

  // The item the key leads to from the current one, or null (the key is not ours).
  target(key) {
    const item = this.current;
    if (!item) return null;
    const isNode = 'outs' in item;
    const list = isNode ? item.column : (this.side === 'out' ? item.from?.outs : item.to.ins) ?? item.to.ins;
    const at = list.indexOf(item);
    if (key === 'Home') return list[0];
    if (key === 'End') return list[list.length - 1];
    if (key === 'ArrowUp') return list[Math.max(0, at - 1)];
    if (key === 'ArrowDown') return list[Math.min(list.length - 1, at + 1)];
    if (isNode && key === 'ArrowRight') return this.enter(item.outs, 'out') ?? item;
    if (isNode && key === 'ArrowLeft') return this.enter(item.ins, 'in') ?? item;
    if (key === 'ArrowRight') return item.to;
    if (key === 'ArrowLeft') return item.from ?? item.to;
    return null;
  }

  enter(edges, side) {
    if (!edges.length) return null;
    this.side = side;
    return edges[0];
  }

  // Handles an arrow, Home or End key: moves the tab stop and the focus. True when handled.
  onKey(e) {
    const next = this.target(e.key);
    if (!next) return false;
    e.preventDefault();
    this.setCurrent(next);
    next.el.focus();
    return true;
  }
}

// What has the focus inside `root`, as a key that survives a rebuild of the diagram: a
// roving item's key, or a per-layer button's role and layer; null when the focus is elsewhere.
export function focusKey(root, roving) {
  const active = root.getRootNode().activeElement;
  if (!active || !root.contains(active)) return null;
  const item = roving.itemOf(active);
  if (item) return item.key;
  return active.hasAttribute('data-layer') ? `${roleOf(active)}:${active.getAttribute('data-layer')}` : null;
}

// Gives the focus back after a rebuild to what focusKey named (or its enabled neighbour).
export function restoreFocus(root, roving, key) {
  if (!key) return;
  if (roving.byKey.has(key)) {
    roving.current.el.focus();
    return;
  }
  const [role, layer] = key.split(':');
  const button = root.querySelector(`[data-role="${role}"][data-layer="${layer}"]`);
  const target = button && !button.disabled ? button : button?.parentElement.querySelector('button:not(:disabled)');
  (target ?? roving.current?.el)?.focus();
}
