/**
 * Where self-study attempts are kept (table practice_attempts), behind an interface so the
 * services can be tested without a database. Every write that must happen once is one atomic
 * UPDATE with its condition in the WHERE clause: the first answer to a question wins, and an
 * attempt is graded once, however many requests race (PostgreSQL re-checks the WHERE after
 * waiting for the row lock).
 */
import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { AttemptMode } from '../../lib/quiz/attempt.ts';
import type { Locale } from '../../lib/i18n/locales.ts';
import type { Database } from '../db/client.ts';
import { isUuid } from '../db/ids.ts';
import { attempts, practiceAttempts, type PracticeAttemptRow } from '../db/schema.ts';

export type PracticeAttempt = PracticeAttemptRow;

export interface NewPracticeAttempt {
  lessonId: string;
  seed: number;
  mode: AttemptMode;
  locale: Locale;
  questionIds: string[];
  learnerId: string | null;
  createdAt: Date;
}

export interface PracticeStore {
  create(attempt: NewPracticeAttempt): Promise<PracticeAttempt>;
  /** The attempt, or null (unknown id, or not an id at all). */
  find(id: string): Promise<PracticeAttempt | null>;
  /** Keeps `response` as the question's answer unless it has one already or the attempt is graded; the attempt afterwards. */
  answer(id: string, questionId: string, response: unknown): Promise<PracticeAttempt | null>;
  /**
   * Marks the attempt graded, once: `responses` fill the questions not answered yet (a stored
   * answer is never replaced). `first` is false when it had been graded before (nothing changed).
   */
  finish(id: string, responses: Readonly<Record<string, unknown>>, at: Date): Promise<{ attempt: PracticeAttempt; first: boolean } | null>;
  /** Question ids of the learner's open (unsubmitted) assigned tests of this lesson. */
  assignedQuestions(learnerId: string, lessonId: string): Promise<Set<string>>;
  /** Deletes attempts created before `before`; returns how many. */
  prune(before: Date): Promise<number>;
}

const asJsonb = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;

export function databasePracticeStore(db: Database): PracticeStore {
  const find = async (id: string) => {
    if (!isUuid(id)) return null;
    const [row] = await db.select().from(practiceAttempts).where(eq(practiceAttempts.id, id));
    return row ?? null;
  };
  return {
    async create(attempt) {
      const [row] = await db.insert(practiceAttempts).values(attempt).returning();
      if (!row) throw new Error('insert returned no practice attempt');
      return row;
    },
    find,
    async answer(id, questionId, response) {
      if (!isUuid(id)) return null;
      const [row] = await db
        .update(practiceAttempts)
        .set({ responses: sql`${practiceAttempts.responses} || jsonb_build_object(${questionId}::text, ${asJsonb(response)})` })
        .where(and(eq(practiceAttempts.id, id), isNull(practiceAttempts.gradedAt), sql`not (${practiceAttempts.responses} ? ${questionId}::text)`))
        .returning();
      return row ?? find(id);
    },
    async finish(id, responses, at) {
      if (!isUuid(id)) return null;
      // jsonb `a || b` keeps b's value for a key in both: the stored answers win.
      const [row] = await db
        .update(practiceAttempts)
        .set({ responses: sql`${asJsonb(responses)} || ${practiceAttempts.responses}`, gradedAt: at })
        .where(and(eq(practiceAttempts.id, id), isNull(practiceAttempts.gradedAt)))
        .returning();
      if (row) return { attempt: row, first: true };
      const graded = await find(id);
      return graded ? { attempt: graded, first: false } : null;
    },
    async assignedQuestions(learnerId, lessonId) {
      const rows = await db
        .select({ questionIds: attempts.questionIds })
        .from(attempts)
        .where(and(eq(attempts.learnerId, learnerId), eq(attempts.lessonId, lessonId), isNull(attempts.submittedAt)));
      return new Set(rows.flatMap((row) => row.questionIds));
    },
    async prune(before) {
      const deleted = await db.delete(practiceAttempts).where(lt(practiceAttempts.createdAt, before)).returning({ id: practiceAttempts.id });
      return deleted.length;
    },
  };
}
