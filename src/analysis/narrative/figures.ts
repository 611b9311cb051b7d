/**
 * The figure check: every number an LLM writes must be one of the figures it was given.
 *
 * A model that quotes "EAL 0.42%" when the facts say 0.42% is fine; one that writes 4.2% or makes up a
 * 1-in-250 loss is not, and its narrative is replaced by the template. The rules:
 *
 * 1. **Allowed figures** are every number that appears in the facts JSON (number values and numbers
 *    inside strings, read with the same scanner as the text), so what the model saw is what it may
 *    quote. Signs are ignored: "−12%" and "12%" are the same figure.
 * 2. **Formatting is tolerated.** Thousands separators (`1,234,567`), units and symbols (`%`, `₩`,
 *    `°C`, `m`), Korean large-number units written against the digits (`12억 3,457만 원`, `1.2억`,
 *    `3천만`) and English multipliers (`1.2 million`, `3.4bn`, `5M`; a lowercase `m` is metres) are
 *    read into one value.
 * 3. **Rounding is tolerated, down to the precision written.** A quoted number with resolution r (one
 *    unit of its last written digit: 0.01 for `0.42`, 10,000 for `421만`) matches an allowed figure a
 *    when |quoted − a| ≤ r/2. So `0.4%` matches 0.42%, `421만 원` matches ₩4,213,456, but `0.43%` or
 *    `0.423%` do not: more digits than shown are invented precision. Trailing zeros of an integer
 *    count as rounding (`4,200,000` may stand for 4,213,456) but never below two significant digits,
 *    so a bare `100` cannot stand for 120.
 * 4. **Not figures:** scenario names (`SSP2-4.5`, `SSP245`, `RCP8.5`); digits glued to a Latin letter or
 *    underscore (`CO2`, `days_tmax_ge_33c`); the "1-in-" of "1-in-100" (the 100 is still checked);
 *    years (a bare four-digit integer 1850–2150, without separator, decimals, `%`, multiplier or
 *    currency symbol); list numbers (an integer 1–10 at the start of a line followed by `.` or `)`);
 *    small counts and ordinals (an integer 1–10 followed by a counter such as 개/가지/곳/번째, by
 *    st/nd/rd/th, or by a noun such as hazards/risks/actions/measures, or preceded by "top"/"상위").
 *
 * Known limits, by design: units are not compared (a 0.42 that was a percent may be quoted as metres),
 * nor is the label a figure is attached to (a real figure quoted for the wrong hazard passes), and a
 * bare year-like integer such as "2000 days" is taken for a year.
 */

export interface QuotedNumber {
  /** The text as written, e.g. `12억 3,457만`. */
  raw: string;
  /** Offset of `raw` in the scanned text. */
  index: number;
  value: number;
  /** One unit of the last written digit, in the same scale as `value`. */
  resolution: number;
  /** Why this number is not a figure; undefined for figures. */
  exempt?: 'YEAR' | 'LIST_NUMBER' | 'COUNT';
}

/** Masked before scanning: the digits in these are names, not figures. */
const NAME_PATTERNS = [
  /\bSSP\s?[1-5](?:[-‐‑–_ ]?\d(?:[._]?\d)?)?/gi,
  /\bRCP\s?\d(?:\.\d)?/gi,
  // "1-in-100", "1 in 250": the 1 is part of the phrase, the return period is still checked.
  /\b1\s?-?\s?in\s?-?\s?(?=\d)/gi,
];

const NUMBER = /(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?/g;

const KO_SMALL: Record<string, number> = { 십: 10, 백: 100, 천: 1_000 };
const KO_LARGE: Record<string, number> = { 만: 1e4, 억: 1e8, 조: 1e12 };
// Attached only (`12억`, `3천만`): a spaced "3 조치" is a number followed by a word.
const KO_UNIT = /^([십백천])?(만|억|조)?/;
const EN_WORD = /^\s?(thousand|million|billion|trillion|mn|bn|tn)\b/i;
// Attached capital letters only: a lowercase "m" after a number is metres, not millions.
const EN_LETTER = /^(k|K|M|B)(?![A-Za-z])/;
const EN_SCALE: Record<string, number> = {
  thousand: 1e3, k: 1e3, million: 1e6, mn: 1e6, m: 1e6, billion: 1e9, bn: 1e9, b: 1e9, trillion: 1e12, tn: 1e12,
};

const COUNTER_AFTER =
  /^(?:st|nd|rd|th)\b|^\s?(?:개|가지|곳|건|번째|순위|위(?!험)|대\s?(?:리스크|위험|재해|요인)|(?:key |main |major |primary )?(?:hazards?|risks?|actions?|measures?|steps?|priorities|scenarios?|recommendations?|areas?|categories)\b)/i;
const COUNTER_BEFORE = /(?:\btop|상위|주요)\s?$/i;

interface Token {
  raw: string;
  index: number;
  end: number;
  value: number;
  resolution: number;
  integerDigits: string;
  decimals: number;
  hasSeparator: boolean;
  /** The Korean large unit (만/억/조) that ended the token, for joining `12억 3,457만`. */
  largeUnit: number;
  hasMultiplier: boolean;
}

function mask(text: string): string {
  return NAME_PATTERNS.reduce((masked, pattern) => masked.replace(pattern, (m) => ' '.repeat(m.length)), text);
}

/** One unit of the last written digit, before any multiplier. */
function baseResolution(integerDigits: string, decimals: number): number {
  if (decimals > 0) return 10 ** -decimals;
  if (/^0+$/.test(integerDigits)) return 1;
  const trailingZeros = integerDigits.length - integerDigits.replace(/0+$/, '').length;
  // Trailing zeros may be rounding, but keep at least two significant digits.
  return 10 ** Math.min(trailingZeros, Math.max(0, integerDigits.length - 2));
}

function tokenize(text: string): Token[] {
  const masked = mask(text);
  const tokens: Token[] = [];
  for (const match of masked.matchAll(NUMBER)) {
    const index = match.index;
    // Digits glued to a Latin letter or underscore are part of an identifier (CO2, days_ge_33c).
    if (index > 0 && /[A-Za-z_]/.test(masked[index - 1] ?? '')) continue;
    const intPart = match[1] ?? '';
    const decPart = match[2] ?? '';
    const integerDigits = intPart.replaceAll(',', '');
    let value = Number(`${integerDigits}${decPart ? `.${decPart}` : ''}`);
    let resolution = baseResolution(integerDigits, decPart.length);
    let end = index + match[0].length;
    let largeUnit = 0;
    let hasMultiplier = false;
    const rest = masked.slice(end);
    const ko = KO_UNIT.exec(rest);
    const en = EN_WORD.exec(rest) ?? EN_LETTER.exec(rest);
    if (ko && (ko[1] || ko[2])) {
      const scale = (ko[1] ? (KO_SMALL[ko[1]] ?? 1) : 1) * (ko[2] ? (KO_LARGE[ko[2]] ?? 1) : 1);
      value *= scale;
      resolution *= scale;
      largeUnit = ko[2] ? (KO_LARGE[ko[2]] ?? 0) : 0;
      end += ko[0].length;
      hasMultiplier = true;
    } else if (en?.[1]) {
      const scale = EN_SCALE[en[1].toLowerCase()] ?? 1;
      value *= scale;
      resolution *= scale;
      end += en[0].length;
      hasMultiplier = true;
    }
    tokens.push({
      raw: text.slice(index, end).trim(),
      index,
      end,
      value,
      resolution,
      integerDigits,
      decimals: decPart.length,
      hasSeparator: intPart.includes(','),
      largeUnit,
      hasMultiplier,
    });
  }
  return joinKoreanGroups(text, masked, tokens);
}

/** `12억 3,457만 원` is one amount: join groups of decreasing Korean units (and a last plain group before 원). */
function joinKoreanGroups(text: string, masked: string, tokens: Token[]): Token[] {
  const joined: Token[] = [];
  for (const token of tokens) {
    const previous = joined.at(-1);
    const between = previous ? masked.slice(previous.end, token.index) : '';
    const continues =
      previous !== undefined &&
      previous.largeUnit > 0 &&
      /^\s*$/.test(between) &&
      (token.largeUnit > 0
        ? token.largeUnit < previous.largeUnit
        : !token.hasMultiplier && token.decimals === 0 && token.value < 1e4 && /^\s?원/.test(masked.slice(token.end)));
    if (previous && continues) {
      joined[joined.length - 1] = {
        ...previous,
        raw: text.slice(previous.index, token.end).trim(),
        end: token.end,
        value: previous.value + token.value,
        resolution: token.resolution,
        largeUnit: token.largeUnit,
      };
    } else {
      joined.push(token);
    }
  }
  return joined;
}

function exemption(masked: string, token: Token): QuotedNumber['exempt'] {
  const plainInteger = token.decimals === 0 && !token.hasSeparator && !token.hasMultiplier;
  if (!plainInteger) return undefined;
  const before = masked.slice(0, token.index);
  const after = masked.slice(token.end);
  const value = token.value;
  if (
    token.integerDigits.length === 4 &&
    value >= 1850 &&
    value <= 2150 &&
    !/^\s?%/.test(after) &&
    !/[₩$€£¥]\s?$/.test(before)
  ) {
    return 'YEAR';
  }
  if (value >= 1 && value <= 10) {
    const lineStart = before.slice(before.lastIndexOf('\n') + 1);
    if (/^\s*\(?$/.test(lineStart) && /^[.)](?:\s|$)/.test(after)) return 'LIST_NUMBER';
    if (COUNTER_AFTER.test(after) || COUNTER_BEFORE.test(before)) return 'COUNT';
  }
  return undefined;
}

/** Every number written in `text`, with exemptions marked. */
export function scanNumbers(text: string): QuotedNumber[] {
  const masked = mask(text);
  return tokenize(text).map((token) => {
    const exempt = exemption(masked, token);
    return {
      raw: token.raw,
      index: token.index,
      value: token.value,
      resolution: token.resolution,
      ...(exempt ? { exempt } : {}),
    };
  });
}

/** The figures a narrative may quote. */
export class AllowedFigures {
  readonly #values = new Set<number>();

  /** Allows a number as is (its sign ignored). */
  add(value: number): this {
    if (Number.isFinite(value)) this.#values.add(Math.abs(value));
    return this;
  }

  /** Allows every number written in `text`, including years and counts (they are facts here). */
  addFrom(text: string): this {
    for (const quoted of scanNumbers(text)) this.add(quoted.value);
    return this;
  }

  /** Allows every number in a JSON-like value: number leaves and numbers inside string leaves. */
  addAll(value: unknown): this {
    if (typeof value === 'number') this.add(value);
    else if (typeof value === 'string') this.addFrom(value);
    else if (Array.isArray(value)) for (const item of value) this.addAll(item);
    else if (value !== null && typeof value === 'object') for (const item of Object.values(value)) this.addAll(item);
    return this;
  }

  get size(): number {
    return this.#values.size;
  }

  /** Whether a quoted number is one of the allowed figures, rounded to the precision it was written with. */
  matches(quoted: Pick<QuotedNumber, 'value' | 'resolution'>): boolean {
    for (const allowed of this.#values) {
      const epsilon = 1e-9 * Math.max(1, allowed);
      if (Math.abs(quoted.value - allowed) <= quoted.resolution / 2 + epsilon) return true;
    }
    return false;
  }

  /** The numbers in `texts` that are neither exempt nor allowed, as written. */
  findInvented(texts: readonly string[]): string[] {
    const invented: string[] = [];
    for (const text of texts) {
      for (const quoted of scanNumbers(text)) {
        if (!quoted.exempt && !this.matches(quoted)) invented.push(quoted.raw);
      }
    }
    return invented;
  }
}
