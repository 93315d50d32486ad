// Draw your own: a small canvas the learner paints a garment on, with a mouse, a finger or a
// pen (pointer events), or the keyboard (arrow keys move the pen, Space paints, Delete
// erases). It reports the picture after every change; the caller asks the network about it.
import { context2d } from '../shared/canvas.js';
import { h } from '../shared/dom.js';
import { paintImage } from './pixels.js';
import { stamp, strokeTo, movePen, inkBytes } from './brush.js';

const HELP = 'Draw with the mouse or a finger. Keys: arrows move the pen (Shift: 4 pixels), Space paints, '
  + 'Delete erases, P toggles painting while moving.';

export class DrawPad {
  // onChange(bytes: Uint8Array of width*height, 0..255) after each stroke and key press.
  constructor({ onChange = () => {} } = {}) {
    this.onChange = onChange;
    Object.assign(this, { width: 28, height: 28, pen: { x: 14, y: 14 }, penDown: false, drawing: null, frame: 0 });
    this.ink = new Float32Array(this.width * this.height);
    this.canvas = h('canvas', { class: 'draw-canvas', width: this.width, height: this.height, tabindex: 0,
      role: 'application', 'aria-label': 'Drawing area for your own garment picture',
      'aria-describedby': 'draw-help', 'aria-roledescription': 'drawing canvas' });
    this.help = h('p', { class: 'hint draw-help', id: 'draw-help' }, HELP);
    this.status = h('p', { class: 'visually-hidden', 'aria-live': 'polite' });
    this.clearButton = h('button', { type: 'button', class: 'text-button small', onclick: () => this.clear() }, 'Clear');
    this.canvas.addEventListener('pointerdown', (e) => this.pointerDown(e));
    this.canvas.addEventListener('pointermove', (e) => this.pointerMove(e));
    for (const type of ['pointerup', 'pointercancel', 'lostpointercapture']) this.canvas.addEventListener(type, () => this.pointerUp());
    this.canvas.addEventListener('keydown', (e) => this.key(e));
    this.canvas.addEventListener('blur', () => this.paint());
    this.canvas.addEventListener('focus', () => this.paint());
    this.el = h('div', { class: 'draw-pad' }, this.canvas, h('div', { class: 'draw-tools' }, this.clearButton), this.help, this.status);
    this.paint();
  }

  // A new image size (28 or 14 pixels a side): the drawing starts empty.
  setSize(width, height) {
    if (width === this.width && height === this.height) return;
    Object.assign(this, { width, height, pen: { x: width / 2, y: height / 2 } });
    this.ink = new Float32Array(width * height);
    this.canvas.width = width;
    this.canvas.height = height;
    this.paint();
  }

  // Starts from a picture (bytes 0..255 or floats 0..1), e.g. the test image being looked at.
  load(pixels) {
    for (let i = 0; i < this.ink.length; i++) this.ink[i] = pixels[i] / (pixels instanceof Float32Array ? 1 : 255);
    this.changed();
  }

  clear() {
    this.ink.fill(0);
    this.status.textContent = 'Drawing cleared.';
    this.changed();
  }

  get pixels() {
    return inkBytes(this.ink);
  }

  // Image pixel under a pointer event.
  at(e) {
    const box = this.canvas.getBoundingClientRect();
    return { x: ((e.clientX - box.left) / box.width) * this.width, y: ((e.clientY - box.top) / box.height) * this.height };
  }

  pointerDown(e) {
    if (e.button !== 0 && e.pointerType === 'mouse') return;
    e.preventDefault();
    // Firefox and WebKit throw for a pointer that is already gone (it ended before this ran):
    // the stroke is drawn anyway, only not followed outside the pad.
    try {
      this.canvas.setPointerCapture?.(e.pointerId);
    } catch {
      // no capture: the pad's own pointermove events still draw
    }
    // The right button, or a pen's eraser end, erases.
    this.drawing = { last: this.at(e), erase: e.buttons === 32 || e.shiftKey };
    stamp(this.ink, this.width, this.height, this.drawing.last.x, this.drawing.last.y, undefined, this.drawing.erase);
    this.scheduleChange();
  }

  pointerMove(e) {
    if (!this.drawing) return;
    e.preventDefault();
    const next = this.at(e);
    if (strokeTo(this.ink, this.width, this.height, this.drawing.last, next, undefined, this.drawing.erase)) this.scheduleChange();
    this.drawing.last = next;
  }

  pointerUp() {
    if (!this.drawing) return;
    this.drawing = null;
    this.changed();
  }

  key(e) {
    const key = e.key;
    const next = movePen(this.pen, key, e.shiftKey, this.width, this.height);
    if (next) {
      e.preventDefault();
      if (this.penDown) strokeTo(this.ink, this.width, this.height, this.pen, next);
      this.pen = next;
      this.status.textContent = `Pen at column ${Math.floor(next.x) + 1}, row ${Math.floor(next.y) + 1}${this.penDown ? ', painting' : ''}.`;
      if (this.penDown) this.changed();
      else this.paint();
    } else if (key === ' ' || key === 'Enter') {
      e.preventDefault();
      stamp(this.ink, this.width, this.height, this.pen.x, this.pen.y);
      this.changed();
    } else if (key === 'Delete' || key === 'Backspace') {
      e.preventDefault();
      stamp(this.ink, this.width, this.height, this.pen.x, this.pen.y, undefined, true);
      this.changed();
    } else if (key === 'p' || key === 'P') {
      e.preventDefault();
      this.penDown = !this.penDown;
      this.status.textContent = this.penDown ? 'Painting while the pen moves.' : 'Pen lifted.';
      this.paint();
    }
  }

  // While a stroke goes on, the network is asked at most once per animation frame.
  scheduleChange() {
    this.paint();
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.onChange(this.pixels);
    });
  }

  changed() {
    this.paint();
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.onChange(this.pixels);
  }

  paint() {
    const ctx = context2d(this.canvas);
    const image = ctx.createImageData(this.width, this.height);
    paintImage(image.data, this.width, 0, 0, this.ink, 0, this.width, this.height);
    // The keyboard pen shows while the canvas has the focus: its pixel in the accent colour.
    if (this.canvas.ownerDocument.activeElement === this.canvas || this.canvas.getRootNode().activeElement === this.canvas) {
      const o = (Math.floor(this.pen.y) * this.width + Math.floor(this.pen.x)) * 4;
      image.data.set(this.penDown ? [214, 40, 40, 255] : [8, 119, 189, 255], o);
    }
    ctx.putImageData(image, 0, 0);
  }
}
