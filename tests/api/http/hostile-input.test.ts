/**
 * What an outside probe sent (issue 12): keys named like Object.prototype members, NUL and other
 * control characters, invisible or direction-changing names, and a chunked body far past the
 * size limit. Every endpoint family answers 400 or 413 with something the client can act on,
 * never a 500, and the learner's attempt stays usable after a refused submission.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/server/db/index.ts';
import { attempts, cohorts, learners } from '../../../src/server/db/schema.ts';
import { MAX_BODY_BYTES } from '../../../src/server/http/body.ts';
import { createRateLimiter } from '../../../src/server/http/rateLimit.ts';
import { createSharedRateLimiter } from '../../../src/server/http/sharedRateLimit.ts';
import { loadCourse } from '../../../src/server/learner/course.ts';
import { handleQuizPost, type QuizAction } from '../../../src/server/quiz/endpoint.ts';
import { actor, type Actor, startTestApp } from '../support/app.ts';
import { LESSON, responsesFor, side, startAttempt, type Side } from '../support/fixtures.ts';

let handle: DatabaseHandle;
let a: Side;
beforeAll(async () => {
  handle = await startTestApp();
  a = await side(handle.db, 'H');
});
afterAll(async () => handle.close());

const ODD_KEYS = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'] as const;
const tokenOf = (invitePath: string) => invitePath.split('/').filter(Boolean).pop() as string;

/** The body as JSON text with one more key; written by hand, since `{ __proto__: 1 }` in JS sets the prototype instead. */
const withKey = (body: Record<string, unknown>, key: string) => `${JSON.stringify(body).slice(0, -1)},${JSON.stringify(key)}:1}`;

const postRaw = (who: Actor, path: string, text: string) => who.request('POST', path, { rawBody: text, headers: { 'content-type': 'application/json' } });

/** The quiz endpoints, called as their route does (their own tests live with the quiz helper's work). */
async function quizPost(action: QuizAction, body: string | ReadableStream<Uint8Array>): Promise<Response> {
  const course = await loadCourse();
  const request = new Request(`http://localhost/api/quiz/${action}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half' } as RequestInit);
  const limiter = () => createRateLimiter({ limit: 1_000, windowMs: 60_000 });
  return handleQuizPost(action, request, '10.9.9.9', {
    findBank: (lesson) => course.bank(lesson),
    database: async () => handle.db,
    limiter: limiter(),
    attemptLimiter: createSharedRateLimiter({ name: 'quiz:attempt:hostile', limit: 1_000, windowMs: 60_000 }),
    newSeed: () => 7,
  });
}

async function fieldErrorsOf(response: Response): Promise<Record<string, string[]>> {
  return ((await response.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors;
}

describe('keys named like Object.prototype members', () => {
  // Each endpoint with a body that would be accepted without the extra key.
  const endpoints: { name: string; send(key: string): Promise<Response> }[] = [
    { name: 'POST /api/auth/login', send: (key) => postRaw(actor(), '/api/auth/login', withKey({ email: a.trainerEmail, password: 'x' }, key)) },
    { name: 'POST /api/auth/join', send: (key) => postRaw(actor(), '/api/auth/join', withKey({ token: tokenOf(a.invitePath), name: 'Odd' }, key)) },
    { name: 'POST /api/auth/resume', send: (key) => postRaw(actor(), '/api/auth/resume', withKey({ code: a.resumeCode }, key)) },
    { name: 'POST /api/trainer/cohorts', send: (key) => postRaw(a.trainer, '/api/trainer/cohorts', withKey({ name: 'Odd' }, key)) },
    {
      name: 'POST /api/trainer/cohorts/:id/assignments',
      send: (key) => postRaw(a.trainer, `/api/trainer/cohorts/${a.cohortId}/assignments`, withKey({ lessons: [LESSON], dueAt: new Date(Date.now() + 864e5).toISOString(), passMark: 0.8 }, key)),
    },
    { name: 'POST /api/learner/attempts', send: (key) => postRaw(a.learner, '/api/learner/attempts', withKey({ assignmentId: a.assignmentId }, key)) },
    {
      name: 'POST /api/learner/attempts/:id/submit',
      send: async (key) => postRaw(a.learner, `/api/learner/attempts/${(await startAttempt(a.learner, a.assignmentId)).attemptId}/submit`, withKey({ clientSubmissionId: 'odd-key-0001', responses: {} }, key)),
    },
    { name: 'POST /api/quiz/attempt', send: (key) => quizPost('attempt', withKey({ lesson: LESSON, mode: 'test', locale: 'ja' }, key)) },
  ];

  describe.each(endpoints)('$name', ({ send }) => {
    it.each(ODD_KEYS)('answers a body key %s with 400 naming it', async (key) => {
      const response = await send(key);
      expect(response.status).toBe(400);
      const errors = await fieldErrorsOf(response);
      expect(Object.hasOwn(errors, key)).toBe(true);
      expect(errors[key]).toEqual(['unknown field']);
    });
  });

  it.each(ODD_KEYS)('answers a query key %s: 400 where the query is strict, ignored where it is not', async (key) => {
    const logout = await actor().request('POST', `/api/auth/logout?${encodeURIComponent(key)}=1`);
    expect(logout.status).toBe(400);
    expect(Object.hasOwn(await fieldErrorsOf(logout), key)).toBe(true);
    const exported = await a.trainer.get(`/api/trainer/cohorts/${a.cohortId}/export.csv?locale=en&${encodeURIComponent(key)}=1`);
    expect(exported.status).toBe(200);
    const detail = await a.trainer.get(`/api/trainer/cohorts/${a.cohortId}/learners/${a.learnerId}?${encodeURIComponent(key)}=ja`);
    expect(detail.status).toBe(200);
  });

  it.each(['constructor', '__proto__', 'valueof'])('grades an attempt whose responses also hold the key %s exactly as without it', async (key) => {
    const { attemptId } = await startAttempt(a.learner, a.assignmentId);
    const right = await responsesFor(handle.db, attemptId, 1);
    const response = await postRaw(a.learner, `/api/learner/attempts/${attemptId}/submit`, JSON.stringify({ clientSubmissionId: `odd-responses-${key}`, responses: JSON.parse(withKey(right, key)) }).replace('"responses":{', `"responses":{${JSON.stringify(key)}:0,`));
    expect(response.status).toBe(200);
    const { review } = (await response.json()) as { review: { total: number; max: number } };
    expect(review.total).toBe(review.max);
    const [row] = await handle.db.select().from(attempts).where(eq(attempts.id, attemptId));
    expect(Object.getPrototypeOf(row!.responses)).toBe(Object.prototype);
  });
});

describe('control characters', () => {
  it.each([
    ['NUL in the name', { name: 'Ito\u0000' }, 'name'],
    ['U+0001 in the name', { name: '\u0001Ito' }, 'name'],
    ['a tab in the name', { name: 'Ito\tKen' }, 'name'],
    ['NUL in the employee ID', { name: 'Ito', employeeId: 'E\u00001' }, 'employeeId'],
    ['only zero-width spaces as the name', { name: '\u200B\u200B' }, 'name'],
  ])('refuses %s at joining with a field error', async (_, body, field) => {
    const response = await actor().post('/api/auth/join', { token: tokenOf(a.invitePath), ...body });
    expect(response.status).toBe(400);
    expect(Object.keys(await fieldErrorsOf(response))).toEqual([field]);
  });

  it('stores a name without its bidi override, full-width letters as ASCII', async () => {
    const response = await actor().post('/api/auth/join', { token: tokenOf(a.invitePath), name: '\uFF2B\uFF45\uFF4E\u202Eexe.txt', employeeId: '\uFF11\uFF12\uFF13' });
    expect(response.status).toBe(201);
    const { learner } = (await response.json()) as { learner: { id: string } };
    const [row] = await handle.db.select().from(learners).where(eq(learners.id, learner.id));
    expect(row).toMatchObject({ name: 'Kenexe.txt', employeeId: '123' });
  });

  it('refuses NUL in a resume code and in a cohort name with a field error', async () => {
    const resume = await actor().post('/api/auth/resume', { code: 'ABCD\u0000' });
    expect(resume.status).toBe(400);
    expect(Object.keys(await fieldErrorsOf(resume))).toEqual(['code']);
    const cohort = await a.trainer.post('/api/trainer/cohorts', { name: 'Team\u0000' });
    expect(cohort.status).toBe(400);
    expect(Object.keys(await fieldErrorsOf(cohort))).toEqual(['name']);
  });

  it('refuses NUL in a typed answer with a field error, and the attempt can still be submitted', async () => {
    const { attemptId, view } = await startAttempt(a.learner, a.assignmentId);
    const questionId = view.questions[0]!.id;
    const refused = await a.learner.post(`/api/learner/attempts/${attemptId}/submit`, { clientSubmissionId: 'nul-answer-0001', responses: { [questionId]: '5000\u0000' } });
    expect(refused.status).toBe(400);
    expect(Object.keys(await fieldErrorsOf(refused))).toEqual([`responses.${questionId}`]);
    const open = await a.learner.get(`/api/learner/attempts/${attemptId}`);
    expect(((await open.json()) as { status: string }).status).toBe('open');
    const accepted = await a.learner.post(`/api/learner/attempts/${attemptId}/submit`, { clientSubmissionId: 'nul-answer-0002', responses: await responsesFor(handle.db, attemptId, 1) });
    expect(accepted.status).toBe(200);
  });
});

describe('the CSV download name', () => {
  it('is built safely from the cohort name, whatever the row holds', async () => {
    // A row written before the input rules: a right-to-left override, controls and a path.
    await handle.db.update(cohorts).set({ name: '../Team\u202Evsc.exe\u0001' }).where(eq(cohorts.id, a.cohortId));
    const response = await a.trainer.get(`/api/trainer/cohorts/${a.cohortId}/export.csv`);
    await handle.db.update(cohorts).set({ name: 'Cohort H' }).where(eq(cohorts.id, a.cohortId));
    expect(response.status).toBe(200);
    const disposition = response.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(/^attachment; filename="ltv-dojo-results-\d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''[A-Za-z0-9%._~-]+$/);
    const name = decodeURIComponent(disposition.split("''")[1]!);
    expect(name).toMatch(/^Teamvsc\.exe-\d{4}-\d{2}-\d{2}\.csv$/);
  });
});

describe('a chunked body past the size limit', () => {
  const CHUNK = 8 * 1024;
  const OFFERED = 300 * 1024 * 1024;

  /** 300 MB of JSON-ish bytes, made only as they are pulled, with no content-length. */
  function hugeBody() {
    const counts = { pulls: 0, cancelled: false };
    const chunk = new TextEncoder().encode('{"name":"' + 'x'.repeat(CHUNK - 9));
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        counts.pulls++;
        if (counts.pulls * CHUNK >= OFFERED) controller.close();
        else controller.enqueue(chunk.slice());
      },
      cancel() {
        counts.cancelled = true;
      },
    });
    return { stream, counts };
  }

  const senders: { name: string; send(stream: ReadableStream<Uint8Array>): Promise<Response> }[] = [
    { name: 'POST /api/auth/join', send: (stream) => actor().request('POST', '/api/auth/join', { rawBody: stream, headers: { 'content-type': 'application/json' } }) },
    { name: 'POST /api/trainer/cohorts', send: (stream) => a.trainer.request('POST', '/api/trainer/cohorts', { rawBody: stream, headers: { 'content-type': 'application/json' } }) },
    {
      name: 'POST /api/learner/attempts/:id/submit',
      send: async (stream) => a.learner.request('POST', `/api/learner/attempts/${(await startAttempt(a.learner, a.assignmentId)).attemptId}/submit`, { rawBody: stream, headers: { 'content-type': 'application/json' } }),
    },
    { name: 'POST /api/quiz/grade', send: (stream) => quizPost('grade', stream) },
  ];

  it.each(senders)('$name answers 413 after reading little more than the limit, and cancels the upload', async ({ send }) => {
    const { stream, counts } = hugeBody();
    const response = await send(stream);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: 'body-too-large', maxBytes: MAX_BODY_BYTES });
    // The limit is passed on the 5th chunk; the stream may have been asked for one more ahead.
    expect(counts.pulls).toBeLessThanOrEqual(Math.ceil(MAX_BODY_BYTES / CHUNK) + 2);
    expect(counts.cancelled).toBe(true);
  });
});
