/**
 * Answers of a simulated learner, for sample data, tests and the load benchmark: each question is
 * answered right with probability `skill`, otherwise with a plausible wrong answer (a wrong option,
 * a known numeric mistake, two steps swapped). Seeded, so the sample data is the same every time.
 */
import type { Rng } from '../../lib/clv/random.ts';
import type { Attempt } from '../../lib/quiz/attempt.ts';
import type { AnswerKey } from '../../lib/quiz/key.ts';
import type { SubmitBody } from '../learner/schemas.ts';

function wrongPosition(count: number, right: readonly number[], rng: Rng): number {
  const wrong = Array.from({ length: count }, (_, i) => i).filter((i) => !right.includes(i));
  return wrong[rng.int(0, wrong.length - 1)] ?? 0;
}

/** Responses by question id, in the shape the learner view asks for. */
export function simulatedResponses(attempt: Attempt, key: AnswerKey, skill: number, rng: Rng): SubmitBody['responses'] {
  const responses: SubmitBody['responses'] = {};
  attempt.questions.forEach((item, index) => {
    const entry = key.questions[index];
    if (!entry) return;
    const right = rng.next() < skill;
    const id = item.question.id;
    switch (entry.type) {
      case 'single':
      case 'scenario':
        responses[id] = right ? entry.correct[0] : wrongPosition(item.order.length, entry.correct, rng);
        break;
      case 'multiple':
        // A half-right selection earns partial credit: the usual way people miss these.
        responses[id] = right ? entry.correct : [...entry.correct.slice(0, 1), wrongPosition(item.order.length, entry.correct, rng)];
        break;
      case 'true-false':
        responses[id] = right ? entry.correct : !entry.correct;
        break;
      case 'numeric':
      case 'calculated': {
        const mistake = entry.mistakes[rng.int(0, Math.max(0, entry.mistakes.length - 1))];
        responses[id] = String(right ? entry.correct : (mistake?.value ?? Math.round(entry.correct * 0.2)));
        break;
      }
      case 'ordering': {
        const order = entry.correct.slice();
        if (!right && order.length > 1) {
          const i = rng.int(0, order.length - 2);
          [order[i], order[i + 1]] = [order[i + 1] as number, order[i] as number];
        }
        responses[id] = order;
        break;
      }
    }
  });
  return responses;
}
