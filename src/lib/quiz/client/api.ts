/**
 * The browser's side of the self-study endpoints (src/server/quiz). Failures are values the page
 * can explain (offline, too many requests, the attempt has expired), never exceptions. `fetch` is
 * injected so stores and tests can replace it. Request and answer types come from the API's zod
 * bodies in ../api.ts (`import type`: no zod ships to the browser).
 */
import type { AttemptRequest, AttemptStarted, CheckAnswered, CheckRequest, GradeAnswered, GradeRequest } from '../api.ts';

export type { AttemptRequest, AttemptStarted, CheckAnswered, CheckRequest, GradeAnswered, GradeRequest };

export type ApiErrorKind =
  | 'offline'
  | 'rate-limited'
  | 'invalid'
  | 'not-found'
  /** The attempt is no longer on the server (deleted after a week, or never there): start a new one. */
  | 'expired'
  /** Nothing left to practise: every question asked for is kept for assigned tests. */
  | 'no-questions'
  /** The question is part of an assigned test still open: finish that test first. */
  | 'assigned'
  | 'server';

export interface ApiError {
  kind: ApiErrorKind;
  /** Field errors of a 400, by field path. */
  fieldErrors?: Record<string, string[]>;
}

export type ApiResult<Value> = { ok: true; value: Value } | { ok: false; error: ApiError };

export interface QuizApi {
  startAttempt(body: AttemptRequest): Promise<ApiResult<AttemptStarted>>;
  check(body: CheckRequest): Promise<ApiResult<CheckAnswered>>;
  grade(body: GradeRequest): Promise<ApiResult<GradeAnswered>>;
}

type Fetch = (input: string, init: RequestInit) => Promise<Response>;

/** The server's error codes that call for their own words; the rest by status. */
const KINDS_BY_CODE: Record<string, ApiErrorKind> = {
  'unknown-attempt': 'expired',
  'no-practice-questions': 'no-questions',
  'question-in-assigned-test': 'assigned',
};

export function errorKind(status: number, code: unknown): ApiErrorKind {
  const known = typeof code === 'string' && Object.hasOwn(KINDS_BY_CODE, code) ? KINDS_BY_CODE[code] : undefined;
  if (known) return known;
  if (status === 429) return 'rate-limited';
  if (status === 404) return 'not-found';
  if (status >= 400 && status < 500) return 'invalid';
  return 'server';
}

async function post<Value>(fetchImpl: Fetch, path: string, body: unknown): Promise<ApiResult<Value>> {
  let response: Response;
  try {
    response = await fetchImpl(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  } catch {
    return { ok: false, error: { kind: 'offline' } };
  }
  let json: Record<string, unknown> = {};
  try {
    json = (await response.json()) as Record<string, unknown>;
  } catch {
    // A proxy's HTML error page: the status says enough.
  }
  if (!response.ok) {
    const fieldErrors = json['fieldErrors'] as Record<string, string[]> | undefined;
    return { ok: false, error: { kind: errorKind(response.status, json['error']), ...(fieldErrors ? { fieldErrors } : {}) } };
  }
  return { ok: true, value: json as Value };
}

export function createQuizApi(fetchImpl: Fetch = (input, init) => fetch(input, init)): QuizApi {
  return {
    startAttempt: (body) => post(fetchImpl, '/api/quiz/attempt', body),
    check: (body) => post(fetchImpl, '/api/quiz/check', body),
    grade: (body) => post(fetchImpl, '/api/quiz/grade', body),
  };
}
