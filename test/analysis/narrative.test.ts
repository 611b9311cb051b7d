import OpenAI from 'openai';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  AllowedFigures,
  DEFAULT_MODEL,
  InventedFiguresError,
  NarrativeError,
  NarrativeFailure,
  createLlmNarrator,
  createOpenAiNarrator,
  scanNumbers,
  selectFacts,
  templateNarrative,
  writeNarrative,
} from '../../src/analysis/narrative/index.js';
import type { LlmNarratorOptions } from '../../src/analysis/narrative/index.js';
import { buildAnalysis, buildInput } from '../fixtures/analysis.js';
import { INVENTED_FIGURE, createMockLlmServer } from '../fixtures/mock-llm-server.js';

const API_KEY = 'sk-test-DO-NOT-LEAK-0123456789abcdef';
const MODEL = 'mock-narrator-1';
const HANGUL = /[가-힣]/;

const analysis = buildAnalysis();
const ko = buildInput('KO');
const en = buildInput('EN');

describe('the figure check', () => {
  const allowed = new AllowedFigures().addFrom('EAL 0.42% (₩4,213,456), 82.6 days, total ₩1,234,567,890, loss 120');
  const passes = (text: string) => allowed.findInvented([text]).length === 0;

  it.each([
    ['as shown', 'EAL 0.42% (₩4,213,456)'],
    ['rounded to fewer decimals', 'about 0.4% and 83 days'],
    ['with trailing zeros', '0.420% and 82.60 days'],
    ['without separators or symbol', '4213456 won'],
    ['in Korean units', '약 421만 원, 421만 3,456원, 12억 3,457만 원, 12.3억 원'],
    ['with English multipliers', '$4.2 million, 1.23 billion, 4.2M'],
    ['as a signed change', 'a change of −120 or +120'],
  ])('accepts figures %s', (_how, text) => {
    expect(passes(text)).toBe(true);
  });

  it.each([
    ['a wrong figure', 'EAL 0.43%'],
    ['more precision than shown', 'EAL 0.423%'],
    ['a wrong rounding', '4.3 million and 84 days'],
    ['a figure rounded below two significant digits', 'a loss of 100'],
    ['an invented amount', '약 500만 원'],
    ['the figure the mock invents', `up to ${INVENTED_FIGURE}`],
  ])('rejects %s', (_how, text) => {
    expect(passes(text)).toBe(false);
  });

  it('ignores scenario names, years, list numbers, small counts and identifiers', () => {
    const text =
      '1. Under SSP2-4.5, SSP5_8_5 and SSP245 (RCP8.5) in 2050 and 2081–2100, the top 3 hazards are listed.\n' +
      '2) 상위 3개 위험 중 2050년에는 CO2와 days_tmax_ge_33c 지표가 중요합니다. 2nd line.';
    expect(scanNumbers(text).filter((n) => !n.exempt)).toEqual([]);
    expect(passes(text)).toBe(true);
  });

  it('still checks the return period of "1-in-N" and a year-like number with a unit', () => {
    expect(passes('a 1-in-100 loss')).toBe(false);
    expect(new AllowedFigures().add(100).findInvented(['a 1-in-100 loss'])).toEqual([]);
    expect(passes('2050%')).toBe(false);
  });
});

describe('selectFacts', () => {
  it('keeps the baseline and SSP2-4.5 / SSP5-8.5 at 2050 and 2100, formatted for the narrative', () => {
    const { facts, allowed } = selectFacts(analysis, ko);
    expect(facts.scenarios.map((s) => `${s.scenario}@${s.horizon}`)).toEqual([
      'HISTORICAL@null',
      'SSP2-4.5@2050',
      'SSP5-8.5@2050',
      'SSP2-4.5@2100',
      'SSP5-8.5@2100',
    ]);
    const [base] = facts.scenarios;
    expect(base).toMatchObject({ grade: 'C', eal: { percent: '0.33%', amount: '₩39,569,760' } });
    expect(base?.topHazards.map((h) => h.hazard)).not.toContain('RIVER_FLOOD');
    expect(facts.recommendations.map((r) => r.priority)).toEqual(['HIGH', 'MEDIUM', 'LOW']);
    expect(allowed.findInvented(['0.33% (₩39,569,760), KDS 41, 0.3–0.6 m, 32층'])).toEqual([]);
  });

  it('falls back to whatever future cells exist', () => {
    const only = buildAnalysis({
      scenarios: analysis.scenarios.filter((s) => s.scenario === 'HISTORICAL' || (s.scenario === 'SSP2_4_5' && s.horizon === 2030)),
    });
    expect(selectFacts(only, en).facts.scenarios.map((s) => s.horizon)).toEqual([null, 2030]);
  });
});

describe('templateNarrative', () => {
  it('writes Korean with the grade, the EAL and the actions by priority', () => {
    const narrative = templateNarrative(analysis, ko);
    expect(narrative).toMatchObject({ source: 'TEMPLATE', language: 'KO', model: null });
    expect(narrative.summary).toContain('종합 등급은 C');
    expect(narrative.summary).toContain('연간 예상 손실(EAL)은');
    expect(narrative.summary).toContain('0.33%(₩39,569,760)');
    expect(narrative.summary).toContain('100년 빈도 손실');
    expect(narrative.keyRisks).toHaveLength(3);
    expect(narrative.keyRisks[0]).toMatch(/^태풍·강풍: 위험 수준 ‘보통’/);
    expect(narrative.actions.map((a) => /^\[(.+?)\]/.exec(a)?.[1])).toEqual(['우선순위 높음', '우선순위 보통', '우선순위 낮음']);
    expect(narrative.text).toMatch(/^요약\n.+\n\n주요 리스크\n1\. .+\n2\. .+\n3\. .+\n\n권장 조치\n1\. /s);
  });

  it('writes English with the grade and the EAL', () => {
    const narrative = templateNarrative(analysis, en);
    expect(narrative).toMatchObject({ source: 'TEMPLATE', language: 'EN', model: null });
    expect(narrative.summary).toContain('grade C');
    expect(narrative.summary).toContain('expected annual loss (EAL) is 0.33%');
    expect(narrative.summary).toContain('₩39,569,760');
    expect(narrative.text).toMatch(/^Summary\n.+\n\nKey risks\n1\. Typhoon and windstorm/s);
  });

  it('is deterministic and quotes only figures the facts allow', () => {
    for (const input of [ko, en]) {
      const narrative = templateNarrative(analysis, input);
      expect(templateNarrative(analysis, input)).toEqual(narrative);
      const { allowed } = selectFacts(analysis, input);
      expect(allowed.findInvented([narrative.summary, ...narrative.keyRisks, ...narrative.actions])).toEqual([]);
    }
  });

  it('formats amounts in the report currency and says something useful without recommendations', () => {
    const usd = buildAnalysis({ currency: 'USD', recommendations: [] });
    const narrative = templateNarrative(usd, en);
    expect(narrative.summary).toContain('($39,569,760)');
    expect(narrative.actions).toEqual([expect.stringMatching(/^No urgent adaptation measure/)]);
    expect(templateNarrative(usd, ko).actions).toEqual([expect.stringMatching(/^현재 평가된 위험 수준에서는/)]);
  });
});

describe('writeNarrative with an LLM', () => {
  const llm = createMockLlmServer();
  let url = '';
  let close: () => Promise<void> = async () => {};

  beforeAll(async () => {
    ({ url, close } = await llm.start());
  });
  afterEach(() => llm.reset());
  afterAll(() => close());

  const narrator = (options: Partial<LlmNarratorOptions> = {}) =>
    createLlmNarrator({
      client: new OpenAI({ apiKey: API_KEY, baseURL: `${url}/v1` }),
      model: MODEL,
      maxRetries: 0,
      requestTimeoutMs: 5_000,
      ...options,
    });

  it('writes a Korean narrative with structured output and records the model', async () => {
    const onFallback = vi.fn();
    const narrative = await writeNarrative(analysis, ko, { narrator: narrator(), onFallback });

    expect(onFallback).not.toHaveBeenCalled();
    expect(narrative).toMatchObject({ source: 'LLM', language: 'KO', model: MODEL });
    expect(narrative.summary).toMatch(HANGUL);
    expect(narrative.summary).toContain('0.33%(₩39,569,760)');
    expect(narrative.text.startsWith(`요약\n${narrative.summary}\n\n주요 리스크\n1. `)).toBe(true);

    expect(llm.count).toBe(1);
    expect(llm.last?.authorization).toBe(`Bearer ${API_KEY}`);
    const body = llm.last?.body as OpenAI.Chat.ChatCompletionCreateParamsNonStreaming;
    expect(body.model).toBe(MODEL);
    expect(body.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { name: 'climate_risk_narrative', strict: true, schema: { required: ['summary', 'keyRisks', 'recommendedActions'] } },
    });
    expect(body.messages[0]?.content).toContain('Write in Korean');
    expect(body.messages[1]?.content).toContain('"language":"KO"');
  });

  it('writes in English when asked', async () => {
    const narrative = await writeNarrative(analysis, en, { narrator: narrator() });
    expect(narrative).toMatchObject({ source: 'LLM', language: 'EN', model: MODEL });
    expect(narrative.summary).not.toMatch(HANGUL);
    expect(narrative.summary).toContain('grade C');
    expect(narrative.text.startsWith('Summary\n')).toBe(true);
  });

  it('succeeds through two 500s when the SDK may retry twice', async () => {
    llm.status(500, 2);
    const onFallback = vi.fn();
    const narrative = await writeNarrative(analysis, ko, { narrator: narrator({ maxRetries: 2 }), onFallback });
    expect(narrative.source).toBe('LLM');
    expect(llm.count).toBe(3);
    expect(onFallback).not.toHaveBeenCalled();
  });

  it('falls back to the template when the provider keeps answering 429', async () => {
    llm.status(429);
    const onFallback = vi.fn();
    const narrative = await writeNarrative(analysis, ko, { narrator: narrator({ maxRetries: 1 }), onFallback });
    expect(narrative).toEqual(templateNarrative(analysis, ko));
    expect(llm.count).toBe(2);
    expect(onFallback).toHaveBeenCalledExactlyOnceWith(expect.stringMatching(/^LLM_UNAVAILABLE: provider answered 429/));
  });

  it.each(['invalid-json', 'missing-fields'] as const)('falls back when the answer is malformed (%s)', async (variant) => {
    llm.malformed(variant);
    const onFallback = vi.fn();
    const narrative = await writeNarrative(analysis, en, { narrator: narrator(), onFallback });
    expect(narrative.source).toBe('TEMPLATE');
    expect(onFallback).toHaveBeenCalledExactlyOnceWith(expect.stringMatching(/^LLM_MALFORMED: /));
  });

  it('falls back when the answer invents a figure', async () => {
    llm.invent();
    const onFallback = vi.fn();
    const narrative = await writeNarrative(analysis, ko, { narrator: narrator(), onFallback });
    expect(narrative.source).toBe('TEMPLATE');
    expect(onFallback).toHaveBeenCalledExactlyOnceWith(expect.stringMatching(/^LLM_INVENTED_FIGURES: .*87\.65/));

    const error = await narrator().narrate(analysis, ko).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InventedFiguresError);
    expect(error).toMatchObject({ code: NarrativeFailure.InventedFigures, figures: ['87.65'] });
  });

  it('answers after a slow response within the timeout', async () => {
    llm.slow(100);
    const narrative = await writeNarrative(analysis, en, { narrator: narrator({ requestTimeoutMs: 5_000 }) });
    expect(narrative.source).toBe('LLM');
  });

  it('falls back when the request times out, and closes the connection', async () => {
    llm.hang();
    const onFallback = vi.fn();
    const narrative = await writeNarrative(analysis, ko, { narrator: narrator({ requestTimeoutMs: 150 }), onFallback });
    expect(narrative.source).toBe('TEMPLATE');
    expect(onFallback).toHaveBeenCalledExactlyOnceWith(expect.stringMatching(/^LLM_TIMEOUT: /));
    await llm.waitFor('disconnect', 1);
  });

  it('rejects with the abort reason at once when aborted mid-request, without a fallback', async () => {
    llm.hang();
    const controller = new AbortController();
    const onFallback = vi.fn();
    const pending = writeNarrative(analysis, ko, { narrator: narrator(), signal: controller.signal, onFallback });
    await llm.waitFor('request', 1);

    const reason = new Error('report cancelled');
    const abortedAt = performance.now();
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    expect(performance.now() - abortedAt).toBeLessThan(1_000);

    await llm.waitFor('disconnect', 1); // the HTTP request really ended
    expect(onFallback).not.toHaveBeenCalled();
  });

  it('rejects at once when aborted while the SDK waits to retry', async () => {
    // The SDK checks the signal only when the next attempt starts; Retry-After asks it to wait 2 s.
    llm.status(500, Infinity, { retryAfterMs: 2_000 });
    let responded!: () => void;
    const firstResponse = new Promise<void>((resolve) => (responded = resolve));
    const client = new OpenAI({
      apiKey: API_KEY,
      baseURL: `${url}/v1`,
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        responded();
        return response;
      },
    });
    const controller = new AbortController();
    const pending = writeNarrative(analysis, ko, {
      narrator: createLlmNarrator({ client, model: MODEL, maxRetries: 2 }),
      signal: controller.signal,
    });
    await firstResponse;
    await new Promise<void>((resolve) => setImmediate(resolve)); // let the SDK reach its back-off sleep

    const abortedAt = performance.now();
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(performance.now() - abortedAt).toBeLessThan(1_000);
    expect(llm.count).toBe(1);
  });

  it('rejects without a request when the signal is already aborted', async () => {
    const reason = new Error('deadline passed');
    await expect(writeNarrative(analysis, ko, { narrator: narrator(), signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(llm.count).toBe(0);
  });

  it('uses the template without a narrator, and that is no fallback', async () => {
    const onFallback = vi.fn();
    expect(await writeNarrative(analysis, en, { onFallback })).toEqual(templateNarrative(analysis, en));
    expect(onFallback).not.toHaveBeenCalled();
  });

  it('never lets the API key into an error or a fallback reason', async () => {
    const texts: string[] = [];
    const collect = (error: unknown) => {
      expect(error).toBeInstanceOf(NarrativeError);
      const e = error as NarrativeError;
      texts.push(String(e), e.message, e.stack ?? '', JSON.stringify(e));
    };
    const cases: [string, () => void, Partial<LlmNarratorOptions>][] = [
      ['401 echoing the key', () => llm.status(401), {}],
      ['500', () => llm.status(500), {}],
      ['malformed', () => llm.malformed(), {}],
      ['invented figure', () => llm.invent(), {}],
      ['timeout', () => llm.hang(), { requestTimeoutMs: 100 }],
    ];
    for (const [, behave, options] of cases) {
      behave();
      await narrator(options).narrate(analysis, ko).then(() => expect.unreachable(), collect);
      await writeNarrative(analysis, ko, { narrator: narrator(options), onFallback: (reason) => texts.push(reason) });
    }

    expect(llm.requests.every((r) => r.authorization === `Bearer ${API_KEY}`)).toBe(true);
    expect(texts.length).toBeGreaterThan(cases.length * 4);
    expect(texts.some((t) => t.includes('Incorrect API key provided: [redacted]'))).toBe(true);
    for (const text of texts) expect(text).not.toContain(API_KEY);
  });

  it('builds an OpenAI narrator from config, or none without a key', async () => {
    expect(createOpenAiNarrator({ apiKey: undefined })).toBeUndefined();
    expect(createOpenAiNarrator({ apiKey: '   ' })).toBeUndefined();
    expect(createOpenAiNarrator({ apiKey: API_KEY })?.model).toBe(DEFAULT_MODEL);

    const configured = createOpenAiNarrator({ apiKey: API_KEY, baseURL: `${url}/v1`, model: 'configured-model', maxRetries: 0 });
    const narrative = await writeNarrative(analysis, ko, { narrator: configured });
    expect(narrative).toMatchObject({ source: 'LLM', model: 'configured-model' });
    expect(llm.last?.authorization).toBe(`Bearer ${API_KEY}`);
  });
});
