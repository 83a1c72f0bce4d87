import { atom } from 'nanostores';
import { persistentAtom } from '@nanostores/persistent';
import type { Locale } from '../lib/i18n/locales.ts';
import { type DraftResponse, isAnswered, responsesToSend, responseToSend, toggleChoice } from '../lib/quiz/client/answers.ts';
import { createQuizApi, type ApiError, type QuizApi } from '../lib/quiz/client/api.ts';
import { decodeSessions, emptySessions, encodeSessions, sessionKey, type QuizSession, type QuizSessions, type SessionsNotice, withSession } from '../lib/quiz/client/session.ts';
import type { AttemptMode } from '../lib/quiz/attempt.ts';
import type { PracticeGradeResult } from '../lib/quiz/reveal.ts';
import { markLessonDone } from './progress.ts';
import { recordGradedAttempt } from './quizHistory.ts';

/** Set when stored quizzes had to be dropped, so the page can say so once. */
export const $quizSessionsNotice = atom<SessionsNotice | null>(null);

/** The quiz in progress (or just graded) per lesson and language: survives a reload. */
export const $quizSessions = persistentAtom<QuizSessions>('ltv-dojo:quiz-sessions', emptySessions(), {
  encode: encodeSessions,
  decode: (encoded) => {
    const { sessions, notice } = decodeSessions(encoded);
    if (notice) $quizSessionsNotice.set(notice);
    return sessions;
  },
});

export type QuizRequestKind = 'start' | 'check' | 'grade';
export interface QuizRequestState {
  pending: QuizRequestKind | null;
  error: { during: QuizRequestKind; error: ApiError } | null;
}
/** Requests in flight and the last failure, by session key; not persisted. */
export const $quizRequests = atom<Record<string, QuizRequestState>>({});

let api: QuizApi = createQuizApi();
/** Replaces the endpoints' client (tests). */
export function setQuizApi(next: QuizApi): void {
  api = next;
}

export { sessionKey };

function setRequest(key: string, state: QuizRequestState): void {
  $quizRequests.set({ ...$quizRequests.get(), [key]: state });
}

function session(key: string): QuizSession | undefined {
  return $quizSessions.get().sessions[key];
}

function update(key: string, change: (current: QuizSession) => QuizSession): void {
  const current = session(key);
  if (current) $quizSessions.set(withSession($quizSessions.get(), key, change(current)));
}

export interface StartOptions {
  lesson: string;
  locale: Locale;
  mode: AttemptMode;
  count?: number;
  questionIds?: string[];
}

/** Asks the server for a fresh attempt and makes it the lesson's quiz in progress. */
export async function startQuiz(options: StartOptions, now = new Date()): Promise<boolean> {
  const key = sessionKey(options.locale, options.lesson);
  setRequest(key, { pending: 'start', error: null });
  const started = await api.startAttempt(options);
  if (!started.ok) {
    setRequest(key, { pending: null, error: { during: 'start', error: started.error } });
    return false;
  }
  const { attemptId, count, view } = started.value;
  const fresh: QuizSession = {
    attemptId,
    lesson: options.lesson,
    locale: options.locale,
    mode: options.mode,
    count,
    ...(options.questionIds ? { questionIds: options.questionIds } : {}),
    view,
    responses: {},
    current: 0,
    checked: {},
    startedAt: now.toISOString(),
  };
  $quizSessions.set(withSession($quizSessions.get(), key, fresh));
  setRequest(key, { pending: null, error: null });
  return true;
}

/** Records an answer; a practice question already checked keeps the answer it was checked with. */
export function answerQuestion(key: string, questionId: string, response: DraftResponse): void {
  update(key, (current) => (current.checked[questionId] || current.result ? current : { ...current, responses: { ...current.responses, [questionId]: response } }));
}

/** The question on screen with its answer, read from the store (not from a render that may be a key press behind). */
export function currentQuestion(key: string) {
  const current = session(key);
  const question = current?.view.questions[current.current];
  if (!current || !question) return null;
  const response = current.responses[question.id];
  return { session: current, question, response, checked: current.checked[question.id] ?? null, isLast: current.current === current.view.questions.length - 1 };
}

/** A digit key on the question on screen: picks the option (toggles it in a multiple select), or true/false. */
export function chooseOnCurrent(key: string, choice: { position: number } | { value: boolean }): void {
  const now = currentQuestion(key);
  if (!now || now.checked) return;
  const { question, response } = now;
  const next = 'value' in choice ? choice.value : question.type === 'multiple' ? toggleChoice(response, choice.position) : choice.position;
  answerQuestion(key, question.id, next);
}

/** What Enter and the main button do now: practice checks, then moves on; test moves on, then submits. */
export function nextStep(key: string): 'check' | 'need-answer' | 'next' | 'submit' | null {
  const now = currentQuestion(key);
  if (!now) return null;
  if (now.session.mode === 'practice' && !now.checked) return isAnswered(now.question, now.response) ? 'check' : 'need-answer';
  return now.isLast ? 'submit' : 'next';
}

export function goToQuestion(key: string, index: number): void {
  update(key, (current) => ({ ...current, current: Math.min(Math.max(0, index), current.view.questions.length - 1) }));
}

/** Practice mode: grades the question on screen and keeps its feedback (the server keeps the first answer of each question). */
export async function checkCurrentQuestion(key: string): Promise<boolean> {
  const current = session(key);
  const question = current?.view.questions[current.current];
  if (!current || !question || current.checked[question.id]) return false;
  const response = responseToSend(question, current.responses[question.id]);
  if (response === undefined) return false;
  setRequest(key, { pending: 'check', error: null });
  const checked = await api.check({ attemptId: current.attemptId, questionId: question.id, response });
  if (!checked.ok) {
    setRequest(key, { pending: null, error: { during: 'check', error: checked.error } });
    return false;
  }
  // The learner may have started another attempt meanwhile: keep the feedback only for this one.
  update(key, (latest) =>
    latest.attemptId === current.attemptId
      ? { ...latest, responses: { ...latest.responses, [question.id]: response }, checked: { ...latest.checked, [question.id]: checked.value.result } }
      : latest,
  );
  setRequest(key, { pending: null, error: null });
  return true;
}

/** A full test (not a review, not a retake of some questions) passed: the lesson is done. */
export function completesLesson(current: Pick<QuizSession, 'mode' | 'questionIds'>, result: Pick<PracticeGradeResult, 'passed'>): boolean {
  return current.mode === 'test' && !current.questionIds && result.passed;
}

/**
 * Submits every answer; keeps the result, records it in the history, and marks the lesson done on
 * a passed test. The server grades an attempt once: a repeat (a lost answer, another tab) gets the
 * stored grading back, so recording it again is harmless.
 */
export async function submitQuiz(key: string, now = new Date()): Promise<boolean> {
  const current = session(key);
  if (!current || current.result) return false;
  setRequest(key, { pending: 'grade', error: null });
  const graded = await api.grade({ attemptId: current.attemptId, responses: responsesToSend(current.view.questions, current.responses) });
  if (!graded.ok) {
    setRequest(key, { pending: null, error: { during: 'grade', error: graded.error } });
    return false;
  }
  const latest = session(key);
  if (!latest || latest.attemptId !== current.attemptId || latest.result) return false;
  const { result } = graded.value;
  $quizSessions.set(withSession($quizSessions.get(), key, { ...latest, result, gradedAt: now.toISOString() }));
  recordGradedAttempt(result, now);
  if (completesLesson(current, result)) markLessonDone(current.lesson, true, now);
  setRequest(key, { pending: null, error: null });
  return true;
}

/** Drops the lesson's quiz (in progress or graded): the start screen shows again. */
export function discardQuiz(key: string): void {
  $quizSessions.set(withSession($quizSessions.get(), key, null));
  setRequest(key, { pending: null, error: null });
}

/** Questions not fully right, for "retake only the ones I missed". */
export function missedQuestionIds(result: PracticeGradeResult): string[] {
  return result.questions.filter((question) => !question.correct).map((question) => question.questionId);
}
