/**
 * Adaptation recommendations: triggered by a hazard that reaches MEDIUM or worse at 2050 under any
 * scenario (the horizon an asset owner plans for), or at the latest horizon asked when 2050 was not.
 */
import type { Hazard, Language } from './input.js';
import type { Priority, Recommendation, ScenarioResult } from './result.js';
import { categoryRank } from './scoring.js';

interface Measure {
  id: string;
  title: Record<Language, string>;
  description: Record<Language, string>;
}

const FLOOD_MEASURES: Measure[] = [
  {
    id: 'flood-barriers',
    title: { KO: '출입구·지하 램프 차수판 설치', EN: 'Flood barriers at entrances and basement ramps' },
    description: {
      KO: '건물 출입구와 지하주차장 램프에 차수판(물막이판)을 설치하고 집중호우 예보 시 설치 절차를 훈련합니다.',
      EN: 'Fit demountable flood barriers at entrances and basement ramps, and drill their deployment before forecast storms.',
    },
  },
  {
    id: 'backflow-sump',
    title: { KO: '역류방지 밸브와 배수펌프', EN: 'Backflow valves and sump pumps' },
    description: {
      KO: '하수 역류를 막는 역류방지 밸브와 비상전원이 연결된 배수펌프를 지하층에 갖춥니다.',
      EN: 'Install backflow valves on drains and sump pumps on backup power in the basement levels.',
    },
  },
  {
    id: 'elevate-plant',
    title: { KO: '전기·기계 설비 상향 배치', EN: 'Critical plant above the flood level' },
    description: {
      KO: '수변전·비상발전·기계 설비를 100년 빈도 침수심보다 0.3–0.6 m 높게 옮기거나 건식·습식 방수 처리합니다.',
      EN: 'Move switchgear, generators and HVAC plant 0.3–0.6 m above the 100-year flood depth, or dry/wet floodproof them.',
    },
  },
];

const MEASURES: Record<Hazard, Measure[]> = {
  PLUVIAL_FLOOD: FLOOD_MEASURES,
  RIVER_FLOOD: FLOOD_MEASURES,
  COASTAL_FLOOD: [
    ...FLOOD_MEASURES,
    {
      id: 'coastal-design-level',
      title: { KO: '2100년 해수면 상승을 반영한 설계 해수위', EN: 'Design sea level including rise to 2100' },
      description: {
        KO: '방조 시설과 지반고 계획에 2100년까지의 해수면 상승과 지반 침하를 더한 설계 해수위를 적용합니다.',
        EN: 'Set sea walls and ground levels to a design sea level that adds the sea-level rise and subsidence expected by 2100.',
      },
    },
  ],
  TYPHOON_WIND: [
    {
      id: 'roof-cladding-anchorage',
      title: { KO: '지붕·외장재 고정 보강', EN: 'Roof and cladding anchorage' },
      description: {
        KO: 'KDS 41(또는 ASCE 7) 설계풍속에 맞게 지붕재·외장재·옥상 설비의 고정을 점검하고 보강합니다.',
        EN: 'Check and strengthen the anchorage of roofing, cladding and rooftop plant to the KDS 41 or ASCE 7 design wind.',
      },
    },
    {
      id: 'impact-glazing',
      title: { KO: '내충격 유리와 비산물 대책', EN: 'Impact-resistant glazing' },
      description: {
        KO: '태풍 시 비산물에 대비해 내충격 유리나 보호 필름을 적용하고 외부 적치물을 고정합니다.',
        EN: 'Use impact-rated glazing or protective film against wind-borne debris, and tie down loose items outside.',
      },
    },
  ],
  EXTREME_HEAT: [
    {
      id: 'cool-envelope',
      title: { KO: '쿨루프·차양·로이 유리', EN: 'Cool roof, shading and low-e glazing' },
      description: {
        KO: '쿨루프나 옥상녹화, 외부 차양, 로이(low-e) 유리로 냉방 부하를 줄입니다.',
        EN: 'Cut cooling load with a cool or green roof, external shading and low-e glazing.',
      },
    },
    {
      id: 'chiller-margin',
      title: { KO: '냉방 설비 용량 여유 확보', EN: 'Cooling plant margin' },
      description: {
        KO: '미래 폭염일수를 반영해 냉동기 용량과 비상 냉방 계획에 여유를 둡니다.',
        EN: 'Size chillers and emergency cooling for the future count of hot days.',
      },
    },
    {
      id: 'wbgt-work-rest',
      title: { KO: 'WBGT 기반 작업·휴식 계획', EN: 'WBGT work–rest plan' },
      description: {
        KO: '습구흑구온도(WBGT)에 따라 야외·고온 작업의 작업·휴식 주기를 정하고 폭염 시 근무 시간을 조정합니다.',
        EN: 'Set work–rest cycles for hot and outdoor work by WBGT, and shift working hours during heat waves.',
      },
    },
  ],
  DROUGHT: [
    {
      id: 'water-reuse',
      title: { KO: '빗물 이용과 용수 재이용', EN: 'Rainwater harvesting and reuse' },
      description: {
        KO: '빗물 저류·이용 시설과 중수 재이용으로 가뭄 시 용수 공급 중단에 대비합니다.',
        EN: 'Harvest rainwater and reuse grey water to ride out supply cuts during droughts.',
      },
    },
  ],
  WILDFIRE: [
    {
      id: 'defensible-space',
      title: { KO: '방화 공간과 불연 지붕', EN: 'Defensible space and Class-A roof' },
      description: {
        KO: '건물 주변 가연물을 정리해 방화 공간을 확보하고 불연(Class A) 지붕재를 사용합니다.',
        EN: 'Clear fuel around the building to create defensible space, and use a Class-A fire-rated roof.',
      },
    },
  ],
  SEA_LEVEL_RISE: [
    {
      id: 'relocate-critical-plant',
      title: { KO: '핵심 설비 이전', EN: 'Relocate critical plant' },
      description: {
        KO: '해수면 상승으로 지하수위와 만조위가 높아지므로 지하의 핵심 설비를 상층으로 옮깁니다.',
        EN: 'Rising high tides and groundwater reach basements first: move critical plant to upper floors.',
      },
    },
  ],
};

const MEDIUM = categoryRank('MEDIUM');
const HIGH = categoryRank('HIGH');

/** The cells that trigger measures: 2050 if it was asked, else the latest horizon, else the baseline. */
function planningCells(scenarios: readonly ScenarioResult[]): ScenarioResult[] {
  const future = scenarios.filter((s) => s.horizon !== null);
  if (future.length === 0) return [...scenarios];
  const horizon = future.some((s) => s.horizon === 2050) ? 2050 : Math.max(...future.map((s) => s.horizon ?? 0));
  return future.filter((s) => s.horizon === horizon);
}

export function recommend(scenarios: readonly ScenarioResult[], language: Language): Recommendation[] {
  const worst = new Map<Hazard, number>();
  for (const cell of planningCells(scenarios)) {
    for (const h of cell.hazards) worst.set(h.hazard, Math.max(worst.get(h.hazard) ?? -1, categoryRank(h.category)));
  }
  const seen = new Set<string>();
  const recommendations: Recommendation[] = [];
  const byRisk = [...worst.entries()].filter(([, r]) => r >= MEDIUM).sort((a, b) => b[1] - a[1]);
  for (const [hazard, r] of byRisk) {
    const priority: Priority = r >= HIGH ? 'HIGH' : 'MEDIUM';
    for (const measure of MEASURES[hazard]) {
      // Flood measures serve all three floods: list each once, under the worst of them.
      if (seen.has(measure.id)) continue;
      seen.add(measure.id);
      recommendations.push({
        id: measure.id,
        hazard,
        priority,
        title: measure.title[language],
        description: measure.description[language],
      });
    }
  }
  return recommendations;
}
