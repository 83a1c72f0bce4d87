/**
 * Self-study quizzes without an account: the browser never holds a bank or a key. It asks for an
 * attempt (gets the learner view and the seed as attemptId), then sends its answers back with
 * the attempt's seed and options; the server re-creates the same attempt from (bank, seed,
 * options) and grades it with the engine. Nothing is stored on the server, so a reply can be
 * replayed and gives the same grade. Pure: the bank comes in as an argument (routes read it
 * with getCollection), so tests call these functions directly.
 */
import { buildAttempt, type Attempt } from '../../lib/quiz/attempt.ts';
import { grade, gradeQuestion, type GradeResult, type QuestionResult } from '../../lib/quiz/grade.ts';
import { answerKey, keyEntry } from '../../lib/quiz/key.ts';
import type { Bank } from '../../lib/quiz/schema.ts';
import { learnerView, type LearnerView } from '../../lib/quiz/view.ts';
import { failure, type Outcome, success } from '../http/outcome.ts';
import type { AttemptBody, CheckBody, GradeBody } from './bodies.ts';

export interface AttemptStarted {
  /** The seed, as a string: the browser sends it back with its answers. */
  attemptId: string;
  /** The count the attempt was drawn with (resolved default): send it back unchanged. */
  count: number;
  view: LearnerView;
}

/** The same 400 as a body that fails its schema, so the client handles both alike. */
const invalid = (field: string, message: string) => failure(400, 'invalid-body', { fieldErrors: { [field]: [message] } });

/** Unknown question ids would make buildAttempt throw; report them as a field error instead. */
function unknownQuestions(bank: Bank, questionIds: readonly string[] | undefined) {
  if (!questionIds) return null;
  const known = new Set(bank.questions.map((question) => question.id));
  const unknown = questionIds.filter((id) => !known.has(id));
  return unknown.length ? invalid('questionIds', `not in the bank of ${bank.lesson}: ${unknown.join(', ')}`) : null;
}

function recreate(bank: Bank, body: CheckBody | GradeBody): Outcome<Attempt> {
  const problem = unknownQuestions(bank, body.questionIds);
  if (problem) return problem;
  const { seed, mode, count, questionIds } = body;
  return success(buildAttempt(bank, { seed, mode, count, ...(questionIds ? { questionIds } : {}) }));
}

/** A fresh attempt; `seed` comes from a CSPRNG in the route (randomSeed), fixed in tests. */
export function startAttempt(bank: Bank, body: AttemptBody, seed: number): Outcome<AttemptStarted> {
  const problem = unknownQuestions(bank, body.questionIds);
  if (problem) return problem;
  const { mode, count, questionIds, locale } = body;
  const attempt = buildAttempt(bank, { seed, mode, ...(count === undefined ? {} : { count }), ...(questionIds ? { questionIds } : {}) });
  return success({ attemptId: String(seed), count: attempt.count, view: learnerView(attempt, locale) });
}

/** Practice mode: one question graded with its feedback, right after the learner answers it. */
export function checkAnswer(bank: Bank, body: CheckBody): Outcome<{ result: QuestionResult }> {
  const attempt = recreate(bank, body);
  if (!attempt.ok) return attempt;
  const item = attempt.value.questions.find((candidate) => candidate.question.id === body.questionId);
  if (!item) return invalid('questionId', `question ${body.questionId} is not part of this attempt`);
  return success({ result: gradeQuestion(item, keyEntry(item), bank.lesson, body.response, body.locale) });
}

/** The whole attempt graded: scores, pass or fail, feedback with explanations and section links. */
export function gradeAttempt(bank: Bank, body: GradeBody): Outcome<{ result: GradeResult }> {
  const attempt = recreate(bank, body);
  if (!attempt.ok) return attempt;
  return success({ result: grade(attempt.value, answerKey(attempt.value), body.responses, body.locale) });
}
