/**
 * The render status of each published version, in the database (custom_audio_renders): every app
 * process sees it, a queued render is claimed by exactly one of them, and a render whose process
 * died (no progress for a while) is taken over. The audio itself is files (config.ts).
 */
import { and, asc, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { ModuleAudio } from '../../lib/authoring/audioStatus.ts';
import type { Database } from '../db/client.ts';
import { customAudioRenders, customModules, customModuleVersions, type CustomAudioRenderRow } from '../db/schema.ts';
import { isUuid } from '../db/ids.ts';

const fresh = () => ({ status: 'queued' as const, done: 0, total: 0, message: null, packages: [], queuedAt: new Date(), updatedAt: new Date() });

/** Queues a render of the version (again, if it was rendered or failed before). */
export async function queueRender(db: Database, versionId: string): Promise<void> {
  const row = fresh();
  await db.insert(customAudioRenders).values({ versionId, ...row }).onConflictDoUpdate({ target: customAudioRenders.versionId, set: row });
}

/**
 * Queues the version's render again only if it has none yet or its status is one of `from`;
 * false when it was not. The status is checked by the statement that changes the row: of
 * parallel retries exactly one queues it, the others find it queued.
 */
export async function requeueRender(db: Database, versionId: string, from: readonly CustomAudioRenderRow['status'][]): Promise<boolean> {
  const row = fresh();
  const queued = await db
    .insert(customAudioRenders)
    .values({ versionId, ...row })
    .onConflictDoUpdate({ target: customAudioRenders.versionId, set: row, setWhere: inArray(customAudioRenders.status, [...from]) })
    .returning({ versionId: customAudioRenders.versionId });
  return queued.length > 0;
}

/** Takes the oldest queued (or abandoned) render for this process; null when there is none. */
export async function claimNextRender(db: Database, staleAfterMs: number, now = new Date()): Promise<string | null> {
  const staleBefore = new Date(now.getTime() - staleAfterMs);
  const claimable = or(eq(customAudioRenders.status, 'queued'), and(eq(customAudioRenders.status, 'rendering'), lt(customAudioRenders.updatedAt, staleBefore)));
  for (;;) {
    const [candidate] = await db.select({ versionId: customAudioRenders.versionId }).from(customAudioRenders).where(claimable).orderBy(asc(customAudioRenders.queuedAt)).limit(1);
    if (!candidate) return null;
    // The condition again in the UPDATE: of two processes racing for the row, one changes it.
    const [claimed] = await db
      .update(customAudioRenders)
      .set({ status: 'rendering', done: 0, total: 0, message: null, packages: [], updatedAt: now })
      .where(and(eq(customAudioRenders.versionId, candidate.versionId), claimable))
      .returning({ versionId: customAudioRenders.versionId });
    if (claimed) return claimed.versionId;
  }
}

export async function reportProgress(db: Database, versionId: string, done: number, total: number): Promise<void> {
  await db.update(customAudioRenders).set({ done, total, updatedAt: new Date() }).where(eq(customAudioRenders.versionId, versionId));
}

export type RenderOutcome =
  | { status: 'ready'; elapsedMs: number }
  | { status: 'failed'; message: string; elapsedMs: number }
  | { status: 'unavailable'; message: string; packages: string[] };

export async function finishRender(db: Database, versionId: string, outcome: RenderOutcome): Promise<void> {
  await db
    .update(customAudioRenders)
    .set({
      status: outcome.status,
      message: outcome.status === 'ready' ? null : outcome.message.slice(0, 2000),
      packages: outcome.status === 'unavailable' ? outcome.packages : [],
      elapsedMs: 'elapsedMs' in outcome ? Math.round(outcome.elapsedMs) : null,
      updatedAt: new Date(),
    })
    .where(eq(customAudioRenders.versionId, versionId));
}

/** What the editor shows about the audio of a module's latest version. */
export interface LatestAudio {
  versionId: string;
  number: number;
  locale: 'ja' | 'en';
  /** Null: the version was published before audio was rendered (it is queued when asked about). */
  render: Pick<CustomAudioRenderRow, 'status' | 'done' | 'total' | 'message' | 'packages' | 'elapsedMs'> | null;
}

/** The latest version of a module the trainer owns and its render, or null (not theirs, or never published). */
export async function latestAudio(db: Database, trainerId: string, moduleId: string): Promise<LatestAudio | null> {
  if (!isUuid(moduleId)) return null;
  const [row] = await db
    .select({
      versionId: customModuleVersions.id,
      number: customModuleVersions.number,
      locale: customModules.locale,
      status: customAudioRenders.status,
      done: customAudioRenders.done,
      total: customAudioRenders.total,
      message: customAudioRenders.message,
      packages: customAudioRenders.packages,
      elapsedMs: customAudioRenders.elapsedMs,
    })
    .from(customModuleVersions)
    .innerJoin(customModules, eq(customModules.id, customModuleVersions.moduleId))
    .leftJoin(customAudioRenders, eq(customAudioRenders.versionId, customModuleVersions.id))
    .where(and(eq(customModules.id, moduleId), eq(customModules.trainerId, trainerId)))
    .orderBy(desc(customModuleVersions.number))
    .limit(1);
  if (!row) return null;
  const { versionId, number, locale, status, done, total, message, packages, elapsedMs } = row;
  return { versionId, number, locale, render: status === null ? null : { status, done: done ?? 0, total: total ?? 0, message, packages: packages ?? [], elapsedMs } };
}

/** What the editor is told about it; no render yet reads as queued (asking about it queues it). */
export function moduleAudioOf({ versionId, number, render }: Pick<LatestAudio, 'versionId' | 'number' | 'render'>): ModuleAudio {
  if (!render) return { versionId, number, status: 'queued', done: 0, total: 0, message: null, packages: [] };
  const { status, done, total, message, packages } = render;
  return { versionId, number, status, done, total, message, packages };
}

/** Whether a trainer owns the version's module. */
export async function ownsVersion(db: Database, trainerId: string, versionId: string): Promise<boolean> {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(customModuleVersions)
    .innerJoin(customModules, eq(customModules.id, customModuleVersions.moduleId))
    .where(and(eq(customModuleVersions.id, versionId), eq(customModules.trainerId, trainerId)));
  return row !== undefined;
}
