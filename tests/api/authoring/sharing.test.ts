/**
 * Sharing a module with another trainer of the same server: only the owner shares and revokes;
 * a trainer it is shared with views, previews and assigns its published versions but never
 * changes it; revoking hides it again while what was assigned keeps working.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorModule, draftLessonView } from '../../../src/server/authoring/pages.ts';
import type { DatabaseHandle } from '../../../src/server/db/index.ts';
import { actor, startTestApp, type Actor } from '../support/app.ts';
import { side, signedInTrainer, type Side } from '../support/fixtures.ts';
import { draft, publishedModule } from './support.ts';

let handle: DatabaseHandle;
let owner: Actor;
let ownerEmail: string;
let colleague: Side;
let colleagueId: string;
let stranger: Side;
let moduleId: string;
let lessonId: string;
let sectionId: string;

const shares = () => `/api/trainer/modules/${moduleId}/shares`;
const due = () => new Date(Date.now() + 86_400_000).toISOString();

beforeAll(async () => {
  handle = await startTestApp();
  ({ trainer: owner, email: ownerEmail } = await signedInTrainer(handle.db));
  colleague = await side(handle.db, 'C');
  stranger = await side(handle.db, 'S');
  ({ moduleId, lessonId, sectionId } = await publishedModule(owner, 'Shared playbook', '## Pricing\n\nOur plans start at 5,000 yen.'));
});
afterAll(async () => handle.close());

describe('sharing a module', () => {
  it('answers 401 without a trainer session', async () => {
    expect((await actor().get(shares())).status).toBe(401);
    expect((await stranger.learner.post(shares(), { email: colleague.trainerEmail })).status).toBe(401);
    expect((await actor().request('DELETE', `${shares()}/${moduleId}`)).status).toBe(401);
  });

  it('refuses another trainer (404: the module stays unseen) and shares nothing', async () => {
    const response = await stranger.trainer.post(shares(), { email: stranger.trainerEmail });
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('Shared playbook');
    expect((await stranger.trainer.get(shares())).status).toBe(404);
  });

  it('refuses an unknown email with 404 and a message naming it, and sharing with oneself with 400', async () => {
    const unknown = await owner.post(shares(), { email: 'Nobody@Example.com' });
    expect(unknown.status).toBe(404);
    const body = await unknown.json();
    expect(body).toMatchObject({ error: 'unknown-trainer' });
    expect(body.message).toContain('nobody@example.com');
    const self = await owner.post(shares(), { email: ownerEmail.toUpperCase() });
    expect(self.status).toBe(400);
    expect((await self.json()).error).toBe('self-share');
  });

  it('refuses odd bodies and ids', async () => {
    expect((await owner.post(shares(), { email: colleague.trainerEmail, access: 'edit' })).status).toBe(400);
    expect((await owner.post(shares(), { email: 'not an email' })).status).toBe(400);
    expect((await owner.request('DELETE', `${shares()}/not-a-uuid`)).status).toBe(404);
    expect((await owner.post('/api/trainer/modules/not-a-uuid/shares', { email: colleague.trainerEmail })).status).toBe(404);
  });

  it('shares by email (case-insensitive), once, and lists the share for the owner', async () => {
    const first = await owner.post(shares(), { email: colleague.trainerEmail.toUpperCase() });
    expect(first.status).toBe(201);
    const { share } = await first.json();
    expect(share).toMatchObject({ email: colleague.trainerEmail, name: expect.any(String) });
    colleagueId = share.trainerId;
    expect((await owner.post(shares(), { email: colleague.trainerEmail })).status).toBe(200);
    expect((await (await owner.get(shares())).json()).shares.map((s: { trainerId: string }) => s.trainerId)).toEqual([colleagueId]);
  });

  it('lets the shared trainer view and preview it, read-only', async () => {
    const listed = (await (await colleague.trainer.get('/api/trainer/modules')).json()).modules;
    expect(listed).toEqual([expect.objectContaining({ id: moduleId, sharedBy: expect.any(String) })]);
    const read = await colleague.trainer.get(`/api/trainer/modules/${moduleId}`);
    expect(read.status).toBe(200);
    expect((await read.json()).access).toBe('shared');
    expect((await draftLessonView(handle.db, colleagueId, moduleId, lessonId))?.view.title).toBe('Shared playbook');
    const editor = await editorModule(handle.db, colleagueId, moduleId, 'en');
    expect(editor).toMatchObject({ access: 'shared', shares: [] });
    expect((await colleague.trainer.get(`/api/trainer/modules/${moduleId}/lessons/${lessonId}/gift`)).status).toBe(200);
  });

  it('lets the shared trainer download the published version as an LMS package; a stranger gets 404', async () => {
    const response = await colleague.trainer.get(`/api/trainer/modules/${moduleId}/package?format=scorm12`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect((await stranger.trainer.get(`/api/trainer/modules/${moduleId}/package`)).status).toBe(404);
  });

  it.each([
    ['rename', 'PATCH', () => `/api/trainer/modules/${moduleId}`, { revision: 1, title: 'Mine now' }],
    ['edit a section', 'PATCH', () => `/api/trainer/modules/${moduleId}/sections/${sectionId}`, { revision: 1, markdown: 'changed' }],
    ['edit a lesson', 'PATCH', () => `/api/trainer/modules/${moduleId}/lessons/${lessonId}`, { revision: 1, title: 'x' }],
    ['replace questions', 'PUT', () => `/api/trainer/modules/${moduleId}/lessons/${lessonId}/questions`, { revision: 2, questions: [] }],
    ['import GIFT', 'POST', () => `/api/trainer/modules/${moduleId}/lessons/${lessonId}/gift`, { revision: 2, gift: '::a:: Q {=a ~b}' }],
    ['publish', 'POST', () => `/api/trainer/modules/${moduleId}/publish`, { revision: 3 }],
  ])('the shared trainer cannot %s (404) and nothing changes', async (_name, method, path, body) => {
    const before = await draft(owner, moduleId);
    expect((await colleague.trainer.request(method, path(), { body })).status).toBe(404);
    expect(await draft(owner, moduleId)).toEqual(before);
  });

  it('the shared trainer cannot list, add or revoke shares (403)', async () => {
    expect((await colleague.trainer.get(shares())).status).toBe(403);
    const reshare = await colleague.trainer.post(shares(), { email: stranger.trainerEmail });
    expect(reshare.status).toBe(403);
    expect((await reshare.json()).error).toBe('owner-only');
    expect((await colleague.trainer.request('DELETE', `${shares()}/${colleagueId}`)).status).toBe(403);
  });

  it('the shared trainer assigns the published version and previews it from the dashboard; revoking hides the module, not the assignment', async () => {
    const catalog = await (await colleague.trainer.get('/api/trainer/lessons')).json();
    expect(catalog.modules.map((m: { id: string }) => m.id)).toContain(`cm-${moduleId}`);
    const assigned = await colleague.trainer.post(`/api/trainer/cohorts/${colleague.cohortId}/assignments`, { modules: [`cm-${moduleId}`], dueAt: due(), passMark: 0.6 });
    expect(assigned.status).toBe(200);
    const key = ((await assigned.json()).assignments as { lessonId: string }[]).find((a) => a.lessonId.startsWith('cm-'))!.lessonId;
    const dashboard = await (await colleague.trainer.get(`/api/trainer/cohorts/${colleague.cohortId}`)).json();
    expect(dashboard.previews[key]).toEqual({ moduleId, lessonId });

    expect((await owner.request('DELETE', `${shares()}/${colleagueId}`)).status).toBe(204);
    expect((await owner.request('DELETE', `${shares()}/${colleagueId}`)).status).toBe(404);
    expect((await colleague.trainer.get(`/api/trainer/modules/${moduleId}`)).status).toBe(404);
    expect((await colleague.trainer.get(`/api/trainer/modules/${moduleId}/package`)).status).toBe(404);
    expect(await draftLessonView(handle.db, colleagueId, moduleId, lessonId)).toBeNull();
    const after = await (await colleague.trainer.get('/api/trainer/lessons')).json();
    expect(after.modules.map((m: { id: string }) => m.id)).not.toContain(`cm-${moduleId}`);
    const later = await (await colleague.trainer.get(`/api/trainer/cohorts/${colleague.cohortId}`)).json();
    expect(later.assignments.map((a: { lessonId: string }) => a.lessonId)).toContain(key);
    expect(later.previews).toEqual({});
  });
});
