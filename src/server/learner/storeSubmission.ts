/**
 * Writing a graded submission: the attempt's result and its answer rows in one statement. One
 * statement is one round trip and is atomic on its own, where the transaction it replaces took
 * four (BEGIN, UPDATE, INSERT, COMMIT) and held PGlite's only connection across all of them.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { answers, attempts } from '../db/schema.ts';

export interface AnswerRow {
  position: number;
  question_id: string;
  concept: string;
  choice: string | null;
  points: number;
  max_points: number;
  correct: boolean;
}

export interface GradedSubmission {
  attemptId: string;
  submittedAt: Date;
  answeredAt: Date;
  clientSubmissionId: string;
  responses: Record<string, unknown>;
  total: number;
  max: number;
  passed: boolean;
  answers: AnswerRow[];
}

/**
 * Stores the submission if the attempt is still unsubmitted; false when another request got there
 * first. The answers are inserted only from the row the UPDATE changed, so a lost race writes
 * nothing; on PostgreSQL a concurrent UPDATE of the same row waits for the winner's commit and then
 * finds `submitted_at` set (READ COMMITTED re-checks the condition on the new row version).
 */
export async function storeSubmission(db: Database, submission: GradedSubmission): Promise<boolean> {
  const result = await db.execute(sql`
    with updated as (
      update ${attempts}
      set submitted_at = ${submission.submittedAt.toISOString()}::timestamptz,
          answered_at = ${submission.answeredAt.toISOString()}::timestamptz,
          client_submission_id = ${submission.clientSubmissionId},
          responses = ${JSON.stringify(submission.responses)}::jsonb,
          total = ${submission.total}::float8,
          max = ${submission.max}::float8,
          passed = ${submission.passed}::boolean
      where id = ${submission.attemptId}::uuid and submitted_at is null
      returning id
    ), inserted as (
      insert into ${answers} (attempt_id, position, question_id, concept, choice, points, max_points, correct)
      select updated.id, given.position, given.question_id, given.concept, given.choice, given.points, given.max_points, given.correct
      from updated, jsonb_to_recordset(${JSON.stringify(submission.answers)}::jsonb)
        as given(position integer, question_id text, concept text, choice text, points float8, max_points float8, correct boolean)
    )
    select count(*)::integer as stored from updated`);
  const rows = (result as unknown as { rows: { stored: number }[] }).rows;
  return rows[0]?.stored === 1;
}
