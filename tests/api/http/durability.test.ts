/**
 * Nothing acknowledged is lost: a burst of submissions to the built server, SIGKILL in the middle
 * of it, a restart on the same data, and every submission that got a 2xx is there, complete (its
 * answers written in the same transaction). PGlite or PostgreSQL, as LTV_TEST_DB says.
 */
import { count, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFromEnv } from '../../../src/server/db/client.ts';
import { openMigratedDatabase } from '../../../src/server/db/index.ts';
import { answers, attempts } from '../../../src/server/db/schema.ts';
import { ensureBuilt, httpClient, serverStore, startBuiltServer, type BuiltServer, type ServerStore } from '../support/built.ts';

const LEARNERS = 30;
const ATTEMPTS_EACH = 3;
const KILL_AFTER_ACKS = 25;

let store: ServerStore;
let server: BuiltServer;
type Client = ReturnType<typeof httpClient>;
const planned: { learner: Client; attemptId: string; clientSubmissionId: string; responses: Record<string, unknown> }[] = [];

/** Some answer to every question (right or wrong does not matter: it must be stored). */
function anyAnswer(type: string): unknown {
  if (type === 'numeric' || type === 'calculated') return '100000';
  if (type === 'true-false') return true;
  return type === 'multiple' ? [0] : 0;
}

beforeAll(async () => {
  ensureBuilt();
  store = await serverStore();
  server = await startBuiltServer(store.env);
  const trainer = httpClient(server.baseUrl);
  expect((await trainer.post('/api/auth/setup', { email: 'owner@example.com', name: 'Owner', password: 'durable password 1' })).status).toBe(201);
  const { cohort } = await (await trainer.post('/api/trainer/cohorts', { name: 'Durable' })).json();
  const assigned = await (await trainer.post(`/api/trainer/cohorts/${cohort.id}/assignments`, { lessons: ['clv-formula'], dueAt: new Date(Date.now() + 1e9).toISOString(), passMark: 0.8 })).json();
  const token = cohort.invitePath.split('/').filter(Boolean).pop();
  for (let i = 0; i < LEARNERS; i++) {
    const learner = httpClient(server.baseUrl);
    expect((await learner.post('/api/auth/join', { token, name: `L${i}` })).status).toBe(201);
    for (let j = 0; j < ATTEMPTS_EACH; j++) {
      const { attemptId, view } = await (await learner.post('/api/learner/attempts', { assignmentId: assigned.assignments[0].id })).json();
      const responses = Object.fromEntries(view.questions.map((question: { id: string; type: string }) => [question.id, anyAnswer(question.type)]));
      planned.push({ learner, attemptId, clientSubmissionId: `burst-${i}-${j}-xyz`, responses });
    }
  }
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await store?.dispose();
});

describe('a SIGKILL during a burst of submissions', () => {
  it('loses no acknowledged submission', async () => {
    const acked: typeof planned = [];
    // Set inside the burst (a holder, since TypeScript cannot see assignments in callbacks).
    const kill: { done: Promise<void> | null } = { done: null };
    const burst = planned.map(async (item) => {
      try {
        const response = await item.learner.post(`/api/learner/attempts/${item.attemptId}/submit`, { clientSubmissionId: item.clientSubmissionId, responses: item.responses });
        await response.arrayBuffer();
        if (response.ok) {
          acked.push(item);
          if (acked.length === KILL_AFTER_ACKS) kill.done = server.kill();
        }
      } catch {
        // The connection died with the server: not acknowledged.
      }
    });
    await Promise.all(burst);
    await kill.done;
    expect(server.process.signalCode).toBe('SIGKILL');
    expect(acked.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    // Killed mid-burst: some submissions never got an answer.
    expect(acked.length).toBeLessThan(planned.length);

    server = await startBuiltServer(store.env);
    for (const item of acked) {
      const learner = httpClient(server.baseUrl);
      for (const [name, value] of item.learner.cookies) learner.cookies.set(name, value);
      const state = await (await learner.get(`/api/learner/attempts/${item.attemptId}`)).json();
      expect(state.status, item.attemptId).toBe('submitted');
      expect(state.review.clientSubmissionId).toBe(item.clientSubmissionId);
    }

    // Straight from the database: every submitted attempt has all of its answers, none has more.
    await server.stop();
    const handle = await openMigratedDatabase(configFromEnv(store.env));
    try {
      const submitted = await handle.db.select().from(attempts).where(isNotNull(attempts.submittedAt));
      expect(submitted.length).toBeGreaterThanOrEqual(acked.length);
      for (const row of submitted) {
        const [stored] = await handle.db.select({ value: count() }).from(answers).where(eq(answers.attemptId, row.id));
        expect(stored?.value, row.id).toBe(row.questionCount);
      }
    } finally {
      await handle.close();
    }
  }, 120_000);
});
