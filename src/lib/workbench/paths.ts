import type { Locale } from '../i18n/locales.ts';

/** Path of the customer workbench page in a language. */
export function workbenchPath(locale: Locale): string {
  return locale === 'ja' ? '/workbench/' : '/en/workbench/';
}
