import { cleanStores } from 'nanostores';
import { answerKey } from '../../../src/lib/quiz/key.ts';
import { buildAttempt, type AttemptMode } from '../../../src/lib/quiz/attempt.ts';
import type { QuizApi } from '../../../src/lib/quiz/client/api.ts';
import { learnerView } from '../../../src/lib/quiz/view.ts';
import type { Locale } from '../../../src/lib/i18n/locales.ts';
import { attemptBodySchema, checkBodySchema, gradeBodySchema } from '../../../src/lib/quiz/api.ts';
import type { Bank } from '../../../src/lib/quiz/schema.ts';
import type { PracticeAttempt, PracticeStore } from '../../../src/server/quiz/practiceStore.ts';
import { checkAnswer, gradeAttempt, startAttempt } from '../../../src/server/quiz/selfStudy.ts';
import { $quizRequests, $quizSessions, $quizSessionsNotice, setQuizApi } from '../../../src/stores/quiz.ts';
import { $quizHistory, $quizHistoryNotice } from '../../../src/stores/quizHistory.ts';
import { perfectResponses } from '../../api/quiz/helpers.ts';
import { miniBank } from '../../unit/quiz/helpers.ts';

export { miniBank, perfectResponses };

/** practice_attempts in memory, with the same once-only rules as the database store. */
export function memoryPracticeStore(): PracticeStore & { rows: Map<string, PracticeAttempt> } {
  const rows = new Map<string, PracticeAttempt>();
  let next = 0;
  return {
    rows,
    async create(attempt) {
      const id = `00000000-0000-4000-8000-${String(++next).padStart(12, '0')}`;
      const row: PracticeAttempt = { ...attempt, id, responses: {}, gradedAt: null };
      rows.set(id, row);
      return structuredClone(row);
    },
    async find(id) {
      const row = rows.get(id);
      return row ? structuredClone(row) : null;
    },
    async answer(id, questionId, response) {
      const row = rows.get(id);
      if (row && row.gradedAt === null && !Object.hasOwn(row.responses, questionId)) row.responses = { ...row.responses, [questionId]: response };
      return row ? structuredClone(row) : null;
    },
    async finish(id, responses, at) {
      const row = rows.get(id);
      if (!row) return null;
      if (row.gradedAt !== null) return { attempt: structuredClone(row), first: false };
      row.responses = { ...responses, ...row.responses };
      row.gradedAt = at;
      return { attempt: structuredClone(row), first: true };
    },
    assignedQuestions: async () => new Set(),
    async prune(before) {
      const old = [...rows.values()].filter((row) => row.createdAt < before);
      for (const row of old) rows.delete(row.id);
      return old.length;
    },
  };
}

/**
 * The quiz endpoints without HTTP: the same zod bodies and the same server functions over an
 * in-memory store, called in-process. Every request is recorded, so tests can check what the
 * island sent; `store` holds the stored attempts (seeds included, as only a test may read them).
 */
export function serverApi(bank: Bank = miniBank(), seeds: number[] = [11, 12, 13, 14]) {
  const requests: { action: string; body: unknown }[] = [];
  const store = memoryPracticeStore();
  const deps = { store, findBank: (lesson: string) => (lesson === bank.lesson ? bank : undefined) };
  const anonymous = { learnerId: null };
  const failed = { ok: false as const, error: { kind: 'invalid' as const } };
  const api: QuizApi & { requests: typeof requests; store: typeof store } = {
    requests,
    store,
    async startAttempt(body) {
      requests.push({ action: 'attempt', body });
      const outcome = await startAttempt(deps, attemptBodySchema.parse(body), anonymous, seeds.shift() ?? 99);
      return outcome.ok ? { ok: true, value: JSON.parse(JSON.stringify(outcome.value)) } : failed;
    },
    async check(body) {
      requests.push({ action: 'check', body });
      const outcome = await checkAnswer(deps, checkBodySchema.parse(body), anonymous);
      return outcome.ok ? { ok: true, value: JSON.parse(JSON.stringify(outcome.value)) } : failed;
    },
    async grade(body) {
      requests.push({ action: 'grade', body });
      const outcome = await gradeAttempt(deps, gradeBodySchema.parse(body), anonymous);
      return outcome.ok ? { ok: true, value: JSON.parse(JSON.stringify(outcome.value)) } : failed;
    },
  };
  return api;
}

/** A learner view of the fixture bank with every question, for the renderers. */
export function miniView(locale: Locale = 'ja', mode: AttemptMode = 'test', seed = 5) {
  const bank = miniBank();
  const attempt = buildAttempt(bank, { seed, mode, count: bank.questions.length });
  return { view: learnerView(attempt, locale), key: answerKey(attempt) };
}

/** Fresh quiz stores for each case (the shared setup clears localStorage and the progress store). */
export function resetQuizStores(): void {
  cleanStores($quizSessions, $quizHistory, $quizRequests);
  $quizSessions.set({ version: 2, sessions: {} });
  $quizHistory.set({ version: 1, attempts: [] });
  $quizRequests.set({});
  $quizSessionsNotice.set(null);
  $quizHistoryNotice.set(null);
  setQuizApi(serverApi());
}
