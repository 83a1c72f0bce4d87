/**
 * What the learner sees of an attempt: texts in one language, options and steps in their shuffled
 * order, drawn numbers written into the prompt. It holds no answer, no explanation and no option
 * correctness, so it can be sent to the browser during a test (tests/unit/quiz walk it to prove so).
 * Responses refer to display positions: option 0 is "A", as shown.
 */
import type { Locale } from '../i18n/locales.ts';
import type { Attempt, AttemptMode, AttemptQuestion } from './attempt.ts';
import { optionLabel, pick, toleranceText, unitLabel } from './display.ts';
import { message } from './messages.ts';
import { renderTemplate } from './parameters.ts';
import type { QuestionType, Unit } from './schema.ts';

/** Every question is worth one point; partial credit gives fractions of it. */
export const POINTS_PER_QUESTION = 1;

export interface LearnerQuestion {
  id: string;
  /** 1-based position in the attempt. */
  number: number;
  type: QuestionType;
  difficulty: number;
  points: number;
  /** The question, drawn numbers filled in. */
  prompt: string;
  /** Scenario only: the situation, read before the prompt. */
  situation?: string;
  /** How to answer, including how partial credit and tolerance work. */
  instructions: string;
  /** Choice types: options in display order; the response is the position (or positions). */
  options?: { label: string; text: string }[];
  /** Ordering: steps in display (shuffled) order; the response lists positions in the learner's order. */
  steps?: { text: string }[];
  /** True-false: the two labels. */
  labels?: { true: string; false: string };
  /** Numeric and calculated: the unit and its label next to the input. */
  unit?: Unit;
  unitLabel?: string;
}

export interface LearnerView {
  lesson: string;
  mode: AttemptMode;
  locale: Locale;
  /**
   * The language the questions are written in: the page's, except a custom module's in the other
   * one. Optional because views saved on a device before it existed are still resumed.
   */
  contentLang?: Locale | undefined;
  passMark: number;
  maxPoints: number;
  questions: LearnerQuestion[];
}

function learnerQuestion(item: AttemptQuestion, index: number, locale: Locale): LearnerQuestion {
  const { question, order } = item;
  const base = {
    id: question.id,
    number: index + 1,
    type: question.type,
    difficulty: question.difficulty,
    points: POINTS_PER_QUESTION,
    prompt: pick(question.prompt, locale),
  };
  switch (question.type) {
    case 'single':
    case 'multiple':
    case 'scenario': {
      const options = order.map((id, position) => {
        const option = question.options.find((candidate) => candidate.id === id);
        return { label: optionLabel(position), text: option ? pick(option.text, locale) : '' };
      });
      const situation = question.type === 'scenario' ? { situation: pick(question.situation, locale) } : {};
      return { ...base, ...situation, instructions: message(locale, `instructions.${question.type}`), options };
    }
    case 'true-false':
      return {
        ...base,
        instructions: message(locale, 'instructions.true-false'),
        labels: { true: message(locale, 'answer.true'), false: message(locale, 'answer.false') },
      };
    case 'ordering': {
      const steps = order.map((id) => ({ text: pick(question.steps.find((step) => step.id === id)?.text ?? { ja: '', en: '' }, locale) }));
      return { ...base, instructions: message(locale, 'instructions.ordering'), steps };
    }
    case 'numeric':
    case 'calculated': {
      const prompt =
        question.type === 'calculated' ? renderTemplate(base.prompt, locale, question.parameters, item.parameters) : base.prompt;
      const label = unitLabel(locale, question.unit);
      const tolerance = toleranceText(locale, question.unit, question.tolerance);
      // Japanese sentences follow each other without a space.
      const instructions = [message(locale, 'instructions.numeric', { unit: label }), tolerance].filter(Boolean).join(locale === 'ja' ? '' : ' ');
      return { ...base, prompt, instructions, unit: question.unit, unitLabel: label };
    }
  }
}

/**
 * The attempt as shown to the learner, in one language; safe to serialize to the browser.
 * `contentLang` is the questions' own language when it differs (a trainer's module written in one).
 */
export function learnerView(attempt: Attempt, locale: Locale, contentLang: Locale = locale): LearnerView {
  return {
    lesson: attempt.lesson,
    mode: attempt.mode,
    locale,
    contentLang,
    passMark: attempt.passMark,
    maxPoints: attempt.questions.length * POINTS_PER_QUESTION,
    questions: attempt.questions.map((item, index) => learnerQuestion(item, index, locale)),
  };
}
