/**
 * A finished report as Markdown, in the report's language: summary, asset, results per scenario and
 * horizon, the hazard-score chart as a table with bars, hazards per cell, recommendations, narrative,
 * methodology and data quality. Pure: the same document in, the same text out.
 */
import { formatCoordinates, formatIndicator, formatKm, formatMoney, formatNumber, formatPercent, formatTimestamp } from './format.js';
import { hazardsOf, headline } from './headline.js';
import {
  cellLabel,
  categoryLabel,
  gradeMeaning,
  hazardLabel,
  occupancyLabel,
  priorityLabel,
  scenarioHeading,
  structureLabel,
  WORDS,
} from './labels.js';
import type { HazardView, Language, ReportDocument, ScenarioView } from './shapes.js';

/** Backslash-escapes what Markdown would read as markup; newlines would break a table row. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>|#]/g, '\\$&').replace(/\r?\n/g, ' ');
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Eight heights of a block: a bar a terminal and a Markdown viewer can both show. */
const BLOCKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;

export function scoreBar(score: number): string {
  const level = Math.min(BLOCKS.length - 1, Math.max(0, Math.floor((score / 100) * BLOCKS.length)));
  return BLOCKS[level] ?? '';
}

/** The subject's name in titles: building name, else address, else coordinates. */
export function subjectName(doc: ReportDocument): string {
  const { building, location } = doc.subject;
  return building.name || location.address || formatCoordinates(location.latitude, location.longitude);
}

function money(doc: ReportDocument, amount: number): string {
  return formatMoney(amount, doc.analysis.currency, doc.subject.language);
}

function headlineTable(doc: ReportDocument, language: Language): string {
  const w = WORDS[language];
  const { today, worst } = headline(doc.analysis.scenarios);
  const cells = [today, worst].filter((cell): cell is ScenarioView => cell !== undefined);
  const heading = (cell: ScenarioView) => `${cell === today ? w.today : w.worstCase}: ${cellLabel(language, cell)}`;
  return table(
    ['', ...cells.map(heading)],
    [
      [w.grade, ...cells.map((c) => `**${c.total.grade}** (${gradeMeaning(language, c.total.grade)})`)],
      [w.overallScore, ...cells.map((c) => formatNumber(c.total.overallScore, 0, language))],
      [w.eal, ...cells.map((c) => `${money(doc, c.total.ealAmount)} (${formatPercent(c.total.ealFraction)})`)],
      [w.loss100, ...cells.map((c) => `${money(doc, c.total.loss100Amount)} (${formatPercent(c.total.loss100Fraction)})`)],
    ],
  );
}

function assetTable(doc: ReportDocument, language: Language): string {
  const w = WORDS[language];
  const { building, location, asset } = doc.subject;
  const rows: [string, string][] = [];
  if (building.name) rows.push([w.building, escapeMarkdown(building.name)]);
  if (location.address) rows.push([w.address, escapeMarkdown(location.address)]);
  rows.push(
    [w.coordinates, formatCoordinates(location.latitude, location.longitude)],
    [w.occupancy, occupancyLabel(language, building.occupancy)],
    [w.structure, structureLabel(language, building.structure)],
    [w.floors, `${building.floorsAboveGround} / ${building.basementFloors}`],
  );
  if (building.yearBuilt) rows.push([w.yearBuilt, String(building.yearBuilt)]);
  rows.push(
    [w.buildingValue, formatMoney(asset.value, asset.currency, language)],
    [w.contentsValue, formatMoney(asset.contentsValue, asset.currency, language)],
    [w.insuredValue, money(doc, doc.analysis.assetValue)],
  );
  return table(['', ''], rows);
}

function scenarioTable(doc: ReportDocument, language: Language): string {
  const w = WORDS[language];
  return table(
    [w.scenario, w.horizon, w.warming, w.seaLevel, w.grade, w.overallScore, w.eal, w.loss100, w.loss250],
    doc.analysis.scenarios.map((cell) => [
      scenarioHeading(language, cell.scenario),
      cell.horizon === null ? w.notApplicable : String(cell.horizon),
      `${formatNumber(cell.gwlC, 2, language)} °C`,
      `${formatNumber(cell.slrM, 2, language)} m`,
      `**${cell.total.grade}**`,
      formatNumber(cell.total.overallScore, 0, language),
      `${money(doc, cell.total.ealAmount)} (${formatPercent(cell.total.ealFraction)})`,
      `${money(doc, cell.total.loss100Amount)} (${formatPercent(cell.total.loss100Fraction)})`,
      `${money(doc, cell.total.loss250Amount)} (${formatPercent(cell.total.loss250Fraction)})`,
    ]),
  );
}

/** The chart of the HTML document, as a table: a block bar and the score in each cell. */
function chartTable(doc: ReportDocument, language: Language): string {
  const w = WORDS[language];
  const { scenarios } = doc.analysis;
  return table(
    [w.hazard, ...scenarios.map((cell) => cellLabel(language, cell))],
    hazardsOf(scenarios).map((hazard) => [
      hazardLabel(language, hazard),
      ...scenarios.map((cell) => {
        const score = cell.hazards.find((h) => h.hazard === hazard)?.hazardScore;
        return score === undefined ? w.notApplicable : `${scoreBar(score)} ${score.toFixed(0)}`;
      }),
    ]),
  );
}

function lossCell(doc: ReportDocument, loss: { fraction: number; amount: number } | null, language: Language): string {
  return loss ? `${money(doc, loss.amount)} (${formatPercent(loss.fraction)})` : WORDS[language].notApplicable;
}

function disruptionCell(doc: ReportDocument, h: HazardView, language: Language): string {
  if (!h.disruption) return WORDS[language].notApplicable;
  const amount = h.disruption.amount === null ? '' : `, ${money(doc, h.disruption.amount)}`;
  return `${formatPercent(h.disruption.fraction)}${amount}`;
}

function hazardTable(doc: ReportDocument, cell: ScenarioView, language: Language): string {
  const w = WORDS[language];
  return table(
    [w.hazard, w.indicator, cell.scenario === 'HISTORICAL' ? w.baselineValue : `${w.indicator} (${w.baselineValue})`, w.score, w.category, w.eal, w.loss100, w.disruption],
    cell.hazards.map((h) => [
      hazardLabel(language, h.hazard),
      `\`${h.indicator.id}\``,
      cell.scenario === 'HISTORICAL'
        ? `${formatIndicator(h.indicator.value, language)} ${h.indicator.unit}`
        : `${formatIndicator(h.indicator.value, language)} ${h.indicator.unit} (${formatIndicator(h.indicator.baseline, language)})`,
      h.hazardScore.toFixed(0),
      categoryLabel(language, h.category),
      lossCell(doc, h.eal, language),
      lossCell(doc, h.loss100, language),
      disruptionCell(doc, h, language),
    ]),
  );
}

export function renderMarkdown(doc: ReportDocument): string {
  const language = doc.subject.language;
  const w = WORDS[language];
  const { analysis, subject } = doc;
  const out: string[] = [];
  const meta = [`${w.reportId} \`${subject.id}\``];
  if (subject.finishedAt !== null) meta.push(`${w.generated} ${formatTimestamp(subject.finishedAt, language)}`);
  meta.push(`${language}`);

  out.push(`# ${w.title}: ${escapeMarkdown(subjectName(doc))}`, '', meta.join(' · '), '');
  out.push(`## ${w.summary}`, '', headlineTable(doc, language), '');
  if (analysis.narrative) out.push(escapeMarkdown(analysis.narrative.summary), '');

  out.push(`## ${w.asset}`, '', assetTable(doc, language), '');
  out.push(`## ${w.scenarioTable}`, '', scenarioTable(doc, language), '');
  out.push(`## ${w.chart}`, '', `_${w.chartNote}_`, '', chartTable(doc, language), '');

  out.push(`## ${w.hazardDetails}`, '');
  for (const cell of analysis.scenarios) out.push(`### ${cellLabel(language, cell)}`, '', hazardTable(doc, cell, language), '');

  out.push(`## ${w.recommendations}`, '');
  if (analysis.recommendations.length === 0) out.push(w.noRecommendations, '');
  analysis.recommendations.forEach((r, i) => {
    out.push(
      `${i + 1}. **${escapeMarkdown(r.title)}** (${priorityLabel(language, r.priority)} · ${hazardLabel(language, r.hazard)}): ${escapeMarkdown(r.description)}`,
    );
  });
  if (analysis.recommendations.length > 0) out.push('');

  out.push(`## ${w.narrative}`, '');
  const narrative = analysis.narrative;
  if (!narrative) out.push(w.noNarrative, '');
  else {
    out.push(`> ${w.narrativeSource(narrative.source, narrative.model, narrative.language)}`, '', escapeMarkdown(narrative.summary), '');
    if (narrative.keyRisks.length > 0) out.push(`### ${w.keyRisks}`, '', ...narrative.keyRisks.map((k) => `- ${escapeMarkdown(k)}`), '');
    if (narrative.actions.length > 0) out.push(`### ${w.actions}`, '', ...narrative.actions.map((a) => `- ${escapeMarkdown(a)}`), '');
  }

  const years = analysis.scenarios[0]?.total.simulation.years ?? 0;
  out.push(`## ${w.methodology}`, '', w.methodologyText(analysis.methodologyVersion, years), '');

  const { dataQuality } = analysis;
  out.push(`## ${w.dataQuality}`, '');
  out.push(
    dataQuality.regions.length > 0
      ? `- ${w.regions}: ${dataQuality.regions.map((r) => `\`${r}\``).join(', ')} (${w.nearestRegion(formatKm(dataQuality.nearestKm, language))})`
      : `- ${w.noRegion}`,
  );
  out.push(`- ${w.assumptions}:${dataQuality.proxies.length === 0 ? ` ${w.noAssumptions}` : ''}`);
  for (const proxy of dataQuality.proxies) out.push(`  - ${escapeMarkdown(proxy)}`);
  out.push('');
  return out.join('\n');
}
