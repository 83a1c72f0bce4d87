/**
 * The assigned test re-created on the server from what the attempt row stores (lesson bank,
 * seed, count, pass mark), and answers turned into the bank's own terms for item analysis.
 */
import { buildAttempt, type Attempt, type AttemptQuestion } from '../../lib/quiz/attempt.ts';
import { readChoice, readChoices, readNumber, readOrder } from '../../lib/quiz/score.ts';
import type { Bank } from '../../lib/quiz/schema.ts';

export interface StoredDraw {
  seed: number;
  questionCount: number;
  passMark: number;
  questionIds: readonly string[];
}

/** A fresh draw for an assignment: the pass mark is the trainer's, not the bank's. */
export function drawTest(bank: Bank, seed: number, questionCount: number, passMark: number): Attempt {
  return { ...buildAttempt(bank, { seed, mode: 'test', count: questionCount }), passMark };
}

/**
 * The stored attempt again, or null when the bank no longer draws the same questions (it was
 * edited since): grading against a different question would be wrong, so the caller refuses.
 */
export function redrawTest(bank: Bank, stored: StoredDraw): Attempt | null {
  const attempt = drawTest(bank, stored.seed, stored.questionCount, stored.passMark);
  const ids = attempt.questions.map((item) => item.question.id);
  return ids.length === stored.questionIds.length && ids.every((id, i) => id === stored.questionIds[i]) ? attempt : null;
}

/**
 * The answer in the bank's terms, independent of the shuffle: option ids (`b`, `a,c` sorted),
 * `true`/`false`, the number read, step ids in the learner's order (`s2>s1>s3`). Null when
 * unanswered or unreadable.
 */
export function choiceOf(item: AttemptQuestion, response: unknown): string | null {
  const { question, order } = item;
  switch (question.type) {
    case 'single':
    case 'scenario': {
      const position = readChoice(response, order.length);
      return position === null ? null : (order[position] ?? null);
    }
    case 'multiple': {
      const positions = readChoices(response, order.length);
      return positions === null ? null : positions.map((position) => order[position]).sort().join(',');
    }
    case 'true-false':
      return typeof response === 'boolean' ? String(response) : null;
    case 'numeric':
    case 'calculated': {
      const typed = readNumber(response, question.unit);
      return typed?.ok ? String(typed.value) : null;
    }
    case 'ordering': {
      const positions = readOrder(response, order.length);
      return positions === null ? null : positions.map((position) => order[position]).join('>');
    }
  }
}
