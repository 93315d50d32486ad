// Links laid out in 7 columns like a diagram's, with widths and colours spread as trained weights
// spread them; a fixed seed, so every engine draws the same picture.
const LINKS = 7 * 8 + 5 * 64 + 8;
const canvas = document.getElementById('links');
const ctx = canvas.getContext('2d', { willReadFrequently: true });
let seed = 1;
const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
const links = Array.from({ length: LINKS }, (_, i) => ({
  x1: 40 + 70 * (i % 7), y1: 20 + random() * 380, x2: 110 + 70 * (i % 7), y2: 20 + random() * 380,
  width: 0.5 + random() * 5, color: random() < 0.5 ? `rgb(8, 119, ${150 + (i % 50)})` : `rgb(245, 147, ${i % 50})`,
}));

function redraw(mode) {
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  for (const { x1, y1, x2, y2, width, color } of links) {
    const mx = (x1 + x2) / 2;
    ctx.strokeStyle = color;
    ctx.lineWidth = mode === 'thin' ? 1 : width;
    ctx.beginPath();
    ctx.moveTo(x1, y1);
    if (mode === 'straight') ctx.lineTo(x2, y2);
    else ctx.bezierCurveTo(mx, y1, mx, y2, x2, y2);
    ctx.stroke();
  }
  // Reading a pixel back waits for the drawing to be done, in engines that defer it.
  ctx.getImageData(0, 0, 1, 1);
}

// Mean ms of ten redraws after one to warm up.
window.strokeMs = (mode) => {
  redraw(mode);
  const start = performance.now();
  for (let i = 0; i < 10; i += 1) redraw(mode);
  return (performance.now() - start) / 10;
};
