/**
 * A finished report as one printable HTML page, in the report's language: the same sections as the
 * Markdown document, with the hazard-score chart and the world map drawn inline as SVG. Self-contained
 * (inline styles, no external reference; the only script is the print button's handler, allowed by
 * hash in the route's Content-Security-Policy), so it prints to PDF from any browser, offline.
 */
import { escapeXml as escapeHtml, gradeShade, hazardChartSvg } from './chart.js';
import { formatCoordinates, formatIndicator, formatKm, formatMoney, formatNumber, formatPercent, formatTimestamp } from './format.js';
import { headline } from './headline.js';
import {
  categoryLabel,
  cellLabel,
  gradeMeaning,
  hazardLabel,
  occupancyLabel,
  priorityLabel,
  structureLabel,
  WORDS,
} from './labels.js';
import { subjectName } from './markdown.js';
import type { Grade, Language, ReportDocument, ScenarioView } from './shapes.js';
import { worldMapSvg } from './world-map.js';

export { escapeHtml };

/** The print button's handler; the route allows exactly this script by its hash. */
export const PRINT_HANDLER = 'window.print()';

export interface HtmlOptions {
  /** The land outline for the map (world-map.ts); without it the map is left out. */
  worldOutline?: string;
}

const STYLE = `
  :root { color-scheme: light; --ink: #1b1b1b; --muted: #5a6470; --line: #d9dee3; --soft: #f4f6f8; --accent: #0072B2; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans KR", "Malgun Gothic", sans-serif; color: var(--ink); background: #fff; }
  main { max-width: 960px; margin: 0 auto; padding: 32px 28px 48px; }
  header.doc { border-bottom: 3px solid var(--accent); padding-bottom: 12px; margin-bottom: 20px; display: flex; justify-content: space-between; gap: 16px; align-items: flex-end; }
  .kicker { text-transform: uppercase; letter-spacing: .08em; font-size: 12px; color: var(--accent); font-weight: 600; margin: 0; }
  h1 { font-size: 26px; margin: 4px 0 6px; line-height: 1.25; }
  h2 { font-size: 18px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
  h3 { font-size: 14px; margin: 18px 0 6px; }
  .meta { color: var(--muted); font-size: 12.5px; margin: 0; }
  .meta code { font-size: 12px; }
  .kpis { display: grid; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); gap: 14px; }
  .kpi { border: 1px solid var(--line); border-radius: 8px; padding: 14px 16px; display: grid; grid-template-columns: auto 1fr; gap: 4px 16px; align-items: center; break-inside: avoid; }
  .kpi h3 { grid-column: 1 / -1; margin: 0 0 6px; font-size: 13px; color: var(--muted); font-weight: 600; }
  .grade { width: 64px; height: 64px; border-radius: 8px; display: grid; place-items: center; font-size: 34px; font-weight: 700; border: 1px solid rgba(0,0,0,.25); -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .kpi dl { margin: 0; display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; font-size: 13px; }
  .kpi dt { color: var(--muted); }
  .kpi dd { margin: 0; font-weight: 600; font-variant-numeric: tabular-nums; }
  .asset { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1.25fr); gap: 18px; align-items: start; }
  .asset dl { margin: 0; display: grid; grid-template-columns: auto 1fr; gap: 4px 14px; }
  .asset dt { color: var(--muted); }
  .asset dd { margin: 0; }
  figure { margin: 0; break-inside: avoid; }
  figcaption { font-size: 12px; color: var(--muted); margin-top: 6px; }
  svg { max-width: 100%; height: auto; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .world-map { border: 1px solid var(--line); border-radius: 6px; }
  table { border-collapse: collapse; width: 100%; font-size: 12.5px; break-inside: avoid; }
  th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
  thead th { background: var(--soft); font-weight: 600; }
  td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
  thead th.num { white-space: normal; }
  .pill { display: inline-block; min-width: 1.8em; text-align: center; border-radius: 4px; padding: 0 6px; font-weight: 700; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  ol.recs { padding-left: 20px; }
  ol.recs li { margin-bottom: 8px; break-inside: avoid; }
  .tag { display: inline-block; font-size: 11.5px; border: 1px solid var(--line); border-radius: 10px; padding: 0 8px; margin-left: 6px; color: var(--muted); white-space: nowrap; }
  .tag.HIGH { border-color: #D55E00; color: #8a3a00; font-weight: 600; }
  .source { background: var(--soft); border-left: 3px solid var(--accent); padding: 6px 10px; font-size: 12.5px; color: var(--muted); }
  .note { font-size: 12.5px; color: var(--muted); }
  footer { margin-top: 36px; padding-top: 10px; border-top: 1px solid var(--line); font-size: 11.5px; color: var(--muted); }
  .print { font: inherit; font-size: 13px; padding: 6px 14px; border: 1px solid var(--accent); background: var(--accent); color: #fff; border-radius: 6px; cursor: pointer; }
  @page { size: A4; margin: 14mm 12mm; }
  @media print {
    .no-print { display: none !important; }
    main { max-width: none; padding: 0; }
    h2 { break-after: avoid; }
    body { font-size: 12px; }
    table { font-size: 10.5px; }
    th, td { padding: 4px 5px; }
  }
  @media (max-width: 720px) { .asset { grid-template-columns: 1fr; } header.doc { flex-direction: column; align-items: flex-start; } }
`;

function gradeBadge(grade: Grade, className = 'grade'): string {
  const { fill, ink } = gradeShade(grade);
  return `<span class="${className}" style="background:${fill};color:${ink}">${grade}</span>`;
}

function money(doc: ReportDocument, amount: number): string {
  return escapeHtml(formatMoney(amount, doc.analysis.currency, doc.subject.language));
}

function kpiCard(doc: ReportDocument, cell: ScenarioView, title: string, language: Language): string {
  const w = WORDS[language];
  const t = cell.total;
  return (
    `<section class="kpi" data-cell="${cell.scenario}-${cell.horizon ?? 'baseline'}">` +
    `<h3>${escapeHtml(title)}: ${escapeHtml(cellLabel(language, cell))}</h3>` +
    `<div>${gradeBadge(t.grade)}</div>` +
    `<dl><dt>${escapeHtml(w.grade)}</dt><dd>${t.grade} · ${escapeHtml(gradeMeaning(language, t.grade))}</dd>` +
    `<dt>${escapeHtml(w.overallScore)}</dt><dd>${formatNumber(t.overallScore, 0, language)} / 100</dd>` +
    `<dt>${escapeHtml(w.eal)}</dt><dd>${money(doc, t.ealAmount)} (${formatPercent(t.ealFraction)})</dd>` +
    `<dt>${escapeHtml(w.loss100)}</dt><dd>${money(doc, t.loss100Amount)} (${formatPercent(t.loss100Fraction)})</dd></dl>` +
    '</section>'
  );
}

function definitionList(rows: readonly [string, string][]): string {
  return `<dl>${rows.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${value}</dd>`).join('')}</dl>`;
}

function assetSection(doc: ReportDocument, language: Language, options: HtmlOptions): string {
  const w = WORDS[language];
  const { building, location, asset } = doc.subject;
  const rows: [string, string][] = [];
  if (building.name) rows.push([w.building, escapeHtml(building.name)]);
  if (location.address) rows.push([w.address, escapeHtml(location.address)]);
  rows.push(
    [w.coordinates, escapeHtml(formatCoordinates(location.latitude, location.longitude))],
    [w.occupancy, escapeHtml(occupancyLabel(language, building.occupancy))],
    [w.structure, escapeHtml(structureLabel(language, building.structure))],
    [w.floors, `${building.floorsAboveGround} / ${building.basementFloors}`],
  );
  if (building.yearBuilt) rows.push([w.yearBuilt, String(building.yearBuilt)]);
  rows.push(
    [w.buildingValue, escapeHtml(formatMoney(asset.value, asset.currency, language))],
    [w.contentsValue, escapeHtml(formatMoney(asset.contentsValue, asset.currency, language))],
    [w.insuredValue, money(doc, doc.analysis.assetValue)],
  );
  const label = `${w.map}: ${formatCoordinates(location.latitude, location.longitude)}`;
  const map =
    options.worldOutline === undefined
      ? ''
      : `<figure>${worldMapSvg({ outline: options.worldOutline, latitude: location.latitude, longitude: location.longitude, label })}` +
        `<figcaption>${escapeHtml(label)} · Natural Earth</figcaption></figure>`;
  return `<h2>${escapeHtml(w.asset)}</h2><div class="asset">${definitionList(rows)}${map}</div>`;
}

/** The totals of every scenario cell as an HTML table (the dashboard shows the same table). */
export function scenarioTableHtml(doc: ReportDocument, language: Language): string {
  const w = WORDS[language];
  const head = [w.scenario, w.warming, w.seaLevel, w.grade, w.overallScore, w.eal, w.loss100, w.loss250];
  const rows = doc.analysis.scenarios.map((cell) => {
    const t = cell.total;
    return (
      '<tr>' +
      `<td>${escapeHtml(cellLabel(language, cell))}</td>` +
      `<td class="num">${formatNumber(cell.gwlC, 2, language)} °C</td>` +
      `<td class="num">${formatNumber(cell.slrM, 2, language)} m</td>` +
      `<td>${gradeBadge(t.grade, 'pill')}</td>` +
      `<td class="num">${formatNumber(t.overallScore, 0, language)}</td>` +
      `<td class="num">${money(doc, t.ealAmount)}<br>${formatPercent(t.ealFraction)}</td>` +
      `<td class="num">${money(doc, t.loss100Amount)}<br>${formatPercent(t.loss100Fraction)}</td>` +
      `<td class="num">${money(doc, t.loss250Amount)}<br>${formatPercent(t.loss250Fraction)}</td>` +
      '</tr>'
    );
  });
  const numeric = new Set([1, 2, 4, 5, 6, 7]);
  return (
    `<table class="scenarios"><thead><tr>${head.map((h, i) => `<th${numeric.has(i) ? ' class="num"' : ''}>${escapeHtml(h)}</th>`).join('')}</tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table>`
  );
}

function hazardTable(doc: ReportDocument, cell: ScenarioView, language: Language): string {
  const w = WORDS[language];
  const na = w.notApplicable;
  const loss = (l: { fraction: number; amount: number } | null) => (l ? `${money(doc, l.amount)}<br>${formatPercent(l.fraction)}` : na);
  const rows = cell.hazards.map((h) => {
    const value = `${formatIndicator(h.indicator.value, language)} ${escapeHtml(h.indicator.unit)}`;
    const baseline = `${formatIndicator(h.indicator.baseline, language)} ${escapeHtml(h.indicator.unit)}`;
    const disruption = h.disruption
      ? `${formatPercent(h.disruption.fraction)}${h.disruption.amount === null ? '' : `<br>${money(doc, h.disruption.amount)}`}`
      : na;
    return (
      `<tr><td>${escapeHtml(hazardLabel(language, h.hazard))}</td><td class="num">${value}</td><td class="num">${baseline}</td>` +
      `<td class="num">${h.hazardScore.toFixed(0)}</td><td>${escapeHtml(categoryLabel(language, h.category))}</td>` +
      `<td class="num">${loss(h.eal)}</td><td class="num">${loss(h.loss100)}</td><td class="num">${disruption}</td></tr>`
    );
  });
  const head = [w.hazard, w.indicator, w.baselineValue, w.score, w.category, w.eal, w.loss100, w.disruption];
  const numeric = new Set([1, 2, 3, 5, 6, 7]);
  return (
    `<h3>${escapeHtml(cellLabel(language, cell))}</h3>` +
    `<table class="hazards"><thead><tr>${head.map((h, i) => `<th${numeric.has(i) ? ' class="num"' : ''}>${escapeHtml(h)}</th>`).join('')}</tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table>`
  );
}

function recommendationsSection(doc: ReportDocument, language: Language): string {
  const w = WORDS[language];
  const { recommendations } = doc.analysis;
  const body =
    recommendations.length === 0
      ? `<p class="note">${escapeHtml(w.noRecommendations)}</p>`
      : `<ol class="recs">${recommendations
          .map(
            (r) =>
              `<li><strong>${escapeHtml(r.title)}</strong><span class="tag ${r.priority}">${escapeHtml(priorityLabel(language, r.priority))}</span>` +
              `<span class="tag">${escapeHtml(hazardLabel(language, r.hazard))}</span><br>${escapeHtml(r.description)}</li>`,
          )
          .join('')}</ol>`;
  return `<h2>${escapeHtml(w.recommendations)}</h2>${body}`;
}

function narrativeSection(doc: ReportDocument, language: Language): string {
  const w = WORDS[language];
  const narrative = doc.analysis.narrative;
  if (!narrative) return `<h2>${escapeHtml(w.narrative)}</h2><p class="note">${escapeHtml(w.noNarrative)}</p>`;
  const list = (items: readonly string[]) => `<ul>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
  return (
    `<h2>${escapeHtml(w.narrative)}</h2>` +
    `<p class="source" data-source="${narrative.source}">${escapeHtml(w.narrativeSource(narrative.source, narrative.model, narrative.language))}</p>` +
    `<p>${escapeHtml(narrative.summary)}</p>` +
    (narrative.keyRisks.length > 0 ? `<h3>${escapeHtml(w.keyRisks)}</h3>${list(narrative.keyRisks)}` : '') +
    (narrative.actions.length > 0 ? `<h3>${escapeHtml(w.actions)}</h3>${list(narrative.actions)}` : '')
  );
}

function qualitySection(doc: ReportDocument, language: Language): string {
  const w = WORDS[language];
  const { dataQuality, methodologyVersion, scenarios } = doc.analysis;
  const years = scenarios[0]?.total.simulation.years ?? 0;
  const regions =
    dataQuality.regions.length > 0
      ? `${escapeHtml(w.regions)}: ${dataQuality.regions.map((r) => `<code>${escapeHtml(r)}</code>`).join(', ')} (${escapeHtml(w.nearestRegion(formatKm(dataQuality.nearestKm, language)))})`
      : escapeHtml(w.noRegion);
  const proxies =
    dataQuality.proxies.length === 0
      ? ` ${escapeHtml(w.noAssumptions)}`
      : `<ul>${dataQuality.proxies.map((p) => `<li>${escapeHtml(p)}</li>`).join('')}</ul>`;
  return (
    `<h2>${escapeHtml(w.methodology)}</h2><p>${escapeHtml(w.methodologyText(methodologyVersion, years))}</p>` +
    `<h2>${escapeHtml(w.dataQuality)}</h2><p>${regions}</p><div>${escapeHtml(w.assumptions)}:${proxies}</div>`
  );
}

export function renderHtml(doc: ReportDocument, options: HtmlOptions = {}): string {
  const language = doc.subject.language;
  const w = WORDS[language];
  const { subject, analysis } = doc;
  const name = subjectName(doc);
  const { today, worst } = headline(analysis.scenarios);
  const kpis = [today && kpiCard(doc, today, w.today, language), worst && kpiCard(doc, worst, w.worstCase, language)].filter(Boolean).join('');
  const meta = [`${escapeHtml(w.reportId)} <code>${escapeHtml(subject.id)}</code>`];
  if (subject.finishedAt !== null) meta.push(`${escapeHtml(w.generated)} ${escapeHtml(formatTimestamp(subject.finishedAt, language))}`);
  meta.push(language);
  const chart = hazardChartSvg(analysis.scenarios, { language, idPrefix: 'doc-chart', title: w.chart });

  return [
    '<!doctype html>',
    `<html lang="${language === 'KO' ? 'ko' : 'en'}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(`${w.title}: ${name}`)}</title>`,
    `<style>${STYLE}</style></head><body><main>`,
    `<header class="doc"><div><p class="kicker">${escapeHtml(w.title)}</p><h1>${escapeHtml(name)}</h1><p class="meta">${meta.join(' · ')}</p></div>`,
    `<div class="no-print"><button class="print" type="button" onclick="${PRINT_HANDLER}">PDF / ${language === 'KO' ? '인쇄' : 'Print'}</button></div></header>`,
    `<p class="note no-print">${escapeHtml(w.printHint)}</p>`,
    `<h2>${escapeHtml(w.summary)}</h2><div class="kpis">${kpis}</div>`,
    analysis.narrative ? `<p>${escapeHtml(analysis.narrative.summary)}</p>` : '',
    assetSection(doc, language, options),
    `<h2>${escapeHtml(w.scenarioTable)}</h2>${scenarioTableHtml(doc, language)}`,
    `<h2>${escapeHtml(w.chart)}</h2><figure class="chart">${chart}<figcaption>${escapeHtml(w.chartNote)}</figcaption></figure>`,
    recommendationsSection(doc, language),
    narrativeSection(doc, language),
    `<h2>${escapeHtml(w.hazardDetails)}</h2>${analysis.scenarios.map((cell) => hazardTable(doc, cell, language)).join('')}`,
    qualitySection(doc, language),
    `<footer>Climate Risk Reports · ${escapeHtml(w.methodology)} ${escapeHtml(analysis.methodologyVersion)} · ${escapeHtml(subject.id)}</footer>`,
    '</main></body></html>',
  ].join('\n');
}
