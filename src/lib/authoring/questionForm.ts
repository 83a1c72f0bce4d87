/**
 * The quiz editor's form of a question and the bank question it stands for (src/lib/quiz/schema.ts).
 * A custom module has one language, so every localized text gets the same words in `ja` and `en`.
 * The server validates the result with the banks' schema; this only translates shapes.
 */
import type { Question, Unit } from '../quiz/schema.ts';
import { sectionAnchor } from './ids.ts';

/** The units of src/lib/quiz/schemaParts.ts (UNITS), listed here so the editor bundle stays free of zod. */
export const EDITOR_UNITS: readonly Unit[] = ['¥', '%', '回', '年', 'か月', '倍'];

export const EDITABLE_TYPES = ['single', 'multiple', 'true-false', 'numeric', 'ordering', 'scenario'] as const;
export type EditableType = (typeof EDITABLE_TYPES)[number];

export interface OptionForm {
  text: string;
  correct: boolean;
  explanation: string;
}

export interface QuestionForm {
  id: string;
  type: EditableType;
  concept: string;
  difficulty: 1 | 2 | 3;
  sectionId: string;
  prompt: string;
  situation: string;
  explanation: string;
  wrongExplanation: string;
  options: OptionForm[];
  statementIsTrue: boolean;
  answer: string;
  tolerance: string;
  unit: Unit;
  /** Ordering steps in the right order, one per line. */
  steps: string;
}

const both = (text: string) => ({ ja: text, en: text });
const letters = 'abcdef';

export function emptyQuestion(id: string, sectionId: string, type: EditableType = 'single'): QuestionForm {
  return {
    id,
    type,
    concept: 'general',
    difficulty: 1,
    sectionId,
    prompt: '',
    situation: '',
    explanation: '',
    wrongExplanation: '',
    options: [
      { text: '', correct: true, explanation: '' },
      { text: '', correct: false, explanation: '' },
      { text: '', correct: false, explanation: '' },
    ],
    statementIsTrue: true,
    answer: '',
    tolerance: '0',
    unit: '¥',
    steps: '',
  };
}

/** Reads a number as people type it: full-width digits and thousands separators allowed. */
function readNumber(text: string): number {
  const ascii = text.normalize('NFKC').replace(/[,\s]/g, '');
  return ascii === '' ? Number.NaN : Number(ascii);
}

/** The bank question of a form (may still be invalid: the server says which field and why). */
export function formToQuestion(form: QuestionForm): Record<string, unknown> {
  const section = both(sectionAnchor(form.sectionId));
  const common = { id: form.id, concept: form.concept.trim(), difficulty: form.difficulty, section, objective: 0, prompt: both(form.prompt), explanation: both(form.explanation) };
  const options = form.options.map((option, i) => ({
    id: letters[i]!,
    text: both(option.text),
    ...(option.explanation.trim() ? { explanation: both(option.explanation) } : {}),
  }));
  const right = form.options.flatMap((option, i) => (option.correct ? [letters[i]!] : []));
  switch (form.type) {
    case 'single':
      return { ...common, type: 'single', options, answer: right[0] ?? '' };
    case 'scenario':
      return { ...common, type: 'scenario', situation: both(form.situation), options, answer: right[0] ?? '' };
    case 'multiple':
      return { ...common, type: 'multiple', options, answer: right };
    case 'true-false':
      return { ...common, type: 'true-false', answer: form.statementIsTrue, wrongExplanation: both(form.wrongExplanation) };
    case 'numeric':
      return { ...common, type: 'numeric', answer: readNumber(form.answer), tolerance: { absolute: readNumber(form.tolerance || '0') }, unit: form.unit, mistakes: [] };
    case 'ordering': {
      const steps = form.steps.split('\n').map((line) => line.trim()).filter(Boolean);
      return { ...common, type: 'ordering', steps: steps.map((text, i) => ({ id: `s${i + 1}`, text: both(text) })) };
    }
  }
}

/** The form of a stored question (in the module's language). */
export function questionToForm(question: Question, locale: 'ja' | 'en'): QuestionForm {
  const sectionId = question.section.ja.replace(/^s-/, '');
  const form = emptyQuestion(question.id, sectionId, question.type === 'calculated' ? 'numeric' : question.type);
  Object.assign(form, { concept: question.concept, difficulty: question.difficulty, prompt: question.prompt[locale], explanation: question.explanation[locale] });
  switch (question.type) {
    case 'single':
    case 'scenario':
    case 'multiple': {
      const right = new Set(Array.isArray(question.answer) ? question.answer : [question.answer]);
      form.options = question.options.map((option) => ({ text: option.text[locale], correct: right.has(option.id), explanation: option.explanation?.[locale] ?? '' }));
      if (question.type === 'scenario') form.situation = question.situation[locale];
      break;
    }
    case 'true-false':
      form.statementIsTrue = question.answer;
      form.wrongExplanation = question.wrongExplanation[locale];
      break;
    case 'numeric':
      form.answer = String(question.answer);
      form.tolerance = String('absolute' in question.tolerance ? question.tolerance.absolute : 0);
      form.unit = question.unit;
      break;
    case 'ordering':
      form.steps = question.steps.map((step) => step.text[locale]).join('\n');
      break;
    case 'calculated':
      break;
  }
  return form;
}
