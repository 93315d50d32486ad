// What the pointer and the keys do on the network diagram, delegated once on the view's root
// (so setStructure can replace every element without rebinding): hovering or focusing a node
// shows its map (the view's setHovered), hovering or focusing a link or bias shows its weight
// card, a click toggles a feature, changes the shape or opens the weight editor, the arrow keys
// move the roving tab stop, Enter or Space opens the editor and Escape closes the card. It reads
// the view's elements and reports through the view's callbacks; it keeps no state of its own.
import { roleOf } from './network-dom.js';
import { nextShape } from './network-layout.js';

const SHAPE_ROLES = new Set(['add-layer', 'remove-layer', 'add-neuron', 'remove-neuron']);
const PARAM_ROLES = new Set(['link', 'link-hit', 'bias']);

export function listenForInput(view) {
  const { root, stage, card, roving } = view;

  // The number in the nearest data-unit / data-param attribute at or above target, if ours.
  const attrOf = (target, name) => {
    const el = target?.closest?.(`[${name}]`);
    return el && root.contains(el) ? Number(el.getAttribute(name)) : null;
  };
  const pointerSpot = (e) => {
    const box = stage.getBoundingClientRect();
    return { x: e.clientX - box.left, y: e.clientY - box.top };
  };
  // The link or bias behind a focusable link path or bias square, else undefined.
  const focusableItem = (el) => (PARAM_ROLES.has(roleOf(el)) ? view.paramItems.get(Number(el.getAttribute('data-param'))) : undefined);

  function onPointerOver(e) {
    view.setHovered(attrOf(e.target, 'data-unit'));
    const param = attrOf(e.target, 'data-param');
    if (param !== null && !card.editing) card.show(param, pointerSpot(e), view.layoutWidth);
  }

  function onPointerOut(e) {
    const next = root.contains(e.relatedTarget) ? e.relatedTarget : null;
    view.setHovered(attrOf(next, 'data-unit'));
    const param = attrOf(e.target, 'data-param');
    if (param !== null && param !== attrOf(next, 'data-param') && !card.editing) card.close(false);
  }

  // A focused node shows its map as a hovered one does; the focused item becomes the tab stop.
  function onFocus(e) {
    if (e.type === 'focusin') roving.setCurrent(roving.itemOf(e.target));
    const node = e.type === 'focusin' ? e.target : e.relatedTarget;
    if (e.type === 'focusin' || !root.contains(node)) view.setHovered(attrOf(node, 'data-unit'));
    const item = focusableItem(e.target);
    if (!item || card.editing) return;
    if (e.type === 'focusin') card.show(item.param, item.mid, view.layoutWidth);
    else card.close(false);
  }

  function onClick(e) {
    const el = e.target.closest?.('[data-role]');
    const role = roleOf(el);
    if (!role || el.disabled) return;
    if (role === 'feature') {
      view.callbacks.onToggleFeature?.(el.getAttribute('data-key'));
    } else if (SHAPE_ROLES.has(role)) {
      // An update of the latest shape, not a shape: several presses within one frame, before
      // the diagram is rebuilt, each count (a shape computed here would repeat the drawn one).
      const layer = Number(el.getAttribute('data-layer'));
      view.callbacks.onShapeChange?.((shape) => view.withinLimits(nextShape(shape, role, layer), shape));
    } else if (PARAM_ROLES.has(role)) {
      view.openEditor(Number(el.getAttribute('data-param')), pointerSpot(e));
    }
  }

  function onKeyDown(e) {
    if (roving.itemOf(e.target) && roving.onKey(e)) return;
    const item = focusableItem(e.target);
    if (!item) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      view.openEditor(item.param, item.mid);
    } else if (e.key === 'Escape') {
      card.close(false);
    }
  }

  const handlers = { click: onClick, keydown: onKeyDown, pointerover: onPointerOver, pointerout: onPointerOut,
    focusin: onFocus, focusout: onFocus };
  for (const [type, handler] of Object.entries(handlers)) root.addEventListener(type, handler);
}
