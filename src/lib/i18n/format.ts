import { LANGUAGE_TAG, type Locale } from './locales.ts';

// Intl formatters are costly to build; keep one per locale and option set.
const cache = new Map<string, Intl.NumberFormat>();
function formatter(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = locale + JSON.stringify(options);
  let value = cache.get(key);
  if (!value) {
    value = new Intl.NumberFormat(LANGUAGE_TAG[locale], options);
    cache.set(key, value);
  }
  return value;
}

/** Money in the learner's currency: ¥100,000 in Japanese, ¥100,000 in English (still yen). */
export function formatYen(locale: Locale, value: number): string {
  return formatter(locale, { style: 'currency', currency: 'JPY', maximumFractionDigits: 0 }).format(value);
}

export function formatNumber(locale: Locale, value: number, maximumFractionDigits = 2): string {
  return formatter(locale, { maximumFractionDigits }).format(value);
}

export function formatPercent(locale: Locale, ratio: number, maximumFractionDigits = 1): string {
  return formatter(locale, { style: 'percent', maximumFractionDigits }).format(ratio);
}

/** Short money for chart labels: 10万円 / ¥100K; a negative sign goes first (-¥1.8M, not ¥-1.8M). */
export function formatYenCompact(locale: Locale, value: number): string {
  const text = formatter(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(Math.abs(value));
  const sign = value < 0 ? '-' : '';
  return locale === 'ja' ? `${sign}${text}円` : `${sign}¥${text}`;
}

/** Field names quoted and listed the way each language does: 「継続年数」、「粗利率」 / “Years” and “Margin”. */
export function formatQuotedList(locale: Locale, items: readonly string[]): string {
  const quoted = items.map((item) => (locale === 'ja' ? `「${item}」` : `“${item}”`));
  if (locale === 'ja') return quoted.join('と');
  return new Intl.ListFormat(LANGUAGE_TAG[locale], { type: 'conjunction' }).format(quoted);
}
