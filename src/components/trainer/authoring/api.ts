/**
 * The editor's requests: JSON with the edited thing's revision, answers reduced to what the autosave
 * needs (new revision, conflict, or a message naming the field).
 */
import type { SendResult } from '../../../lib/authoring/autosave.ts';

export type JsonAnswer = { ok: true; status: number; body: Record<string, unknown> } | { ok: false; status: number; body: Record<string, unknown> };

export async function requestJson(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown): Promise<JsonAnswer> {
  try {
    const response = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const parsed = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    return { ok: response.ok, status: response.status, body: parsed };
  } catch {
    return { ok: false, status: 0, body: { error: 'network' } };
  }
}

/** `fieldErrors` of a 400 as one line (`markdown: at most 20000 characters`). */
export function problemText(body: Record<string, unknown>): string {
  const fields = body.fieldErrors as Record<string, string[]> | undefined;
  if (fields && Object.keys(fields).length) return Object.entries(fields).map(([field, messages]) => `${field}: ${messages.join(', ')}`).join(' / ');
  return typeof body.message === 'string' ? body.message : String(body.error ?? 'error');
}

/** Where each autosave target is saved (the module's title and pronunciations both at the module). */
export function targetUrl(moduleId: string, target: string): string {
  const [kind, id] = target.split(':');
  if (kind === 'section') return `/api/trainer/modules/${moduleId}/sections/${id}`;
  if (kind === 'lesson') return `/api/trainer/modules/${moduleId}/lessons/${id}`;
  return `/api/trainer/modules/${moduleId}`;
}

export async function sendPatch(moduleId: string, target: string, fields: Record<string, unknown>, revision: number): Promise<SendResult> {
  const answer = await requestJson('PATCH', targetUrl(moduleId, target), { ...fields, revision });
  if (answer.ok) return { ok: true, revision: Number(answer.body.revision), draftRevision: Number(answer.body.draftRevision) };
  return { ok: false, conflict: answer.status === 409, message: problemText(answer.body) };
}
