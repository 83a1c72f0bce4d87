/**
 * The database: one table per concept, the same schema for PGlite (embedded) and PostgreSQL.
 * SQL migrations in drizzle/ are generated from this file (`npm run db:generate`); never edit a
 * table here without generating a migration. Row types are inferred, never written twice.
 * Times are `timestamptz`; ids are random UUIDs so an id in a URL says nothing about its neighbours.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { AUDIO_STATES } from '../../lib/authoring/audioStatus.ts';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** A trainer account: signs in with email and password, owns cohorts. */
export const trainers = pgTable('trainers', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Lower-cased on the way in, so sign-in is case-insensitive. */
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  /** `scrypt$<log2 N>$<r>$<p>$<salt>$<hash>` (see src/server/auth/password.ts). */
  passwordHash: text('password_hash').notNull(),
  createdAt: createdAt(),
});

/** A group of learners with the same assignments; learners join through its invite link. */
export const cohorts = pgTable(
  'cohorts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    trainerId: uuid('trainer_id')
      .notNull()
      .references(() => trainers.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /**
     * The invite token in the clear: the trainer must be able to see and copy the link again. It
     * only lets someone join this cohort as a new learner, and rotating it replaces it.
     */
    inviteToken: text('invite_token').notNull().unique(),
    inviteRotatedAt: timestamp('invite_rotated_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (table) => [index('cohorts_trainer_idx').on(table.trainerId)],
);

/** A learner of one cohort; no password: a session cookie and a personal resume code. */
export const learners = pgTable(
  'learners',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cohortId: uuid('cohort_id')
      .notNull()
      .references(() => cohorts.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    employeeId: text('employee_id'),
    /** SHA-256 of the resume code (shown once); the code itself is never stored. */
    resumeCodeHash: text('resume_code_hash').notNull().unique(),
    createdAt: createdAt(),
  },
  (table) => [index('learners_cohort_idx').on(table.cohortId)],
);

/** A signed-in browser: the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    role: text('role', { enum: ['trainer', 'learner'] }).notNull(),
    trainerId: uuid('trainer_id').references(() => trainers.id, { onDelete: 'cascade' }),
    learnerId: uuid('learner_id').references(() => learners.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    /** Slides forward with use (idle timeout). */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Never moves: the session ends here however active it is. */
    absoluteExpiresAt: timestamp('absolute_expires_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    check(
      'sessions_one_subject',
      sql`(${table.role} = 'trainer' and ${table.trainerId} is not null and ${table.learnerId} is null) or (${table.role} = 'learner' and ${table.learnerId} is not null and ${table.trainerId} is null)`,
    ),
    index('sessions_trainer_idx').on(table.trainerId),
    index('sessions_learner_idx').on(table.learnerId),
  ],
);

/** One lesson's test assigned to a cohort (a module is stored as its lessons). */
export const assignments = pgTable(
  'assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cohortId: uuid('cohort_id')
      .notNull()
      .references(() => cohorts.id, { onDelete: 'cascade' }),
    lessonId: text('lesson_id').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    /** Share of the points needed to pass, in (0, 1]. */
    passMark: doublePrecision('pass_mark').notNull(),
    /** Questions drawn per attempt. */
    questionCount: integer('question_count').notNull(),
    createdAt: createdAt(),
  },
  (table) => [unique('assignments_cohort_lesson').on(table.cohortId, table.lessonId)],
);

/**
 * One sitting of an assigned test. The server draws the seed and keeps it: the learner never
 * sees it, and the attempt (questions, order, numbers, key) is re-created from it to grade.
 */
export const attempts = pgTable(
  'attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => assignments.id, { onDelete: 'cascade' }),
    learnerId: uuid('learner_id')
      .notNull()
      .references(() => learners.id, { onDelete: 'cascade' }),
    lessonId: text('lesson_id').notNull(),
    /** 0..2^32-1, beyond a Postgres integer. */
    seed: bigint('seed', { mode: 'number' }).notNull(),
    questionCount: integer('question_count').notNull(),
    /** The pass mark when the attempt started (a later change does not re-grade it). */
    passMark: doublePrecision('pass_mark').notNull(),
    locale: text('locale', { enum: ['ja', 'en'] }).notNull(),
    /** The drawn question ids in order: grading checks the bank still draws the same ones. */
    questionIds: jsonb('question_ids').$type<string[]>().notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    /** Null until submitted; set once, with the rest of the result, in one transaction. */
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** The browser's id of the submission: the same id again returns the stored result. */
    clientSubmissionId: text('client_submission_id'),
    /** When the learner pressed submit (may be earlier than submittedAt when sent from a queue). */
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    /** The raw responses by question id, as posted. */
    responses: jsonb('responses').$type<Record<string, unknown>>(),
    total: doublePrecision('total'),
    max: doublePrecision('max'),
    passed: boolean('passed'),
  },
  (table) => [
    index('attempts_learner_assignment_idx').on(table.learnerId, table.assignmentId),
    index('attempts_assignment_idx').on(table.assignmentId),
  ],
);

/** One graded answer of an attempt, for item analysis and the per-learner view. */
export const answers = pgTable(
  'answers',
  {
    attemptId: uuid('attempt_id')
      .notNull()
      .references(() => attempts.id, { onDelete: 'cascade' }),
    /** 0-based position in the attempt. */
    position: integer('position').notNull(),
    questionId: text('question_id').notNull(),
    concept: text('concept').notNull(),
    /**
     * The answer in the bank's own terms (option ids `b` or `a,c`, `true`, a number, step ids),
     * independent of the shuffle, so answers of different attempts can be counted together.
     * Null when unanswered.
     */
    choice: text('choice'),
    points: doublePrecision('points').notNull(),
    maxPoints: doublePrecision('max_points').notNull(),
    correct: boolean('correct').notNull(),
  },
  (table) => [primaryKey({ columns: [table.attemptId, table.position] }), index('answers_question_idx').on(table.questionId)],
);

/**
 * A self-study attempt the server handed out. Self-study grades only attempts it created: the
 * questions are stored here, so a client cannot ask for a key by naming a seed and question ids.
 * A question's key is revealed once that question is answered in this attempt; the first answer
 * counts. Rows are anonymous unless the browser had a learner session (then the learner's open
 * assigned questions are kept out). Old rows can be deleted freely: nothing else refers to them.
 */
export const practiceAttempts = pgTable(
  'practice_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    lessonId: text('lesson_id').notNull(),
    /** 0..2^32-1: re-creates the drawn questions, their order and numbers. */
    seed: bigint('seed', { mode: 'number' }).notNull(),
    mode: text('mode', { enum: ['practice', 'test'] }).notNull(),
    locale: text('locale', { enum: ['ja', 'en'] }).notNull(),
    /** The drawn question ids in order. */
    questionIds: jsonb('question_ids').$type<string[]>().notNull(),
    /** The learner whose browser started it, when signed in. */
    learnerId: uuid('learner_id').references(() => learners.id, { onDelete: 'set null' }),
    /** Answers by question id as first given (practice mode checks them one at a time). */
    responses: jsonb('responses').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    createdAt: createdAt(),
    /** Null while open; set once when the whole attempt is graded. */
    gradedAt: timestamp('graded_at', { withTimezone: true }),
  },
  (table) => [index('practice_attempts_created_idx').on(table.createdAt)],
);

/**
 * Counters of rate limits that must hold across app processes sharing one database (sign-in):
 * a fixed window per key, counted with one atomic upsert before the expensive work is done.
 */
export const rateLimits = pgTable(
  'rate_limits',
  {
    /** What is limited and for whom, e.g. `login:account:a@example.com`. */
    key: text('key').primaryKey(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    count: integer('count').notNull(),
  },
  (table) => [index('rate_limits_window_idx').on(table.windowStart)],
);

export type Trainer = typeof trainers.$inferSelect;
export type Cohort = typeof cohorts.$inferSelect;
export type Learner = typeof learners.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type Assignment = typeof assignments.$inferSelect;
export type AttemptRow = typeof attempts.$inferSelect;
export type AnswerRow = typeof answers.$inferSelect;
export type PracticeAttemptRow = typeof practiceAttempts.$inferSelect;

/**
 * A trainer's own module (issue 14): imported from Markdown, PPTX or DOCX, edited, then
 * published as frozen versions. Only its owner can read or change it.
 */
export const customModules = pgTable(
  'custom_modules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    trainerId: uuid('trainer_id')
      .notNull()
      .references(() => trainers.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    locale: text('locale', { enum: ['ja', 'en'] }).notNull(),
    /** `published` once a version exists; editing after that changes only the draft. */
    status: text('status', { enum: ['draft', 'published'] }).notNull().default('draft'),
    /** Term → reading for the narration, e.g. `{ "term": "御社", "reading": "おんしゃ" }`. */
    pronunciations: jsonb('pronunciations').$type<{ term: string; reading: string }[]>().notNull().default(sql`'[]'::jsonb`),
    /** The draft's revision, bumped by every edit: publishing names it, so what is frozen is what the publisher saw. */
    revision: integer('revision').notNull().default(1),
    /**
     * Each thing edited has its own revision: a save naming an older one is refused (two tabs
     * never overwrite each other silently), while edits of different things never conflict.
     */
    titleRevision: integer('title_revision').notNull().default(1),
    pronunciationsRevision: integer('pronunciations_revision').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('custom_modules_trainer_idx').on(table.trainerId)],
);

/** A lesson of a custom module, in order. */
export const customLessons = pgTable(
  'custom_lessons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    moduleId: uuid('module_id')
      .notNull()
      .references(() => customModules.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    /** Revision of the title (see customModules.titleRevision). */
    revision: integer('revision').notNull().default(1),
    /** Revision of the test, saved as a whole. */
    questionsRevision: integer('questions_revision').notNull().default(1),
  },
  (table) => [index('custom_lessons_module_idx').on(table.moduleId, table.position)],
);

/** A section of a custom lesson: a heading, Markdown text, and optionally what to say instead. */
export const customSections = pgTable(
  'custom_sections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    lessonId: uuid('lesson_id')
      .notNull()
      .references(() => customLessons.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    heading: text('heading').notNull(),
    markdown: text('markdown').notNull(),
    /** The spoken version (speaker notes of a slide); null: the text itself is read. */
    spoken: text('spoken'),
    /** Revision of the heading, text and spoken version, saved together. */
    revision: integer('revision').notNull().default(1),
  },
  (table) => [index('custom_sections_lesson_idx').on(table.lessonId, table.position)],
);

/** A test question of a custom lesson, in the built-in banks' own schema (src/lib/quiz/schema.ts). */
export const customQuestions = pgTable(
  'custom_questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    lessonId: uuid('lesson_id')
      .notNull()
      .references(() => customLessons.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    question: jsonb('question').$type<Record<string, unknown>>().notNull(),
  },
  (table) => [index('custom_questions_lesson_idx').on(table.lessonId, table.position)],
);

/**
 * A published version: the whole module frozen as JSON (src/lib/authoring/schema.ts,
 * moduleSnapshotSchema). Assignments name a version's lessons (`cm-<version id>-<n>`), so later
 * edits never change a test already assigned or graded. Never updated or deleted while the module lives.
 */
export const customModuleVersions = pgTable(
  'custom_module_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    moduleId: uuid('module_id')
      .notNull()
      .references(() => customModules.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [unique('custom_module_versions_number').on(table.moduleId, table.number)],
);

/**
 * The recorded narration of a published version, rendered in the background after publishing
 * (src/server/customAudio). The MP3s and manifests are files in the audio data folder; this row
 * says how far the render is, for every process: a process claims a queued row with one UPDATE,
 * so two app instances never render the same version, and `updated_at` is its heartbeat.
 */
export const customAudioRenders = pgTable('custom_audio_renders', {
  versionId: uuid('version_id')
    .primaryKey()
    .references(() => customModuleVersions.id, { onDelete: 'cascade' }),
  /** queued → rendering → ready, failed, or unavailable (a speech engine is not installed). */
  status: text('status', { enum: AUDIO_STATES }).notNull().default('queued'),
  /** Steps done of `total` while rendering: sentences to synthesize, then lessons to join. */
  done: integer('done').notNull().default(0),
  total: integer('total').notNull().default(0),
  /** Why it failed, or what is missing (`unavailable`), for the trainer and the operator. */
  message: text('message'),
  /** The Debian packages that would make it possible (`unavailable`). */
  packages: jsonb('packages').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  /** How long the last render took, in milliseconds. */
  elapsedMs: integer('elapsed_ms'),
  /** Queued (or re-queued) at; a render's progress moves `updated_at` on, so a stalled one can be taken over. */
  queuedAt: timestamp('queued_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A module its owner shares with another trainer of this server: that trainer may view it,
 * preview its lessons and assign its published versions, never edit it; the owner can revoke.
 */
export const customModuleShares = pgTable(
  'custom_module_shares',
  {
    moduleId: uuid('module_id')
      .notNull()
      .references(() => customModules.id, { onDelete: 'cascade' }),
    trainerId: uuid('trainer_id')
      .notNull()
      .references(() => trainers.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.moduleId, table.trainerId] }), index('custom_module_shares_trainer_idx').on(table.trainerId)],
);

/** Binary data: PGlite gives a Uint8Array, node-postgres a Buffer (a Uint8Array too). */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => new Uint8Array(value.buffer, value.byteOffset, value.byteLength),
});

/**
 * A picture of an imported file (src/lib/authoring/images.ts), served to those who may read the
 * module (src/server/customImages/serve.ts). Never changed once stored, so its id names its bytes
 * for good; identical pictures are stored once per module.
 */
export const customModuleImages = pgTable(
  'custom_module_images',
  {
    id: uuid('id').primaryKey(),
    moduleId: uuid('module_id')
      .notNull()
      .references(() => customModules.id, { onDelete: 'cascade' }),
    /** image/png, image/jpeg, image/gif or image/webp, from the file's first bytes. */
    contentType: text('content_type').notNull(),
    bytes: bytea('bytes').notNull(),
    /** Hex SHA-256 of the bytes. */
    sha256: text('sha256').notNull(),
    createdAt: createdAt(),
  },
  (table) => [unique('custom_module_images_module_sha256').on(table.moduleId, table.sha256)],
);

export type CustomModuleRow = typeof customModules.$inferSelect;
export type CustomLessonRow = typeof customLessons.$inferSelect;
export type CustomSectionRow = typeof customSections.$inferSelect;
export type CustomQuestionRow = typeof customQuestions.$inferSelect;
export type CustomModuleVersionRow = typeof customModuleVersions.$inferSelect;
export type CustomAudioRenderRow = typeof customAudioRenders.$inferSelect;
