// The dataset thumbnails: one button per dataset showing its points (drawn y-up, the right way
// round, unlike the Playground's). Only the current problem's datasets are shown.
import { context2d } from '../shared/canvas.js';
import { h } from '../shared/dom.js';
import { drawPoints } from '../views/heatmap.js';
import { MULTI_CLASS } from '../state/multi-class.js';
import { StillCanvas } from '../views/still-canvas.js';

export const DATASETS = {
  classification: [
    { key: 'circle', label: 'Circle' }, { key: 'xor', label: 'Exclusive or' },
    { key: 'gauss', label: 'Gaussian' }, { key: 'spiral', label: 'Spiral' },
    { key: 'moons', label: 'Two moons' }, { key: 'checkerboard', label: 'Checkerboard' },
    { key: 'sine', label: 'Boundary y = 3 sin x' }, { key: 'cubic', label: 'Boundary y = x³/20' },
    { key: 'abs', label: 'Boundary y = |x| − 2.5' }, { key: 'fashion', label: 'Clothing' }],
  regression: [{ key: 'reg-plane', label: 'Plane' }, { key: 'reg-gauss', label: 'Multi Gaussian' }],
};

// The canvas's CSS size (the 56 px button less its border, see playground/styles.js).
const THUMB_CSS_PX = 52;
// A dot's radius in CSS px: 1,000 points on 56 px overlap into areas of their class's colour.
const DOT_CSS_PX = 1.3;
// Clothing has pictures, not points: its thumbnail is a T-shirt's outline (52 px box).
const SHIRT = [[16, 8], [22, 8], [26, 12], [30, 8], [36, 8], [46, 18], [40, 24], [36, 20], [36, 44], [16, 44], [16, 20], [12, 24], [6, 18]];

// Drawn at `ratio` device pixels per CSS px, like the point thumbnails (see setPreviews).
function drawShirt(picture, ratio) {
  const side = Math.round(THUMB_CSS_PX * ratio);
  const ctx = context2d(picture.begin(side, side));
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.fillStyle = '#0877bd';
  ctx.beginPath();
  SHIRT.forEach(([x, y]) => ctx.lineTo(x, y));
  ctx.fill();
  picture.show();
}

export class DatasetPicker {
  // onPick(problem, datasetKey) is called when a thumbnail is chosen.
  constructor(container, onPick) {
    this.buttons = new Map();
    this.pictures = new Map();
    this.lists = {};
    for (const [problem, sets] of Object.entries(DATASETS)) {
      const list = h('div', { class: 'dataset-list', role: 'group', 'aria-label': `${problem} datasets` });
      for (const { key, label } of sets) {
        const canvas = h('canvas', { class: 'dataset-thumb', width: THUMB_CSS_PX, height: THUMB_CSS_PX });
        const button = h('button', { type: 'button', class: 'dataset-button', title: label,
          'aria-label': key === 'fashion' ? 'Clothing pictures dataset' : `${label} dataset`, 'aria-pressed': 'false', dataset: { dataset: key },
          onclick: () => onPick(problem, key) }, canvas);
        this.buttons.set(key, button);
        this.pictures.set(key, new StillCanvas(canvas));
        if (key === 'fashion') drawShirt(this.pictures.get(key), globalThis.devicePixelRatio || 1);
        list.append(button);
      }
      this.lists[problem] = list;
      container.append(list);
    }
    // Why some thumbnails are greyed out: said in words, since a disabled button shows no tooltip.
    this.note = h('p', { class: 'hint dataset-note', hidden: true, dataset: { note: 'classes' } });
    container.append(this.note);
  }

  // previews: { datasetKey: Float32Array of [x, y, label, isTest] records }. Data sets that can
  // have more classes are drawn with `classes`; the others keep two and are greyed out when
  // more are asked for, since the engine will not make them.
  // The thumbnails are drawn one per task, the first at once: all eleven in one task took 35 to
  // 54 ms at 6x8 in Chromium (their 1,000 dots each), and they arrive just after the first frame,
  // so when Play follows at once that task fell in the first frames of training (bench:page's
  // "no main-thread task over 50 ms"). A newer call drops the drawings still waiting.
  setPreviews(previews, classes = 2, palette = 'classic') {
    this.last = { previews, classes, palette };
    this.watchRatio();
    // One canvas pixel per device pixel: a canvas drawn at another size is resampled by the
    // browser, which blurs the dots into their (white) neighbours.
    const ratio = globalThis.devicePixelRatio || 1;
    const side = Math.round(THUMB_CSS_PX * ratio);
    const drawings = [];
    for (const [key, points] of Object.entries(previews)) {
      const picture = this.pictures.get(key);
      const many = classes > 2 && MULTI_CLASS.has(key);
      if (picture) {
        drawings.push(() => {
          drawPoints(picture.begin(side, side), points, { showTest: true, sizePx: DOT_CSS_PX * ratio, outline: false,
            classes: many ? classes : 2, palette });
          picture.show();
        });
      }
      const button = this.buttons.get(key);
      if (!button || key.startsWith('reg-')) continue;
      button.disabled = classes > 2 && !MULTI_CLASS.has(key);
      const label = button.title.replace(/:.*/, '');
      button.title = button.disabled ? `${label}: makes only two classes` : label;
      button.setAttribute('aria-label', button.disabled ? `${label} dataset, makes only two classes` : `${label} dataset`);
    }
    const shirt = this.pictures.get('fashion');
    if (shirt && shirt.canvas.width !== side) drawShirt(shirt, ratio);
    this.note.hidden = !(classes > 2);
    this.note.textContent = classes > 2 ? `Greyed-out data sets make only two classes; set Classes to 2 to use them (${classes} are asked for).` : '';
    const run = (this.drawRun ?? 0) + 1;
    this.drawRun = run;
    const next = () => {
      if (this.drawRun !== run || !drawings.length) return;
      drawings.shift()();
      if (drawings.length) setTimeout(next, 0);
    };
    next();
  }

  // Zooming or moving the window to another screen changes the device-pixel ratio: the
  // thumbnails are drawn again at the new one.
  watchRatio() {
    const ratio = globalThis.devicePixelRatio || 1;
    if (this.watched === ratio || !globalThis.matchMedia) return;
    this.watched = ratio;
    globalThis.matchMedia(`(resolution: ${ratio}dppx)`).addEventListener('change', () => {
      if (this.last) this.setPreviews(this.last.previews, this.last.classes, this.last.palette);
    }, { once: true });
  }

  show(problem, selected) {
    for (const [name, list] of Object.entries(this.lists)) list.hidden = name !== problem;
    for (const [key, button] of this.buttons) button.setAttribute('aria-pressed', String(key === selected));
  }
}
