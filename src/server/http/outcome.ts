/**
 * What services return: a value, or a failure the route turns into an HTTP error. Services never
 * build Responses, so tests and pages can call them directly.
 */
import { json, problem } from './json.ts';

export type Failure = { ok: false; status: 400 | 403 | 404 | 409 | 429; error: string; details?: Record<string, unknown> };
export type Outcome<Value> = { ok: true; value: Value } | Failure;

export const success = <Value>(value: Value): Outcome<Value> => ({ ok: true, value });

export function failure(status: Failure['status'], error: string, details?: Record<string, unknown>): Failure {
  return details ? { ok: false, status, error, details } : { ok: false, status, error };
}

/** The outcome as JSON: the value with `status`, or the failure's status and code. */
export function respond<Value>(outcome: Outcome<Value>, status = 200): Response {
  return outcome.ok ? json(status, outcome.value) : problem(outcome.status, outcome.error, outcome.details);
}
