// Everything following a point needs beyond the diagram's overlay, in one module that the
// controller imports on the first follow: a page whose learner never follows a point does not
// download it (the dist build splits it into a chunk of its own).
export { TracePanel } from './trace-panel.js';
export { nodeDetail, paramDetail } from './pass-detail.js';
export { layerActivations } from './activation-math.js';
