/**
 * JSON answers of the trainer and learner APIs. Errors are `{ error: <code>, ...details }` with
 * a stable machine-readable code (the UI picks its own words for it) and never a stack trace.
 * Everything is `no-store`: scores and sessions must not sit in a shared cache.
 */
const HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

export function json(status: number, body: unknown, headers: HeadersInit = {}): Response {
  const merged = new Headers(HEADERS);
  for (const [name, value] of new Headers(headers)) merged.append(name, value);
  return new Response(JSON.stringify(body), { status, headers: merged });
}

/** An error answer; `code` is for programs, details (fieldErrors...) for people. */
export function problem(status: number, code: string, details: Record<string, unknown> = {}, headers: HeadersInit = {}): Response {
  return json(status, { error: code, ...details }, headers);
}

export const unauthorized = () => problem(401, 'unauthorized');
export const forbidden = () => problem(403, 'forbidden');
export const notFound = () => problem(404, 'not-found');

/** Several Set-Cookie headers on one response (a Headers object keeps them apart). */
export function withCookies(response: Response, cookies: readonly string[]): Response {
  for (const cookie of cookies) response.headers.append('set-cookie', cookie);
  return response;
}
