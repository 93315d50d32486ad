// Stands in for <nn-playground> (metrics.frames, play()) so that bench/webkit-frame.mjs can
// measure this page: each animation frame changes what the hash asks for (see index.html).
const q = Object.fromEntries(new URLSearchParams(location.hash.slice(1)));
const filler = document.getElementById('filler');
for (let i = 0; i < Number(q.filler ?? 0); i++) {
  const p = document.createElement('p');
  p.textContent = `Lorem ipsum dolor sit amet, consectetur adipiscing elit ${i}`;
  filler.append(p);
}
for (const c of (q.cls ?? '').split(',')) if (c) document.body.classList.add(c);
const cv = document.getElementById('cv');
const size = Number(q.canvas ?? 0);
if (size) cv.style.width = cv.style.height = `${size}px`;
else cv.hidden = true;
const small = [];
for (let i = 0; i < Number(q.ncv ?? 0); i++) {
  const c = document.createElement('canvas');
  c.width = c.height = 30;
  document.getElementById('box').append(c);
  small.push(c.getContext('2d', { willReadFrequently: true }));
}
const ctx = cv.getContext('2d', q.accel ? {} : { willReadFrequently: true });
const img = ctx.createImageData(100, 100);
const count = document.getElementById('count');

class Probe extends HTMLElement {
  constructor() {
    super();
    this.metrics = { frames: 1, epoch: 0 };
  }

  play() {
    const step = () => {
      const n = ++this.metrics.frames;
      if (q.text !== '0') count.textContent = String(n);
      if (size) {
        const d = img.data;
        for (let i = 0; i < d.length; i += 4) {
          d[i] = n & 255;
          d[i + 1] = i & 255;
          d[i + 2] = 255 - (n & 255);
          d[i + 3] = 255;
        }
        ctx.putImageData(img, 0, 0);
      }
      for (const c of small) {
        c.fillStyle = `rgb(${n & 255},0,0)`;
        c.fillRect(0, 0, 30, 30);
      }
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  }
}
customElements.define('nn-playground', Probe);
