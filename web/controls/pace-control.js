// Beside Play: how much is trained per drawn frame (the `epochsPerFrame` setting: one
// mini-batch, one epoch as in the Playground, or as fast as the machine goes), and the two Step
// buttons (one mini-batch, one epoch). Finer paces (2 to 100 epochs) stay in More settings.
import { h } from '../shared/dom.js';

// Each pace a learner picks with one click: [epochsPerFrame value, button text, what it does].
const PACES = [
  ['batch', 'Batch', 'Batch: one mini-batch per drawn frame, slow enough to watch each update'],
  ['1', 'Epoch', 'Epoch: one epoch per drawn frame, the Playground\u2019s pace'],
  ['auto', 'Fast', 'Fast: as fast as the machine goes'],
];

// onPace(value) reports a picked pace; onStep('batch' | 'epoch') a Step click.
export function buildPaceControls({ onPace, onStep }) {
  const buttons = PACES.map(([value, text, title]) => h('button', { type: 'button', class: 'pace-button',
    'aria-pressed': 'false', title, 'aria-label': title, dataset: { pace: value }, onclick: () => onPace(value) }, text));
  const pace = h('div', { class: 'pace', role: 'group', 'aria-label': 'Pace of training', dataset: { control: 'epochsPerFrame' } },
    h('span', { class: 'control-label' }, 'Pace'), h('div', { class: 'pace-buttons' }, buttons));
  const stepButton = (unit, text, label) => h('button', { type: 'button', class: 'step-button',
    dataset: { step: unit }, 'aria-label': label, title: label, onclick: () => onStep(unit) }, text);
  const step = h('div', { class: 'step-group', role: 'group', 'aria-label': 'Step', dataset: { control: 'step' } },
    h('span', { class: 'control-label' }, 'Step'),
    h('div', { class: 'pace-buttons' },
      stepButton('batch', '+1 batch', '+1 batch: train one mini-batch, then pause'),
      stepButton('epoch', '+1 epoch', '+1 epoch: train one epoch, then pause')));
  return {
    pace, step,
    // Marks the pressed pace; a pace set elsewhere (5 epochs per frame) presses none.
    show(value) {
      for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.pace === String(value)));
    },
  };
}

// Each group's name sits on its buttons' line, so reading and tab order run left to right, group
// after group.
export const PACE_CSS = `
.pace, .step-group { display: flex; align-items: center; gap: 6px; }
.pace-buttons { display: flex; }
.pace-button, .step-button { font: inherit; font-size: 12px; padding: 3px 8px; border: 1px solid var(--line); background: #fff; cursor: pointer; min-height: 28px; }
.pace-buttons > button + button { border-left: none; margin-left: 0; }
.pace-buttons > button:first-child { border-radius: 4px 0 0 4px; }
.pace-buttons > button:last-child { border-radius: 0 4px 4px 0; }
.pace-button[aria-pressed=true] { background: #183d4e; color: #fff; border-color: #183d4e; }
.pace-button:hover, .step-button:hover { border-color: var(--accent); }
`;
