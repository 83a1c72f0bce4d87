import { atom } from 'nanostores';
import { persistentAtom } from '@nanostores/persistent';
import { appendRecord, decodeHistory, emptyHistory, encodeHistory, type HistoryNotice, type QuizHistory } from '../lib/quiz/client/attemptHistory.ts';
import { type GradedAttempt, recordFromGrade } from '../lib/quiz/history.ts';

/** Set when stored history had to be (partly) dropped, so the page can say so once. */
export const $quizHistoryNotice = atom<HistoryNotice | null>(null);

/** Graded attempts (scores only), for mastery, the review queue and the history table. Synced across tabs. */
export const $quizHistory = persistentAtom<QuizHistory>('ltv-dojo:quiz-history', emptyHistory(), {
  encode: encodeHistory,
  decode: (encoded) => {
    const { history, notice } = decodeHistory(encoded);
    if (notice) $quizHistoryNotice.set(notice);
    return history;
  },
});

/** Keeps the record of a graded attempt. */
export function recordGradedAttempt(result: GradedAttempt, completedAt: Date): void {
  $quizHistory.set(appendRecord($quizHistory.get(), recordFromGrade(result, completedAt)));
}
