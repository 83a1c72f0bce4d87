import { describe, expect, it } from 'vitest';
import type { Locale } from '../../../src/lib/i18n/locales.ts';
import { buildAttempt } from '../../../src/lib/quiz/attempt.ts';
import { formatWithUnit } from '../../../src/lib/quiz/display.ts';
import { answerKey } from '../../../src/lib/quiz/key.ts';
import type { Bank, Localized } from '../../../src/lib/quiz/schema.ts';
import { learnerView } from '../../../src/lib/quiz/view.ts';
import { miniBank, sampleBank, walk } from './helpers.ts';

// Field names that would carry the key, whatever their value.
const FORBIDDEN_KEYS = new Set([
  'answer',
  'correct',
  'explanation',
  'wrongExplanation',
  'optionExplanations',
  'mistakes',
  'mistakeExplanations',
  'tolerance',
  'formula',
  'inputs',
  'parameters',
  'order',
  'seed',
  'section',
]);

/** Every explanation text of the bank, in one language. */
function explanationTexts(bank: Bank, locale: Locale): string[] {
  const texts: Localized[] = [];
  for (const question of bank.questions) {
    texts.push(question.explanation);
    if ('options' in question) for (const option of question.options) if (option.explanation) texts.push(option.explanation);
    if (question.type === 'true-false') texts.push(question.wrongExplanation);
    if (question.type === 'numeric') texts.push(...question.mistakes.map((mistake) => mistake.explanation));
  }
  return texts.map((text) => text[locale]);
}

/** The ways a number can be written: 100000, 100,000, ￥100,000, ¥100,000, 40%... */
function writtenForms(value: number, unit: Parameters<typeof formatWithUnit>[1]): string[] {
  return [
    String(value),
    value.toLocaleString('en-US', { maximumFractionDigits: 0 }),
    formatWithUnit('ja', unit, value),
    formatWithUnit('en', unit, value),
  ];
}

describe.each([
  ['sample bank', sampleBank()],
  ['fixture bank', miniBank()],
])('learnerView of the %s never contains the key', (_name, bank) => {
  const explanations = { ja: explanationTexts(bank, 'ja'), en: explanationTexts(bank, 'en') };

  it.each(['ja', 'en'] as const)('in %s, over 50 seeds', (locale) => {
    for (let seed = 0; seed < 50; seed++) {
      const attempt = buildAttempt(bank, { seed, mode: 'test', count: bank.questions.length });
      const key = answerKey(attempt);
      // What would be sent to the browser.
      const view = JSON.parse(JSON.stringify(learnerView(attempt, locale)));
      walk(view, (name, value) => {
        if (name !== null) expect(FORBIDDEN_KEYS.has(name), `field ${name}`).toBe(false);
        if (typeof value === 'string') for (const text of explanations[locale]) expect(value.includes(text), `explanation in ${value}`).toBe(false);
      });
      view.questions.forEach((question: Record<string, unknown>, i: number) => {
        const entry = key.questions[i]!;
        expect(question['id']).toBe(entry.questionId);
        // Options are only a label and a text: no flag, no id that could encode the answer.
        for (const option of (question['options'] as object[] | undefined) ?? []) expect(Object.keys(option).sort()).toEqual(['label', 'text']);
        if (entry.type === 'numeric' || entry.type === 'calculated') {
          const forms = writtenForms(entry.correct, entry.unit);
          walk(question, (_field, value) => {
            if (typeof value === 'number') expect(value, `answer of ${entry.questionId}`).not.toBe(entry.correct);
            if (typeof value === 'string') for (const form of forms) expect(value.includes(form), `${form} in ${entry.questionId}`).toBe(false);
          });
        }
      });
    }
  });
});

describe('learnerView content', () => {
  const bank = sampleBank();
  const attempt = buildAttempt(bank, { seed: 5, mode: 'test', questionIds: ['revenue-clv-salon', 'three-factors', 'calculation-steps', 'waiting-complaint'] });

  it('fills calculated prompts with the drawn numbers (Intl, ¥)', () => {
    const item = attempt.questions.find((question) => question.question.id === 'revenue-clv-salon')!;
    const { price, frequency, years } = item.parameters;
    const ja = learnerView(attempt, 'ja').questions.find((question) => question.id === 'revenue-clv-salon')!;
    const en = learnerView(attempt, 'en').questions.find((question) => question.id === 'revenue-clv-salon')!;
    expect(ja.prompt).toContain(`平均${new Intl.NumberFormat('ja-JP', { style: 'currency', currency: 'JPY' }).format(price!)}を使い`);
    expect(ja.prompt).toContain(`年に${frequency}回`);
    expect(ja.prompt).toContain(`この先${years}年`);
    expect(en.prompt).toContain(`spends ¥${price!.toLocaleString('en-US')} per visit`);
    expect(ja.prompt).not.toMatch(/\{|\}/);
    expect(ja.unitLabel).toBe('円');
  });

  it('shows options and steps in the attempt order, with the partial-credit rule in the instructions', () => {
    const view = learnerView(attempt, 'ja');
    const multiple = view.questions.find((question) => question.type === 'multiple')!;
    const item = attempt.questions.find((question) => question.question.id === 'three-factors')!;
    const question = item.question.type === 'multiple' ? item.question : null;
    expect(multiple.options!.map((option) => option.text)).toEqual(item.order.map((id) => question!.options.find((o) => o.id === id)!.text.ja));
    expect(multiple.options!.map((option) => option.label)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(multiple.instructions).toContain('（選んだ正解の数 − 選んだ誤りの数）÷ 正解の数');
    expect(learnerView(attempt, 'en').questions.find((q) => q.type === 'multiple')!.instructions).toContain('never below 0');
    expect(view.questions.find((q) => q.type === 'ordering')!.instructions).toContain('部分点');
    expect(view.questions.find((q) => q.type === 'scenario')!.situation).toContain('土曜日');
    expect(view.maxPoints).toBe(4);
  });
});
