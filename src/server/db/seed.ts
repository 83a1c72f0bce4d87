/**
 * Sample data for a first look, loaded only by `npm run sample-data` (scripts/sample-data.ts) and
 * never by the server: a trainer, a cohort with eight learners, every lesson with a test assigned
 * (some due dates already past), and attempts graded by the real engine from simulated answers,
 * so the dashboard has something to show. The trainer's password is random, shown once by the
 * command and stored only as a hash: a published password would be a working account on every
 * copy that forgot to remove it. Never in production (NODE_ENV=production).
 */
import { asc, eq } from 'drizzle-orm';
import { randomInt } from 'node:crypto';
import { createRng } from '../../lib/clv/random.ts';
import { answerKey } from '../../lib/quiz/key.ts';
import { hashPassword } from '../auth/password.ts';
import { createTrainer, trainerCount } from '../auth/trainers.ts';
import type { LearnerIdentity } from '../auth/sessions.ts';
import { assignLessons } from '../trainer/assignments.ts';
import { createCohort } from '../trainer/cohorts.ts';
import { startAttempt, submitAttempt } from '../learner/attempts.ts';
import type { Course } from '../learner/course.ts';
import { drawTest } from '../learner/grading.ts';
import { joinCohort } from '../learner/join.ts';
import type { Database } from './client.ts';
import { simulatedResponses } from './sampleAnswers.ts';
import { assignments, attempts, cohorts, learners, sessions, trainers } from './schema.ts';

/** The sample account; its password is made up when the sample data is created. */
export const SAMPLE_TRAINER = { email: 'trainer@example.com', name: 'サンプル トレーナー' } as const;

const SAMPLE_LEARNERS = [
  { name: '佐藤 花子', employeeId: 'E1001', skill: 0.92, diligence: 1 },
  { name: '鈴木 一郎', employeeId: 'E1002', skill: 0.75, diligence: 0.9 },
  { name: '高橋 美咲', employeeId: 'E1003', skill: 0.85, diligence: 0.8 },
  { name: '田中 健太', employeeId: 'E1004', skill: 0.55, diligence: 0.7 },
  { name: '伊藤 さくら', employeeId: 'E1005', skill: 0.68, diligence: 0.6 },
  { name: '渡辺 大輔', employeeId: 'E1006', skill: 0.4, diligence: 0.5 },
  { name: '山本 奈々', employeeId: null, skill: 0.8, diligence: 0.35 },
  { name: '中村 翔', employeeId: null, skill: 0.6, diligence: 0.08 },
];

const DAY = 86_400_000;

/** Sample data may be loaded (and the sign-in page may mention it) outside production only. */
export function sampleDataAllowed(env: Readonly<Record<string, string | undefined>>): boolean {
  return env.NODE_ENV !== 'production';
}

/** No 0/o or 1/l/i to misread when typing it from a terminal. */
const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A random password such as `k3vq-x2mh-8hdt-w7pa`: four groups of four, about 79 bits. */
export function samplePassword(): string {
  const groups = Array.from({ length: 4 }, () => Array.from({ length: 4 }, () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]).join(''));
  return groups.join('-');
}

export type SampleDataOutcome =
  | { created: true }
  /** The sample trainer is there already (an earlier run). */
  | { created: false; reason: 'sample-exists' }
  /** Someone else's account is there: sample data only goes into an empty database. */
  | { created: false; reason: 'trainers-exist' }
  /** No lesson has a question bank, so there is nothing to assign. */
  | { created: false; reason: 'no-lessons' };

async function sampleTrainerId(db: Database): Promise<string | undefined> {
  const [row] = await db.select({ id: trainers.id }).from(trainers).where(eq(trainers.email, SAMPLE_TRAINER.email));
  return row?.id;
}

/** Creates the sample data, signed in with `password`, when the database has no trainer yet. */
export async function createSampleData(db: Database, course: Course, password: string, now = new Date()): Promise<SampleDataOutcome> {
  if (await sampleTrainerId(db)) return { created: false, reason: 'sample-exists' };
  if ((await trainerCount(db)) > 0) return { created: false, reason: 'trainers-exist' };
  if (course.lessons.length === 0) return { created: false, reason: 'no-lessons' };
  // One transaction: an interrupted run leaves nothing behind, not half a cohort that the next
  // run would take for finished sample data.
  return db.transaction(async (tx) => {
    const created = await createTrainer(tx as unknown as Database, { ...SAMPLE_TRAINER, password }, { onlyIfFirst: true });
    if (!created.ok) return { created: false, reason: 'trainers-exist' } as const;
    await fillSampleData(tx as unknown as Database, course, created.trainer.id, now);
    return { created: true } as const;
  });
}

async function fillSampleData(db: Database, course: Course, trainerId: string, now: Date): Promise<void> {
  const cohort = await createCohort(db, trainerId, { name: '営業1課（サンプル）' });
  await db.update(cohorts).set({ createdAt: new Date(now.getTime() - 30 * DAY) }).where(eq(cohorts.id, cohort.id));
  // The first two lessons were due ten days ago, the rest of module 1 in a week, module 2 later.
  const [firstModule] = course.lessons;
  const groups = [
    { lessons: course.lessons.slice(0, 2), dueInDays: -10 },
    { lessons: course.lessons.slice(2).filter((lesson) => lesson.module === firstModule?.module), dueInDays: 7 },
    { lessons: course.lessons.slice(2).filter((lesson) => lesson.module !== firstModule?.module), dueInDays: 21 },
  ];
  for (const group of groups) {
    if (!group.lessons.length) continue;
    const dueAt = new Date(now.getTime() + group.dueInDays * DAY).toISOString();
    await assignLessons(db, course, cohort.id, { lessons: group.lessons.map((lesson) => lesson.id), modules: [], dueAt, passMark: 0.8, questionCount: 5 });
  }
  const assigned = await db.select().from(assignments).where(eq(assignments.cohortId, cohort.id)).orderBy(asc(assignments.dueAt));
  const rng = createRng(20_240_401);
  for (const [index, sample] of SAMPLE_LEARNERS.entries()) {
    const joined = await joinCohort(db, { token: cohort.inviteToken, name: sample.name, employeeId: sample.employeeId ?? undefined });
    if (!joined) continue;
    const learner: LearnerIdentity = { id: joined.learnerId, name: sample.name, cohortId: cohort.id, cohortName: cohort.name };
    await db.update(learners).set({ createdAt: new Date(now.getTime() - (28 - index * 0.5) * DAY) }).where(eq(learners.id, joined.learnerId));
    const todo = assigned.slice(0, Math.round(assigned.length * sample.diligence));
    for (const [position, assignment] of todo.entries()) {
      const bank = course.bank(assignment.lessonId);
      if (!bank) continue;
      // Up to three tries while failing, a day or two apart, finishing before today.
      let day = Math.max(2, 25 - position * 2.5 - index * 0.3);
      for (let attempt = 0; attempt < 3; attempt++) {
        const seed = rng.int(0, 0xffffffff);
        const started = await startAttempt(db, course, learner, { assignmentId: assignment.id, locale: 'ja' }, seed);
        if (!started.ok) break;
        const startedAt = new Date(now.getTime() - day * DAY);
        const submittedAt = new Date(startedAt.getTime() + rng.int(90, 600) * 1000);
        await db.update(attempts).set({ startedAt }).where(eq(attempts.id, started.value.attemptId));
        const drawn = drawTest(bank, seed, assignment.questionCount, assignment.passMark);
        const responses = simulatedResponses(drawn, answerKey(drawn), Math.min(0.98, sample.skill + attempt * 0.1), rng);
        const submitted = await submitAttempt(db, course, learner, started.value.attemptId, { clientSubmissionId: `sample-${index}-${position}-${attempt}`, responses }, submittedAt);
        if (!submitted.ok || submitted.value.review.passed) break;
        day = Math.max(0.5, day - 1.5);
      }
    }
    // The less diligent have opened the next test without finishing it.
    const next = assigned[todo.length];
    if (next && sample.diligence < 0.5) await startAttempt(db, course, learner, { assignmentId: next.id, locale: 'ja' }, rng.int(0, 0xffffffff));
  }
}

/** Gives the sample trainer a new password and signs it out everywhere; false when there is none. */
export async function resetSamplePassword(db: Database, password: string): Promise<boolean> {
  const id = await sampleTrainerId(db);
  if (!id) return false;
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await tx.update(trainers).set({ passwordHash }).where(eq(trainers.id, id));
    await tx.delete(sessions).where(eq(sessions.trainerId, id));
  });
  return true;
}
