import { describe, expect, it, vi } from 'vitest';
import {
  backoffMs,
  decodeQueue,
  encodeQueue,
  QUEUE_KEY,
  readQueue,
  sendSubmission,
  withSubmission,
  writeQueue,
  type QueuedSubmission,
} from '../../../src/components/learner/submissionQueue.ts';

const item = (attemptId = 'a1', tries = 0): QueuedSubmission => ({
  attemptId,
  assignmentId: 'as1',
  clientSubmissionId: `client-${attemptId}`,
  responses: { q1: 0, q2: '１０万円' },
  answeredAt: '2026-04-01T09:00:00.000Z',
  tries,
});

describe('the stored queue', () => {
  it('round-trips through localStorage in a versioned envelope', () => {
    writeQueue(localStorage, [item('a1'), item('a2', 3)]);
    expect(JSON.parse(localStorage.getItem(QUEUE_KEY) ?? '')).toMatchObject({ version: 1 });
    expect(readQueue(localStorage)).toEqual([item('a1'), item('a2', 3)]);
  });

  it.each([
    ['nothing', null],
    ['broken JSON', '{"version":1,'],
    ['an unknown version', JSON.stringify({ version: 99, items: [item()] })],
    ['a list instead of an envelope', JSON.stringify([item()])],
  ])('reads %s as empty, never throwing', (_, stored) => {
    expect(decodeQueue(stored)).toEqual([]);
  });

  it('keeps a refusal with its entry, and reads a broken refusal as none', () => {
    const refused = { ...item('r1'), failed: { status: 400, code: 'invalid-body', questionIds: ['q2'] } };
    expect(decodeQueue(encodeQueue([refused]))).toEqual([refused]);
    expect(decodeQueue(JSON.stringify({ version: 1, items: [{ ...item('r2'), failed: { code: 'x' } }] }))).toEqual([item('r2')]);
  });

  it('drops a broken entry alone', () => {
    const stored = JSON.stringify({ version: 1, items: [item('ok'), { attemptId: 'broken' }, { ...item('neg'), tries: -1 }] });
    expect(decodeQueue(stored)).toEqual([item('ok'), item('neg', 0)]);
  });

  it('keeps one submission per attempt, the newest', () => {
    const newer = { ...item('a1'), clientSubmissionId: 'client-newer' };
    expect(withSubmission([item('a1'), item('a2')], newer)).toEqual([item('a2'), newer]);
    expect(decodeQueue(encodeQueue([newer]))).toEqual([newer]);
  });
});

describe('backoffMs', () => {
  it.each([
    [0, 2_000],
    [1, 4_000],
    [3, 16_000],
    [5, 60_000],
    [50, 60_000],
  ])('after %i failures waits %i ms (no jitter)', (tries, ms) => {
    expect(backoffMs(tries)).toBe(ms * 0.8);
  });

  it('spreads retries by ±20% with jitter', () => {
    expect(backoffMs(1, 0)).toBe(3_200);
    expect(backoffMs(1, 0.999)).toBeCloseTo(4_800, -1);
  });
});

describe('sendSubmission', () => {
  const reply = (status: number, body: unknown) => vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));

  it('posts the same clientSubmissionId and answers each time', async () => {
    const fetchImpl = reply(200, { review: { total: 5 } });
    expect(await sendSubmission(item(), fetchImpl as unknown as typeof fetch)).toEqual({ kind: 'sent', body: { review: { total: 5 } } });
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/learner/attempts/a1/submit');
    expect(JSON.parse(init.body as string)).toEqual({ clientSubmissionId: 'client-a1', responses: item().responses, answeredAt: item().answeredAt });
  });

  it.each([
    ['a network failure', vi.fn(async () => Promise.reject(new TypeError('offline'))), { kind: 'retry', reason: 'network' }],
    ['a 503', reply(503, { error: 'database-unavailable' }), { kind: 'retry', reason: 'server' }],
    ['a 502 from a proxy with an HTML page', vi.fn(async () => new Response('<h1>Bad gateway</h1>', { status: 502 })), { kind: 'retry', reason: 'server' }],
    ['a 429', reply(429, { error: 'rate-limited' }), { kind: 'retry', reason: 'server' }],
    ['a 401 (signed out: kept for after the resume code)', reply(401, { error: 'unauthorized' }), { kind: 'retry', reason: 'signed-out' }],
    ['a 409 already-submitted (graded already)', reply(409, { error: 'already-submitted' }), { kind: 'sent', body: null }],
    ['a 408 (a proxy timed out)', reply(408, {}), { kind: 'retry', reason: 'server' }],
    ['a 500', reply(500, { error: 'internal' }), { kind: 'retry', reason: 'server' }],
    ['a 404', reply(404, { error: 'not-found' }), { kind: 'rejected', status: 404, code: 'not-found', questionIds: [] }],
    ['a 409 attempt-outdated', reply(409, { error: 'attempt-outdated' }), { kind: 'rejected', status: 409, code: 'attempt-outdated', questionIds: [] }],
    ['a 403', reply(403, { error: 'cross-site-request' }), { kind: 'rejected', status: 403, code: 'cross-site-request', questionIds: [] }],
    ['a 413', reply(413, { error: 'body-too-large' }), { kind: 'rejected', status: 413, code: 'body-too-large', questionIds: [] }],
    ['a 422 without a body', vi.fn(async () => new Response('', { status: 422 })), { kind: 'rejected', status: 422, code: 'http-422', questionIds: [] }],
    [
      'a 400 naming answers',
      reply(400, { error: 'invalid-body', fieldErrors: { 'responses.q2': ['must not contain control characters'], answeredAt: ['bad'] } }),
      { kind: 'rejected', status: 400, code: 'invalid-body', questionIds: ['q2'] },
    ],
  ])('treats %s right', async (_, fetchImpl, outcome) => {
    expect(await sendSubmission(item(), fetchImpl as unknown as typeof fetch)).toEqual(outcome);
  });
});
