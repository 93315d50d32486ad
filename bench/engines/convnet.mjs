// ConvNetJS 0.3.0 run the way its own demos train: one Vol per sample, Trainer.train per
// sample, the Trainer applying plain SGD once per batch.
import { createRequire } from 'node:module';
import { layerParams, gridInputs, LEARNING_RATE } from '../problem.mjs';

const convnetjs = createRequire(import.meta.url)('convnetjs');

function buildNet(problem) {
  const net = new convnetjs.Net();
  const defs = [{ type: 'input', out_sx: 1, out_sy: 1, out_depth: 2 }];
  for (const units of problem.hidden) defs.push({ type: 'fc', num_neurons: units, activation: 'tanh' });
  defs.push({ type: 'regression', num_neurons: 1 });
  net.makeLayers(defs);
  // makeLayers always puts a linear fc layer in front of 'regression'; the Playground's output
  // unit is tanh, so a tanh layer goes between them. The regression layer's gradient is y - t,
  // the gradient of 1/2 (y - t)^2.
  net.layers.splice(net.layers.length - 1, 0, new convnetjs.TanhLayer({ in_sx: 1, in_sy: 1, in_depth: 1 }));

  const fcs = net.layers.filter((layer) => layer.layer_type === 'fc');
  layerParams(problem).forEach(({ in: inputs, out, W, b }, l) => {
    for (let o = 0; o < out; o++) {
      for (let i = 0; i < inputs; i++) fcs[l].filters[o].w[i] = W[o * inputs + i];
      fcs[l].biases.w[o] = b[o];
    }
  });
  return net;
}

// One epoch through `samples` in batches of `batchSize`. Trainer updates when its sample counter
// k reaches a multiple of batch_size and divides the summed gradient by batch_size. Restarting k
// per batch with that batch's size makes the last partial batch an update of its own, as in the
// other engines, instead of spilling into the next epoch.
function trainInBatches(trainer, samples, targets, batchSize) {
  for (let start = 0; start < samples.length; start += batchSize) {
    const size = Math.min(batchSize, samples.length - start);
    trainer.k = 0;
    trainer.batch_size = size;
    for (let i = start; i < start + size; i++) trainer.train(samples[i], targets[i]);
  }
}

export function convnetEngine(problem, batchSize) {
  if (problem.images) return convnetImageEngine(problem, batchSize);
  const net = buildNet(problem);
  const trainer = new convnetjs.Trainer(net, {
    method: 'sgd', learning_rate: LEARNING_RATE, momentum: 0, batch_size: batchSize, l1_decay: 0, l2_decay: 0,
  });
  const { x, y, t, count } = problem.train;
  // The data is turned into ConvNetJS's own types once, as an application would.
  const samples = Array.from({ length: count }, (_, i) => {
    const v = new convnetjs.Vol(1, 1, 2, 0);
    v.w[0] = x[i];
    v.w[1] = y[i];
    return v;
  });
  const targets = Array.from(t, (value) => [value]);
  // The activations drawn as neuron maps are the tanh layers' outputs.
  const tanhLayers = net.layers.filter((layer) => layer.layer_type === 'tanh');
  const gridPoint = new convnetjs.Vol(1, 1, 2, 0);
  const grids = new Map();
  const gridOf = (n) => grids.get(n) ?? grids.set(n, gridInputs(n)).get(n);

  // ConvNetJS counts no epochs and never stops by itself: the count is of trainEpoch() calls, and
  // whether the weights moved shows in the loss (see checkWork in bench/checks.mjs).
  let epochs = 0;
  const progress = () => ({ epochs, loss: engine.loss(), stopped: '' });
  const engine = {
    batchSize,
    progress,
    trainEpoch() {
      epochs++;
      trainInBatches(trainer, samples, targets, batchSize);
    },
    loss() {
      let sum = 0;
      for (let i = 0; i < count; i++) {
        const e = net.forward(samples[i]).w[0] - t[i];
        sum += 0.5 * e * e;
      }
      return sum / count;
    },
    gridOutput(n) {
      const { x: gx, y: gy } = gridOf(n);
      const out = new Float32Array(n * n);
      for (let p = 0; p < out.length; p++) {
        gridPoint.w[0] = gx[p];
        gridPoint.w[1] = gy[p];
        out[p] = net.forward(gridPoint).w[0];
      }
      return out;
    },
    // Same layout as nnplay's grid: unit u's n*n values at u * n * n, inputs first.
    gridAll(n) {
      const { x: gx, y: gy } = gridOf(n);
      const points = n * n;
      const units = problem.unitCounts.reduce((a, b) => a + b, 0);
      const out = new Float32Array(units * points);
      out.set(gx, 0);
      out.set(gy, points);
      for (let p = 0; p < points; p++) {
        gridPoint.w[0] = gx[p];
        gridPoint.w[1] = gy[p];
        net.forward(gridPoint);
        let offset = 2 * points + p;
        for (const layer of tanhLayers) {
          const a = layer.out_act.w;
          for (let u = 0; u < a.length; u++, offset += points) out[offset] = a[u];
        }
      }
      return out;
    },
    dispose() {},
  };
  return engine;
}

// The image network (W7): ConvNetJS's 'softmax' layer (its makeLayers puts a linear fc layer
// in front) trains on the softmax cross-entropy of a class label; one Vol per image, made once.
function convnetImageEngine(problem, batchSize) {
  const { x, labels, count, classes } = problem.train;
  const inputs = problem.sizes[0];
  const net = new convnetjs.Net();
  const defs = [{ type: 'input', out_sx: 1, out_sy: 1, out_depth: inputs }];
  for (const units of problem.hidden) defs.push({ type: 'fc', num_neurons: units, activation: 'tanh' });
  defs.push({ type: 'softmax', num_classes: classes });
  net.makeLayers(defs);
  const fcs = net.layers.filter((layer) => layer.layer_type === 'fc');
  layerParams(problem).forEach(({ in: n, out, W, b }, l) => {
    for (let o = 0; o < out; o++) {
      for (let i = 0; i < n; i++) fcs[l].filters[o].w[i] = W[o * n + i];
      fcs[l].biases.w[o] = b[o];
    }
  });
  const trainer = new convnetjs.Trainer(net, {
    method: 'sgd', learning_rate: LEARNING_RATE, momentum: 0, batch_size: batchSize, l1_decay: 0, l2_decay: 0,
  });
  const samples = Array.from({ length: count }, (_, s) => {
    const v = new convnetjs.Vol(1, 1, inputs, 0);
    for (let p = 0; p < inputs; p++) v.w[p] = x[p * count + s];
    return v;
  });
  let epochs = 0;
  const engine = {
    batchSize,
    progress: () => ({ epochs, loss: engine.loss(), stopped: '' }),
    trainEpoch() {
      epochs++;
      trainInBatches(trainer, samples, labels, batchSize);
    },
    loss() {
      let sum = 0;
      for (let i = 0; i < count; i++) sum -= Math.log(net.forward(samples[i]).w[labels[i]]);
      return sum / count;
    },
    dispose() {},
  };
  return engine;
}
