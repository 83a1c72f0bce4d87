/**
 * Dates and percentages on the trainer and learner pages. Times are shown in Japan time (the
 * course's teams work there) unless LTV_TIME_ZONE names another zone; server-rendered pages and
 * the CSV agree because both run on the server.
 */
import { formatPercent } from '../../lib/i18n/format.ts';
import { LANGUAGE_TAG, type Locale } from '../../lib/i18n/locales.ts';

export const TIME_ZONE = (typeof process !== 'undefined' && process.env?.LTV_TIME_ZONE) || 'Asia/Tokyo';

export function formatDate(locale: Locale, iso: string): string {
  return new Intl.DateTimeFormat(LANGUAGE_TAG[locale], { dateStyle: 'medium', timeZone: TIME_ZONE }).format(new Date(iso));
}

export function formatDateTime(locale: Locale, iso: string): string {
  return new Intl.DateTimeFormat(LANGUAGE_TAG[locale], { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE }).format(new Date(iso));
}

/** A share 0..1 as a whole percentage; an en dash for null. */
export function percent(locale: Locale, share: number | null): string {
  return share === null ? '–' : formatPercent(locale, share, 0);
}

/** YYYY-MM-DD of the day `days` from now, in the display time zone (a date field's value). */
export function dateInDays(days: number, now = new Date()): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(now.getTime() + days * 86_400_000));
}
