// The model formats the export offers: each is offered only because a test
// (tests/js/export/runtimes.test.mjs) runs its file in the real runtime and gets the engine's
// outputs back within 1e-5, and that test fails when this list names a format it does not run.
// Keras is not here: neither Keras 3 nor a backend for it installs on the machines the tests
// run on (no Debian package; PyPI is out of reach), so a Keras file could not be checked.
import { numpyModule } from './numpy-export.js';
import { torchModule } from './torch-export.js';
import { onnxModel } from './onnx-export.js';

export const MODEL_FORMATS = [
  { id: 'numpy', label: 'NumPy', file: 'nnplay_model_numpy.py', type: 'text/x-python',
    note: 'a forward(x, y) function with the weights inline', make: numpyModule },
  { id: 'pytorch', label: 'PyTorch', file: 'nnplay_model_torch.py', type: 'text/x-python',
    note: 'an nn.Sequential with the weights loaded', make: torchModule },
  { id: 'onnx', label: 'ONNX', file: 'nnplay-model.onnx', type: 'application/octet-stream',
    note: 'for ONNX Runtime and other tools; input "xy" [N, 2]', make: onnxModel },
];

export const NOT_OFFERED = 'Keras is not offered: no Keras 3 runtime installs where nnplay is tested, so a Keras file could not be checked.';
