/**
 * Words and number formats shared by the template, the facts given to the LLM and the final text.
 *
 * Every figure a narrative shows is formatted here, so the template, the prompt and the figure check
 * agree on one spelling per figure (see figures.ts for how quoted numbers are matched).
 */
import type { Hazard, Language, Scenario } from '../input.js';
import type { Category, Priority } from '../result.js';

export const LOCALES: Record<Language, string> = { KO: 'ko-KR', EN: 'en-US' };

export const HAZARD_NAMES: Record<Language, Record<Hazard, string>> = {
  KO: {
    COASTAL_FLOOD: '해안 침수',
    RIVER_FLOOD: '하천 범람',
    PLUVIAL_FLOOD: '내수 침수(집중호우)',
    TYPHOON_WIND: '태풍·강풍',
    EXTREME_HEAT: '폭염',
    DROUGHT: '가뭄·용수 부족',
    WILDFIRE: '산불',
    SEA_LEVEL_RISE: '해수면 상승',
  },
  EN: {
    COASTAL_FLOOD: 'coastal flooding',
    RIVER_FLOOD: 'river flooding',
    PLUVIAL_FLOOD: 'pluvial (surface-water) flooding',
    TYPHOON_WIND: 'typhoon and windstorm',
    EXTREME_HEAT: 'extreme heat',
    DROUGHT: 'drought and water stress',
    WILDFIRE: 'wildfire',
    SEA_LEVEL_RISE: 'sea-level rise',
  },
};

export const CATEGORY_NAMES: Record<Language, Record<Category, string>> = {
  KO: {
    VERY_LOW: '매우 낮음',
    LOW: '낮음',
    MEDIUM: '보통',
    HIGH: '높음',
    VERY_HIGH: '매우 높음',
    NO_DATA: '자료 없음',
    NO_VULNERABILITY: '취약성 해당 없음',
  },
  EN: {
    VERY_LOW: 'very low',
    LOW: 'low',
    MEDIUM: 'medium',
    HIGH: 'high',
    VERY_HIGH: 'very high',
    NO_DATA: 'no data',
    NO_VULNERABILITY: 'not applicable',
  },
};

export const PRIORITY_NAMES: Record<Language, Record<Priority, string>> = {
  KO: { HIGH: '우선순위 높음', MEDIUM: '우선순위 보통', LOW: '우선순위 낮음' },
  EN: { HIGH: 'High priority', MEDIUM: 'Medium priority', LOW: 'Low priority' },
};

/** Severity order used to rank hazards: a band with a loss beats "no data" and "not applicable". */
export const CATEGORY_RANK: Record<Category, number> = {
  VERY_HIGH: 6,
  HIGH: 5,
  MEDIUM: 4,
  LOW: 3,
  VERY_LOW: 2,
  NO_VULNERABILITY: 1,
  NO_DATA: 0,
};

export const PRIORITY_RANK: Record<Priority, number> = { HIGH: 0, MEDIUM: 1, LOW: 2 };

/** `SSP2_4_5` → `SSP2-4.5`, the spelling of IPCC reports; the historical baseline keeps its code. */
export function scenarioLabel(scenario: Scenario): string {
  if (scenario === 'HISTORICAL') return scenario;
  const [ssp = '', forcing = '', decimal = ''] = scenario.split('_');
  return `${ssp}-${forcing}.${decimal}`;
}

/** The baseline period of the climate table (DOMAIN §1). */
export const BASELINE_PERIOD = '1995–2014';

/** `0.004213` → `0.42%`; a loss too small to show at two decimals says so instead of printing 0.00%. */
export function formatPercent(fraction: number): string {
  const percent = fraction * 100;
  if (percent > 0 && percent < 0.005) return '<0.01%';
  return `${percent.toFixed(2)}%`;
}

/** A relative change in whole percent with its sign, e.g. `+45%`. */
export function formatChange(ratio: number): string {
  const percent = Math.round(ratio * 100);
  return `${percent > 0 ? '+' : percent < 0 ? '−' : '±'}${Math.abs(percent)}%`;
}

/**
 * Building an Intl.NumberFormat costs far more than formatting with one (locale data is resolved each
 * time), and a narrative or document formats hundreds of figures: keep one per distinct set of options.
 */
const numberFormats = new Map<string, Intl.NumberFormat>();
export function numberFormat(language: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${language}${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[language], options);
    numberFormats.set(key, format);
  }
  return format;
}

/** Whole currency units: minor units add noise to a risk estimate whose error is far larger. */
export function formatMoney(amount: number, currency: string, language: Language): string {
  return numberFormat(language, { style: 'currency', currency, minimumFractionDigits: 0, maximumFractionDigits: 0 }).format(amount);
}

/** Fixed decimals with the locale's grouping, e.g. `1,234.5`. */
export function formatNumber(value: number, decimals: number, language: Language): string {
  return numberFormat(language, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
}

/** Indicator values span days, metres and mm/h: about three significant digits suit all of them. */
export function formatIndicator(value: number, language: Language): string {
  const magnitude = Math.abs(value);
  return formatNumber(value, magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2, language);
}

export const HEADINGS: Record<Language, { summary: string; keyRisks: string; actions: string }> = {
  KO: { summary: '요약', keyRisks: '주요 리스크', actions: '권장 조치' },
  EN: { summary: 'Summary', keyRisks: 'Key risks', actions: 'Recommended actions' },
};

/** The whole narrative as one text: headed sections, numbered lists (list numbers are ours). */
export function composeText(language: Language, summary: string, keyRisks: string[], actions: string[]): string {
  const headings = HEADINGS[language];
  const list = (items: string[]) => items.map((item, i) => `${i + 1}. ${item}`).join('\n');
  const sections = [`${headings.summary}\n${summary}`];
  if (keyRisks.length > 0) sections.push(`${headings.keyRisks}\n${list(keyRisks)}`);
  if (actions.length > 0) sections.push(`${headings.actions}\n${list(actions)}`);
  return sections.join('\n\n');
}
