/**
 * Learners join by invite link, get a session and a resume code; rotated links stop working.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/server/db/index.ts';
import { learners, sessions } from '../../../src/server/db/schema.ts';
import { actor, dispatch, startTestApp } from '../support/app.ts';
import { joinAs, side, type Side } from '../support/fixtures.ts';

let handle: DatabaseHandle;
let a: Side;
beforeAll(async () => {
  handle = await startTestApp();
  a = await side(handle.db, 'A');
});
afterAll(async () => handle.close());

const tokenOf = (invitePath: string) => invitePath.split('/').filter(Boolean).pop() as string;

describe('joining', () => {
  it('creates the learner with a learner session and a resume code shown once (only its hash is stored)', async () => {
    const browser = actor();
    const response = await browser.post('/api/auth/join', { token: tokenOf(a.invitePath), name: '  佐藤 花子 ', employeeId: 'E1001' });
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body.learner).toMatchObject({ name: '佐藤 花子', cohortName: 'Cohort A' });
    expect(body.resumeCode).toMatch(/^\w{4}-\w{4}-\w{4}$/);
    expect(response.headers.getSetCookie()[0]).toMatch(/^ltv_learner=[\w-]+; Path=\/; HttpOnly; SameSite=Lax/);
    const [row] = await handle.db.select().from(learners).where(eq(learners.id, body.learner.id));
    expect(row).toMatchObject({ name: '佐藤 花子', employeeId: 'E1001' });
    expect(row!.resumeCodeHash).not.toContain(body.resumeCode.replace(/-/g, ''));
    const mine = await browser.get('/api/learner/assignments');
    expect((await mine.json()).assignments).toHaveLength(1);
  });

  it.each([
    ['an empty name', { name: '   ' }, 'name'],
    ['a name of 61 characters', { name: 'x'.repeat(61) }, 'name'],
    ['a malformed token', { token: 'short' }, 'token'],
  ])('refuses %s with a field error', async (_, change, field) => {
    const response = await actor().post('/api/auth/join', { token: tokenOf(a.invitePath), name: 'Ok', ...change });
    expect(response.status).toBe(400);
    expect(Object.keys((await response.json()).fieldErrors)).toContain(field);
  });

  it('stops accepting the old link once the trainer rotates it; the new one works', async () => {
    const rotated = await a.trainer.post(`/api/trainer/cohorts/${a.cohortId}/invite`);
    expect(rotated.status).toBe(200);
    const { invitePath } = await rotated.json();
    expect(invitePath).not.toBe(a.invitePath);
    const old = await actor().post('/api/auth/join', { token: tokenOf(a.invitePath), name: 'Late' });
    expect(old.status).toBe(404);
    expect(await old.json()).toEqual({ error: 'invite-not-found' });
    expect((await actor().post('/api/auth/join', { token: tokenOf(invitePath), name: 'On time' })).status).toBe(201);
    a.invitePath = invitePath;
  });

  it('keeps learners who joined by the old link', async () => {
    expect((await a.learner.get('/api/learner/assignments')).status).toBe(200);
  });
});

describe('resume codes', () => {
  it('sign a second device in as the same learner, whatever the spelling', async () => {
    const joined = await joinAs(a.invitePath, 'Two devices');
    const phone = actor();
    const response = await phone.post('/api/auth/resume', { code: ` ${joined.resumeCode.toLowerCase().replace(/-/g, ' ')} ` });
    expect(response.status).toBe(200);
    const session = await (await phone.get('/api/auth/session')).json();
    expect(session.learner.id).toBe(joined.learnerId);
  });

  it('refuse a wrong code with 401, and too many tries per address with 429', async () => {
    const wrong = await dispatch('POST', '/api/auth/resume', { body: { code: 'AAAA-BBBB-CCCC' }, clientAddress: '198.51.100.7' });
    expect(wrong.status).toBe(401);
    let last = wrong;
    for (let i = 0; i < 20; i++) last = await dispatch('POST', '/api/auth/resume', { body: { code: 'AAAA-BBBB-CCCC' }, clientAddress: '198.51.100.7' });
    expect(last.status).toBe(429);
  });
});

describe('learner sessions', () => {
  it('end at sign-out of the learner role, leaving a trainer session in the same browser alone', async () => {
    const browser = a.trainer;
    const token = tokenOf(a.invitePath);
    expect((await browser.post('/api/auth/join', { token, name: 'Trainer trying it' })).status).toBe(201);
    expect((await browser.get('/api/learner/assignments')).status).toBe(200);
    expect((await browser.post('/api/auth/logout?role=learner')).status).toBe(200);
    expect((await browser.get('/api/learner/assignments')).status).toBe(401);
    expect((await browser.get('/api/trainer/cohorts')).status).toBe(200);
  });

  it('expire when idle', async () => {
    const joined = await joinAs(a.invitePath, 'Idle');
    await handle.db.update(sessions).set({ expiresAt: new Date(Date.now() - 1) }).where(eq(sessions.learnerId, joined.learnerId));
    expect((await joined.learner.get('/api/learner/assignments')).status).toBe(401);
    expect(await handle.db.select().from(sessions).where(eq(sessions.learnerId, joined.learnerId))).toHaveLength(0);
  });

  it('refuses an unknown logout role', async () => {
    expect((await actor().post('/api/auth/logout?role=admin')).status).toBe(400);
  });
});
