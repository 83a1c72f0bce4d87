/**
 * A small world for the API tests, built through the API itself where it matters (sign-in, join,
 * assign): two trainers, each with a cohort, an assignment and a learner, plus helpers to answer a
 * test right or wrong from the server-held seed (read from the database, as only a test may).
 */
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { createRng } from '../../../src/lib/clv/random.ts';
import { answerKey } from '../../../src/lib/quiz/key.ts';
import { createTrainer } from '../../../src/server/auth/trainers.ts';
import type { Database } from '../../../src/server/db/index.ts';
import { simulatedResponses } from '../../../src/server/db/sampleAnswers.ts';
import { attempts } from '../../../src/server/db/schema.ts';
import { loadCourse } from '../../../src/server/learner/course.ts';
import { customLessonsByKey } from '../../../src/server/authoring/catalog.ts';
import { redrawTest } from '../../../src/server/learner/grading.ts';
import { actor, type Actor } from './app.ts';

/** Cheap scrypt for fixtures (the parameters travel with the hash, so verify still works). */
export const FAST_SCRYPT = { log2N: 10, r: 8, p: 1, keyLength: 32, saltLength: 16 };

export const LESSON = 'clv-formula';

export interface Side {
  trainer: Actor;
  trainerEmail: string;
  cohortId: string;
  invitePath: string;
  assignmentId: string;
  learner: Actor;
  learnerId: string;
  resumeCode: string;
}

let counter = 0;

export async function signedInTrainer(db: Database, password = 'correct horse battery'): Promise<{ trainer: Actor; email: string; id: string }> {
  const email = `trainer${++counter}-${Date.now()}@example.com`;
  const created = await createTrainer(db, { email, name: `Trainer ${counter}`, password }, { scrypt: FAST_SCRYPT });
  if (!created.ok) throw new Error(created.reason);
  const trainer = actor();
  const response = await trainer.post('/api/auth/login', { email, password });
  expect(response.status).toBe(200);
  return { trainer, email, id: created.trainer.id };
}

export async function joinAs(invitePath: string, name: string): Promise<{ learner: Actor; learnerId: string; resumeCode: string }> {
  const learner = actor();
  const token = invitePath.split('/').filter(Boolean).pop();
  const response = await learner.post('/api/auth/join', { token, name });
  expect(response.status).toBe(201);
  const body = (await response.json()) as { learner: { id: string }; resumeCode: string };
  return { learner, learnerId: body.learner.id, resumeCode: body.resumeCode };
}

/** A trainer with a cohort, the lesson assigned (due in a week, pass mark 80%), and one learner. */
export async function side(db: Database, label: string): Promise<Side> {
  const { trainer, email } = await signedInTrainer(db);
  const created = await trainer.post('/api/trainer/cohorts', { name: `Cohort ${label}` });
  expect(created.status).toBe(201);
  const { cohort } = (await created.json()) as { cohort: { id: string; invitePath: string } };
  const assigned = await trainer.post(`/api/trainer/cohorts/${cohort.id}/assignments`, {
    lessons: [LESSON],
    dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    passMark: 0.8,
  });
  expect(assigned.status).toBe(200);
  const { assignments } = (await assigned.json()) as { assignments: { id: string }[] };
  const joined = await joinAs(cohort.invitePath, `Learner ${label}`);
  return { trainer, trainerEmail: email, cohortId: cohort.id, invitePath: cohort.invitePath, assignmentId: assignments[0]!.id, ...joined };
}

/** Starts an attempt of the assignment as this learner; returns its id and learner view. */
export async function startAttempt(learner: Actor, assignmentId: string): Promise<{ attemptId: string; view: { questions: { id: string }[] } }> {
  const response = await learner.post('/api/learner/attempts', { assignmentId, locale: 'ja' });
  expect(response.status).toBe(201);
  return (await response.json()) as { attemptId: string; view: { questions: { id: string }[] } };
}

/** Responses that earn `skill` of the questions (1: all right, 0: all wrong), from the stored seed. */
export async function responsesFor(db: Database, attemptId: string, skill = 1): Promise<Record<string, unknown>> {
  const [row] = await db.select().from(attempts).where(eq(attempts.id, attemptId));
  // Built-in banks come from the content; a trainer's module from its published version.
  const bank = row && ((await loadCourse()).bank(row.lessonId) ?? (await customLessonsByKey(db, [row.lessonId])).get(row.lessonId)?.bank);
  const attempt = row && bank ? redrawTest(bank, row) : null;
  if (!attempt) throw new Error(`attempt ${attemptId} cannot be re-created`);
  return simulatedResponses(attempt, answerKey(attempt), skill, createRng(counter++));
}
