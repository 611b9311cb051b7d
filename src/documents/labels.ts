/**
 * Words of the documents, in the report's language (KO or EN). The hazard, category and priority names
 * come from the narrative's wording module, so a document never names a hazard differently from the
 * narrative printed beside it.
 */
import {
  BASELINE_PERIOD,
  CATEGORY_NAMES,
  HAZARD_NAMES,
  PRIORITY_NAMES,
  scenarioLabel,
} from '../analysis/narrative/wording.js';
import type { Category, Grade, Hazard, Language, Priority, Scenario } from './shapes.js';

export { BASELINE_PERIOD, scenarioLabel };

const capitalised = (text: string): string => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/** Table form: `Coastal flooding`, `해안 침수`. */
export function hazardLabel(language: Language, hazard: Hazard): string {
  return capitalised(HAZARD_NAMES[language][hazard]);
}

export function categoryLabel(language: Language, category: Category): string {
  return capitalised(CATEGORY_NAMES[language][category]);
}

export function priorityLabel(language: Language, priority: Priority): string {
  return PRIORITY_NAMES[language][priority];
}

const BASELINE: Record<Language, string> = { EN: 'Baseline', KO: '기준기간' };

/** `Baseline (1995–2014)` or `SSP2-4.5 2050`. */
export function cellLabel(language: Language, cell: { scenario: Scenario; horizon: number | null }): string {
  if (cell.scenario === 'HISTORICAL' || cell.horizon === null) return `${BASELINE[language]} (${BASELINE_PERIOD})`;
  return `${scenarioLabel(cell.scenario)} ${cell.horizon}`;
}

/** Column group heading of a chart or table: the scenario alone. */
export function scenarioHeading(language: Language, scenario: Scenario): string {
  return scenario === 'HISTORICAL' ? BASELINE[language] : scenarioLabel(scenario);
}

const GRADE_MEANING: Record<Language, Record<Grade, string>> = {
  EN: { A: 'lowest risk', B: 'low risk', C: 'moderate risk', D: 'high risk', E: 'highest risk' },
  KO: { A: '리스크 매우 낮음', B: '리스크 낮음', C: '리스크 보통', D: '리스크 높음', E: '리스크 매우 높음' },
};

export function gradeMeaning(language: Language, grade: Grade): string {
  return GRADE_MEANING[language][grade];
}

const OCCUPANCY: Record<Language, Record<string, string>> = {
  EN: { RESIDENTIAL: 'Residential', COMMERCIAL: 'Commercial', INDUSTRIAL: 'Industrial' },
  KO: { RESIDENTIAL: '주거용', COMMERCIAL: '상업용', INDUSTRIAL: '산업용' },
};

const STRUCTURE: Record<Language, Record<string, string>> = {
  EN: { REINFORCED_CONCRETE: 'Reinforced concrete', STEEL: 'Steel', MASONRY: 'Masonry', TIMBER: 'Timber' },
  KO: { REINFORCED_CONCRETE: '철근콘크리트', STEEL: '철골', MASONRY: '조적', TIMBER: '목조' },
};

export const occupancyLabel = (language: Language, value: string): string => OCCUPANCY[language][value] ?? value;
export const structureLabel = (language: Language, value: string): string => STRUCTURE[language][value] ?? value;

/** Every fixed phrase of a document. */
export interface DocumentWords {
  title: string;
  reportId: string;
  generated: string;
  summary: string;
  headline: string;
  today: string;
  worstCase: string;
  grade: string;
  overallScore: string;
  eal: string;
  loss100: string;
  loss250: string;
  asset: string;
  building: string;
  location: string;
  address: string;
  coordinates: string;
  occupancy: string;
  structure: string;
  floors: string;
  yearBuilt: string;
  buildingValue: string;
  contentsValue: string;
  insuredValue: string;
  scenarioTable: string;
  scenario: string;
  horizon: string;
  warming: string;
  seaLevel: string;
  chart: string;
  chartNote: string;
  hazardDetails: string;
  hazard: string;
  indicator: string;
  baselineValue: string;
  score: string;
  category: string;
  disruption: string;
  recommendations: string;
  noRecommendations: string;
  narrative: string;
  narrativeSource: (source: string, model: string | null, language: string) => string;
  noNarrative: string;
  keyRisks: string;
  actions: string;
  methodology: string;
  methodologyText: (version: string, years: number) => string;
  dataQuality: string;
  regions: string;
  nearestRegion: (km: string) => string;
  noRegion: string;
  assumptions: string;
  noAssumptions: string;
  map: string;
  printHint: string;
  notApplicable: string;
}

export const WORDS: Record<Language, DocumentWords> = {
  EN: {
    title: 'Physical climate-risk report',
    reportId: 'Report',
    generated: 'Completed',
    summary: 'Summary',
    headline: 'At a glance',
    today: 'Today',
    worstCase: 'Highest future risk',
    grade: 'Grade',
    overallScore: 'Score',
    eal: 'Expected annual loss',
    loss100: '1-in-100-year loss',
    loss250: '1-in-250-year loss',
    asset: 'Asset',
    building: 'Building',
    location: 'Location',
    address: 'Address',
    coordinates: 'Coordinates',
    occupancy: 'Occupancy',
    structure: 'Structure',
    floors: 'Floors (above / below ground)',
    yearBuilt: 'Year built',
    buildingValue: 'Building value',
    contentsValue: 'Contents value',
    insuredValue: 'Insured value',
    scenarioTable: 'Results by scenario and horizon',
    scenario: 'Scenario',
    horizon: 'Horizon',
    warming: 'Global warming',
    seaLevel: 'Sea-level rise',
    chart: 'Hazard scores by scenario and horizon',
    chartNote:
      'Each cell gives the 0–100 hazard score (exposure before protection and vulnerability); the bar under the number and the shade both grow with the score.',
    hazardDetails: 'Hazards',
    hazard: 'Hazard',
    indicator: 'Indicator',
    baselineValue: 'Baseline',
    score: 'Score',
    category: 'Risk band',
    disruption: 'Disruption',
    recommendations: 'Recommendations',
    noRecommendations: 'No hazard reaches a band that calls for a measure.',
    narrative: 'Narrative',
    narrativeSource: (source, model, language) =>
      source === 'LLM' ? `Written by an LLM${model ? ` (${model})` : ''}, checked against the figures; language ${language}.` : `Written by the built-in template; language ${language}.`,
    noNarrative: 'No narrative was requested for this report.',
    keyRisks: 'Key risks',
    actions: 'Recommended actions',
    methodology: 'Methodology',
    methodologyText: (version, years) =>
      `Method version ${version} (METHODOLOGY.md). Risk = hazard × exposure × vulnerability for each scenario and horizon: ` +
      `hazard intensities from a regional climate table scaled by IPCC AR6 warming levels, damage from published vulnerability curves, ` +
      `losses combined in a Monte-Carlo simulation of ${years.toLocaleString('en-US')} years. Grades A–E follow the combined expected annual loss. ` +
      'A screening assessment, not a site survey.',
    dataQuality: 'Data quality',
    regions: 'Regions used',
    nearestRegion: (km) => `nearest at ${km}`,
    noRegion: 'No region of the climate table is near: latitude-band defaults were used.',
    assumptions: 'Assumptions',
    noAssumptions: 'None: every input was given.',
    map: 'Location of the asset',
    printHint: 'Print this page (Ctrl+P / ⌘P) and choose “Save as PDF” for a PDF copy.',
    notApplicable: '—',
  },
  KO: {
    title: '물리적 기후 리스크 보고서',
    reportId: '보고서',
    generated: '완료 시각',
    summary: '요약',
    headline: '한눈에 보기',
    today: '현재',
    worstCase: '미래 최고 리스크',
    grade: '등급',
    overallScore: '점수',
    eal: '연간 기대손실',
    loss100: '100년 빈도 손실',
    loss250: '250년 빈도 손실',
    asset: '자산',
    building: '건물',
    location: '위치',
    address: '주소',
    coordinates: '좌표',
    occupancy: '용도',
    structure: '구조',
    floors: '층수 (지상 / 지하)',
    yearBuilt: '준공 연도',
    buildingValue: '건물 가액',
    contentsValue: '동산 가액',
    insuredValue: '보험 가액',
    scenarioTable: '시나리오·시점별 결과',
    scenario: '시나리오',
    horizon: '시점',
    warming: '지구 온난화',
    seaLevel: '해수면 상승',
    chart: '시나리오·시점별 재해 점수',
    chartNote: '각 칸은 0–100 재해 점수(방호·취약성 반영 전 노출)입니다. 숫자 아래 막대와 색의 진하기가 점수와 함께 커집니다.',
    hazardDetails: '재해별 결과',
    hazard: '재해',
    indicator: '지표',
    baselineValue: '기준값',
    score: '점수',
    category: '리스크 등급',
    disruption: '업무 손실',
    recommendations: '권장 대응',
    noRecommendations: '대응이 필요한 등급에 이른 재해가 없습니다.',
    narrative: '해설',
    narrativeSource: (source, model, language) =>
      source === 'LLM' ? `LLM${model ? `(${model})` : ''}이 작성하고 수치를 검증함; 언어 ${language}.` : `내장 템플릿으로 작성; 언어 ${language}.`,
    noNarrative: '이 보고서는 해설을 요청하지 않았습니다.',
    keyRisks: '주요 리스크',
    actions: '권장 조치',
    methodology: '방법론',
    methodologyText: (version, years) =>
      `방법론 버전 ${version} (METHODOLOGY.md). 시나리오·시점마다 리스크 = 재해 × 노출 × 취약성: ` +
      `지역 기후표의 재해 강도를 IPCC AR6 온난화 수준으로 환산하고, 공개된 취약성 곡선으로 피해를 구하며, ` +
      `${years.toLocaleString('ko-KR')}년 몬테카를로 모의로 손실을 합산합니다. A–E 등급은 합산 연간 기대손실에 따릅니다. ` +
      '현장 조사가 아닌 선별 평가입니다.',
    dataQuality: '자료 품질',
    regions: '사용한 지역',
    nearestRegion: (km) => `가장 가까운 지역까지 ${km}`,
    noRegion: '가까운 지역 기후 자료가 없어 위도대 기본값을 사용했습니다.',
    assumptions: '가정',
    noAssumptions: '없음: 모든 입력이 주어졌습니다.',
    map: '자산 위치',
    printHint: '이 페이지를 인쇄(Ctrl+P / ⌘P)하고 “PDF로 저장”을 선택하면 PDF 사본을 만들 수 있습니다.',
    notApplicable: '—',
  },
};
