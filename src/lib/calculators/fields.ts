// Direct imports, not parse/index.ts: that would pull the CSV parser into every calculator page.
import { parseAmount } from '../clv/parse/amount.ts';
import { toHalfWidth } from '../clv/parse/text.ts';
import type { Locale } from '../i18n/locales.ts';

/**
 * Calculator inputs as people type them: `5,000`, `５０００円`, `¥5,000`, `5千`, `40%`, `４０％`.
 * Every field keeps the learner's raw text; a value is used only when it parses and is in range,
 * otherwise the field shows why and the calculator keeps its last valid result.
 */

/** What a field holds; decides the accepted suffixes and how the value is read. */
export type FieldKind = 'money' | 'number' | 'percent';

export interface FieldSpec {
  kind: FieldKind;
  /** Smallest accepted value, in the field's unit (percent fields: in percent, e.g. 0). */
  min?: number;
  /** Largest accepted value, in the field's unit. */
  max?: number;
  /** Only whole numbers (purchase counts, customers). */
  integer?: boolean;
  /** An empty field is allowed and means "not used" (optional margin, discount rate). */
  optional?: boolean;
}

export type FieldError =
  | { code: 'required' }
  | { code: 'not-a-number' }
  | { code: 'too-small'; limit: number }
  | { code: 'too-large'; limit: number }
  | { code: 'not-integer' };

/** `value` is in the field's unit; a percent field gives a ratio (40% -> 0.4). Empty optional -> undefined. */
export type FieldResult = { ok: true; value: number | undefined } | { ok: false; error: FieldError };

const UNIT_SUFFIXES = /(?:回|年|人|件|か月|ヶ月|カ月|ヵ月|times|years?|customers?|visits?)$/i;

/** Reads one field's text according to its spec. */
export function parseField(text: string, spec: FieldSpec): FieldResult {
  let cleaned = toHalfWidth(text).trim();
  if (cleaned === '') return spec.optional ? { ok: true, value: undefined } : { ok: false, error: { code: 'required' } };
  if (spec.kind === 'percent') cleaned = cleaned.replace(/%$/, '').trim();
  else cleaned = cleaned.replace(UNIT_SUFFIXES, '').trim();
  const amount = parseAmount(cleaned);
  if (!amount.ok) return { ok: false, error: { code: 'not-a-number' } };
  const value = amount.value;
  if (spec.integer && !Number.isInteger(value)) return { ok: false, error: { code: 'not-integer' } };
  if (spec.min !== undefined && value < spec.min) return { ok: false, error: { code: 'too-small', limit: spec.min } };
  if (spec.max !== undefined && value > spec.max) return { ok: false, error: { code: 'too-large', limit: spec.max } };
  return { ok: true, value: spec.kind === 'percent' ? value / 100 : value };
}

const MESSAGES: Record<Locale, Record<FieldError['code'], string>> = {
  ja: {
    required: '値を入力してください。',
    'not-a-number': '数字として読めません。例: 5,000 や ５０００円',
    'too-small': '{limit}以上の値を入力してください。',
    'too-large': '{limit}以下の値を入力してください。',
    'not-integer': '整数で入力してください。',
  },
  en: {
    required: 'Enter a value.',
    'not-a-number': 'This is not a number. Example: 5,000 or ¥5,000',
    'too-small': 'Enter {limit} or more.',
    'too-large': 'Enter {limit} or less.',
    'not-integer': 'Enter a whole number.',
  },
};

/** The inline message for a field error, in the learner's language. */
export function fieldErrorMessage(locale: Locale, error: FieldError): string {
  const template = MESSAGES[locale][error.code];
  return 'limit' in error ? template.replace('{limit}', error.limit.toLocaleString(locale === 'ja' ? 'ja-JP' : 'en-US')) : template;
}

/** Parses every field; `values` holds the parsed values only when all fields are valid. */
export function parseFields<Name extends string>(
  texts: Record<Name, string>,
  specs: Record<Name, FieldSpec>,
): { values: Record<Name, number | undefined> | null; errors: Partial<Record<Name, FieldError>> } {
  const values = {} as Record<Name, number | undefined>;
  const errors: Partial<Record<Name, FieldError>> = {};
  for (const name of Object.keys(specs) as Name[]) {
    const result = parseField(texts[name] ?? '', specs[name]);
    if (result.ok) values[name] = result.value;
    else errors[name] = result.error;
  }
  return { values: Object.keys(errors).length ? null : values, errors };
}
