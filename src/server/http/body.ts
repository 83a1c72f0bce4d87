/**
 * Reading request bodies and queries with zod: JSON only (a cross-site form cannot post JSON
 * without a CORS preflight, which these APIs never grant), a size limit, and a 400 with field
 * errors the client can show next to its inputs. Malformed input never reaches the handlers.
 */
import { z } from 'zod';
import { problem } from './json.ts';

/** Larger than any honest body (50 answers of 200 characters), small enough to parse cheaply. */
export const MAX_BODY_BYTES = 32_768;

export type Parsed<T> = { ok: true; data: T } | { ok: false; response: Response };

/**
 * Field errors by dotted path (`responses.three-factors`, `dueAt`). The paths come from the
 * client's own keys, so they are collected in a Map: on a plain `{}` a field named `constructor`
 * or `__proto__` would find Object.prototype's members instead of an empty slot.
 */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const errors = new Map<string, string[]>();
  const add = (field: string, message: string) => {
    const messages = errors.get(field);
    if (messages) messages.push(message);
    else errors.set(field, [message]);
  };
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') for (const key of issue.keys) add(path ? `${path}.${key}` : key, 'unknown field');
    else add(path || '(body)', issue.message);
  }
  // fromEntries defines own properties (even `__proto__`), so JSON.stringify sends every field.
  return Object.fromEntries(errors);
}

export function invalid(errors: Record<string, string[]>): Response {
  return problem(400, 'invalid-body', { fieldErrors: errors });
}

const tooLarge = (maxBytes = MAX_BODY_BYTES) => problem(413, 'body-too-large', { maxBytes });

/**
 * The body's bytes, or null once they pass `maxBytes`. Read chunk by chunk and cancelled at the
 * limit: a chunked upload has no Content-Length to refuse it by, and `request.text()` would hold
 * all of it in memory before anything could be measured.
 */
export async function readBodyBytes(request: Request, maxBytes: number): Promise<Uint8Array | null> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      // Tell the sender to stop; an error while cancelling changes nothing about the answer.
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

/** The body as UTF-8 text, or null once it passes `maxBytes` (see readBodyBytes). */
export async function readBodyText(request: Request, maxBytes = MAX_BODY_BYTES): Promise<string | null> {
  const bytes = await readBodyBytes(request, maxBytes);
  return bytes === null ? null : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

/** The JSON body, validated; `maxBytes` raises the cap for the few bodies that carry documents (trainers' Markdown). */
export async function parseBody<Schema extends z.ZodType>(request: Request, schema: Schema, { maxBytes = MAX_BODY_BYTES } = {}): Promise<Parsed<z.output<Schema>>> {
  const notJson = notJsonProblem(request);
  if (notJson) return { ok: false, response: notJson };
  const text = await boundedText(request, maxBytes);
  return text.ok ? parseJsonText(text.data, schema) : text;
}

const emptyBodySchema = z.strictObject({});

/**
 * The body of an action that takes no input: none at all, or JSON `{}`. Anything else is refused
 * as any other body would be (unknown fields, not JSON, too large), so a client's mistake shows.
 */
export async function parseEmptyBody(request: Request): Promise<Parsed<Record<string, never>>> {
  const text = await boundedText(request, MAX_BODY_BYTES);
  if (!text.ok) return text;
  if (text.data === '') return { ok: true, data: {} };
  const notJson = notJsonProblem(request);
  return notJson ? { ok: false, response: notJson } : parseJsonText(text.data, emptyBodySchema);
}

function notJsonProblem(request: Request): Response | null {
  const type = request.headers.get('content-type') ?? '';
  return /^application\/json\s*(;|$)/i.test(type) ? null : problem(415, 'unsupported-media-type', { expected: 'application/json' });
}

async function boundedText(request: Request, maxBytes: number): Promise<Parsed<string>> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  const text = declared > maxBytes ? null : await readBodyText(request, maxBytes);
  return text === null ? { ok: false, response: tooLarge(maxBytes) } : { ok: true, data: text };
}

function parseJsonText<Schema extends z.ZodType>(text: string, schema: Schema): Parsed<z.output<Schema>> {
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
  // fromEntries defines own properties, so `?__proto__=x` is an unknown key, not a prototype.
  const result = schema.safeParse(Object.fromEntries(url.searchParams));
  return result.success ? { ok: true, data: result.data } : { ok: false, response: problem(400, 'invalid-query', { fieldErrors: fieldErrors(result.error) }) };
}

/** Route parameters, validated like a body (an id that is not a UUID is a 404, not a 500). */
export function parseParams<Schema extends z.ZodType>(params: Record<string, string | undefined>, schema: Schema): z.output<Schema> | null {
  const result = schema.safeParse(params);
  return result.success ? result.data : null;
}
