import { cleanStores } from 'nanostores';
import { answerKey } from '../../../src/lib/quiz/key.ts';
import { buildAttempt, type AttemptMode } from '../../../src/lib/quiz/attempt.ts';
import type { QuizApi } from '../../../src/lib/quiz/client/api.ts';
import { learnerView } from '../../../src/lib/quiz/view.ts';
import type { Locale } from '../../../src/lib/i18n/locales.ts';
import { attemptBodySchema, checkBodySchema, gradeBodySchema } from '../../../src/server/quiz/bodies.ts';
import { checkAnswer, gradeAttempt, startAttempt } from '../../../src/server/quiz/selfStudy.ts';
import { $quizRequests, $quizSessions, $quizSessionsNotice, setQuizApi } from '../../../src/stores/quiz.ts';
import { $quizHistory, $quizHistoryNotice } from '../../../src/stores/quizHistory.ts';
import { perfectResponses } from '../../api/quiz/helpers.ts';
import { miniBank } from '../../unit/quiz/helpers.ts';

export { miniBank, perfectResponses };

/**
 * The quiz endpoints without HTTP: the same zod bodies and the same server functions, called
 * in-process. Every request is recorded, so tests can check what the island sent.
 */
export function serverApi(bank = miniBank(), seeds: number[] = [11, 12, 13, 14]): QuizApi & { requests: { action: string; body: unknown }[] } {
  const requests: { action: string; body: unknown }[] = [];
  const failed = { ok: false as const, error: { kind: 'invalid' as const } };
  return {
    requests,
    async startAttempt(body) {
      requests.push({ action: 'attempt', body });
      const outcome = startAttempt(bank, attemptBodySchema.parse(body), seeds.shift() ?? 99);
      return outcome.ok ? { ok: true, value: JSON.parse(JSON.stringify(outcome.value)) } : failed;
    },
    async check(body) {
      requests.push({ action: 'check', body });
      const outcome = checkAnswer(bank, checkBodySchema.parse(body));
      return outcome.ok ? { ok: true, value: outcome.value.result } : failed;
    },
    async grade(body) {
      requests.push({ action: 'grade', body });
      const outcome = gradeAttempt(bank, gradeBodySchema.parse(body));
      return outcome.ok ? { ok: true, value: outcome.value.result } : failed;
    },
  };
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
  $quizSessions.set({ version: 1, sessions: {} });
  $quizHistory.set({ version: 1, attempts: [] });
  $quizRequests.set({});
  $quizSessionsNotice.set(null);
  $quizHistoryNotice.set(null);
  setQuizApi(serverApi());
}
