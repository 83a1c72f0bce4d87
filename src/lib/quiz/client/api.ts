/**
 * The browser's side of the self-study endpoints (src/server/quiz). Failures are values the page
 * can explain (offline, too many requests, the lesson has no quiz), never exceptions. `fetch` is
 * injected so stores and tests can replace it. Request types come from the server's zod bodies
 * (`import type`: nothing of the server ships to the browser).
 */
import type { AttemptRequest, CheckRequest, GradeRequest } from '../../../server/quiz/bodies.ts';
import type { AttemptStarted } from '../../../server/quiz/selfStudy.ts';
import type { GradeResult, QuestionResult } from '../grade.ts';

export type { AttemptRequest, AttemptStarted, CheckRequest, GradeRequest };

export type ApiErrorKind = 'offline' | 'rate-limited' | 'invalid' | 'not-found' | 'server';

export interface ApiError {
  kind: ApiErrorKind;
  /** Field errors of a 400, by field path. */
  fieldErrors?: Record<string, string[]>;
}

export type ApiResult<Value> = { ok: true; value: Value } | { ok: false; error: ApiError };

export interface QuizApi {
  startAttempt(body: AttemptRequest): Promise<ApiResult<AttemptStarted>>;
  check(body: CheckRequest): Promise<ApiResult<QuestionResult>>;
  grade(body: GradeRequest): Promise<ApiResult<GradeResult>>;
}

type Fetch = (input: string, init: RequestInit) => Promise<Response>;

function errorKind(status: number): ApiErrorKind {
  if (status === 429) return 'rate-limited';
  if (status === 404) return 'not-found';
  if (status >= 400 && status < 500) return 'invalid';
  return 'server';
}

async function post<Value>(fetchImpl: Fetch, path: string, body: unknown, pick: (json: Record<string, unknown>) => Value): Promise<ApiResult<Value>> {
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
    return { ok: false, error: { kind: errorKind(response.status), ...(fieldErrors ? { fieldErrors } : {}) } };
  }
  return { ok: true, value: pick(json) };
}

export function createQuizApi(fetchImpl: Fetch = (input, init) => fetch(input, init)): QuizApi {
  return {
    startAttempt: (body) => post(fetchImpl, '/api/quiz/attempt', body, (json) => json as unknown as AttemptStarted),
    check: (body) => post(fetchImpl, '/api/quiz/check', body, (json) => json['result'] as QuestionResult),
    grade: (body) => post(fetchImpl, '/api/quiz/grade', body, (json) => json['result'] as GradeResult),
  };
}
