/**
 * The answer-key leak of issue 12 and its neighbours, as an outside script would try them:
 * grading an attempt the server never created, harvesting keys with empty submissions, reading
 * the key of a question of one's own open assigned test through self-study, drawing assessment-only
 * questions, answering twice, using another learner's attempt, odd JSON keys, and racing grades.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPracticeQuestion } from '../../../src/lib/quiz/attempt.ts';
import type { DatabaseHandle } from '../../../src/server/db/index.ts';
import { practiceAttempts } from '../../../src/server/db/schema.ts';
import { databasePracticeStore } from '../../../src/server/quiz/practiceStore.ts';
import { occasionalPruner } from '../../../src/server/quiz/selfStudy.ts';
import type { Actor } from '../support/app.ts';
import { startTestApp } from '../support/app.ts';
import { responsesFor, side, startAttempt } from '../support/fixtures.ts';
import { client, courseBanks, explanationTexts, perfectResponses, storedAttempt, walk, type Reply } from './helpers.ts';

const banks = courseBanks();
const sample = banks.find((bank) => bank.lesson === 'clv-formula')!;
const practiceIds = new Set(sample.questions.filter(isPracticeQuestion).map((question) => question.id));
const KEY_FIELDS = ['correctAnswer', 'explanation', 'mistakeExplanations'];

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await startTestApp();
});
afterAll(async () => handle?.close());

const quiz = () => client(handle.db, banks);
const cookieOf = (actor: Actor) => [...actor.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
const viewIds = (reply: Reply) => (reply.json['view'] as { questions: { id: string }[] }).questions.map((question) => question.id);

/** Every question id whose key (right answer, explanation, mistakes) appears anywhere in `value`. */
function revealedKeys(value: unknown): string[] {
  const ids: string[] = [];
  walk(value, (_field, node) => {
    if (node && typeof node === 'object' && 'questionId' in node && 'feedback' in node) {
      const feedback = (node as { feedback: Record<string, unknown> }).feedback;
      if (KEY_FIELDS.some((field) => field in feedback)) ids.push((node as { questionId: string }).questionId);
    }
  });
  return ids;
}

async function startPractice(body: Record<string, unknown> = {}, cookie?: string) {
  const reply = await quiz().post('attempt', { lesson: 'clv-formula', mode: 'practice', locale: 'ja', count: 50, ...body }, cookie ? { cookie } : {});
  expect(reply.status, JSON.stringify(reply.json)).toBe(200);
  return { reply, attemptId: reply.json['attemptId'] as string };
}

describe('an attempt the server did not create cannot be graded', () => {
  it('refuses the old stateless body: a made-up seed, question ids and empty answers get 400 and no result', async () => {
    const forged = { lesson: 'clv-formula', seed: '7', mode: 'test', count: 5, questionIds: [...practiceIds].slice(0, 5), locale: 'ja', responses: {} };
    for (const action of ['grade', 'check'] as const) {
      const reply = await quiz().post(action, action === 'check' ? { ...forged, questionId: 'ltv-and-clv', response: true } : forged);
      expect(reply.status).toBe(400);
      expect(Object.keys(reply.json['fieldErrors'] as object)).toEqual(expect.arrayContaining(['attemptId', 'lesson', 'seed']));
      expect(reply.json['result']).toBeUndefined();
    }
  });

  it.each([
    ['grade', { responses: {} }],
    ['check', { questionId: 'ltv-and-clv', response: true }],
  ] as const)('answers 404 to %s with a well-formed id it never handed out', async (action, rest) => {
    const reply = await quiz().post(action, { attemptId: '3f1b2c4d-5e6f-4a1b-8c2d-9e0f1a2b3c4d', ...rest });
    expect(reply).toMatchObject({ status: 404, json: { error: 'unknown-attempt' } });
  });
});

describe('keys are revealed only for questions answered in the attempt', () => {
  it('an empty submission scores 0 and reveals no key at all', async () => {
    for (const mode of ['practice', 'test'] as const) {
      const { attemptId } = await startPractice({ mode });
      const reply = await quiz().post('grade', { attemptId, responses: {} });
      expect(reply.status).toBe(200);
      expect(reply.json['result']).toMatchObject({ total: 0, passed: false });
      expect(revealedKeys(reply.json)).toEqual([]);
      const text = JSON.stringify(reply.json);
      for (const field of KEY_FIELDS) expect(text).not.toContain(`"${field}"`);
      for (const explanation of explanationTexts(sample)) expect(text).not.toContain(explanation);
    }
  });

  it('a partial submission reveals the keys of the answered questions only', async () => {
    const { attemptId } = await startPractice({ mode: 'test' });
    const { key } = await storedAttempt(handle.db, sample, attemptId);
    const perfect = perfectResponses(key);
    const answered = key.questions.slice(0, 2).map((entry) => entry.questionId);
    const reply = await quiz().post('grade', { attemptId, responses: Object.fromEntries(answered.map((id) => [id, perfect[id]])) });
    expect(revealedKeys(reply.json).sort()).toEqual([...answered].sort());
    // Skipped explicitly (null) is not answered either.
    const other = await startPractice({ mode: 'test' });
    const skipped = await quiz().post('grade', { attemptId: other.attemptId, responses: Object.fromEntries(viewIds(other.reply).map((id) => [id, null])) });
    expect(revealedKeys(skipped.json)).toEqual([]);
  });
});

describe('self-study never shows the key of a question in the learner’s open assigned test', () => {
  /** A learner with an open assigned attempt that shares at least one question with self-study. */
  async function learnerWithOpenTest(label: string) {
    const world = await side(handle.db, label);
    for (let tries = 0; tries < 5; tries++) {
      const assigned = await startAttempt(world.learner, world.assignmentId);
      const shared = assigned.view.questions.map((question) => question.id).filter((id) => practiceIds.has(id));
      if (shared.length > 0) return { world, assigned, shared, cookie: cookieOf(world.learner) };
    }
    throw new Error('no assigned attempt shares a question with self-study');
  }

  it('leaves those questions out of new attempts of that learner (and refuses a review of only them)', async () => {
    const { shared, cookie } = await learnerWithOpenTest('open-new');
    for (const mode of ['practice', 'test'] as const) {
      const { reply } = await startPractice({ mode }, cookie);
      expect(viewIds(reply).filter((id) => shared.includes(id))).toEqual([]);
      expect(viewIds(reply)).toHaveLength(practiceIds.size - shared.length);
    }
    const review = await quiz().post('attempt', { lesson: 'clv-formula', mode: 'practice', locale: 'ja', questionIds: shared }, { cookie });
    expect(review).toMatchObject({ status: 409, json: { error: 'no-practice-questions' } });
  });

  it('withholds them from attempts started before the test was opened, signed in or not', async () => {
    const world = await side(handle.db, 'open-before');
    const cookie = cookieOf(world.learner);
    const signedIn = await startPractice({}, cookie);
    const anonymous = await startPractice({});
    const assigned = await startAttempt(world.learner, world.assignmentId);
    const shared = assigned.view.questions.map((question) => question.id).filter((id) => practiceIds.has(id));
    expect(shared.length).toBeGreaterThan(0);
    for (const { attemptId } of [signedIn, anonymous]) {
      const { key } = await storedAttempt(handle.db, sample, attemptId);
      const perfect = perfectResponses(key);
      const check = await quiz().post('check', { attemptId, questionId: shared[0], response: perfect[shared[0]!] }, { cookie });
      expect(check).toMatchObject({ status: 409, json: { error: 'question-in-assigned-test' } });
      const graded = await quiz().post('grade', { attemptId, responses: perfect }, { cookie });
      expect(graded.status).toBe(200);
      const ids = (graded.json['result'] as { questions: { questionId: string }[] }).questions.map((question) => question.questionId);
      expect(ids.filter((id) => shared.includes(id))).toEqual([]);
      expect(revealedKeys(graded.json).filter((id) => shared.includes(id))).toEqual([]);
      expect(JSON.stringify(graded.json)).not.toMatch(new RegExp(shared.map((id) => `"${id}"`).join('|')));
    }
    // The learner's own attempt is theirs: without the cookie it is a 404, not a way around the rule.
    const { key } = await storedAttempt(handle.db, sample, signedIn.attemptId);
    expect((await quiz().post('check', { attemptId: signedIn.attemptId, questionId: shared[0], response: perfectResponses(key)[shared[0]!] })).status).toBe(404);
  });

  it('asks those questions again once the assigned test is submitted', async () => {
    const { world, assigned, shared, cookie } = await learnerWithOpenTest('open-then-submitted');
    const submitted = await world.learner.post(`/api/learner/attempts/${assigned.attemptId}/submit`, {
      clientSubmissionId: 'trust-submit-1',
      responses: await responsesFor(handle.db, assigned.attemptId),
    });
    expect(submitted.status).toBe(200);
    const { reply } = await startPractice({ questionIds: shared }, cookie);
    expect(viewIds(reply).sort()).toEqual([...shared].sort());
  });
});

describe('assessment-only questions', () => {
  it.each(banks.map((bank) => [bank.lesson, bank] as const))('are never drawn in self-study (bank %s)', async (_lesson, bank) => {
    const reserved = bank.questions.filter((question) => !isPracticeQuestion(question)).map((question) => question.id);
    expect(reserved.length).toBeGreaterThan(0);
    const api = client(handle.db, [bank], { seeds: [0, 1, 2, 3, 4, 5] });
    for (const mode of ['practice', 'test', 'practice'] as const) {
      const reply = await api.post('attempt', { lesson: bank.lesson, mode, locale: 'en', count: 50 });
      expect(viewIds(reply).filter((id) => reserved.includes(id))).toEqual([]);
      expect(viewIds(reply)).toHaveLength(bank.questions.length - reserved.length);
    }
    // Named in a review (old history), they are left out; named alone, there is nothing to practise.
    const mixed = await api.post('attempt', { lesson: bank.lesson, mode: 'practice', locale: 'en', questionIds: [reserved[0], bank.questions.find(isPracticeQuestion)!.id] });
    expect(viewIds(mixed)).toEqual([bank.questions.find(isPracticeQuestion)!.id]);
    expect(await api.post('attempt', { lesson: bank.lesson, mode: 'practice', locale: 'en', questionIds: reserved })).toMatchObject({ status: 409 });
  });
});

describe('the first answer counts', () => {
  it('a second check of the same question returns the first grading, and grade keeps it', async () => {
    const { attemptId } = await startPractice({ mode: 'practice' });
    const { key } = await storedAttempt(handle.db, sample, attemptId);
    const entry = key.questions.find((candidate) => candidate.type === 'true-false')!;
    const right = entry.correct as boolean;
    const first = await quiz().post('check', { attemptId, questionId: entry.questionId, response: !right });
    expect(first.json).toMatchObject({ repeated: false, result: { correct: false, points: 0 } });
    const second = await quiz().post('check', { attemptId, questionId: entry.questionId, response: right });
    expect(second.status).toBe(200);
    expect(second.json['repeated']).toBe(true);
    expect(second.json['result']).toEqual(first.json['result']);
    const graded = await quiz().post('grade', { attemptId, responses: { [entry.questionId]: right } });
    const result = graded.json['result'] as { questions: { questionId: string; points: number }[] };
    expect(result.questions.find((question) => question.questionId === entry.questionId)!.points).toBe(0);
  });

  it('racing checks of one question all get the same grading', async () => {
    const { attemptId } = await startPractice({ mode: 'practice' });
    const { key } = await storedAttempt(handle.db, sample, attemptId);
    const entry = key.questions.find((candidate) => candidate.type === 'true-false')!;
    const replies = await Promise.all([true, false, true, false, true, false].map((response) => quiz().post('check', { attemptId, questionId: entry.questionId, response })));
    expect(replies.map((reply) => reply.status)).toEqual(replies.map(() => 200));
    expect(new Set(replies.map((reply) => JSON.stringify(reply.json['result']))).size).toBe(1);
  });

  it('no answer can be checked after the attempt was graded, and a graded attempt is not graded again', async () => {
    const { attemptId, reply } = await startPractice({ mode: 'practice' });
    await quiz().post('grade', { attemptId, responses: {} });
    const late = await quiz().post('check', { attemptId, questionId: viewIds(reply)[0], response: 0 });
    expect(late).toMatchObject({ status: 409, json: { error: 'attempt-graded' } });
  });
});

describe('whose attempt it is', () => {
  it('another learner, or nobody, gets 404 for a signed-in learner’s attempt; a malformed id is a 400', async () => {
    const owner = await side(handle.db, 'owner');
    const other = await side(handle.db, 'other');
    const { attemptId, reply } = await startPractice({}, cookieOf(owner.learner));
    const [row] = await handle.db.select().from(practiceAttempts).where(eq(practiceAttempts.id, attemptId));
    expect(row!.learnerId).toBe(owner.learnerId);
    const questionId = viewIds(reply)[0];
    for (const cookie of [cookieOf(other.learner), undefined]) {
      expect(await quiz().post('grade', { attemptId, responses: {} }, cookie ? { cookie } : {})).toMatchObject({ status: 404, json: { error: 'unknown-attempt' } });
      expect(await quiz().post('check', { attemptId, questionId, response: 0 }, cookie ? { cookie } : {})).toMatchObject({ status: 404 });
    }
    expect((await quiz().post('grade', { attemptId, responses: {} }, { cookie: cookieOf(owner.learner) })).status).toBe(200);
    const malformed = await quiz().post('grade', { attemptId: 'not-an-id', responses: {} });
    expect(malformed.status).toBe(400);
    expect(Object.keys(malformed.json['fieldErrors'] as object)).toEqual(['attemptId']);
  });
});

describe('odd JSON keys', () => {
  it.each([
    ['a __proto__ field', (id: string) => `{"attemptId":"${id}","responses":{},"__proto__":{"polluted":1}}`, '__proto__'],
    ['a constructor field', (id: string) => `{"attemptId":"${id}","responses":{},"constructor":{"prototype":{"polluted":1}}}`, 'constructor'],
    ['a constructor answer', (id: string) => `{"attemptId":"${id}","responses":{"constructor":0}}`, 'responses.constructor'],
    ['a prototype answer', (id: string) => `{"attemptId":"${id}","responses":{"prototype":0}}`, 'responses.prototype'],
  ])('grade refuses %s with a field error, stores nothing and pollutes nothing', async (_case, body, field) => {
    const { attemptId } = await startPractice({ mode: 'test' });
    const reply = await quiz().post('grade', null, { raw: body(attemptId) });
    expect(reply.status).toBe(400);
    expect(Object.keys(reply.json['fieldErrors'] as object)).toContain(field);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    const [row] = await handle.db.select().from(practiceAttempts).where(eq(practiceAttempts.id, attemptId));
    expect(row).toMatchObject({ responses: {}, gradedAt: null });
  });

  it('grade drops a __proto__ answer (never copied, never stored) and pollutes nothing', async () => {
    const { attemptId } = await startPractice({ mode: 'test' });
    const reply = await quiz().post('grade', null, { raw: `{"attemptId":"${attemptId}","responses":{"__proto__":{"polluted":1}}}` });
    expect(reply.status).toBe(200);
    expect(reply.json['result']).toMatchObject({ total: 0 });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    const [row] = await handle.db.select().from(practiceAttempts).where(eq(practiceAttempts.id, attemptId));
    expect(Object.getOwnPropertyNames(row!.responses)).toEqual([]);
  });

  it.each(['constructor', 'prototype', 'hasownproperty'])('check refuses the question id %s as not part of the attempt', async (questionId) => {
    const { attemptId } = await startPractice();
    const reply = await quiz().post('check', { attemptId, questionId, response: 0 });
    expect(reply.status).toBe(400);
    expect(Object.keys(reply.json['fieldErrors'] as object)).toEqual(['questionId']);
  });

  it('attempt refuses a __proto__ field', async () => {
    const reply = await quiz().post('attempt', null, { raw: '{"lesson":"clv-formula","mode":"test","locale":"ja","__proto__":{"count":50}}' });
    expect(reply.status).toBe(400);
  });
});

describe('racing grades of one attempt', () => {
  it('store exactly one grading: every reply is that grading, whatever answers each sent', async () => {
    const { attemptId } = await startPractice({ mode: 'test' });
    const { key } = await storedAttempt(handle.db, sample, attemptId);
    const perfect = perfectResponses(key);
    const bodies = Array.from({ length: 8 }, (_, i) => ({ attemptId, responses: i % 2 ? perfect : {} }));
    const replies = await Promise.all(bodies.map((body) => quiz().post('grade', body)));
    expect(replies.map((reply) => reply.status)).toEqual(bodies.map(() => 200));
    expect(replies.filter((reply) => reply.json['alreadyGraded'] === false)).toHaveLength(1);
    expect(new Set(replies.map((reply) => JSON.stringify(reply.json['result']))).size).toBe(1);
    const [row] = await handle.db.select().from(practiceAttempts).where(eq(practiceAttempts.id, attemptId));
    expect(row!.gradedAt).not.toBeNull();
    const total = (replies[0]!.json['result'] as { total: number }).total;
    expect(row!.responses).toEqual(total === 0 ? {} : perfect);
  });
});

describe('pruning', () => {
  it('deletes attempts older than a week, at most once an hour', async () => {
    const store = databasePracticeStore(handle.db);
    const now = new Date('2030-01-10T12:00:00Z');
    const base = { lessonId: 'clv-formula', seed: 1, mode: 'practice' as const, locale: 'ja' as const, questionIds: ['ltv-and-clv'], learnerId: null };
    const old = await store.create({ ...base, createdAt: new Date('2030-01-03T11:59:00Z') });
    const recent = await store.create({ ...base, createdAt: new Date('2030-01-03T12:01:00Z') });
    const prune = occasionalPruner(async () => store);
    expect(await prune(now)).toBeGreaterThanOrEqual(1);
    expect(await store.find(old.id)).toBeNull();
    expect(await store.find(recent.id)).not.toBeNull();
    expect(await prune(new Date(now.getTime() + 59 * 60_000))).toBeNull();
    // An hour later it runs again, and `recent` has now passed the week too.
    expect(await prune(new Date(now.getTime() + 61 * 60_000))).toBe(1);
    expect(await store.find(recent.id)).toBeNull();
  });
});
