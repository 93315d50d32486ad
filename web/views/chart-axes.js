// The loss chart's axes: round tick values and their labels, drawn on the chart's canvas.
// This module imports nothing of the project.

// About `count` round values (1, 2 or 5 times a power of ten apart, at least minStep) within
// [low, high].
export function niceTicks(low, high, count = 4, minStep = 0) {
  if (!(high > low)) return [low];
  const raw = Math.max(minStep, (high - low) / Math.max(1, count));
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const ticks = [];
  for (let v = Math.ceil(low / step - 1e-9) * step; v <= high + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

// A tick's label: few digits, thousands as "k".
export function tickText(v) {
  if (v === 0) return '0';
  if (Math.abs(v) >= 10000) return `${Number((v / 1000).toPrecision(3))}k`;
  if (Math.abs(v) >= 1) return String(Number(v.toPrecision(4)));
  return String(Number(v.toPrecision(2)));
}

// Draws the frame, grid lines and labels. plot: { left, right, top, bottom } in canvas px;
// ticks: { x: [[value, px]], y: [[value, px]], right: [[text, px]] | null }; ratio: canvas px per CSS px.
export function drawAxes(ctx, plot, ticks, ratio) {
  ctx.save();
  ctx.font = `${10 * ratio}px system-ui, sans-serif`;
  ctx.fillStyle = '#666';
  ctx.strokeStyle = '#e4e4e4';
  ctx.lineWidth = ratio;
  ctx.beginPath();
  for (const [, py] of ticks.y) {
    ctx.moveTo(plot.left, Math.round(py) + 0.5);
    ctx.lineTo(plot.right, Math.round(py) + 0.5);
  }
  ctx.stroke();
  ctx.strokeStyle = '#999';
  ctx.beginPath();
  ctx.moveTo(plot.left, plot.top);
  ctx.lineTo(plot.left, plot.bottom);
  ctx.lineTo(plot.right, plot.bottom);
  if (ticks.right) ctx.lineTo(plot.right, plot.top);
  ctx.stroke();
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const [v, py] of ticks.y) ctx.fillText(tickText(v), plot.left - 3 * ratio, py);
  if (ticks.right) {
    ctx.textAlign = 'left';
    for (const [text, py] of ticks.right) ctx.fillText(text, plot.right + 3 * ratio, py);
  }
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const [v, px] of ticks.x) ctx.fillText(tickText(v), px, plot.bottom + 2 * ratio);
  ctx.restore();
}
