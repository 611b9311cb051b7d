/** The Markdown and HTML documents of a finished report, rendered from the real analyzer's result. */
import { describe, expect, it } from 'vitest';
import { hazardChartSvg, riskShade } from '../../src/documents/chart.js';
import { escapeMarkdown, renderMarkdown, scoreBar } from '../../src/documents/markdown.js';
import { renderHtml } from '../../src/documents/html.js';
import { WORDS } from '../../src/documents/labels.js';
import { worldOutline } from '../../src/documents/world-outline.js';
import { MAP_WIDTH, worldMapSvg } from '../../src/documents/world-map.js';
import { sampleDocument, SAMPLE_ID } from './sample.js';

describe('the Markdown document', () => {
  const doc = sampleDocument('EN');
  const markdown = renderMarkdown(doc);

  it('has every section in order: summary, asset, results, chart, hazards, recommendations, narrative, methodology, data quality', () => {
    const w = WORDS.EN;
    const headings = [...markdown.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(headings).toEqual([w.summary, w.asset, w.scenarioTable, w.chart, w.hazardDetails, w.recommendations, w.narrative, w.methodology, w.dataQuality]);
    expect(markdown).toContain(`\`${SAMPLE_ID}\``);
  });

  it('has one hazard table per scenario and horizon, baseline first', () => {
    const cells = [...markdown.matchAll(/^### (.+)$/gm)].map((m) => m[1]).filter((t) => !/Key risks|Recommended actions/.test(t ?? ''));
    expect(cells).toHaveLength(doc.analysis.scenarios.length);
    expect(cells[0]).toBe('Baseline (1995–2014)');
    expect(cells).toContain('SSP5-8.5 2100');
  });

  it('draws the chart as a table with a bar and the score in each cell', () => {
    const pluvial = markdown.split('\n').find((line) => line.startsWith('| Pluvial (surface-water) flooding | ▁') || line.startsWith('| Pluvial (surface-water) flooding |'));
    expect(pluvial).toBeDefined();
    const score = doc.analysis.scenarios[0]?.hazards.find((h) => h.hazard === 'PLUVIAL_FLOOD')?.hazardScore ?? 0;
    expect(pluvial).toContain(`${scoreBar(score)} ${score.toFixed(0)}`);
  });

  it('names the narrative’s source and language, and lists every data-quality assumption', () => {
    expect(markdown).toContain('Written by the built-in template; language EN.');
    for (const proxy of doc.analysis.dataQuality.proxies) expect(markdown).toContain(escapeMarkdown(proxy));
  });

  it('is written in Korean for a Korean report', () => {
    const korean = renderMarkdown(sampleDocument('KO'));
    expect(korean).toMatch(/^# 물리적 기후 리스크 보고서: /);
    expect(korean).toContain('## 요약');
    expect(korean).toContain('## 권장 대응');
    expect(korean).toContain('기준기간 (1995–2014)');
  });

  it('escapes what the user typed, so a name cannot break a table or inject markup', () => {
    const hostile = sampleDocument('EN', { building: { name: 'A | B <img src=x> **bold**' } });
    const text = renderMarkdown(hostile);
    expect(text).toContain('A \\| B \\<img src=x\\> \\*\\*bold\\*\\*');
    expect(text).not.toMatch(/(?<!\\)<img/); // only the escaped form
  });
});

describe('the HTML document', () => {
  const doc = sampleDocument('EN');
  const html = renderHtml(doc, { worldOutline: worldOutline() });

  it('is one self-contained page: no external reference, styles inline', () => {
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<html lang="en">');
    const references = [...html.matchAll(/\b(?:src|href)\s*=\s*["']([^"']+)["']/gi)].map((m) => m[1]);
    expect(references).toEqual([]);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });

  it('carries the chart (a cell per hazard and scenario cell) and the map with the asset’s marker', () => {
    const cells = html.match(/class="chart-cell"/g) ?? [];
    expect(cells).toHaveLength(doc.analysis.scenarios.length * (doc.analysis.scenarios[0]?.hazards.length ?? 0));
    expect(html).toContain('class="world-map"');
    expect(html).toContain('data-latitude="35.1566" data-longitude="129.145"');
  });

  it('escapes what the user typed', () => {
    const hostile = renderHtml(sampleDocument('EN', { building: { name: '<script>alert(1)</script>' } }));
    expect(hostile).not.toContain('<script>');
    expect(hostile).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('is in Korean for a Korean report', () => {
    const korean = renderHtml(sampleDocument('KO'));
    expect(korean).toContain('<html lang="ko">');
    expect(korean).toContain('연간 기대손실');
  });
});

describe('the chart', () => {
  it('shades from light (score 0) to dark (score 100), so print in grey keeps the order', () => {
    const luminance = (hex: string): number => {
      const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const shades = [0, 0.25, 0.5, 0.75, 1].map((t) => luminance(riskShade(t)));
    for (let i = 1; i < shades.length; i += 1) expect(shades[i]).toBeLessThan(shades[i - 1] ?? 1);
  });

  it('gives each cell its score in words for screen readers', () => {
    const svg = hazardChartSvg(sampleDocument('EN').analysis.scenarios, { language: 'EN', title: 'Scores' });
    expect(svg).toMatch(/<title>Extreme heat, SSP5-8\.5 2100: \d+<\/title>/);
    expect(svg).toContain('aria-labelledby="hazard-chart-title hazard-chart-desc"');
  });
});

describe('the world map', () => {
  it('projects the bundled outline without streaks across the antimeridian', () => {
    const outline = worldOutline();
    expect(outline).toBeDefined();
    expect(outline).not.toContain('NaN');
    // Within a ring no step may span half the map: that would be a line drawn across the world.
    for (const ring of (outline ?? '').split('Z')) {
      const xs = [...ring.matchAll(/[ML](-?[\d.]+) /g)].map((m) => Number(m[1]));
      for (let i = 1; i < xs.length; i += 1) expect(Math.abs((xs[i] ?? 0) - (xs[i - 1] ?? 0))).toBeLessThan(MAP_WIDTH / 2);
    }
  });

  it('puts the marker where the coordinates are', () => {
    const svg = worldMapSvg({ outline: '', latitude: 0, longitude: 0, label: 'x' });
    expect(svg).toContain(`cx="${MAP_WIDTH / 2}.0"`);
  });
});
