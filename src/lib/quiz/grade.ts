/**
 * Grading an attempt against its answer key: points per question with partial credit, the total,
 * pass or fail, and feedback that sends the learner back to the right lesson section. Pure and
 * deterministic, so the browser (practice) and the server (tests) grade the same way.
 */
import { DEFAULT_LOCALE, type Locale } from '../i18n/locales.ts';
import type { Attempt, AttemptMode, AttemptQuestion } from './attempt.ts';
import { formatWithUnit, optionLabel, pick, sectionHref } from './display.ts';
import type { AnswerKey, KeyEntry } from './key.ts';
import { message } from './messages.ts';
import { multipleChoiceScore, orderingScore, readChoice, readChoices, readNumber, readOrder, withinTolerance } from './score.ts';
import type { QuestionType } from './schema.ts';
import { POINTS_PER_QUESTION } from './view.ts';

/** Responses by question id; shapes per type are documented on LearnerQuestion. Anything else scores 0. */
export type Responses = Readonly<Record<string, unknown>>;

export interface QuestionFeedback {
  /** The learner's answer as shown (options with their letter); null when unanswered. */
  learnerAnswer: string | null;
  /** The right answer as shown. */
  correctAnswer: string;
  /** Why the right answer is right. */
  explanation: string;
  /** Why each wrong choice made (a wrong option, the wrong true/false, a known numeric mistake) is tempting and wrong. */
  mistakeExplanations: string[];
  /** Heading id of the section to review, and the link to it. */
  section: string;
  sectionHref: string;
}

export interface QuestionResult {
  questionId: string;
  type: QuestionType;
  concept: string;
  /** Points earned, 0..maxPoints (fractions for partial credit). */
  points: number;
  maxPoints: number;
  /** Full points. */
  correct: boolean;
  answered: boolean;
  feedback: QuestionFeedback;
}

export interface GradeResult {
  lesson: string;
  seed: number;
  mode: AttemptMode;
  questions: QuestionResult[];
  total: number;
  max: number;
  /** total / max in percent, 0..100. */
  percentage: number;
  passMark: number;
  passed: boolean;
}

interface Scored {
  share: number;
  answered: boolean;
  learnerAnswer: string | null;
  correctAnswer: string;
  mistakes: string[];
}

function optionText(item: AttemptQuestion, position: number, locale: Locale): string {
  const question = item.question;
  const id = item.order[position];
  const text = 'options' in question ? question.options.find((option) => option.id === id)?.text : undefined;
  return `${optionLabel(position)}. ${text ? pick(text, locale) : ''}`;
}

function stepText(item: AttemptQuestion, position: number, locale: Locale): string {
  const question = item.question;
  const id = item.order[position];
  const text = question.type === 'ordering' ? question.steps.find((step) => step.id === id)?.text : undefined;
  return text ? pick(text, locale) : '';
}

function score(item: AttemptQuestion, key: KeyEntry, response: unknown, locale: Locale): Scored {
  const list = (positions: readonly number[], write: (position: number) => string, joiner: 'answer.separator' | 'answer.then') =>
    positions.map(write).join(message(locale, joiner));
  switch (key.type) {
    case 'single':
    case 'scenario':
    case 'multiple': {
      const count = item.order.length;
      const one = readChoice(response, count);
      const chosen = key.type === 'multiple' ? readChoices(response, count) : one === null ? null : [one];
      const writeOption = (position: number) => optionText(item, position, locale);
      const wrong = (chosen ?? []).filter((position) => !key.correct.includes(position));
      // Single choice is the one-right-option case of the multiple rule: right 1, wrong 0.
      return {
        share: chosen === null ? 0 : multipleChoiceScore(chosen, key.correct),
        answered: chosen !== null,
        learnerAnswer: chosen === null ? null : list(chosen.slice().sort((a, b) => a - b), writeOption, 'answer.separator'),
        correctAnswer: list(key.correct, writeOption, 'answer.separator'),
        mistakes: wrong.flatMap((position) => {
          const explanation = key.optionExplanations[position];
          return explanation ? [`${optionLabel(position)}. ${pick(explanation, locale)}`] : [];
        }),
      };
    }
    case 'true-false': {
      const chosen = typeof response === 'boolean' ? response : null;
      const word = (value: boolean) => message(locale, value ? 'answer.true' : 'answer.false');
      const right = chosen === key.correct;
      return {
        share: right ? 1 : 0,
        answered: chosen !== null,
        learnerAnswer: chosen === null ? null : word(chosen),
        correctAnswer: word(key.correct),
        mistakes: chosen !== null && !right ? [pick(key.wrongExplanation, locale)] : [],
      };
    }
    case 'numeric':
    case 'calculated': {
      const typed = readNumber(response, key.unit);
      const right = typed?.ok === true && withinTolerance(typed.value, key.correct, key.tolerance);
      const known = typed?.ok && !right ? key.mistakes.filter((mistake) => withinTolerance(typed.value, mistake.value, key.tolerance)) : [];
      return {
        share: right ? 1 : 0,
        answered: typed !== null,
        learnerAnswer:
          typed === null ? null : typed.ok ? formatWithUnit(locale, key.unit, typed.value) : message(locale, 'answer.notANumber', { text: typed.text }),
        correctAnswer: formatWithUnit(locale, key.unit, key.correct),
        mistakes: known.map((mistake) => pick(mistake.explanation, locale)),
      };
    }
    case 'ordering': {
      const order = readOrder(response, item.order.length);
      const writeStep = (position: number) => stepText(item, position, locale);
      return {
        share: order === null ? 0 : orderingScore(order, key.correct),
        answered: order !== null,
        learnerAnswer: order === null ? null : list(order, writeStep, 'answer.then'),
        correctAnswer: list(key.correct, writeStep, 'answer.then'),
        mistakes: [],
      };
    }
  }
}

/** Grades one question (practice mode shows this right after each answer). */
export function gradeQuestion(item: AttemptQuestion, key: KeyEntry, lesson: string, response: unknown, locale: Locale): QuestionResult {
  if (key.questionId !== item.question.id) throw new Error(`answer key entry ${key.questionId} does not belong to question ${item.question.id}`);
  const scored = score(item, key, response, locale);
  // Clamp: the rules already stay in [0, 1]; this keeps the promise even if one is changed.
  const points = Math.min(1, Math.max(0, scored.share)) * POINTS_PER_QUESTION;
  return {
    questionId: key.questionId,
    type: item.question.type,
    concept: key.concept,
    points,
    maxPoints: POINTS_PER_QUESTION,
    correct: points === POINTS_PER_QUESTION,
    answered: scored.answered,
    feedback: {
      learnerAnswer: scored.learnerAnswer,
      correctAnswer: scored.correctAnswer,
      explanation: pick(key.explanation, locale),
      mistakeExplanations: scored.mistakes,
      section: key.section[locale],
      sectionHref: sectionHref(lesson, key.section[locale], locale),
    },
  };
}

/** Grades a whole attempt; responses by question id, feedback in the learner's language. */
export function grade(attempt: Attempt, key: AnswerKey, responses: Responses, locale: Locale = DEFAULT_LOCALE): GradeResult {
  if (key.lesson !== attempt.lesson || key.seed !== attempt.seed || key.questions.length !== attempt.questions.length) {
    throw new Error(`the answer key (lesson ${key.lesson}, seed ${key.seed}) does not belong to this attempt`);
  }
  const questions = attempt.questions.map((item, i) =>
    gradeQuestion(item, key.questions[i] as KeyEntry, attempt.lesson, Object.hasOwn(responses, item.question.id) ? responses[item.question.id] : undefined, locale),
  );
  const total = questions.reduce((sum, result) => sum + result.points, 0);
  const max = questions.length * POINTS_PER_QUESTION;
  const ratio = max === 0 ? 0 : total / max;
  return {
    lesson: attempt.lesson,
    seed: attempt.seed,
    mode: attempt.mode,
    questions,
    total,
    max,
    percentage: ratio * 100,
    passMark: attempt.passMark,
    // 1e-9: 4 questions of 0.8 + ... must not fail 80% by a rounding hair.
    passed: max > 0 && ratio >= attempt.passMark - 1e-9,
  };
}
