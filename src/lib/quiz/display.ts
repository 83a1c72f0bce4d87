/** How answers, units and section links are written for the learner. */
import { isCustomLessonKey } from '../authoring/ids.ts';
import { learnerLessonPath } from '../authoring/paths.ts';
import { lessonPath } from '../course/catalog.ts';
import { formatNumber, formatPercent, formatYen } from '../i18n/format.ts';
import type { Locale } from '../i18n/locales.ts';
import { message } from './messages.ts';
import type { Localized, Tolerance, Unit } from './schemaParts.ts';

/** The text in the learner's language. */
export function pick(text: Localized, locale: Locale): string {
  return text[locale];
}

/** A, B, C... for the option at a display position. */
export function optionLabel(index: number): string {
  return String.fromCharCode(65 + index);
}

const UNIT_LABELS: Record<Locale, Record<Unit, string>> = {
  ja: { '¥': '円', '%': '%', 回: '回', 年: '年', か月: 'か月', 倍: '倍' },
  en: { '¥': 'yen', '%': '%', 回: 'times', 年: 'years', か月: 'months', 倍: 'times (ratio)' },
};

/** The unit next to an input field. */
export function unitLabel(locale: Locale, unit: Unit): string {
  return UNIT_LABELS[locale][unit];
}

/** A value with its unit: ￥100,000 / 40% / 4回 / 4 times / 3.2倍 / 3.2×. */
export function formatWithUnit(locale: Locale, unit: Unit, value: number): string {
  if (unit === '¥') return formatYen(locale, value);
  const number = formatNumber(locale, value, 2);
  if (unit === '%') return `${number}%`;
  if (locale === 'ja') return `${number}${unit}`;
  const words: Record<Exclude<Unit, '¥' | '%'>, string> = { 回: 'times', 年: 'years', か月: 'months', 倍: '×' };
  return unit === '倍' ? `${number}×` : `${number} ${words[unit]}`;
}

/** The tolerance in words, or '' for an exact answer. */
export function toleranceText(locale: Locale, unit: Unit, tolerance: Tolerance): string {
  if ('relative' in tolerance) {
    return tolerance.relative === 0 ? '' : message(locale, 'tolerance.relative', { n: formatPercent(locale, tolerance.relative, 2) });
  }
  return tolerance.absolute === 0 ? '' : message(locale, 'tolerance.absolute', { n: formatWithUnit(locale, unit, tolerance.absolute) });
}

/** Link to the lesson section a question tests: `/lessons/<id>/#<anchor>`, `/en/lessons/...` in English. */
export function sectionHref(lesson: string, anchor: string, locale: Locale): string {
  // A trainer's own lesson lives in the learner area (its text in its module's one language).
  const path = isCustomLessonKey(lesson) ? learnerLessonPath(lesson, locale) : lessonPath(locale, lesson);
  return `${path}#${encodeURIComponent(anchor)}`;
}
