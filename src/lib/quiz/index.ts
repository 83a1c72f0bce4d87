/**
 * The quiz engine's public API for the browser, the server and tests. Build-time validation
 * (full zod) is deliberately not re-exported here, only its types, so importing this module
 * never puts zod into a lesson page: import `./schema.ts` (bankSchema, for the content
 * collection), `./check.ts` (bankProblems, checkBank) and `./recordSchema.ts` (the stored history,
 * zod/mini) directly where needed.
 */
export { attemptOf, buildAttempt, DEFAULT_QUESTION_COUNT, isPracticeQuestion } from './attempt.ts';
export type { Attempt, AttemptMode, AttemptOptions, AttemptQuestion, StoredAttempt } from './attempt.ts';
export { learnerView, POINTS_PER_QUESTION } from './view.ts';
export type { LearnerQuestion, LearnerView } from './view.ts';
export { answerKey, keyEntry } from './key.ts';
export type { AnswerKey, ChoiceKey, KeyEntry, NumberKey, OrderKey, TrueFalseKey } from './key.ts';
export { grade, gradeQuestion } from './grade.ts';
export type { GradeResult, QuestionFeedback, QuestionResult, Responses } from './grade.ts';
export { multipleChoiceScore, orderingScore, readNumber, withinTolerance } from './score.ts';
export { isKeyShown, practiceResult, revealAnswered } from './reveal.ts';
export type { PracticeGradeResult, PracticeQuestionResult, WithheldFeedback } from './reveal.ts';
export { recordFromGrade } from './history.ts';
export type { GradedAttempt } from './history.ts';
export type { AnswerRecord, AttemptRecord } from './recordSchema.ts';
export { conceptMastery, MASTERY_RULES, masteryLevel } from './mastery.ts';
export type { ConceptMastery, MasteryLevel, MasteryOptions } from './mastery.ts';
export { dueQuestions, LEITNER_INTERVAL_DAYS, REVIEW_GRACE_HOURS, reviewCards, reviewSessions } from './review.ts';
export type { ReviewCard } from './review.ts';
export { computeFormula, FORMULA_NAMES, FORMULAS } from './formulas.ts';
export type { FormulaName } from './formulas.ts';
export { randomSeed } from './random.ts';
export { sectionHref } from './display.ts';
export type { Bank, BankInput, CalculatedQuestion, Localized, Question, QuestionType, Tolerance, Unit } from './schema.ts';
export type { BankProblem } from './problems.ts';
export type { CheckOptions } from './check.ts';
