import * as z from 'zod/mini';

/**
 * Learner progress as stored in the browser. The format is versioned: `decodeProgress` reads
 * any version it knows, migrates it to the current one, and never throws — corrupt parts are
 * reset and reported, so a broken localStorage entry cannot break a lesson page.
 * zod/mini keeps the schema small enough for every lesson page's bundle.
 */
export const PROGRESS_VERSION = 1;

/** What we know of one lesson, language-independent (finishing it in Japanese counts in English). */
export const lessonProgressSchema = z.object({
  /** Marked as done by the learner or by passing its quiz. */
  done: z.boolean(),
  /** When it was marked done (ISO timestamp). */
  doneAt: z.optional(z.string()),
  /** Furthest share of the lesson text scrolled through, 0..1. */
  readRatio: z.number().check(z.minimum(0), z.maximum(1)),
  /** Listened to the end with the narration player. */
  listened: z.boolean(),
  /** Last time the lesson page was opened (ISO timestamp). */
  visitedAt: z.optional(z.string()),
});
export type LessonProgress = z.infer<typeof lessonProgressSchema>;

/** The lesson to offer under "continue where you left off". */
export const lastLessonSchema = z.object({ id: z.string(), locale: z.enum(['ja', 'en']) });

export const progressSchema = z.object({
  version: z.literal(PROGRESS_VERSION),
  lessons: z.record(z.string(), lessonProgressSchema),
  last: z.optional(lastLessonSchema),
});
export type Progress = z.infer<typeof progressSchema>;

export function emptyProgress(): Progress {
  return { version: PROGRESS_VERSION, lessons: {} };
}

export function emptyLessonProgress(): LessonProgress {
  return { done: false, readRatio: 0, listened: false };
}

/** Why (part of) the stored progress was reset; shown to the learner once. */
export type ProgressNotice = { kind: 'reset-all' } | { kind: 'reset-lessons'; lessonIds: string[] };

export interface DecodedProgress {
  progress: Progress;
  notice?: ProgressNotice;
}

/**
 * Earlier formats, oldest first, each migrating to the next. Version 0 was the prototype's
 * `{ completed: string[] }`; keeping it documents how a later format change is handled.
 */
const migrations: Record<number, (raw: Record<string, unknown>) => Record<string, unknown>> = {
  0: (raw) => {
    const completed = Array.isArray(raw['completed']) ? raw['completed'].filter((id) => typeof id === 'string') : [];
    return {
      version: 1,
      lessons: Object.fromEntries(completed.map((id) => [id, { ...emptyLessonProgress(), done: true }])),
    };
  },
};

/** Reads stored progress of any known version; invalid lessons are dropped one by one. */
export function decodeProgress(encoded: string | undefined | null): DecodedProgress {
  if (encoded === undefined || encoded === null || encoded === '') return { progress: emptyProgress() };
  let raw: unknown;
  try {
    raw = JSON.parse(encoded);
  } catch {
    return { progress: emptyProgress(), notice: { kind: 'reset-all' } };
  }
  if (!isRecord(raw)) return { progress: emptyProgress(), notice: { kind: 'reset-all' } };

  let version = typeof raw['version'] === 'number' ? raw['version'] : 0;
  if (version > PROGRESS_VERSION || !Number.isInteger(version)) {
    return { progress: emptyProgress(), notice: { kind: 'reset-all' } };
  }
  let current: Record<string, unknown> = raw;
  while (version < PROGRESS_VERSION) {
    const migrate = migrations[version];
    if (!migrate) return { progress: emptyProgress(), notice: { kind: 'reset-all' } };
    current = migrate(current);
    version++;
  }

  const lessons: Record<string, LessonProgress> = {};
  const dropped: string[] = [];
  const storedLessons = isRecord(current['lessons']) ? current['lessons'] : {};
  for (const [id, value] of Object.entries(storedLessons)) {
    const parsed = lessonProgressSchema.safeParse(value);
    if (parsed.success) lessons[id] = parsed.data;
    else dropped.push(id);
  }
  const last = lastLessonSchema.safeParse(current['last']);
  const progress: Progress = { version: PROGRESS_VERSION, lessons, ...(last.success ? { last: last.data } : {}) };
  return dropped.length ? { progress, notice: { kind: 'reset-lessons', lessonIds: dropped } } : { progress };
}

export function encodeProgress(progress: Progress): string {
  return JSON.stringify(progress);
}

/** A copy of the progress with one lesson changed. */
export function updateLesson(progress: Progress, lessonId: string, change: Partial<LessonProgress>): Progress {
  const before = progress.lessons[lessonId] ?? emptyLessonProgress();
  return { ...progress, lessons: { ...progress.lessons, [lessonId]: { ...before, ...change } } };
}

/** Completed and total lessons of a list of lesson ids. */
export function completion(progress: Progress, lessonIds: readonly string[]): { done: number; total: number; ratio: number } {
  const done = lessonIds.filter((id) => progress.lessons[id]?.done).length;
  return { done, total: lessonIds.length, ratio: lessonIds.length ? done / lessonIds.length : 0 };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
