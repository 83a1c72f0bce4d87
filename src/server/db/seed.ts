/**
 * Sample data for a first look (development and default mode only): a trainer, a cohort with
 * eight learners, every lesson with a test assigned (some due dates already past), and attempts
 * graded by the real engine from simulated answers, so the dashboard has something to show.
 * Never in production (NODE_ENV=production) or with LTV_SAMPLE_DATA=0.
 */
import { asc, eq } from 'drizzle-orm';
import { createRng } from '../../lib/clv/random.ts';
import { answerKey } from '../../lib/quiz/key.ts';
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
import { assignments, attempts, cohorts, learners } from './schema.ts';

/** Documented in the README; only ever used for the sample account. */
export const SAMPLE_TRAINER = { email: 'trainer@example.com', password: 'ltv-dojo-sample', name: 'サンプル トレーナー' } as const;

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

export function sampleDataWanted(env: Readonly<Record<string, string | undefined>>): boolean {
  return env.NODE_ENV !== 'production' && env.LTV_SAMPLE_DATA !== '0';
}

/** Creates the sample data when the database has no trainer yet; true when it did. */
export async function createSampleData(db: Database, course: Course, now = new Date()): Promise<boolean> {
  if ((await trainerCount(db)) > 0 || course.lessons.length === 0) return false;
  const created = await createTrainer(db, SAMPLE_TRAINER, { onlyIfFirst: true });
  if (!created.ok) return false;
  const cohort = await createCohort(db, created.trainer.id, { name: '営業1課（サンプル）' });
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
  return true;
}
