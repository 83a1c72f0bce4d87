/** Helpers of the authoring API tests: uploads as a browser sends them, and a ready-to-publish module. */
import { expect } from 'vitest';
import type { Actor } from '../support/app.ts';

/** A multipart upload of `bytes` as `fileName`, sent chunked (no content-length) like a streamed form. */
export async function upload(actor: Actor, fileName: string, bytes: Uint8Array, fields: Record<string, string> = {}): Promise<Response> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  form.set('file', new File([bytes as Uint8Array<ArrayBuffer>], fileName));
  const encoded = new Response(form);
  const body = new Uint8Array(await encoded.arrayBuffer());
  return actor.request('POST', '/api/trainer/modules', {
    rawBody: new Blob([body]).stream(),
    headers: { 'content-type': encoded.headers.get('content-type')! },
  });
}

export interface DraftBody {
  id: string;
  revision: number;
  /** Revisions of what an edit names, by editTarget (`section:<id>`, `questions:<lesson id>`…). */
  revisions: Record<string, number>;
  status: string;
  lessons: { id: string; title: string; url: string; sections: { id: string; heading: string; markdown: string; spoken: string | null }[]; questions: { id: string }[] }[];
  problems: { problem: string }[];
}

export async function draft(actor: Actor, moduleId: string): Promise<DraftBody> {
  const response = await actor.get(`/api/trainer/modules/${moduleId}`);
  expect(response.status).toBe(200);
  return (await response.json()) as DraftBody;
}

/** Three single-choice questions linked to `sectionId`, in the banks' schema. */
export function threeQuestions(sectionId: string, prefix = 'q'): unknown[] {
  const both = (text: string) => ({ ja: text, en: text });
  return [1, 2, 3].map((n) => ({
    id: `${prefix}${n}`,
    type: 'single',
    concept: `concept-${n}`,
    difficulty: 1,
    section: both(`s-${sectionId}`),
    objective: 0,
    prompt: both(`${prefix} 質問${n}: 御社の強みは?`),
    options: [
      { id: 'a', text: both('継続率'), explanation: both('正解です。') },
      { id: 'b', text: both('広告'), explanation: both('広告費は獲得コストです。') },
    ],
    answer: 'a',
    explanation: both('継続率が強みです。'),
  }));
}

/** A one-lesson English module with three questions, published once (version 1, draft revision 3). */
export async function publishedModule(owner: Actor, title: string, markdown: string): Promise<{ moduleId: string; lessonId: string; sectionId: string }> {
  const created = await owner.post('/api/trainer/modules', { title, locale: 'en', markdown });
  const moduleId = ((await created.json()) as { id: string }).id;
  const lesson = (await draft(owner, moduleId)).lessons[0]!;
  const sectionId = lesson.sections[0]!.id;
  await owner.request('PUT', `/api/trainer/modules/${moduleId}/lessons/${lesson.id}/questions`, { body: { revision: 1, questions: threeQuestions(sectionId) } });
  expect((await owner.post(`/api/trainer/modules/${moduleId}/publish`, { revision: 2 })).status).toBe(201);
  return { moduleId, lessonId: lesson.id, sectionId };
}

export const patch = (actor: Actor, path: string, body: unknown) => actor.request('PATCH', path, { body });
export const put = (actor: Actor, path: string, body: unknown) => actor.request('PUT', path, { body });
