/**
 * Parameters of calculated questions: the values an attempt may draw, the draw itself, and the
 * text with `{name}` placeholders filled in (Intl formatting, ¥ in both languages).
 */
import type { Rng } from '../clv/random.ts';
import { formatNumber, formatPercent, formatYen } from '../i18n/format.ts';
import type { Locale } from '../i18n/locales.ts';
import type { ParameterSpec } from './schemaParts.ts';

/** Drawn values by parameter name. */
export type ParameterValues = Readonly<Record<string, number>>;

/** min + k step, rounded to 10 decimals so 0.2 + 3 x 0.05 reads 0.35, not 0.35000000000000003. */
function valueAt(spec: ParameterSpec, k: number): number {
  return Number((spec.min + k * spec.step).toFixed(10));
}

/** How many values a parameter can take. */
export function valueCount(spec: ParameterSpec): number {
  return Math.floor((spec.max - spec.min) / spec.step + 1e-9) + 1;
}

/** One draw of every parameter, in the order the bank lists them (the order is part of the seed's meaning). */
export function drawParameters(specs: Readonly<Record<string, ParameterSpec>>, rng: Rng): Record<string, number> {
  const values: Record<string, number> = {};
  for (const [name, spec] of Object.entries(specs)) values[name] = valueAt(spec, rng.int(0, valueCount(spec) - 1));
  return values;
}

/** Every combination of the parameters' smallest and largest values (2^n corners, n is small). */
export function parameterCorners(specs: Readonly<Record<string, ParameterSpec>>): Record<string, number>[] {
  let corners: Record<string, number>[] = [{}];
  for (const [name, spec] of Object.entries(specs)) {
    const ends = spec.max === spec.min ? [spec.min] : [spec.min, valueAt(spec, valueCount(spec) - 1)];
    corners = corners.flatMap((corner) => ends.map((value) => ({ ...corner, [name]: value })));
  }
  return corners;
}

/** One value as the text shows it. */
export function formatParameter(locale: Locale, spec: ParameterSpec | undefined, value: number): string {
  if (spec?.format === 'yen') return formatYen(locale, value);
  if (spec?.format === 'percent') return formatPercent(locale, value);
  return formatNumber(locale, value);
}

/** `{name}` placeholders: letters and digits, as parameter names are. */
export const PLACEHOLDER = /\{([a-zA-Z][a-zA-Z0-9]*)\}/g;

/** Names of the placeholders in a text, in order of appearance. */
export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1] as string);
}

/**
 * The text with placeholders replaced; `extra` holds already formatted values such as `{answer}`.
 * Unknown placeholders stay as written (checkBank reports them).
 */
export function renderTemplate(
  text: string,
  locale: Locale,
  specs: Readonly<Record<string, ParameterSpec>>,
  values: ParameterValues,
  extra: Readonly<Record<string, string>> = {},
): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    if (name in extra) return extra[name] as string;
    const value = values[name];
    return value === undefined ? whole : formatParameter(locale, specs[name], value);
  });
}
