/**
 * The hazard-score chart: one row per hazard, one column per scenario × horizon, each cell showing the
 * 0–100 score as a number, as the length of a bar and as a shade. An SVG string built from the result
 * alone, so the printable document (server) and the report page (browser) draw the same chart.
 *
 * Colour-blind safe: the shades run along viridis (monotonic in lightness, readable with every common
 * colour-vision deficiency and in greyscale), and the number and the bar carry the value without colour.
 */
import { hazardsOf } from './headline.js';
import { cellLabel, hazardLabel, scenarioHeading } from './labels.js';
import type { Grade, Language, ScenarioView } from './shapes.js';

/** Viridis at nine even steps (matplotlib's table). */
const VIRIDIS = ['#440154', '#472d7b', '#3b528b', '#2c728e', '#21918c', '#28ae80', '#5ec962', '#addc30', '#fde725'] as const;

function hexToRgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

/**
 * The shade of a 0..1 intensity: light yellow for 0, dark violet for 1 (viridis reversed: more ink
 * means more risk, which also holds when the page is printed in black and white).
 */
export function riskShade(intensity: number): string {
  const t = 1 - Math.min(1, Math.max(0, Number.isFinite(intensity) ? intensity : 0));
  const position = t * (VIRIDIS.length - 1);
  const index = Math.min(VIRIDIS.length - 2, Math.floor(position));
  const [r1, g1, b1] = hexToRgb(VIRIDIS[index]!);
  const [r2, g2, b2] = hexToRgb(VIRIDIS[index + 1]!);
  const f = position - index;
  const mix = (a: number, b: number): string => Math.round(a + (b - a) * f).toString(16).padStart(2, '0');
  return `#${mix(r1, r2)}${mix(g1, g2)}${mix(b1, b2)}`;
}

/** Text drawn on a shade: white on the dark half of the scale, near-black on the light half. */
export function inkOn(intensity: number): string {
  return intensity > 0.5 ? '#ffffff' : '#1b1b1b';
}

const GRADE_INTENSITY: Record<Grade, number> = { A: 0.1, B: 0.3, C: 0.5, D: 0.7, E: 0.9 };

/** Grades share the chart's scale, so a grade and a score of the same severity look alike. */
export function gradeShade(grade: Grade): { fill: string; ink: string } {
  const intensity = GRADE_INTENSITY[grade];
  return { fill: riskShade(intensity), ink: inkOn(intensity) };
}

/** Escapes text for SVG and HTML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

export interface ChartOptions {
  language: Language;
  /** Prefix of the ids inside the SVG: two charts on one page need different ones. */
  idPrefix?: string;
  title?: string;
}

const LAYOUT = {
  labelWidth: 210,
  cellWidth: 60,
  cellHeight: 30,
  gap: 2,
  groupGap: 10,
  headerHeight: 46,
  legendHeight: 50,
  right: 12,
  font: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans KR', 'Malgun Gothic', sans-serif",
} as const;

const LEGEND_TICKS = [0, 20, 40, 60, 80, 100] as const;

/** The chart as a standalone SVG element (no external references, no script). */
export function hazardChartSvg(scenarios: readonly ScenarioView[], options: ChartOptions): string {
  const { language } = options;
  const id = options.idPrefix ?? 'hazard-chart';
  const hazards = hazardsOf(scenarios);
  const { labelWidth, cellWidth, cellHeight, gap, groupGap, headerHeight, legendHeight, right, font } = LAYOUT;

  // Column x positions, with a wider gap where the scenario changes.
  const xs: number[] = [];
  let x = labelWidth;
  scenarios.forEach((cell, i) => {
    if (i > 0 && cell.scenario !== scenarios[i - 1]?.scenario) x += groupGap;
    xs.push(x);
    x += cellWidth + gap;
  });
  const width = Math.max(x + right, labelWidth + 320);
  const gridBottom = headerHeight + hazards.length * (cellHeight + gap);
  const height = gridBottom + legendHeight;
  const title = options.title ?? '';
  const description = scenarios.length === 0 ? 'No scenario results.' : `${hazards.length} hazards × ${scenarios.length} scenario cells, scores 0–100.`;

  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="hazard-chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ` +
      `role="img" aria-labelledby="${id}-title ${id}-desc" font-family="${escapeXml(font)}" font-size="12">`,
    `<title id="${id}-title">${escapeXml(title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(description)}</desc>`,
  );

  // Column headings: the scenario once per group, the horizon per column.
  const groups: { scenario: ScenarioView['scenario']; from: number; to: number }[] = [];
  scenarios.forEach((cell, i) => {
    const last = groups[groups.length - 1];
    if (last && last.scenario === cell.scenario) last.to = i;
    else groups.push({ scenario: cell.scenario, from: i, to: i });
  });
  for (const group of groups) {
    const left = xs[group.from] ?? labelWidth;
    const rightEdge = (xs[group.to] ?? labelWidth) + cellWidth;
    parts.push(
      `<text x="${(left + rightEdge) / 2}" y="16" text-anchor="middle" font-weight="600" fill="#1b1b1b">${escapeXml(scenarioHeading(language, group.scenario))}</text>`,
      `<line x1="${left}" x2="${rightEdge}" y1="22" y2="22" stroke="#9a9a9a" stroke-width="1"/>`,
    );
  }
  scenarios.forEach((cell, i) => {
    const label = cell.horizon === null ? '1995–2014' : String(cell.horizon);
    parts.push(`<text x="${(xs[i] ?? 0) + cellWidth / 2}" y="38" text-anchor="middle" fill="#444">${escapeXml(label)}</text>`);
  });

  // Rows.
  hazards.forEach((hazard, row) => {
    const y = headerHeight + row * (cellHeight + gap);
    parts.push(
      `<text x="${labelWidth - 10}" y="${y + cellHeight / 2 + 4}" text-anchor="end" fill="#1b1b1b">${escapeXml(hazardLabel(language, hazard))}</text>`,
    );
    scenarios.forEach((cell, column) => {
      const result = cell.hazards.find((h) => h.hazard === hazard);
      if (!result) return;
      const score = Math.max(0, Math.min(100, result.hazardScore));
      const intensity = score / 100;
      const cx = xs[column] ?? 0;
      const ink = inkOn(intensity);
      const barWidth = ((cellWidth - 12) * score) / 100;
      const tooltip = `${hazardLabel(language, hazard)}, ${cellLabel(language, cell)}: ${score.toFixed(0)}`;
      parts.push(
        `<g class="chart-cell" data-hazard="${hazard}" data-scenario="${cell.scenario}" data-horizon="${cell.horizon ?? ''}" data-score="${score.toFixed(1)}">`,
        `<title>${escapeXml(tooltip)}</title>`,
        `<rect x="${cx}" y="${y}" width="${cellWidth}" height="${cellHeight}" rx="3" fill="${riskShade(intensity)}"/>`,
        `<text x="${cx + cellWidth / 2}" y="${y + 17}" text-anchor="middle" font-weight="600" fill="${ink}">${score.toFixed(0)}</text>`,
        `<rect x="${cx + 6}" y="${y + cellHeight - 7}" width="${barWidth.toFixed(1)}" height="3" fill="${ink}" opacity="0.85"/>`,
        '</g>',
      );
    });
  });

  // Legend: the scale with its ticks, so the shade can be read back as a number.
  const legendX = labelWidth;
  const legendWidth = 300;
  const legendY = gridBottom + 14;
  const stops = VIRIDIS.map((_, i) => {
    const t = i / (VIRIDIS.length - 1);
    return `<stop offset="${(t * 100).toFixed(1)}%" stop-color="${riskShade(t)}"/>`;
  }).join('');
  parts.push(
    `<defs><linearGradient id="${id}-scale" x1="0" x2="1" y1="0" y2="0">${stops}</linearGradient></defs>`,
    `<text x="${labelWidth - 10}" y="${legendY + 11}" text-anchor="end" fill="#444">${escapeXml(language === 'KO' ? '재해 점수' : 'Hazard score')}</text>`,
    `<rect x="${legendX}" y="${legendY}" width="${legendWidth}" height="12" fill="url(#${id}-scale)" stroke="#777" stroke-width="0.5"/>`,
  );
  for (const tick of LEGEND_TICKS) {
    const tx = legendX + (legendWidth * tick) / 100;
    parts.push(
      `<line x1="${tx}" x2="${tx}" y1="${legendY + 12}" y2="${legendY + 17}" stroke="#555"/>`,
      `<text x="${tx}" y="${legendY + 29}" text-anchor="middle" fill="#444">${tick}</text>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}
