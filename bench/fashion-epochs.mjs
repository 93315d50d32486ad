// Clothing pictures in the page's own wasm build, in Node, with no page around it: for each
// configuration, the test accuracy after each epoch and the training images per CPU second.
// The two answer different questions: epochs to a target depend only on the settings (the
// same on any machine, however loaded), images per CPU second on the network's cost (CPU time,
// so other work on the machine disturbs it less than wall time). Their quotient is what the
// page can reach in a given time: bench/fashion-accuracy.mjs measures that in Chromium.
// Reads the image engine (web/gen/nncore-images.wasm) and the asset build:dist writes (web/gen/fashion/).
//
//   node bench/fashion-epochs.mjs [--classes=all|tshirt,trouser,sneaker] [--epochs=N]
//     [--target=0.84] [--seeds=1,2] 'networkShape=64&optimizer=adam&learningRate=0.001' ...
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { loadavg } from 'node:os';
import { loadNnCore } from '../tests/js/load-wasm.mjs';

const ASSET = new URL('../web/gen/fashion/', import.meta.url);
const KEYS = ['tshirt', 'trouser', 'pullover', 'dress', 'coat', 'sandal', 'shirt', 'sneaker', 'bag', 'boot'];

const args = process.argv.slice(2);
const option = (name, fallback) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const classes = option('classes', 'all');
const epochs = Number(option('epochs', 20));
const target = Number(option('target', classes === 'all' ? 0.84 : 0.95));
const seeds = option('seeds', '1').split(',');
const configs = args.filter((a) => !a.startsWith('--'));
if (!configs.length) configs.push('');

// The image engine: the page's nncore.wasm holds no image code.
const nn = await loadNnCore('nncore-images.wasm');
const keys = classes === 'all' ? KEYS : classes.split(',');
const files = await Promise.all(keys.map(async (key) => gunzipSync(await readFile(new URL(`${key}.idx.gz`, ASSET)))));

// CPU milliseconds of this process (Node runs the wasm on its main thread).
const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

console.log(`load average ${loadavg().map((v) => v.toFixed(2)).join(' ')}; classes ${classes}; target ${(target * 100).toFixed(0)} %`);
for (const extra of configs) {
  for (const seed of seeds) {
    const session = new nn.Session();
    keys.forEach((key, i) => session.addImageClass(key, files[i]));
    session.configure(`dataset=fashion&imageClasses=${classes}&seed=${seed}${extra ? `&${extra}` : ''}`);
    const images = session.imageCount(false);
    const accuracies = [];
    let trainMs = 0;
    let reached = null;
    let train = NaN;
    for (let epoch = 1; epoch <= epochs; epoch += 1) {
      const start = cpuMs();
      session.trainEpochs(1);
      trainMs += cpuMs() - start;
      const m = session.metrics();
      accuracies.push(m.testAccuracy);
      train = m.trainAccuracy;
      if (reached === null && m.testAccuracy >= target) reached = epoch;
      if (m.diverged) break;
    }
    const perSecond = (images * accuracies.length) / (trainMs / 1000);
    const best = Math.max(...accuracies);
    // What it holds once trained: the mean and the lowest of the last third of the epochs.
    const late = accuracies.slice(Math.floor((accuracies.length * 2) / 3));
    const held = late.reduce((a, b) => a + b, 0) / late.length;
    console.log(`${extra || '(defaults)'} seed=${seed}: ${reached === null ? `not ${(target * 100).toFixed(0)} % in ${accuracies.length}` : `${(target * 100).toFixed(0)} % at epoch ${reached}`}`
      + `, best ${(best * 100).toFixed(1)} %, last third mean ${(held * 100).toFixed(1)} min ${(Math.min(...late) * 100).toFixed(1)} %, training set then ${(train * 100).toFixed(1)} %; ${(perSecond / 1000).toFixed(1)} k images per CPU s`
      + ` -> ${reached === null ? '-' : ((reached * images) / perSecond).toFixed(1)} CPU s to target`
      + `; by epoch: ${accuracies.map((a) => (a * 100).toFixed(1)).join(' ')}`);
    session.delete();
  }
}
