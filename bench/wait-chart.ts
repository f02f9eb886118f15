// The SVG chart of npm run bench:wait: model turns (log scale) and detection
// latency per strategy against run length. Plain SVG, no dependencies.

export interface ChartSeries {
  readonly label: string;
  readonly color: string;
  /** SVG stroke-dasharray, so lines that coincide stay visible. */
  readonly dash?: string;
  /** One value per run length, in the order of the x labels. */
  readonly turns: readonly number[];
  readonly latency: readonly number[];
}

const W = 880;
const H = 380;
const PANEL = { width: 340, height: 250, top: 60 };
const LEFTS = [70, 500];

const esc = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function panel(left: number, title: string, xLabels: readonly string[], series: readonly ChartSeries[], pick: (s: ChartSeries) => readonly number[], log: boolean, unit: string): string {
  const values = series.flatMap((s) => pick(s));
  const max = Math.max(1, ...values);
  const top = log ? 10 ** Math.ceil(Math.log10(max)) : Math.ceil((max * 1.15) / 10) * 10;
  const y = (v: number): number => {
    const share = log ? Math.log10(Math.max(1, v)) / Math.log10(top) : v / top;
    return PANEL.top + PANEL.height - share * PANEL.height;
  };
  const x = (i: number): number => left + 30 + (i * (PANEL.width - 60)) / Math.max(1, xLabels.length - 1);
  const ticks = log ? Array.from({ length: Math.log10(top) + 1 }, (_, i) => 10 ** i) : [0, top / 4, top / 2, (3 * top) / 4, top];
  const parts: string[] = [
    `<text x="${left + PANEL.width / 2}" y="${PANEL.top - 20}" text-anchor="middle" font-weight="bold">${esc(title)}</text>`,
    `<rect x="${left}" y="${PANEL.top}" width="${PANEL.width}" height="${PANEL.height}" fill="none" stroke="#999"/>`,
  ];
  for (const tick of ticks) {
    parts.push(`<line x1="${left}" x2="${left + PANEL.width}" y1="${y(tick).toFixed(1)}" y2="${y(tick).toFixed(1)}" stroke="#eee"/>`);
    parts.push(`<text x="${left - 6}" y="${(y(tick) + 4).toFixed(1)}" text-anchor="end" font-size="11">${tick}${unit}</text>`);
  }
  xLabels.forEach((label, i) => parts.push(`<text x="${x(i)}" y="${PANEL.top + PANEL.height + 18}" text-anchor="middle" font-size="12">${esc(label)}</text>`));
  for (const s of series) {
    const points = pick(s).map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`);
    parts.push(`<polyline points="${points.join(" ")}" fill="none" stroke="${s.color}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ""}/>`);
    pick(s).forEach((v, i) => parts.push(`<circle cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="3.5" fill="${s.color}"><title>${esc(`${s.label}: ${v}${unit}`)}</title></circle>`));
  }
  return parts.join("\n");
}

export function renderChart(xLabels: readonly string[], series: readonly ChartSeries[], caption: string): string {
  const legend = series
    .map((s, i) => `<g transform="translate(${70 + i * 205},${H - 22})"><rect width="14" height="4" y="-6" fill="${s.color}"/><text x="20" y="0" font-size="12">${esc(s.label)}</text></g>`)
    .join("\n");
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="13">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${W / 2}" y="18" text-anchor="middle" font-size="12" fill="#555">${esc(caption)}</text>`,
    panel(LEFTS[0]!, "Model turns spent waiting (log scale)", xLabels, series, (s) => s.turns, true, ""),
    panel(LEFTS[1]!, "Detection latency, mean (simulated s)", xLabels, series, (s) => s.latency, false, "s"),
    legend,
    "</svg>",
    "",
  ].join("\n");
}
