// Regenerating throws the current points away. While they are the person's own (edited, from a
// CSV file or an experiment), every control that would regenerate them asks first; Cancel keeps
// the data and puts the control back.
import { originText } from './data-origin.js';

// The settings whose change draws new data (core/session.cpp, same_data_settings).
export const DATA_KEYS = new Set(['problem', 'dataset', 'regDataset', 'seed', 'noise', 'percTrainData', 'numClasses', 'numSamples']);

// handlers with onRegenerate, onPickDataset and onChange (for DATA_KEYS) asking first.
// origin: the DataOrigin; confirm: the ConfirmDialog; restore() puts the controls back.
export function guardDataChanges(handlers, { origin, confirm, restore }) {
  const guarded = (what, apply) => {
    if (!origin.custom) {
      apply();
      return;
    }
    confirm.ask({
      title: 'Replace your data?',
      text: `${what} replaces ${origin.summaryText.replace(/^Your data: /, 'your ')} with a generated set. ` +
        'Cancel keeps your points; Download CSV saves them first.',
      confirm: 'Replace my data',
    }).then((yes) => (yes ? apply() : restore()));
  };
  return {
    ...handlers,
    onRegenerate: () => guarded('Regenerating', handlers.onRegenerate),
    onPickDataset: (problem, key) => guarded('Picking a data set', () => handlers.onPickDataset(problem, key)),
    onChange: (key, value) => (DATA_KEYS.has(key)
      ? guarded('Changing this setting', () => handlers.onChange(key, value))
      : handlers.onChange(key, value)),
  };
}
