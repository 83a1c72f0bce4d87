/** The words for an API outcome that went wrong, in the page's language. */
import type { Locale } from '../../lib/i18n/locales.ts';
import type { ApiResult } from './http.ts';
import { tt } from './text.ts';

export function failureMessage(locale: Locale, result: Exclude<ApiResult, { kind: 'ok' }>): string {
  if (result.kind === 'network') return tt(locale, 'error.network');
  if (result.code === 'rate-limited') return tt(locale, 'error.rateLimited', { minutes: Math.max(1, Math.ceil((result.retryAfterSeconds ?? 60) / 60)) });
  if (result.code === 'invalid-body') return tt(locale, 'error.fields');
  return tt(locale, 'error.generic');
}

/** The first server message of a field, or undefined. */
export function fieldError(result: ApiResult | null, field: string): string | undefined {
  return result?.kind === 'error' ? result.fieldErrors[field]?.[0] : undefined;
}
