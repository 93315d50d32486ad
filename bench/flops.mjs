// FLOP counts for a dense network with layer sizes `sizes` (inputs first, outputs last).
// A multiply-add is 2 FLOPs. Counted are the matrix products and the SGD update, the work that
// grows with the number of weights:
//   forward          z = W x             2 * in * out per sample and layer
//   backward         dW += dz x^T        2 * in * out per sample and layer
//                    dx = W^T dz         2 * in * out per sample and layer, except the first
//                                        layer (nothing needs the gradient of the inputs)
//   update           p -= lr * g         2 per parameter, once per batch
// Not counted: bias adds, tanh and its derivative, the loss. They grow only with the number of
// units, so the GFLOP/s figures are a lower bound of the work each engine actually does.

const products = (sizes) => sizes.slice(1).map((out, l) => sizes[l] * out);

export function parameterCount(sizes) {
  return products(sizes).reduce((a, b) => a + b, 0) + sizes.slice(1).reduce((a, b) => a + b, 0);
}

// Per training sample, with the update spread over the samples of a batch.
export function trainFlopsPerSample(sizes, batchSize) {
  const w = products(sizes);
  const forward = w.reduce((sum, n) => sum + 2 * n, 0);
  const backward = w.reduce((sum, n, l) => sum + 2 * n + (l > 0 ? 2 * n : 0), 0);
  return forward + backward + (2 * parameterCount(sizes)) / batchSize;
}

// Per grid point: one forward pass.
export function forwardFlopsPerPoint(sizes) {
  return products(sizes).reduce((sum, n) => sum + 2 * n, 0);
}
