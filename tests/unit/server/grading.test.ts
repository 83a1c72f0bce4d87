import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { answerKey } from '../../../src/lib/quiz/key.ts';
import { bankSchema } from '../../../src/lib/quiz/schema.ts';
import { choiceOf, drawTest, redrawTest } from '../../../src/server/learner/grading.ts';

const bank = bankSchema.parse(parse(readFileSync(new URL('../../../src/content/quizzes/clv-formula.yaml', import.meta.url), 'utf8')));

describe('server-side draws', () => {
  it('uses the assignment pass mark, not the bank one', () => {
    expect(drawTest(bank, 7, 5, 0.6).passMark).toBe(0.6);
  });

  it('re-creates the stored attempt, and refuses when the bank no longer draws the same questions', () => {
    const attempt = drawTest(bank, 12345, 5, 0.8);
    const questionIds = attempt.questions.map((item) => item.question.id);
    expect(redrawTest(bank, { seed: 12345, questionCount: 5, passMark: 0.8, questionIds })?.questions).toEqual(attempt.questions);
    expect(redrawTest(bank, { seed: 12345, questionCount: 5, passMark: 0.8, questionIds: [...questionIds].reverse() })).toBeNull();
  });
});

describe('choiceOf', () => {
  const attempt = drawTest(bank, 99, bank.questions.length, 0.8);
  const key = answerKey(attempt);
  const itemOfType = (type: string) => {
    const index = attempt.questions.findIndex((item) => item.question.type === type);
    return { item: attempt.questions[index]!, key: key.questions[index]! };
  };

  it('names a chosen option by its bank id, whatever the shuffle', () => {
    const { item } = itemOfType('single');
    const position = item.order.indexOf('b');
    expect(choiceOf(item, position)).toBe('b');
    expect(choiceOf(item, 99)).toBeNull();
  });

  it('sorts multiple choices', () => {
    const { item } = itemOfType('multiple');
    expect(choiceOf(item, [item.order.indexOf('c'), item.order.indexOf('a')])).toBe('a,c');
  });

  it('reads numbers as typed and true/false as words', () => {
    expect(choiceOf(itemOfType('numeric').item, '１０万円')).toBe('100000');
    expect(choiceOf(itemOfType('numeric').item, 'lots')).toBeNull();
    expect(choiceOf(itemOfType('true-false').item, false)).toBe('false');
  });
});
