/**
 * fetch for the trainer and learner islands: JSON in and out, same-origin cookies, and every
 * outcome as a value (network failure included), so forms can show a message instead of throwing.
 */
export type ApiResult<Body = Record<string, unknown>> =
  | { kind: 'ok'; status: number; body: Body }
  | { kind: 'error'; status: number; code: string; fieldErrors: Record<string, string[]>; retryAfterSeconds?: number }
  | { kind: 'network' };

/**
 * A form's text fields by name, read from the DOM: what the learner typed before the island
 * hydrated is there too (Preact's hydrate keeps the DOM value but not the component state).
 */
export function formValues(event: Event): Record<string, string> {
  const data = new FormData(event.currentTarget as HTMLFormElement);
  return Object.fromEntries([...data].map(([name, value]) => [name, typeof value === 'string' ? value : '']));
}

export async function sendJson<Body = Record<string, unknown>>(method: 'GET' | 'POST', url: string, body?: unknown): Promise<ApiResult<Body>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { kind: 'network' };
  }
  let parsed: Record<string, unknown> = {};
  try {
    parsed = (await response.json()) as Record<string, unknown>;
  } catch {
    // An empty or non-JSON body (a proxy's error page): the status says enough.
  }
  if (response.ok) return { kind: 'ok', status: response.status, body: parsed as Body };
  return {
    kind: 'error',
    status: response.status,
    code: typeof parsed.error === 'string' ? parsed.error : `http-${response.status}`,
    fieldErrors: (parsed.fieldErrors as Record<string, string[]> | undefined) ?? {},
    ...(typeof parsed.retryAfterSeconds === 'number' ? { retryAfterSeconds: parsed.retryAfterSeconds } : {}),
  };
}
