// One activation select per hidden layer, for networks whose layers differ. "Same as all"
// follows the shared Activation control; the list goes to the `activations` setting.
import { h } from '../shared/dom.js';
import { CONTROL_UI } from './controls.js';

export class LayerActivations {
  // onChange(list) gets the full per-layer list, or [] when every layer follows the shared one.
  constructor(container, onChange) {
    this.container = container;
    this.onChange = onChange;
    this.shape = '';
  }

  show(state) {
    const layers = state.networkShape.length;
    const list = state.activations.length === layers ? state.activations : [];
    const key = `${layers}|${list.join(',')}|${state.activation}`;
    if (key === this.shape) return;
    this.shape = key;
    const ui = CONTROL_UI.activation;
    const selects = [];
    const labels = Array.from({ length: layers }, (_, layer) => {
      const select = h('select', { class: 'control-input', 'aria-label': `Activation of hidden layer ${layer + 1}`,
        onchange: () => {
          const next = selects.map((s) => (s.value === '' ? state.activation : s.value));
          this.onChange(next.every((a) => a === state.activation) ? [] : next);
        } },
      h('option', { value: '' }, `Same as all (${ui.names[state.activation] ?? state.activation})`),
      ...ui.options.map((name) => h('option', { value: name }, ui.names[name] ?? name)));
      select.value = list[layer] && list[layer] !== state.activation ? list[layer] : '';
      selects.push(select);
      return h('label', { class: 'control' }, h('span', { class: 'control-label' }, `Layer ${layer + 1}`), select);
    });
    this.container.replaceChildren(...(layers ? labels : [h('span', { class: 'hint' }, 'No hidden layers.')]));
  }
}
