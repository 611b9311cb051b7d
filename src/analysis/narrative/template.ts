/**
 * The narrative without a model: deterministic sentences around the same figures the LLM is given.
 *
 * Used when no API key is configured and whenever the LLM fails, so it must read as a finished
 * report on its own. It quotes only figures formatted by facts.ts, so it passes the figure check too.
 */
import type { AnalysisInput, Language } from '../input.js';
import type { HazardResult, Narrative, Recommendation, RiskAnalysis, ScenarioResult } from '../result.js';
import {
  RETURN_PERIOD_YEARS,
  figureFormat,
  hotDaysIndicator,
  selectScenarios,
  sortedRecommendations,
  topHazards,
} from './facts.js';
import {
  BASELINE_PERIOD,
  CATEGORY_NAMES,
  HAZARD_NAMES,
  PRIORITY_NAMES,
  composeText,
  formatChange,
  formatPercent,
  scenarioLabel,
} from './wording.js';

/** The narrative lists the most urgent actions; the full list stays in `analysis.recommendations`. */
const MAX_ACTIONS = 5;

type Format = ReturnType<typeof figureFormat>;

interface Context {
  analysis: RiskAnalysis;
  input: AnalysisInput;
  format: Format;
  baseline: ScenarioResult | undefined;
}

/** A future cell as the summary describes it. */
interface Outlook {
  label: string;
  horizon: number;
  grade: string;
  score: string;
  percent: string;
  amount: string;
  change: string | undefined;
}

interface Writer {
  summary(ctx: Context, base: ScenarioResult | undefined, outlooks: Outlook[], drivers: HazardResult[]): string;
  keyRisk(ctx: Context, cell: ScenarioResult, hazard: HazardResult): string;
  noKeyRisk: string;
  action(recommendation: Recommendation): string;
  noAction: string;
}

function lossParts(format: Format, hazard: HazardResult) {
  return {
    eal: hazard.eal ? format.loss(hazard.eal.fraction, hazard.eal.amount) : undefined,
    loss100: hazard.loss100 ? format.loss(hazard.loss100.fraction, hazard.loss100.amount) : undefined,
  };
}

/** Days ≥ 33 °C (with the baseline when it differs) for the heat hazard, SLR for the sea-level hazard. */
function chronicParts(ctx: Context, cell: ScenarioResult, hazard: HazardResult) {
  const hot = hazard.hazard === 'EXTREME_HEAT' ? hotDaysIndicator(cell) : undefined;
  return {
    hotDays: hot ? ctx.format.days(hot.value) : undefined,
    hotDaysBaseline: hot && cell !== ctx.baseline ? ctx.format.days(hot.baseline) : undefined,
    slr: hazard.hazard === 'SEA_LEVEL_RISE' && cell.horizon !== null ? ctx.format.metres(cell.slrM) : undefined,
  };
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function englishList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

const KO: Writer = {
  summary(ctx, base, outlooks, drivers) {
    const { analysis, input, format } = ctx;
    const subject = input.building.name ? `‘${input.building.name}’` : '대상 건물';
    const sentences: string[] = [];
    if (base) {
      const t = base.total;
      const eal = format.loss(t.ealFraction, t.ealAmount);
      const loss100 = format.loss(t.loss100Fraction, t.loss100Amount);
      const when = base.horizon === null ? `현재 기후(${BASELINE_PERIOD}년)` : `${scenarioLabel(base.scenario)} ${base.horizon}년`;
      sentences.push(
        `${subject}의 ${when} 기준 물리적 기후 리스크 종합 등급은 ${t.grade}(종합 점수 ${format.score(t.overallScore)}점)이며, ` +
          `연간 예상 손실(EAL)은 보험가액 ${format.money(analysis.assetValue)}의 ${eal.percent}(${eal.amount}), ` +
          `${RETURN_PERIOD_YEARS}년 빈도 손실은 ${loss100.percent}(${loss100.amount}) 수준으로 추정됩니다.`,
      );
    }
    if (outlooks.length > 0) {
      const parts = outlooks.map(
        (o) =>
          `${o.label} 시나리오의 ${o.horizon}년 전망은 등급 ${o.grade}(종합 점수 ${o.score}점), ` +
          `EAL ${o.percent}(${o.amount}${o.change ? `, 현재 대비 ${o.change}` : ''})`,
      );
      sentences.push(`${parts.join('이며, ')}입니다.`);
    }
    sentences.push(
      drivers.length > 0
        ? `주요 위험 요인은 ${drivers.map((h) => HAZARD_NAMES.KO[h.hazard]).join(', ')}입니다.`
        : '뚜렷하게 노출된 기후 위험 요인은 확인되지 않았습니다.',
    );
    return sentences.join(' ');
  },
  keyRisk(ctx, cell, hazard) {
    const { eal, loss100 } = lossParts(ctx.format, hazard);
    const { hotDays, hotDaysBaseline, slr } = chronicParts(ctx, cell, hazard);
    const figures: string[] = [];
    if (eal) figures.push(`연간 예상 손실(EAL) ${eal.percent}(${eal.amount})`);
    if (loss100) figures.push(`${RETURN_PERIOD_YEARS}년 빈도 손실 ${loss100.percent}(${loss100.amount})`);
    if (hotDays) figures.push(`33 °C 이상 일수 연 ${hotDays}일${hotDaysBaseline ? `(현재 ${hotDaysBaseline}일)` : ''}`);
    if (hazard.disruption) figures.push(`연간 업무·매출 손실 ${formatPercent(hazard.disruption.fraction)}`);
    if (slr) figures.push(`전 지구 평균 해수면 상승 ${slr}`);
    const where = cell.horizon === null ? '현재 기후' : `${scenarioLabel(cell.scenario)}, ${cell.horizon}년`;
    return (
      `${HAZARD_NAMES.KO[hazard.hazard]}: 위험 수준 ‘${CATEGORY_NAMES.KO[hazard.category]}’` +
      `(위험도 점수 ${ctx.format.score(hazard.hazardScore)}점)` +
      `${figures.length > 0 ? ` — ${figures.join(', ')}` : ''} [${where} 기준]`
    );
  },
  noKeyRisk: '분석한 시나리오에서 뚜렷하게 노출된 기후 위험 요인은 확인되지 않았습니다.',
  action: (r) => `[${PRIORITY_NAMES.KO[r.priority]}] ${r.title}${r.description ? `: ${r.description}` : ''}`,
  noAction:
    '현재 평가된 위험 수준에서는 시급한 적응 조치가 필요하지 않습니다. 설비 교체나 증·개축 시점에 리스크를 재평가하고, 비상 대응 계획을 정기적으로 점검할 것을 권장합니다.',
};

const EN: Writer = {
  summary(ctx, base, outlooks, drivers) {
    const { analysis, input, format } = ctx;
    const subject = input.building.name ?? 'The building';
    const sentences: string[] = [];
    if (base) {
      const t = base.total;
      const eal = format.loss(t.ealFraction, t.ealAmount);
      const loss100 = format.loss(t.loss100Fraction, t.loss100Amount);
      const when =
        base.horizon === null ? `the historical baseline (${BASELINE_PERIOD})` : `${scenarioLabel(base.scenario)} in ${base.horizon}`;
      sentences.push(
        `${subject} is rated grade ${t.grade} (overall score ${format.score(t.overallScore)}/100) under ${when}: ` +
          `the expected annual loss (EAL) is ${eal.percent} of the insured value of ${format.money(analysis.assetValue)} ` +
          `(${eal.amount}), and the 1-in-${RETURN_PERIOD_YEARS}-year loss is ${loss100.percent} (${loss100.amount}).`,
      );
    }
    if (outlooks.length > 0) {
      const parts = outlooks.map(
        (o, i) =>
          `${i === 0 ? 'Under' : 'under'} ${o.label} in ${o.horizon}${i === 0 ? ' the grade is projected to be' : ','} ` +
          `${o.grade} (overall score ${o.score}/100), with an EAL of ` +
          `${o.percent} (${o.amount}${o.change ? `, ${o.change} against the baseline` : ''})`,
      );
      sentences.push(`${parts.join('; ')}.`);
    }
    sentences.push(
      drivers.length > 0
        ? `The main hazards are ${englishList(drivers.map((h) => HAZARD_NAMES.EN[h.hazard]))}.`
        : 'No climate hazard with a material exposure was found.',
    );
    return sentences.join(' ');
  },
  keyRisk(ctx, cell, hazard) {
    const { eal, loss100 } = lossParts(ctx.format, hazard);
    const { hotDays, hotDaysBaseline, slr } = chronicParts(ctx, cell, hazard);
    const figures: string[] = [];
    if (eal) figures.push(`expected annual loss (EAL) ${eal.percent} (${eal.amount})`);
    if (loss100) figures.push(`1-in-${RETURN_PERIOD_YEARS}-year loss ${loss100.percent} (${loss100.amount})`);
    if (hotDays) figures.push(`${hotDays} days a year at 33 °C or more${hotDaysBaseline ? ` (today ${hotDaysBaseline})` : ''}`);
    if (hazard.disruption) figures.push(`annual disruption ${formatPercent(hazard.disruption.fraction)} of working time or revenue`);
    if (slr) figures.push(`global mean sea-level rise of ${slr}`);
    const where = cell.horizon === null ? 'historical baseline' : `${scenarioLabel(cell.scenario)}, ${cell.horizon}`;
    return (
      `${capitalise(HAZARD_NAMES.EN[hazard.hazard])}: risk level ${CATEGORY_NAMES.EN[hazard.category]} ` +
      `(hazard score ${ctx.format.score(hazard.hazardScore)}/100)` +
      `${figures.length > 0 ? ` — ${figures.join('; ')}` : ''} [${where}]`
    );
  },
  noKeyRisk: 'No climate hazard with a material exposure was found in the scenarios assessed.',
  action: (r) => `[${PRIORITY_NAMES.EN[r.priority]}] ${r.title}${r.description ? `: ${r.description}` : ''}`,
  noAction:
    'No urgent adaptation measure is indicated at the assessed risk levels. Re-assess the risk when building services are replaced or the building is extended, and review the emergency plan regularly.',
};

const WRITERS: Record<Language, Writer> = { KO, EN };

/** The central pathway at mid-century, and the worst future cell when it is another one. */
function outlooks(
  ctx: Context,
  base: ScenarioResult | undefined,
  future: ScenarioResult[],
  focus: ScenarioResult | undefined,
): Outlook[] {
  const worst = future.reduce<ScenarioResult | undefined>(
    (w, cell) => (w === undefined || cell.total.ealFraction > w.total.ealFraction ? cell : w),
    undefined,
  );
  const cells = [focus, worst].filter(
    (cell, i, all): cell is ScenarioResult => cell !== undefined && cell !== base && all.indexOf(cell) === i,
  );
  const baseEal = ctx.baseline?.total.ealFraction ?? 0;
  return cells.map((cell) => ({
    label: scenarioLabel(cell.scenario),
    horizon: cell.horizon ?? 0,
    grade: cell.total.grade,
    score: ctx.format.score(cell.total.overallScore),
    percent: ctx.format.loss(cell.total.ealFraction, cell.total.ealAmount).percent,
    amount: ctx.format.money(cell.total.ealAmount),
    change: baseEal > 0 ? formatChange(cell.total.ealFraction / baseEal - 1) : undefined,
  }));
}

/** The narrative written from the analysis alone, in `input.language`. */
export function templateNarrative(analysis: RiskAnalysis, input: AnalysisInput): Narrative {
  const language = input.language;
  const writer = WRITERS[language];
  const { baseline, future, focus } = selectScenarios(analysis);
  const ctx: Context = { analysis, input, format: figureFormat(analysis, language), baseline };
  const drivers = focus ? topHazards(focus) : [];
  // Without a baseline (not expected from the analyzer) the focus cell opens the summary instead.
  const base = baseline ?? focus;
  const summary = writer.summary(ctx, base, outlooks(ctx, base, future, focus), drivers);
  const keyRisks = focus && drivers.length > 0 ? drivers.map((h) => writer.keyRisk(ctx, focus, h)) : [writer.noKeyRisk];
  const recommendations = sortedRecommendations(analysis).slice(0, MAX_ACTIONS);
  const actions = recommendations.length > 0 ? recommendations.map(writer.action) : [writer.noAction];
  return {
    text: composeText(language, summary, keyRisks, actions),
    summary,
    keyRisks,
    actions,
    source: 'TEMPLATE',
    language,
    model: null,
  };
}
