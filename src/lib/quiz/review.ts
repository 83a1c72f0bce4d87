/**
 * The review queue: questions a learner missed come back on a spaced schedule (Leitner boxes).
 * Replayed from the history, oldest answer first:
 * - a question enters box 1 when it is missed (less than full points), due one day later;
 * - answered right when due, it moves up a box (due 2, 4, 8, 16 days later); right in box 5,
 *   it leaves the queue;
 * - missed again, in any box, it goes back to box 1;
 * - answered right before it is due (a retake the same evening), nothing changes: spacing,
 *   not repetition, is what the boxes reward.
 * Questions answered right the first time never enter the queue.
 */
import { type AttemptRecord, isFullCredit, timedAnswers, toMillis } from './history.ts';

/** Days until the next review, for boxes 1..5. */
export const LEITNER_INTERVAL_DAYS = [1, 2, 4, 8, 16] as const;

/**
 * A card counts as due this much before its exact time, so "tomorrow" means tomorrow's session
 * even if it starts a little earlier in the day than today's did.
 */
export const REVIEW_GRACE_HOURS = 6;

const DAY_MS = 86_400_000;
const GRACE_MS = REVIEW_GRACE_HOURS * 3_600_000;

export interface ReviewCard {
  lesson: string;
  questionId: string;
  concept: string;
  /** Leitner box, 1..5. */
  box: number;
  /** When the question is next due (ISO). */
  dueAt: string;
  /** When it was last answered (ISO). */
  lastAnsweredAt: string;
}

interface CardState {
  lesson: string;
  questionId: string;
  concept: string;
  box: number;
  due: number;
  last: number;
}

const isDue = (due: number, at: number) => at >= due - GRACE_MS;
const dueAfter = (at: number, box: number) => at + (LEITNER_INTERVAL_DAYS[box - 1] ?? 1) * DAY_MS;

/** Every question still in the queue, with its box and due time, in order of due time. */
export function reviewCards(history: readonly AttemptRecord[]): ReviewCard[] {
  const cards = new Map<string, CardState>();
  for (const answer of timedAnswers(history)) {
    const id = `${answer.lesson}\u0000${answer.questionId}`;
    const card = cards.get(id);
    if (!isFullCredit(answer.share)) {
      cards.set(id, { lesson: answer.lesson, questionId: answer.questionId, concept: answer.concept, box: 1, due: dueAfter(answer.at, 1), last: answer.at });
    } else if (card && isDue(card.due, answer.at)) {
      if (card.box >= LEITNER_INTERVAL_DAYS.length) cards.delete(id);
      else cards.set(id, { ...card, box: card.box + 1, due: dueAfter(answer.at, card.box + 1), last: answer.at });
    } else if (card) {
      card.last = answer.at;
    }
  }
  return [...cards.values()]
    .sort((a, b) => a.due - b.due)
    .map(({ due, last, ...card }) => ({ ...card, dueAt: new Date(due).toISOString(), lastAnsweredAt: new Date(last).toISOString() }));
}

/** Questions due at `now`, across lessons, most overdue first. */
export function dueQuestions(history: readonly AttemptRecord[], now: Date | number | string): ReviewCard[] {
  const at = toMillis(now);
  return reviewCards(history).filter((card) => isDue(Date.parse(card.dueAt), at));
}

/** Due questions grouped by lesson, ready for buildAttempt(bank, { mode: 'practice', questionIds }). */
export function reviewSessions(due: readonly ReviewCard[]): { lesson: string; questionIds: string[] }[] {
  const byLesson = new Map<string, string[]>();
  for (const card of due) byLesson.set(card.lesson, [...(byLesson.get(card.lesson) ?? []), card.questionId]);
  return [...byLesson].map(([lesson, questionIds]) => ({ lesson, questionIds }));
}
