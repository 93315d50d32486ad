// The frame schedule (web/playground/frame-views.js): while training, the maps are drawn on
// every frame and the links, the loss chart and the numbers each on one frame in four, never two
// of them on the same frame; paused, one frame draws them all. Fakes record what each frame drew.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FrameViews } from '../../../web/playground/frame-views.js';

function fakeViews() {
  const drawn = [];
  const mark = (what) => drawn.at(-1).add(what);
  const ui = {
    confusion: {},
    showEpoch: () => mark('epoch'),
    showSpeed: () => mark('speed'),
    announcer: { update: () => {} },
    output: {
      showMetrics: () => mark('metrics'),
      addLossPoint: (epoch, train, test, { redraw }) => { if (redraw) mark('chart'); },
    },
  };
  const network = { update: ({ maps, styleLinks }) => { if (maps) mark('maps'); if (styleLinks) mark('links'); } };
  const views = new FrameViews({ ui, network, explain: { onFrame: async () => {} }, teacher: { onFrame: () => {} }, onError: () => {} });
  views.confusion = { show: () => mark('confusion') };
  const frame = (epoch) => ({ metrics: { epoch, trainLoss: 0.5, testLoss: 0.5 }, params: new Float32Array(4), maps: new Float32Array(4), confusion: [] });
  const draw = (frames, running) => {
    drawn.push(new Set());
    views.draw(frame(frames), { running, frames, state: { problem: 'classification', palette: 'classic' }, model: { classes: 2 } });
    return drawn.at(-1);
  };
  return { draw };
}

test('while training the maps change on every frame, and links, chart and numbers each on one frame in four of their own', () => {
  const { draw } = fakeViews();
  const groups = { links: ['links'], chart: ['chart'], numbers: ['epoch', 'speed', 'metrics', 'confusion'] };
  const counts = { links: 0, chart: 0, numbers: 0 };
  for (let frames = 1; frames <= 40; frames++) {
    const drawn = draw(frames, true);
    assert.ok(drawn.has('maps'), `frame ${frames} draws the maps`);
    const slow = Object.entries(groups).filter(([, parts]) => parts.some((p) => drawn.has(p))).map(([name]) => name);
    assert.ok(slow.length <= 1, `frame ${frames} redraws at most one slow view (${slow.join(', ')})`);
    for (const name of slow) {
      counts[name]++;
      for (const part of groups[name]) assert.ok(drawn.has(part), `${part} is drawn with the rest of ${name} on frame ${frames}`);
    }
  }
  assert.deepEqual(counts, { links: 10, chart: 10, numbers: 10 }, 'each slow view is drawn on one frame in four');
});

test('a paused frame draws every view at once', () => {
  const { draw } = fakeViews();
  const drawn = draw(7, false);
  for (const part of ['maps', 'links', 'chart', 'epoch', 'speed', 'metrics', 'confusion']) assert.ok(drawn.has(part), `${part} is drawn`);
});
