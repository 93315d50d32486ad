// A small plot of a node's activation f over z, with its axes and the point (z, f(z)) of the
// followed input marked, drawn on a canvas in the colours of the panel's text.
import { context2d } from '../shared/canvas.js';

const PAD = 6;

export function drawActivation(canvas, f, z, a) {
  const ctx = context2d(canvas);
  if (!ctx) return;
  const scale = canvas.ownerDocument.defaultView?.devicePixelRatio || 1;
  const width = Number(canvas.getAttribute('width'));
  const height = Number(canvas.getAttribute('height'));
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  ctx.scale(scale, scale);
  const reach = Math.max(4, Math.ceil(Math.abs(z) * 1.25));
  const zs = Array.from({ length: 81 }, (_, j) => -reach + (2 * reach * j) / 80);
  const ys = zs.map(f).filter(Number.isFinite);
  let low = Math.min(0, ...ys, a);
  let high = Math.max(0, ...ys, a);
  if (high - low < 1e-6) { low -= 1; high += 1; }
  const x = (v) => PAD + ((v + reach) / (2 * reach)) * (width - 2 * PAD);
  const y = (v) => height - PAD - ((v - low) / (high - low)) * (height - 2 * PAD);
  const style = canvas.ownerDocument.defaultView?.getComputedStyle?.(canvas);
  const ink = style?.color || '#333';
  ctx.clearRect(0, 0, width, height);
  ctx.globalAlpha = 0.45;
  ctx.strokeStyle = ink;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(PAD, y(0));
  ctx.lineTo(width - PAD, y(0));
  ctx.moveTo(x(0), PAD);
  ctx.lineTo(x(0), height - PAD);
  ctx.stroke();
  ctx.globalAlpha = 1;
  ctx.strokeStyle = '#0877bd';
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  zs.forEach((v, j) => (j === 0 ? ctx.moveTo(x(v), y(f(v))) : ctx.lineTo(x(v), y(f(v)))));
  ctx.stroke();
  // Dashed guides from the axes to (z, a), then the point itself.
  ctx.setLineDash([2, 2]);
  ctx.strokeStyle = ink;
  ctx.beginPath();
  ctx.moveTo(x(z), y(0));
  ctx.lineTo(x(z), y(a));
  ctx.lineTo(x(0), y(a));
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.fillStyle = '#e8a317';
  ctx.beginPath();
  ctx.arc(x(z), y(a), 3.5, 0, 2 * Math.PI);
  ctx.fill();
  ctx.fillStyle = ink;
  ctx.font = '9px system-ui, sans-serif';
  ctx.fillText('z', width - PAD - 5, y(0) - 3);
  ctx.fillText('f(z)', x(0) + 3, PAD + 7);
}
