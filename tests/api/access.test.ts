/**
 * Every endpoint with every role: anonymous, a learner of another cohort, the learner of this
 * cohort, another trainer, and the owner. Then every state-changing endpoint from another site.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/server/db/index.ts';
import { actor, startTestApp, type Actor, type CallOptions } from './support/app.ts';
import { LESSON, responsesFor, side, startAttempt, type Side } from './support/fixtures.ts';

let handle: DatabaseHandle;
let a: Side;
let b: Side;
let attemptA: string;
const roles = ['anonymous', 'other learner', 'own learner', 'other trainer', 'owner'] as const;
type Role = (typeof roles)[number];

beforeAll(async () => {
  handle = await startTestApp();
  [a, b] = [await side(handle.db, 'A'), await side(handle.db, 'B')];
  attemptA = (await startAttempt(a.learner, a.assignmentId)).attemptId;
});
afterAll(async () => handle.close());


function who(role: Role): Actor {
  return { anonymous: actor(), 'other learner': b.learner, 'own learner': a.learner, 'other trainer': b.trainer, owner: a.trainer }[role];
}

interface Endpoint {
  name: string;
  call(browser: Actor): Promise<Response>;
  expected: Record<Role, number>;
}

const trainerOnly = (owner: number, other = 404) => ({ anonymous: 401, 'other learner': 401, 'own learner': 401, 'other trainer': other, owner });
const learnerOnly = (own: number, other = 404) => ({ anonymous: 401, 'other learner': other, 'own learner': own, 'other trainer': 401, owner: 401 });
const due = () => new Date(Date.now() + 86_400_000).toISOString();

const endpoints: Endpoint[] = [
  { name: 'GET /api/auth/session', call: (x) => x.get('/api/auth/session'), expected: { anonymous: 200, 'other learner': 200, 'own learner': 200, 'other trainer': 200, owner: 200 } },
  { name: 'GET /api/trainer/lessons', call: (x) => x.get('/api/trainer/lessons'), expected: trainerOnly(200, 200) },
  { name: 'GET /api/trainer/cohorts', call: (x) => x.get('/api/trainer/cohorts'), expected: trainerOnly(200, 200) },
  { name: 'POST /api/trainer/cohorts', call: (x) => x.post('/api/trainer/cohorts', { name: 'New' }), expected: trainerOnly(201, 201) },
  { name: 'GET /api/trainer/cohorts/:id', call: (x) => x.get(`/api/trainer/cohorts/${a.cohortId}`), expected: trainerOnly(200) },
  {
    name: 'POST /api/trainer/cohorts/:id/assignments',
    call: (x) => x.post(`/api/trainer/cohorts/${a.cohortId}/assignments`, { lessons: [LESSON], dueAt: due(), passMark: 0.8 }),
    expected: trainerOnly(200),
  },
  { name: 'GET /api/trainer/cohorts/:id/export.csv', call: (x) => x.get(`/api/trainer/cohorts/${a.cohortId}/export.csv`), expected: trainerOnly(200) },
  { name: 'GET /api/trainer/cohorts/:id/learners/:learnerId', call: (x) => x.get(`/api/trainer/cohorts/${a.cohortId}/learners/${a.learnerId}`), expected: trainerOnly(200) },
  { name: 'GET another cohort’s learner through my cohort', call: (x) => x.get(`/api/trainer/cohorts/${a.cohortId}/learners/${b.learnerId}`), expected: trainerOnly(404) },
  { name: 'GET /api/learner/assignments', call: (x) => x.get('/api/learner/assignments'), expected: learnerOnly(200, 200) },
  { name: 'POST /api/learner/attempts', call: (x) => x.post('/api/learner/attempts', { assignmentId: a.assignmentId }), expected: learnerOnly(201) },
  { name: 'GET /api/learner/attempts/:id', call: (x) => x.get(`/api/learner/attempts/${attemptA}`), expected: learnerOnly(200) },
  {
    name: 'POST /api/learner/attempts/:id/submit',
    call: async (x) => x.post(`/api/learner/attempts/${attemptA}/submit`, { clientSubmissionId: 'access-matrix-1', responses: await responsesFor(handle.db, attemptA) }),
    expected: learnerOnly(200),
  },
  // Last: the owner's call changes the link.
  { name: 'POST /api/trainer/cohorts/:id/invite', call: (x) => x.post(`/api/trainer/cohorts/${a.cohortId}/invite`), expected: trainerOnly(200) },
];

describe.each(endpoints)('$name', ({ call, expected }) => {
  it.each(roles)('as %s', async (role) => {
    const response = await call(who(role));
    expect(response.status, await response.clone().text()).toBe(expected[role]);
  });
});

describe('what each role sees', () => {
  it('lists only the trainer’s own cohorts', async () => {
    const mine = (await (await b.trainer.get('/api/trainer/cohorts')).json()).cohorts.map((cohort: { id: string }) => cohort.id);
    expect(mine).toContain(b.cohortId);
    expect(mine).not.toContain(a.cohortId);
  });

  it('lists only the learner’s own cohort’s assignments', async () => {
    const theirs = (await (await b.learner.get('/api/learner/assignments')).json()).assignments.map((item: { assignmentId: string }) => item.assignmentId);
    expect(theirs).toEqual([b.assignmentId]);
  });

  it('answers 404 for ids that are not UUIDs (never a database error)', async () => {
    expect((await a.trainer.get('/api/trainer/cohorts/1%20or%201=1')).status).toBe(404);
    expect((await a.learner.get('/api/learner/attempts/not-a-uuid')).status).toBe(404);
    expect((await a.learner.post('/api/learner/attempts', { assignmentId: 'nope' })).status).toBe(400);
  });
});

describe('cross-site requests (CSRF)', () => {
  const writes: [string, (options: CallOptions) => Promise<Response>][] = [
    ['login', (o) => actor().request('POST', '/api/auth/login', { ...o, body: { email: 'x@example.com', password: 'x' } })],
    ['logout', (o) => a.trainer.request('POST', '/api/auth/logout', o)],
    ['join', (o) => actor().request('POST', '/api/auth/join', { ...o, body: { token: 'x'.repeat(32), name: 'x' } })],
    ['create cohort', (o) => a.trainer.request('POST', '/api/trainer/cohorts', { ...o, body: { name: 'Evil' } })],
    ['rotate invite', (o) => a.trainer.request('POST', `/api/trainer/cohorts/${a.cohortId}/invite`, o)],
    ['assign', (o) => a.trainer.request('POST', `/api/trainer/cohorts/${a.cohortId}/assignments`, { ...o, body: { lessons: [LESSON], dueAt: due(), passMark: 0.5 } })],
    ['start attempt', (o) => a.learner.request('POST', '/api/learner/attempts', { ...o, body: { assignmentId: a.assignmentId } })],
    ['submit', (o) => a.learner.request('POST', `/api/learner/attempts/${attemptA}/submit`, { ...o, body: { clientSubmissionId: 'csrf-attempt', responses: {} } })],
  ];

  it.each(writes)('refuses %s with a JSON body from another origin', async (_, send) => {
    const response = await send({ headers: { origin: 'https://evil.example' } });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: 'cross-site-request' });
  });

  it.each(writes)('refuses %s when the browser says cross-site without an Origin', async (_, send) => {
    expect((await send({ noOrigin: true, headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(403);
  });

  it('still lets the owner in from the same origin afterwards (nothing was changed by the refused requests)', async () => {
    const cohorts = (await (await a.trainer.get('/api/trainer/cohorts')).json()).cohorts as { name: string }[];
    expect(cohorts.some((cohort) => cohort.name === 'Evil')).toBe(false);
  });
});
