import { describe, expect, it } from 'vitest';
import { emptyQuestion, formToQuestion, questionToForm, type QuestionForm } from '../../../src/lib/authoring/questionForm.ts';
import { questionSchema } from '../../../src/lib/quiz/schema.ts';

const SECTION = '00000000-0000-4000-8000-0000000000bb';
const filled = (type: QuestionForm['type'], extra: Partial<QuestionForm> = {}): QuestionForm => ({
  ...emptyQuestion('q1', SECTION, type),
  prompt: '御社の強みは?',
  situation: 'お客様が解約を検討しています。',
  explanation: '継続率です。',
  wrongExplanation: '逆です。',
  options: [
    { text: '継続率', correct: true, explanation: '' },
    { text: '単価', correct: type === 'multiple', explanation: '単価も大切です。' },
    { text: '広告', correct: false, explanation: '獲得コストです。' },
  ],
  answer: '６０，０００',
  tolerance: '100',
  steps: '聞く\n提案する\n確認する',
  ...extra,
});

describe('question form', () => {
  it.each(['single', 'multiple', 'true-false', 'numeric', 'ordering', 'scenario'] as const)('a filled %s form is a valid bank question and reads back the same', (type) => {
    const question = questionSchema.parse(formToQuestion(filled(type)));
    expect(question.type).toBe(type);
    const again = formToQuestion(questionToForm(question, 'ja'));
    expect(questionSchema.parse(again)).toEqual(question);
  });

  it('reads full-width numbers with separators', () => {
    expect(formToQuestion(filled('numeric'))).toMatchObject({ answer: 60000, tolerance: { absolute: 100 } });
  });

  it('leaves an unexplained wrong option for the schema to name', () => {
    const form = filled('single');
    form.options[2]!.explanation = '';
    const result = questionSchema.safeParse(formToQuestion(form));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('wrong option "c" needs an explanation');
  });
});
