/**
 * The result of a completed report on its page, in the report's language: the two headline grades with
 * their losses, the map, the hazard chart, recommendations, the narrative, the totals table and the
 * data-quality notes. The chart, the map and the table are the printable document's own.
 */
import type { ReportQuery } from '../clients/generated/graphql.js';
import { gradeShade, hazardChartSvg } from '../documents/chart.js';
import { formatCoordinates, formatKm, formatMoney, formatMoneyCompact, formatNumber, formatPercent } from '../documents/format.js';
import { headline } from '../documents/headline.js';
import { scenarioTableHtml } from '../documents/html.js';
import { cellLabel, gradeMeaning, hazardLabel, priorityLabel, WORDS } from '../documents/labels.js';
import type { ReportDocument, Language, ScenarioView } from '../documents/shapes.js';
import { h, svgBox } from './dom.js';
import { worldMap } from './world-map.js';

export type FullReport = NonNullable<ReportQuery['report']>;
type Result = NonNullable<FullReport['result']>;

function documentModel(report: FullReport, result: Result): ReportDocument {
  return {
    subject: {
      id: report.id,
      language: report.input.language,
      finishedAt: report.finishedAt,
      location: report.input.location,
      building: report.input.building,
      asset: report.input.asset,
    },
    analysis: result,
  };
}

export function card(title: string | null, className: string, ...children: (Node | null)[]): HTMLElement {
  return h('section', { class: `card ${className}` }, title ? h('h2', {}, title) : null, ...children);
}

export function renderResult(report: FullReport, result: Result): Node[] {
  const language = report.input.language;
  const w = WORDS[language];
  const doc = documentModel(report, result);
  const { today, worst } = headline(result.scenarios);
  const { location } = report.input;

  const kpis = h(
    'div',
    { class: 'kpis' },
    today ? kpi(w.today, today, result.currency, language) : null,
    worst ? kpi(w.worstCase, worst, result.currency, language) : null,
    card(
      w.map,
      'map-card',
      worldMap(location.latitude, location.longitude, `${w.map}: ${formatCoordinates(location.latitude, location.longitude)}`),
      h('p', { class: 'sub' }, formatCoordinates(location.latitude, location.longitude)),
    ),
  );

  const chart = card(
    w.chart,
    'chart-card',
    svgBox('chart-box', hazardChartSvg(result.scenarios, { language, idPrefix: 'page-chart', title: w.chart })),
    h('p', { class: 'note' }, w.chartNote),
  );

  const recommendations = card(
    w.recommendations,
    'recs-card',
    result.recommendations.length === 0
      ? h('p', { class: 'muted' }, w.noRecommendations)
      : h(
          'ol',
          { class: 'recs' },
          ...result.recommendations.map((r) =>
            h(
              'li',
              { 'data-priority': r.priority },
              h('div', { class: 'rec-head' }, h('strong', {}, r.title), h('span', { class: `tag priority-${r.priority}` }, priorityLabel(language, r.priority))),
              h('div', { class: 'sub' }, hazardLabel(language, r.hazard)),
              h('p', {}, r.description),
            ),
          ),
        ),
  );

  const narrative = result.narrative;
  const narrativeCard = card(
    w.narrative,
    'narrative-card',
    narrative
      ? h(
          'div',
          {},
          h(
            'div',
            { class: 'badges' },
            h('span', { class: `badge plain source-${narrative.source}`, 'data-source': narrative.source }, narrative.source === 'LLM' ? `LLM${narrative.model ? ` · ${narrative.model}` : ''}` : 'Template'),
            h('span', { class: 'badge plain', 'data-language': narrative.language }, narrative.language),
          ),
          h('p', { class: 'narrative-summary' }, narrative.summary),
          narrative.keyRisks.length > 0 ? h('h3', {}, w.keyRisks) : null,
          narrative.keyRisks.length > 0 ? h('ul', {}, ...narrative.keyRisks.map((k) => h('li', {}, k))) : null,
          narrative.actions.length > 0 ? h('h3', {}, w.actions) : null,
          narrative.actions.length > 0 ? h('ul', {}, ...narrative.actions.map((a) => h('li', {}, a))) : null,
          h('p', { class: 'note' }, w.narrativeSource(narrative.source, narrative.model, narrative.language)),
        )
      : h('p', { class: 'muted' }, w.noNarrative),
  );

  const totals = card(w.scenarioTable, 'totals-card', svgBox('table-box', scenarioTableHtml(doc, language)));

  const dq = result.dataQuality;
  const quality = card(
    w.dataQuality,
    'quality-card',
    h(
      'p',
      {},
      dq.regions.length > 0 ? `${w.regions}: ${dq.regions.join(', ')} (${w.nearestRegion(formatKm(dq.nearestKm, language))})` : w.noRegion,
    ),
    dq.proxies.length > 0 ? h('ul', { class: 'proxies' }, ...dq.proxies.map((p) => h('li', {}, p))) : h('p', { class: 'muted' }, w.noAssumptions),
    h('p', { class: 'note' }, w.methodologyText(result.methodologyVersion, result.scenarios[0]?.total.simulation.years ?? 0)),
  );

  return [kpis, chart, h('div', { class: 'two-col' }, recommendations, narrativeCard), totals, quality];
}

function kpi(title: string, cell: ScenarioView, currency: string, language: Language): HTMLElement {
  const w = WORDS[language];
  const t = cell.total;
  const { fill, ink } = gradeShade(t.grade);
  return h(
    'section',
    { class: 'card kpi', 'data-cell': `${cell.scenario}-${cell.horizon ?? 'baseline'}` },
    h('h2', {}, title, h('span', { class: 'sub' }, ` · ${cellLabel(language, cell)}`)),
    h(
      'div',
      { class: 'kpi-body' },
      h('div', { class: 'grade', style: `background:${fill};color:${ink}`, 'data-grade': t.grade, 'aria-label': `${w.grade} ${t.grade}` }, t.grade),
      h(
        'dl',
        {},
        h('dt', {}, w.grade),
        h('dd', {}, `${t.grade} · ${gradeMeaning(language, t.grade)}`),
        h('dt', {}, w.eal),
        h('dd', { class: 'eal', title: formatMoney(t.ealAmount, currency, language) }, `${formatMoneyCompact(t.ealAmount, currency, language)} (${formatPercent(t.ealFraction)})`),
        h('dt', {}, w.loss100),
        h('dd', { class: 'loss100', title: formatMoney(t.loss100Amount, currency, language) }, `${formatMoneyCompact(t.loss100Amount, currency, language)} (${formatPercent(t.loss100Fraction)})`),
        h('dt', {}, w.overallScore),
        h('dd', {}, `${formatNumber(t.overallScore, 0, language)} / 100`),
      ),
    ),
  );
}
