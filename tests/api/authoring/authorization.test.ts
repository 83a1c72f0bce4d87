/**
 * Who may reach a custom module: only its owner. Every endpoint is tried without a session, as a
 * learner, as another trainer and with ids that are not ids; none of them learns anything.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { assignedLessonView, draftLessonView, lessonPreviews } from '../../../src/server/authoring/pages.ts';
import type { DatabaseHandle } from '../../../src/server/db/index.ts';
import { customModuleVersions, trainers } from '../../../src/server/db/schema.ts';
import { actor, startTestApp, type Actor } from '../support/app.ts';
import { side, signedInTrainer, type Side } from '../support/fixtures.ts';
import { draft, publishedModule } from './support.ts';

let handle: DatabaseHandle;
let owner: Actor;
let stranger: Side;
let moduleId: string;
let lessonId: string;
let sectionId: string;
let ownerId: string;
let strangerTrainerId: string;

beforeAll(async () => {
  handle = await startTestApp();
  ({ trainer: owner, id: ownerId } = await signedInTrainer(handle.db));
  stranger = await side(handle.db, 'S');
  const [row] = await handle.db.select({ id: trainers.id }).from(trainers).where(eq(trainers.email, stranger.trainerEmail));
  strangerTrainerId = row!.id;
  ({ moduleId, lessonId, sectionId } = await publishedModule(owner, 'Secret playbook', '## Pricing\n\nOur margin is 40%.'));
});
afterAll(async () => handle.close());

type Call = [string, string, (ids: { m: string; l: string; s: string }) => string, unknown];
const calls: Call[] = [
  ['read', 'GET', ({ m }) => `/api/trainer/modules/${m}`, undefined],
  ['rename', 'PATCH', ({ m }) => `/api/trainer/modules/${m}`, { revision: 3, title: 'Mine now' }],
  ['edit a lesson', 'PATCH', ({ m, l }) => `/api/trainer/modules/${m}/lessons/${l}`, { revision: 3, title: 'x' }],
  ['edit a section', 'PATCH', ({ m, s }) => `/api/trainer/modules/${m}/sections/${s}`, { revision: 3, markdown: 'x' }],
  ['replace questions', 'PUT', ({ m, l }) => `/api/trainer/modules/${m}/lessons/${l}/questions`, { revision: 3, questions: [] }],
  ['export GIFT', 'GET', ({ m, l }) => `/api/trainer/modules/${m}/lessons/${l}/gift`, undefined],
  ['import GIFT', 'POST', ({ m, l }) => `/api/trainer/modules/${m}/lessons/${l}/gift`, { revision: 3, gift: '::a:: Q {=a ~b}' }],
  ['publish', 'POST', ({ m }) => `/api/trainer/modules/${m}/publish`, { revision: 3 }],
];
const ids = () => ({ m: moduleId, l: lessonId, s: sectionId });

describe('authoring authorization', () => {
  it.each(calls)('%s: 401 without a session and with a learner session', async (_name, method, path, body) => {
    expect((await actor().request(method, path(ids()), { body })).status).toBe(401);
    expect((await stranger.learner.request(method, path(ids()), { body })).status).toBe(401);
  });

  it.each(calls)('%s: 404 for another trainer, and nothing changes', async (_name, method, path, body) => {
    const response = await stranger.trainer.request(method, path(ids()), { body });
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('Secret');
    expect((await draft(owner, moduleId)).revision).toBe(3);
  });

  it.each(calls)('%s: 404 for ids that are not ids (never a 500)', async (_name, method, path, body) => {
    for (const bad of ['not-a-uuid', '..%2F..', '00000000-0000-4000-8000-000000000000']) {
      const response = await owner.request(method, path({ m: bad, l: bad, s: bad }), { body });
      expect(response.status).toBe(404);
    }
  });

  it('shows the draft preview page only to its owner, and an assigned lesson only to that cohort', async () => {
    expect(await draftLessonView(handle.db, strangerTrainerId, moduleId, lessonId)).toBeNull();
    expect((await draftLessonView(handle.db, ownerId, moduleId, lessonId))?.view.title).toBe('Secret playbook');
    const [version] = await handle.db.select().from(customModuleVersions).where(eq(customModuleVersions.moduleId, moduleId));
    // Published but assigned to nobody: no learner can open it by guessing its key.
    expect(await assignedLessonView(handle.db, stranger.cohortId, `cm-${version!.id}-1`)).toBeNull();
  });

  it('links the dashboard’s custom lessons to the owner’s preview, and gives no preview to anyone else', async () => {
    const cohort = (await (await owner.post('/api/trainer/cohorts', { name: 'Preview links' })).json()).cohort;
    const assigned = await owner.post(`/api/trainer/cohorts/${cohort.id}/assignments`, { modules: [`cm-${moduleId}`], dueAt: new Date(Date.now() + 86_400_000).toISOString(), passMark: 0.8 });
    expect(assigned.status).toBe(200);
    const [key] = (await assigned.json()).assignments.map((a: { lessonId: string }) => a.lessonId) as string[];
    const dashboard = await (await owner.get(`/api/trainer/cohorts/${cohort.id}`)).json();
    expect(dashboard.previews).toEqual({ [key!]: { moduleId, lessonId } });
    expect(await lessonPreviews(handle.db, strangerTrainerId, [key!])).toEqual({});
    expect(await lessonPreviews(handle.db, ownerId, ['ltv-basics', 'cm-not-a-key'])).toEqual({});
  });

  it('lists only the trainer’s own modules', async () => {
    expect((await (await stranger.trainer.get('/api/trainer/modules')).json()).modules).toEqual([]);
    expect((await (await owner.get('/api/trainer/modules')).json()).modules).toHaveLength(1);
  });

  it('does not offer or accept another trainer’s module for assignment', async () => {
    const catalog = await (await stranger.trainer.get('/api/trainer/lessons')).json();
    expect(catalog.modules.map((m: { id: string }) => m.id)).not.toContain(`cm-${moduleId}`);
    const response = await stranger.trainer.post(`/api/trainer/cohorts/${stranger.cohortId}/assignments`, { modules: [`cm-${moduleId}`], dueAt: new Date(Date.now() + 86_400_000).toISOString(), passMark: 0.8 });
    expect(response.status).toBe(400);
    expect((await response.json()).fieldErrors.modules[0]).toContain('no module with tests');
  });

  it('refuses a cross-site write even with the owner’s cookie', async () => {
    const response = await owner.request('PATCH', `/api/trainer/modules/${moduleId}`, { body: { revision: 3, title: 'x' }, headers: { origin: 'https://evil.example' } });
    expect(response.status).toBe(403);
  });

  it('accepts a long Japanese section, refuses bodies over 256 KB (413) and odd keys (400)', async () => {
    const path = `/api/trainer/modules/${moduleId}/sections/${sectionId}`;
    // 20,000 characters of Japanese are 60 KB of UTF-8: over the 32 KB cap of other APIs, within this one.
    // Each section has its own revision: this one was never saved, so it is at 1.
    const long = await owner.request('PATCH', path, { body: { revision: 1, markdown: 'あ'.repeat(20_000) } });
    expect(long.status).toBe(200);
    const tooLong = await owner.request('PATCH', path, { body: { revision: 2, markdown: 'あ'.repeat(20_001) } });
    expect(tooLong.status).toBe(400);
    const huge = await owner.request('PATCH', path, { body: { revision: 2, markdown: 'あ'.repeat(100_000) } });
    expect(huge.status).toBe(413);
    const odd = await owner.request('PATCH', `/api/trainer/modules/${moduleId}/sections/${sectionId}`, {
      rawBody: '{"revision":2,"constructor":{"x":1},"heading":"a\\u0000"}',
      headers: { 'content-type': 'application/json' },
    });
    expect(odd.status).toBe(400);
    expect(Object.keys((await odd.json()).fieldErrors).sort()).toEqual(['constructor', 'heading']);
  });
});
