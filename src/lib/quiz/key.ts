/**
 * The answer key of an attempt: everything the learner must not see before grading (right
 * answers in display positions, computed numbers, explanations). Kept apart from learnerView so
 * a test attempt can send the view to the browser and keep the key on the server.
 */
import { LOCALES } from '../i18n/locales.ts';
import type { Attempt, AttemptQuestion } from './attempt.ts';
import { formatWithUnit } from './display.ts';
import { computeFormula } from './formulas.ts';
import { renderTemplate } from './parameters.ts';
import type { Localized, Tolerance, Unit } from './schema.ts';

interface KeyBase {
  questionId: string;
  concept: string;
  objective: number;
  /** Heading ids of the lesson section to review. */
  section: Localized;
  /** Why the right answer is right (calculated: with the drawn numbers and the answer). */
  explanation: Localized;
}

/** single, scenario, multiple: right options as display positions (0 = A). */
export interface ChoiceKey extends KeyBase {
  type: 'single' | 'scenario' | 'multiple';
  correct: number[];
  /** Explanation of the option at each display position (null: a right option without one). */
  optionExplanations: (Localized | null)[];
}

export interface TrueFalseKey extends KeyBase {
  type: 'true-false';
  correct: boolean;
  /** Why the opposite answer is tempting and wrong. */
  wrongExplanation: Localized;
}

/** numeric and calculated (the computed answer for the drawn numbers). */
export interface NumberKey extends KeyBase {
  type: 'numeric' | 'calculated';
  correct: number;
  tolerance: Tolerance;
  unit: Unit;
  mistakes: { value: number; explanation: Localized }[];
}

/** ordering: display positions of the steps, in the right order. */
export interface OrderKey extends KeyBase {
  type: 'ordering';
  correct: number[];
}

export type KeyEntry = ChoiceKey | TrueFalseKey | NumberKey | OrderKey;

export interface AnswerKey {
  lesson: string;
  seed: number;
  /** One entry per question, in the attempt's order. */
  questions: KeyEntry[];
}

/** The same template in both languages. */
function renderBoth(text: Localized, fill: (text: string, locale: (typeof LOCALES)[number]) => string): Localized {
  return Object.fromEntries(LOCALES.map((locale) => [locale, fill(text[locale], locale)])) as Localized;
}

/** The key of one drawn question. */
export function keyEntry(item: AttemptQuestion): KeyEntry {
  const { question, order } = item;
  const base: KeyBase = {
    questionId: question.id,
    concept: question.concept,
    objective: question.objective,
    section: question.section,
    explanation: question.explanation,
  };
  switch (question.type) {
    case 'single':
    case 'scenario':
    case 'multiple': {
      const right: readonly string[] = question.type === 'multiple' ? question.answer : [question.answer];
      const shown = order.map((id) => question.options.find((option) => option.id === id));
      return {
        ...base,
        type: question.type,
        correct: order.flatMap((id, position) => (right.includes(id) ? [position] : [])),
        optionExplanations: shown.map((option) => option?.explanation ?? null),
      };
    }
    case 'true-false':
      return { ...base, type: question.type, correct: question.answer, wrongExplanation: question.wrongExplanation };
    case 'numeric':
      return { ...base, type: question.type, correct: question.answer, tolerance: question.tolerance, unit: question.unit, mistakes: question.mistakes };
    case 'ordering':
      return { ...base, type: question.type, correct: question.steps.map((step) => order.indexOf(step.id)) };
    case 'calculated': {
      const correct = computeFormula(question.formula, question.inputs, item.parameters);
      const explanation = renderBoth(question.explanation, (text, locale) =>
        renderTemplate(text, locale, question.parameters, item.parameters, { answer: formatWithUnit(locale, question.unit, correct) }),
      );
      return { ...base, explanation, type: question.type, correct, tolerance: question.tolerance, unit: question.unit, mistakes: [] };
    }
  }
}

/** The answer key of an attempt (derived, so the server can rebuild it from the seed). */
export function answerKey(attempt: Attempt): AnswerKey {
  return { lesson: attempt.lesson, seed: attempt.seed, questions: attempt.questions.map(keyEntry) };
}

