// The data sets whose generators can make more than two classes (core/dataset.cpp; the engine
// refuses the others). Shared by the page, the dataset picker and the worker.
export const MULTI_CLASS = new Set(['circle', 'gauss', 'spiral', 'checkerboard']);
