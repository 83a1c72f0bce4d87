/** The languages of the course. Japanese is primary and lives at `/`; English at `/en/`. */
export const LOCALES = ['ja', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'ja';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** BCP 47 tags for `<html lang>`, Intl and speech voices. */
export const LANGUAGE_TAG: Record<Locale, string> = { ja: 'ja-JP', en: 'en-US' };

/** The locale a path belongs to: `/en/...` is English, everything else Japanese. */
export function localeFromPath(pathname: string): Locale {
  return pathname === '/en' || pathname.startsWith('/en/') ? 'en' : DEFAULT_LOCALE;
}

/** The same page in another language: `/lessons/x` <-> `/en/lessons/x`. */
export function localizedPath(pathname: string, target: Locale): string {
  const bare = localeFromPath(pathname) === 'en' ? pathname.slice(3) || '/' : pathname;
  if (target === DEFAULT_LOCALE) return bare;
  return bare === '/' ? '/en/' : `/en${bare}`;
}
