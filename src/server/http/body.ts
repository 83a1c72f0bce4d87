/**
 * Reading request bodies and queries with zod: JSON only (a cross-site form cannot post JSON
 * without a CORS preflight, which these APIs never grant), a size limit, and a 400 with field
 * errors the client can show next to its inputs. Malformed input never reaches the handlers.
 */
import type { z } from 'zod';
import { problem } from './json.ts';

/** Larger than any honest body (50 answers of 200 characters), small enough to parse cheaply. */
export const MAX_BODY_BYTES = 32_768;

export type Parsed<T> = { ok: true; data: T } | { ok: false; response: Response };

/** Field errors by dotted path (`responses.three-factors`, `dueAt`). */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  // A Map, not a plain object: a field named `constructor` or `__proto__` must not meet Object.prototype.
  const errors = new Map<string, string[]>();
  const add = (field: string, message: string) => errors.set(field, [...(errors.get(field) ?? []), message]);
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') for (const key of issue.keys) add(path ? `${path}.${key}` : key, 'unknown field');
    else add(path || '(body)', issue.message);
  }
  return Object.fromEntries(errors);
}

export function invalid(errors: Record<string, string[]>): Response {
  return problem(400, 'invalid-body', { fieldErrors: errors });
}

/** The JSON body, validated. */
export async function parseBody<Schema extends z.ZodType>(request: Request, schema: Schema): Promise<Parsed<z.output<Schema>>> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    return { ok: false, response: problem(415, 'unsupported-media-type', { expected: 'application/json' }) };
  }
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_BODY_BYTES) return { ok: false, response: problem(413, 'body-too-large', { maxBytes: MAX_BODY_BYTES }) };
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) return { ok: false, response: problem(413, 'body-too-large', { maxBytes: MAX_BODY_BYTES }) };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, response: problem(400, 'invalid-json') };
  }
  const result = schema.safeParse(data);
  return result.success ? { ok: true, data: result.data } : { ok: false, response: invalid(fieldErrors(result.error)) };
}

/** The query string, validated (repeated keys are not supported: the last one wins). */
export function parseQuery<Schema extends z.ZodType>(url: URL, schema: Schema): Parsed<z.output<Schema>> {
  const result = schema.safeParse(Object.fromEntries(url.searchParams));
  return result.success ? { ok: true, data: result.data } : { ok: false, response: problem(400, 'invalid-query', { fieldErrors: fieldErrors(result.error) }) };
}

/** Route parameters, validated like a body (an id that is not a UUID is a 404, not a 500). */
export function parseParams<Schema extends z.ZodType>(params: Record<string, string | undefined>, schema: Schema): z.output<Schema> | null {
  const result = schema.safeParse(params);
  return result.success ? result.data : null;
}
