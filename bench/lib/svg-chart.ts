/** Minimal hand-written SVG charts (no browser): horizontal bars and a single-series line. */
const esc = (s: string) => s.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);

export interface Bar {
  label: string;
  value: number;
}

export function barChart(title: string, unit: string, bars: Bar[]): string {
  const rowH = 22;
  const left = 260;
  const width = 760;
  const height = 40 + bars.length * rowH + 10;
  const max = Math.max(1e-9, ...bars.map((b) => (Number.isFinite(b.value) ? b.value : 0)));
  const rows = bars.map((b, i) => {
    const y = 34 + i * rowH;
    const v = Number.isFinite(b.value) ? b.value : 0;
    const w = ((width - left - 90) * v) / max;
    return (
      `<text x="${left - 6}" y="${y + 14}" text-anchor="end">${esc(b.label)}</text>` +
      `<rect x="${left}" y="${y}" width="${w.toFixed(1)}" height="${rowH - 6}" fill="#4c78a8"/>` +
      `<text x="${left + w + 4}" y="${y + 14}">${esc(String(b.value))} ${esc(unit)}</text>`
    );
  });
  return svg(width, height, title, rows.join(''));
}

export function lineChart(
  title: string,
  xUnit: string,
  yUnit: string,
  pts: [number, number][],
): string {
  const width = 760;
  const height = 300;
  const pad = { l: 60, r: 20, t: 30, b: 40 };
  const maxX = Math.max(1e-9, ...pts.map((p) => p[0]));
  const maxY = Math.max(1e-9, ...pts.map((p) => p[1]));
  const sx = (x: number) => pad.l + ((width - pad.l - pad.r) * x) / maxX;
  const sy = (y: number) => height - pad.b - ((height - pad.t - pad.b) * y) / maxY;
  const path = pts.map((p, i) => `${i ? 'L' : 'M'}${sx(p[0]).toFixed(1)},${sy(p[1]).toFixed(1)}`);
  const body =
    `<line x1="${pad.l}" y1="${height - pad.b}" x2="${width - pad.r}" y2="${height - pad.b}" stroke="#333"/>` +
    `<line x1="${pad.l}" y1="${pad.t}" x2="${pad.l}" y2="${height - pad.b}" stroke="#333"/>` +
    `<text x="${pad.l - 4}" y="${pad.t + 4}" text-anchor="end">${maxY}</text>` +
    `<text x="${width - pad.r}" y="${height - 10}" text-anchor="end">${maxX} ${esc(xUnit)}</text>` +
    `<text x="8" y="${pad.t - 10}">${esc(yUnit)}</text>` +
    `<path d="${path.join('')}" fill="none" stroke="#4c78a8" stroke-width="2"/>`;
  return svg(width, height, title, body);
}

function svg(w: number, h: number, title: string, body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" font-family="sans-serif" font-size="12">` +
    `<rect width="100%" height="100%" fill="#fff"/>` +
    `<text x="10" y="18" font-weight="bold">${esc(title)}</text>${body}</svg>\n`
  );
}
