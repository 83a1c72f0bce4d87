/**
 * Self-study quizzes, with or without an account. The server draws an attempt, stores it
 * (practice_attempts) and hands out only its id and the learner view; the seed and the keys stay
 * here. `check` and `grade` name the stored attempt, so only attempts the server created can be
 * graded. A question's key is shown only after that question was answered in that attempt, and
 * its first answer counts. Assessment-only questions are never drawn here, and for a signed-in
 * learner neither are the questions of their open assigned tests (nor are their keys shown).
 * HTTP-free: the store and the banks come in as dependencies, so tests call these directly.
 */
import type { AttemptBody, AttemptStarted, CheckAnswered, CheckBody, GradeAnswered, GradeBody } from '../../lib/quiz/api.ts';
import { attemptOf, buildAttempt, isPracticeQuestion, type Attempt } from '../../lib/quiz/attempt.ts';
import { grade, gradeQuestion } from '../../lib/quiz/grade.ts';
import { answerKey, keyEntry } from '../../lib/quiz/key.ts';
import { practiceResult, revealAnswered } from '../../lib/quiz/reveal.ts';
import type { Bank } from '../../lib/quiz/schema.ts';
import { learnerView } from '../../lib/quiz/view.ts';
import type { Locale } from '../../lib/i18n/locales.ts';
import { failure, type Outcome, success } from '../http/outcome.ts';
import type { PracticeAttempt, PracticeStore } from './practiceStore.ts';

export interface SelfStudyDeps {
  store: PracticeStore;
  /** The bank of a lesson, or undefined when the lesson has none. */
  findBank(lesson: string): Promise<Bank | undefined> | Bank | undefined;
}

/** Who asks: the learner signed in on this browser, or null. */
export interface Requester {
  learnerId: string | null;
}

/** The same 400 as a body that fails its schema, so the client handles both alike. */
const invalid = (fieldErrors: Record<string, string[]>) => failure(400, 'invalid-body', { fieldErrors });

function unknownQuestions(bank: Bank, questionIds: readonly string[] | undefined) {
  if (!questionIds) return null;
  const known = new Set(bank.questions.map((question) => question.id));
  const unknown = questionIds.filter((id) => !known.has(id));
  return unknown.length ? invalid({ questionIds: [`not in the bank of ${bank.lesson}: ${unknown.join(', ')}`] }) : null;
}

/** Questions of open assigned tests of these learners in this lesson: never drawn here, never their key. */
async function assignedQuestions(store: PracticeStore, learnerIds: readonly (string | null)[], lesson: string): Promise<Set<string>> {
  const ids = [...new Set(learnerIds.filter((id): id is string => id !== null))];
  const sets = await Promise.all(ids.map((id) => store.assignedQuestions(id, lesson)));
  return new Set(sets.flatMap((set) => [...set]));
}

/** A fresh attempt of the questions self-study may ask, stored; `seed` from a CSPRNG in the route, fixed in tests. */
export async function startAttempt(deps: SelfStudyDeps, body: AttemptBody, requester: Requester, seed: number, now = new Date()): Promise<Outcome<AttemptStarted>> {
  const bank = await deps.findBank(body.lesson);
  if (!bank) return failure(404, 'unknown-lesson', { lesson: body.lesson });
  const problem = unknownQuestions(bank, body.questionIds);
  if (problem) return problem;
  const assigned = await assignedQuestions(deps.store, [requester.learnerId], bank.lesson);
  const pool = bank.questions.filter((question) => isPracticeQuestion(question) && !assigned.has(question.id));
  // A review may name questions that became assessment-only or are in an open assigned test: those are left out.
  const wanted = body.questionIds?.filter((id) => pool.some((question) => question.id === id));
  if (pool.length === 0 || wanted?.length === 0) return failure(409, 'no-practice-questions', { lesson: bank.lesson });
  const { mode, count, locale } = body;
  const attempt = buildAttempt({ ...bank, questions: pool }, { seed, mode, ...(count === undefined ? {} : { count }), ...(wanted ? { questionIds: wanted } : {}) });
  const row = await deps.store.create({
    lessonId: bank.lesson,
    seed,
    mode,
    locale,
    questionIds: attempt.questions.map((item) => item.question.id),
    learnerId: requester.learnerId,
    createdAt: now,
  });
  return success({ attemptId: row.id, count: attempt.count, view: learnerView(attempt, locale) });
}

interface Loaded {
  row: PracticeAttempt;
  bank: Bank;
  attempt: Attempt;
  /** Questions of the attempt now in an open assigned test of its learner: not graded, no key. */
  assigned: Set<string>;
}

/**
 * The stored attempt, if this browser may use it: an attempt started while signed in belongs to
 * that learner (another learner, or nobody, gets the same 404 as an unknown id); an anonymous
 * attempt's random id is its only key.
 */
async function load(deps: SelfStudyDeps, attemptId: string, requester: Requester): Promise<Outcome<Loaded>> {
  const row = await deps.store.find(attemptId);
  if (!row || (row.learnerId !== null && row.learnerId !== requester.learnerId)) return failure(404, 'unknown-attempt');
  const bank = await deps.findBank(row.lessonId);
  const attempt = bank && attemptOf(bank, { seed: row.seed, mode: row.mode, questionIds: row.questionIds });
  if (!bank || !attempt) return failure(409, 'attempt-outdated');
  const assigned = await assignedQuestions(deps.store, [row.learnerId, requester.learnerId], bank.lesson);
  return success({ row, bank, attempt, assigned });
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Practice mode: one question graded with its feedback. The first answer is stored and counts; asking again returns its grading. */
export async function checkAnswer(deps: SelfStudyDeps, body: CheckBody, requester: Requester): Promise<Outcome<CheckAnswered>> {
  const loaded = await load(deps, body.attemptId, requester);
  if (!loaded.ok) return loaded;
  const { row, bank, attempt, assigned } = loaded.value;
  if (row.mode !== 'practice') return failure(409, 'not-practice', { mode: row.mode });
  const item = attempt.questions.find((candidate) => candidate.question.id === body.questionId);
  if (!item) return invalid({ questionId: [`question ${body.questionId} is not part of this attempt`] });
  if (assigned.has(body.questionId)) return failure(409, 'question-in-assigned-test', { questionId: body.questionId });
  const locale = row.locale as Locale;
  const gradeWith = (response: unknown) => gradeQuestion(item, keyEntry(item), bank.lesson, response, locale);
  const answeredBefore = Object.hasOwn(row.responses, item.question.id);
  if (row.gradedAt !== null && !answeredBefore) return failure(409, 'attempt-graded');
  // An answer that does not fit the question (a letter for a number field...) is refused before it can use up the question.
  if (!answeredBefore && !gradeWith(body.response).answered) {
    return invalid({ response: [`not an answer to a ${item.question.type} question`] });
  }
  const stored = await deps.store.answer(row.id, item.question.id, body.response);
  if (!stored) return failure(404, 'unknown-attempt');
  if (!Object.hasOwn(stored.responses, item.question.id)) return failure(409, 'attempt-graded');
  const first = stored.responses[item.question.id];
  const repeated = answeredBefore || !sameJson(first, body.response);
  return success({ result: revealAnswered(gradeWith(first)), repeated });
}

/**
 * The whole attempt graded, once: answers given before (practice checks) stay, the ones sent now
 * fill the rest. A repeat returns the stored grading (recomputed from the stored answers), never
 * a grading of new answers. Keys only for answered questions.
 */
export async function gradeAttempt(deps: SelfStudyDeps, body: GradeBody, requester: Requester, now = new Date()): Promise<Outcome<GradeAnswered>> {
  const loaded = await load(deps, body.attemptId, requester);
  if (!loaded.ok) return loaded;
  const { row, attempt, assigned } = loaded.value;
  const ids = new Set(attempt.questions.map((item) => item.question.id));
  const stray = Object.keys(body.responses).filter((id) => !ids.has(id));
  if (stray.length) return invalid(Object.fromEntries(stray.map((id) => [`responses.${id}`, ['not a question of this attempt']])));
  const given = Object.fromEntries(Object.entries(body.responses).filter(([id, response]) => response !== null && !assigned.has(id)));
  const finished = await deps.store.finish(row.id, given, now);
  if (!finished) return failure(404, 'unknown-attempt');
  // A question now in an open assigned test of the learner is left out: no score, no key.
  const counted: Attempt = { ...attempt, questions: attempt.questions.filter((item) => !assigned.has(item.question.id)) };
  const result = grade(counted, answerKey(counted), finished.attempt.responses, row.locale as Locale);
  return success({ result: practiceResult(result, row.id), alreadyGraded: !finished.first });
}

const DAY_MS = 86_400_000;

/**
 * Deletes attempts older than `maxAgeMs` at most once per `everyMs`, called as attempts are
 * started: no timer to manage, and a busy server prunes about hourly.
 */
export function occasionalPruner(store: () => Promise<PracticeStore>, { maxAgeMs = 7 * DAY_MS, everyMs = 3_600_000 } = {}) {
  let last = Number.NEGATIVE_INFINITY;
  return async (now = new Date()): Promise<number | null> => {
    if (now.getTime() - last < everyMs) return null;
    last = now.getTime();
    return (await store()).prune(new Date(now.getTime() - maxAgeMs));
  };
}
