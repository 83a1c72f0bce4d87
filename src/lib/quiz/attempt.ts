/**
 * Drawing an attempt from a bank. An attempt is fully determined by (bank, seed, options): the
 * same inputs give the same questions, option orders and drawn numbers on any machine, so the
 * server can re-create an attempt from its seed and grade it without trusting the browser.
 */
import { createRng, type Rng } from '../clv/random.ts';
import { drawParameters } from './parameters.ts';
import { questionRng, shuffled } from './random.ts';
import type { Bank, Question } from './schema.ts';

/** Practice: any time, feedback per question. Test: the end-of-lesson test, easy questions first. */
export type AttemptMode = 'practice' | 'test';

/** Questions per attempt when no count is given: a short test that fits between two visits. */
export const DEFAULT_QUESTION_COUNT = 5;

export interface AttemptOptions {
  /** Seed of the draw: an integer in 0..2^32-1 (see randomSeed). */
  seed: number;
  /** Questions to draw; default 5, or all of questionIds when given. Capped at the pool size. */
  count?: number;
  mode: AttemptMode;
  /** Draw only from these questions (a review session); unknown ids throw. */
  questionIds?: readonly string[];
}

/** One question as drawn for an attempt. */
export interface AttemptQuestion {
  /** The question as authored, answer included: never send it to the learner (see learnerView). */
  question: Question;
  /** Option ids (single, multiple, scenario) or step ids (ordering) in display order; else empty. */
  order: string[];
  /** Drawn values of a calculated question, by parameter name; else empty. */
  parameters: Record<string, number>;
}

/** An attempt: what was asked, and everything needed to re-create it. */
export interface Attempt {
  lesson: string;
  passMark: number;
  seed: number;
  mode: AttemptMode;
  /** The count asked for (the attempt may hold fewer when the pool is small). */
  count: number;
  /** The restriction given to buildAttempt, if any. */
  questionIds?: string[];
  questions: AttemptQuestion[];
}

function pool(bank: Bank, questionIds: readonly string[] | undefined): Question[] {
  if (questionIds === undefined) return bank.questions;
  const byId = new Map(bank.questions.map((question) => [question.id, question]));
  return [...new Set(questionIds)].map((id) => {
    const question = byId.get(id);
    if (!question) throw new RangeError(`question "${id}" is not in the bank of lesson ${bank.lesson}`);
    return question;
  });
}

/**
 * Round robin over the concepts (each concept's questions shuffled, the concepts in shuffled
 * order), so five questions from a bank of five concepts test each concept once.
 */
function drawBalanced(questions: readonly Question[], count: number, rng: Rng): Question[] {
  const byConcept = new Map<string, Question[]>();
  for (const question of questions) byConcept.set(question.concept, [...(byConcept.get(question.concept) ?? []), question]);
  const queues = shuffled([...byConcept.keys()], rng).map((concept) => shuffled(byConcept.get(concept) ?? [], rng));
  const drawn: Question[] = [];
  for (let round = 0; drawn.length < count; round++) {
    for (const queue of queues) {
      const question = queue[round];
      if (question && drawn.length < count) drawn.push(question);
    }
  }
  return drawn;
}

/** The question's own shuffle and numbers, from its own generator (see random.ts). */
function instantiate(question: Question, seed: number): AttemptQuestion {
  const rng = questionRng(seed, question.id);
  switch (question.type) {
    case 'single':
    case 'multiple':
    case 'scenario':
      return { question, order: shuffled(question.options.map((option) => option.id), rng), parameters: {} };
    case 'ordering': {
      const right = question.steps.map((step) => step.id);
      let order = shuffled(right, rng);
      // Shown already in order, the question would answer itself: rotate by one instead.
      if (order.every((id, i) => id === right[i])) order = [...order.slice(1), ...order.slice(0, 1)];
      return { question, order, parameters: {} };
    }
    case 'calculated':
      return { question, order: [], parameters: drawParameters(question.parameters, rng) };
    default:
      return { question, order: [], parameters: {} };
  }
}

/** Whether self-study may ask the question: assessment-only questions are kept for assigned tests. */
export function isPracticeQuestion(question: Question): boolean {
  return question.assessmentOnly !== true;
}

/** What identifies a stored attempt: its seed, its mode and the questions it drew, in order. */
export interface StoredAttempt {
  seed: number;
  mode: AttemptMode;
  questionIds: readonly string[];
}

/**
 * A stored attempt again, with exactly its questions in their order (each question's shuffle and
 * numbers come from the seed and its id), or null when one of them has left the bank since.
 */
export function attemptOf(bank: Bank, stored: StoredAttempt): Attempt | null {
  const byId = new Map(bank.questions.map((question) => [question.id, question]));
  const questions = stored.questionIds.map((id) => byId.get(id));
  if (questions.some((question) => question === undefined)) return null;
  return {
    lesson: bank.lesson,
    passMark: bank.passMark,
    seed: stored.seed,
    mode: stored.mode,
    count: questions.length,
    questions: (questions as Question[]).map((question) => instantiate(question, stored.seed)),
  };
}

/** Draws an attempt: N questions balanced across concepts, options shuffled, numbers drawn. */
export function buildAttempt(bank: Bank, options: AttemptOptions): Attempt {
  const { seed, mode, questionIds } = options;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new RangeError(`seed must be an integer in 0..4294967295 (got ${seed})`);
  const questions = pool(bank, questionIds);
  const count = options.count ?? (questionIds ? questions.length : DEFAULT_QUESTION_COUNT);
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`count must be an integer >= 1 (got ${count})`);
  let drawn = drawBalanced(questions, Math.min(count, questions.length), createRng(seed));
  // A test builds confidence from easy to hard; sort is stable, so concepts stay interleaved.
  if (mode === 'test') drawn = drawn.slice().sort((a, b) => a.difficulty - b.difficulty);
  return {
    lesson: bank.lesson,
    passMark: bank.passMark,
    seed,
    mode,
    count,
    ...(questionIds ? { questionIds: [...questionIds] } : {}),
    questions: drawn.map((question) => instantiate(question, seed)),
  };
}
