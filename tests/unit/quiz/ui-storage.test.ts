import { describe, expect, it } from 'vitest';
import { appendRecord, decodeHistory, emptyHistory, encodeHistory, lessonAttempts, MAX_HISTORY_RECORDS } from '../../../src/lib/quiz/client/attemptHistory.ts';
import { reviewOverview, type ReviewModuleInfo } from '../../../src/lib/quiz/client/reviewOverview.ts';
import { decodeSessions, emptySessions, encodeSessions, sessionKey, withSession, type QuizSession } from '../../../src/lib/quiz/client/session.ts';
import { buildAttempt } from '../../../src/lib/quiz/attempt.ts';
import { learnerView } from '../../../src/lib/quiz/view.ts';
import type { AttemptRecord } from '../../../src/lib/quiz/recordSchema.ts';
import { miniBank } from './helpers.ts';

function session(): QuizSession {
  const attempt = buildAttempt(miniBank(), { seed: 3, mode: 'test', count: 4 });
  return {
    attemptId: '0b6f6c1e-3c1a-4d7e-9a51-2f7a8c9d0e11',
    lesson: 'mini',
    locale: 'ja',
    mode: 'test',
    count: 4,
    view: learnerView(attempt, 'ja'),
    responses: { s1: 0, m1: [0, 2], n1: '５，０００円' },
    current: 2,
    checked: {},
    startedAt: '2026-11-25T08:00:00.000Z',
  };
}

const record = (lesson: string, completedAt: string, answers: [string, string, number][]): AttemptRecord => ({
  lesson,
  mode: 'test',
  seed: 1,
  completedAt,
  total: answers.reduce((sum, [, , points]) => sum + points, 0),
  max: answers.length,
  passed: false,
  answers: answers.map(([questionId, concept, points]) => ({ questionId, concept, points, maxPoints: 1 })),
});

describe('stored quizzes in progress', () => {
  it('round-trips a quiz in progress (view, answers, position, mode)', () => {
    const all = withSession(emptySessions(), sessionKey('ja', 'mini'), session());
    expect(decodeSessions(encodeSessions(all))).toEqual({ sessions: all });
  });

  it.each([
    ['nothing stored', null, {}],
    ['an empty string', '', {}],
  ])('starts empty from %s, without a notice', (_case, stored, sessions) => {
    expect(decodeSessions(stored)).toEqual({ sessions: { version: 2, sessions } });
  });

  it('starts fresh from a version-1 quiz (named by its seed, which the server no longer grades), and says so', () => {
    const old = { ...session(), attemptId: '3' };
    const stored = JSON.stringify({ version: 1, sessions: { 'ja:mini': old } });
    expect(decodeSessions(stored)).toEqual({ sessions: emptySessions(), notice: { kind: 'outdated' } });
  });

  it('drops a quiz whose attempt id is a seed rather than a server attempt id', () => {
    const stored = JSON.stringify({ version: 2, sessions: { 'ja:mini': { ...session(), attemptId: '3' } } });
    expect(decodeSessions(stored)).toEqual({ sessions: emptySessions(), notice: { kind: 'reset-some', keys: ['ja:mini'] } });
  });

  it.each([
    ['broken JSON', '{not json'],
    ['a list', '[1,2]'],
    ['a future version', JSON.stringify({ version: 99, sessions: {} })],
    ['no version', JSON.stringify({ sessions: {} })],
  ])('resets %s and says so, never throwing', (_case, stored) => {
    expect(decodeSessions(stored)).toEqual({ sessions: emptySessions(), notice: { kind: 'reset-all' } });
  });

  it('drops only the quiz it cannot read', () => {
    const good = session();
    const stored = JSON.stringify({
      version: 2,
      sessions: { 'ja:mini': good, 'ja:broken': { ...good, view: { questions: 'x' } }, 'en:past-end': { ...good, current: 99 } },
    });
    const decoded = decodeSessions(stored);
    expect(Object.keys(decoded.sessions.sessions)).toEqual(['ja:mini']);
    expect(decoded.notice).toEqual({ kind: 'reset-some', keys: ['ja:broken', 'en:past-end'] });
  });

  it('removes a quiz with withSession(..., null)', () => {
    const all = withSession(emptySessions(), 'ja:mini', session());
    expect(withSession(all, 'ja:mini', null).sessions).toEqual({});
  });
});

describe('stored attempt history', () => {
  const one = record('mini', '2026-11-25T08:00:00.000Z', [['s1', 'c-single', 1]]);

  it('round-trips and lists a lesson newest first', () => {
    const later = { ...one, completedAt: '2026-11-26T08:00:00.000Z', seed: 2 };
    const history = appendRecord(appendRecord(emptyHistory(), one), later);
    expect(decodeHistory(encodeHistory(history))).toEqual({ history });
    expect(lessonAttempts(history, 'mini').map((kept) => kept.seed)).toEqual([2, 1]);
    expect(lessonAttempts(history, 'other')).toEqual([]);
  });

  it('does not count the same graded attempt twice', () => {
    expect(appendRecord(appendRecord(emptyHistory(), one), { ...one }).attempts).toHaveLength(1);
  });

  it('tells self-study attempts apart by their attempt id (no seed in the record)', () => {
    const { seed: _seed, ...base } = one;
    const first = { ...base, attemptId: '0b6f6c1e-3c1a-4d7e-9a51-2f7a8c9d0e11' };
    const second = { ...base, attemptId: '5d1c9a34-8f0e-4b6a-b2d7-6e1f0a9c3b22' };
    const history = appendRecord(appendRecord(appendRecord(emptyHistory(), first), second), { ...first });
    expect(history.attempts.map((kept) => kept.attemptId)).toEqual([first.attemptId, second.attemptId]);
    expect(decodeHistory(encodeHistory(history))).toEqual({ history });
  });

  it(`keeps the newest ${MAX_HISTORY_RECORDS} attempts`, () => {
    let history = emptyHistory();
    for (let i = 0; i < MAX_HISTORY_RECORDS + 5; i++) history = appendRecord(history, { ...one, seed: i });
    expect(history.attempts).toHaveLength(MAX_HISTORY_RECORDS);
    expect(history.attempts[0]!.seed).toBe(5);
  });

  it('drops unreadable records one by one and resets unreadable storage', () => {
    const stored = JSON.stringify({ version: 1, attempts: [one, { lesson: 'x' }, 42] });
    expect(decodeHistory(stored)).toEqual({ history: { version: 1, attempts: [one] }, notice: { kind: 'dropped', count: 2 } });
    expect(decodeHistory('{').notice).toEqual({ kind: 'reset-all' });
    expect(decodeHistory(JSON.stringify({ version: 2, attempts: [] })).notice).toEqual({ kind: 'reset-all' });
  });
});

describe("Today's review", () => {
  const modules: ReviewModuleInfo[] = [
    {
      id: 'm',
      title: 'Module',
      lessons: [
        {
          id: 'mini',
          title: 'Mini',
          quizHref: '/lessons/mini/quiz/',
          questionIds: ['s1', 'm1', 'tf1'],
          concepts: [
            { tag: 'c-single', label: 'Single' },
            { tag: 'c-multiple', label: 'Multiple' },
            { tag: 'c-never', label: 'Never answered' },
          ],
        },
      ],
    },
  ];
  // Missed s1 and m1, got tf1 right, and missed a question that is no longer in the bank.
  const history = [record('mini', '2026-11-20T08:00:00.000Z', [['s1', 'c-single', 0], ['m1', 'c-multiple', 0.5], ['tf1', 'c-single', 1], ['gone', 'c-old', 0]])];

  it('lists the missed questions due a day later, not before', () => {
    const sameDay = reviewOverview(history, modules, new Date('2026-11-20T12:00:00.000Z'));
    expect(sameDay.dueTotal).toBe(0);
    expect(sameDay.modules[0]!.lessons[0]).toMatchObject({ dueIds: [], laterCount: 2, nextDueAt: '2026-11-21T08:00:00.000Z' });
    // Not due yet, but there to retry now: the missed ones of this bank, not the removed question.
    expect([...sameDay.modules[0]!.lessons[0]!.laterIds].sort()).toEqual(['m1', 's1']);
    const nextDay = reviewOverview(history, modules, new Date('2026-11-21T09:00:00.000Z'));
    expect(nextDay.dueTotal).toBe(2);
    expect(nextDay.modules[0]!.lessons[0]!.dueIds.sort()).toEqual(['m1', 's1']);
  });

  it("shows the bank's concepts with their levels and labels, not started ones included, removed ones left out", () => {
    const mastery = reviewOverview(history, modules, new Date('2026-11-21T09:00:00.000Z')).modules[0]!.lessons[0]!.mastery;
    expect(mastery.map((entry) => [entry.concept, entry.label, entry.level])).toEqual([
      ['c-single', 'Single', 'learning'],
      ['c-multiple', 'Multiple', 'learning'],
      ['c-never', 'Never answered', 'not-started'],
    ]);
    expect(mastery[0]!.recentShare).toBe(0.5);
  });
});
