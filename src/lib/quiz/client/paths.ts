/** Where the quiz pages live, in both languages, and the review link's query string. */
import { lessonPath } from '../../course/catalog.ts';
import type { Locale } from '../../i18n/locales.ts';

/** `/lessons/<id>/quiz/`, `/en/lessons/<id>/quiz/`. */
export function quizPath(locale: Locale, lesson: string): string {
  return `${lessonPath(locale, lesson)}quiz/`;
}

/** Today's review: `/review/`, `/en/review/`. */
export function reviewPath(locale: Locale): string {
  return locale === 'ja' ? '/review/' : '/en/review/';
}

/** The quiz page set up to review these questions (`?review=a,b`). */
export function reviewAttemptHref(locale: Locale, lesson: string, questionIds: readonly string[]): string {
  return `${quizPath(locale, lesson)}?review=${questionIds.map(encodeURIComponent).join(',')}`;
}

const QUESTION_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The question ids of a `?review=` query, or null when absent or unreadable (then the normal start screen shows). */
export function reviewIdsFromSearch(search: string): string[] | null {
  const raw = new URLSearchParams(search).get('review');
  if (!raw) return null;
  const ids = [...new Set(raw.split(',').map((id) => id.trim()))].filter((id) => QUESTION_ID.test(id)).slice(0, 50);
  return ids.length ? ids : null;
}
