import { answerKey } from '../../../src/lib/quiz/index.ts';
import type { ModuleTest } from '../../../src/lib/scorm/moduleTest.ts';

/** The right response to every question of a module test, by `<lesson>/<question id>`. */
export function correctResponses(test: ModuleTest): Record<string, unknown> {
  const responses: Record<string, unknown> = {};
  for (const attempt of test.attempts) {
    answerKey(attempt).questions.forEach((key) => {
      const id = `${attempt.lesson}/${key.questionId}`;
      if (key.type === 'single' || key.type === 'scenario') responses[id] = key.correct[0];
      else if (key.type === 'numeric' || key.type === 'calculated') responses[id] = String(key.correct);
      else responses[id] = key.correct;
    });
  }
  return responses;
}
