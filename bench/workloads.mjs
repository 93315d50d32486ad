// The workloads of issues 6 and 18. `batch: 'full'` means the whole training set in one batch;
// `sameBatch` means every engine runs the batch nnplay can run, so the race stays like for like
// when the core caps the batch size below the requested one.
export const WORKLOADS = [
  { id: '1', title: '2-8-8-8-1 training, batch 10', kind: 'train', hidden: [8, 8, 8], batch: 10 },
  { id: '2', title: '2-8-8-8-1 training, full batch', kind: 'train', hidden: [8, 8, 8], batch: 'full' },
  { id: '3', title: '2-8-8-8-1 100x100 grid, output only', kind: 'gridOutput', hidden: [8, 8, 8] },
  { id: '4', title: '2-8-8-8-1 100x100 grid, every neuron', kind: 'gridAll', hidden: [8, 8, 8] },
  { id: '5a', title: '2-64-64-1 training, batch 32', kind: 'train', hidden: [64, 64], batch: 32, sameBatch: true },
  { id: '5b', title: '2-64-64-1 training, full batch', kind: 'train', hidden: [64, 64], batch: 'full' },
  { id: '6', title: '2-64-64-1 100x100 grid, every neuron', kind: 'gridAll', hidden: [64, 64] },
  // Issue 18: the clothing images' network, 784 pixels in, one softmax unit per class.
  { id: '7a', title: '784-64-10 training, batch 10', kind: 'train', images: true, hidden: [64], batch: 10 },
  { id: '7b', title: '784-64-10 training, batch 32', kind: 'train', images: true, hidden: [64], batch: 32 },
  { id: '7c', title: '784-64-10 training, batch 256', kind: 'train', images: true, hidden: [64], batch: 256 },
];

// Epochs trained before the losses are compared.
export const CHECK_EPOCHS = 5;
// Calls of each engine's timed unit in `npm run bench -- --check`, in place of the timed runs:
// enough to see every call do its work, few enough for CI.
export const CHECK_CALLS = 3;
// Relative tolerance on the training loss after CHECK_EPOCHS: float32 against float64 and a
// fast tanh move the fifth or sixth digit; a wrong gradient, order or batch moves the second.
export const LOSS_TOLERANCE = 1e-3;
// Largest absolute difference allowed between two engines' grid values (tanh outputs).
export const GRID_TOLERANCE = 1e-4;
