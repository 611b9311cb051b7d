/**
 * The summary printed on stdout when a report completes: what was assessed, a table of every scenario
 * cell, the highest future risk, the top recommendations and the narrative's summary. Plain text,
 * aligned, no colour: it reads the same in a terminal, a file and a CI log.
 */
import type { ReportQuery } from '../clients/generated/graphql.js';
import { formatCoordinates, formatDuration, formatKm, formatMoney, formatPercent } from '../documents/format.js';
import { headline } from '../documents/headline.js';
import { cellLabel, hazardLabel } from '../documents/labels.js';

export type FullReport = NonNullable<ReportQuery['report']>;

/** Columns padded to their widest cell; `right` marks the numeric ones. */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[], right: ReadonlySet<number> = new Set()): string {
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (right.has(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)].join('\n');
}

export function summaryText(report: FullReport, server: string): string {
  const out: string[] = [];
  const { input } = report;
  const took = report.finishedAt ? ` in ${formatDuration(Date.parse(report.finishedAt) - Date.parse(report.createdAt))}` : '';
  out.push(`Report ${report.id}  ${report.status}${took}`);
  const place = [input.building.name, input.location.address, formatCoordinates(input.location.latitude, input.location.longitude)].filter(Boolean).join(' · ');
  out.push(`Asset     ${place}`);
  out.push(`Value     ${formatMoney(input.asset.value, input.asset.currency, 'EN')} (${input.asset.currency}), language ${input.language}`);

  const result = report.result;
  if (!result) {
    if (report.error) out.push(`Error     ${report.error.code}: ${report.error.message}`);
    return `${out.join('\n')}\n`;
  }
  const dq = result.dataQuality;
  out.push(
    `Data      ${dq.regions.length > 0 ? `${dq.regions.join(', ')} (nearest ${formatKm(dq.nearestKm, 'EN')})` : 'no region near: latitude-band defaults'}` +
      `${dq.proxies.length > 0 ? `; ${dq.proxies.length} assumption(s), see the document` : ''}`,
  );
  out.push('');

  const money = (amount: number) => formatMoney(amount, result.currency, 'EN');
  out.push(
    textTable(
      ['Scenario', 'Grade', 'Score', 'Expected annual loss', '%', '1-in-100-year loss', '%'],
      result.scenarios.map((cell) => [
        cellLabel('EN', cell),
        cell.total.grade,
        cell.total.overallScore.toFixed(0),
        money(cell.total.ealAmount),
        formatPercent(cell.total.ealFraction),
        money(cell.total.loss100Amount),
        formatPercent(cell.total.loss100Fraction),
      ]),
      new Set([2, 3, 4, 5, 6]),
    ),
  );
  out.push('');

  const { worst } = headline(result.scenarios);
  if (worst) {
    const top = [...worst.hazards]
      .sort((a, b) => b.hazardScore - a.hazardScore)
      .slice(0, 3)
      .map((h) => `${hazardLabel('EN', h.hazard)} ${h.hazardScore.toFixed(0)}`);
    out.push(`Highest future risk: ${cellLabel('EN', worst)}, grade ${worst.total.grade}; top hazard scores: ${top.join(', ')}`);
  }
  if (result.recommendations.length > 0) {
    out.push('Recommendations:');
    result.recommendations.slice(0, 5).forEach((r, i) => out.push(`  ${i + 1}. [${r.priority}] ${r.title} (${hazardLabel('EN', r.hazard)})`));
    if (result.recommendations.length > 5) out.push(`  … and ${result.recommendations.length - 5} more in the document`);
  }
  if (result.narrative) out.push(`Narrative (${result.narrative.source}, ${result.narrative.language}): ${result.narrative.summary}`);
  out.push(`Documents: ${server}/reports/${report.id}.md  ·  ${server}/reports/${report.id}.html`);
  return `${out.join('\n')}\n`;
}
