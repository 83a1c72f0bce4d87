/**
 * `GET /api/custom-audio/<version id>/<n>.<hash>.mp3`: a custom lesson's recorded narration, for
 * the module's owner or a learner whose cohort has that lesson assigned. Anyone else, and any name
 * this folder does not hold, gets the same 404 (a stranger learns nothing, not even that it exists).
 * Cache headers are set with every other response's (src/server/http/securityHeaders.ts).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import { parseCustomAudioFile } from '../../lib/authoring/audio.ts';
import { customLessonKey } from '../../lib/authoring/ids.ts';
import type { LearnerIdentity, TrainerIdentity } from '../auth/sessions.ts';
import type { Database } from '../db/client.ts';
import { isUuid } from '../db/ids.ts';
import { assignments } from '../db/schema.ts';
import { notFound } from '../http/json.ts';
import { byteRange } from '../http/range.ts';
import { customAudioSettings } from './config.ts';
import { versionAudioDir } from './layout.ts';
import { ownsVersion } from './status.ts';

export interface AudioRequest {
  db: Database;
  request: Request;
  params: Record<string, string | undefined>;
  trainer: TrainerIdentity | null | undefined;
  learner: LearnerIdentity | null | undefined;
}

async function mayListen({ db, trainer, learner }: AudioRequest, versionId: string, lessonKey: string): Promise<boolean> {
  if (trainer && (await ownsVersion(db, trainer.id, versionId))) return true;
  if (!learner) return false;
  // The lesson itself must be assigned, as for its page (src/server/authoring/pages.ts).
  const [row] = await db.select({ id: assignments.id }).from(assignments).where(and(eq(assignments.cohortId, learner.cohortId), eq(assignments.lessonId, lessonKey)));
  return row !== undefined;
}

export async function serveCustomAudio(input: AudioRequest): Promise<Response> {
  const { versionId = '', file = '' } = input.params;
  const parsed = parseCustomAudioFile(file);
  // Version ids are lower-case: one spelling per file, so one cache entry per file.
  if (!isUuid(versionId) || versionId !== versionId || !parsed) return notFound();
  if (!(await mayListen(input, versionId, customLessonKey(versionId, parsed.position)))) return notFound();
  const onDisk = path.join(versionAudioDir(customAudioSettings().dir, versionId), file);
  const info = await stat(onDisk).catch(() => undefined);
  if (!info?.isFile()) return notFound();

  const size = info.size;
  const headers = new Headers({ 'content-type': 'audio/mpeg', 'accept-ranges': 'bytes' });
  const range = byteRange(input.request.headers.get('range'), size);
  if (range.kind === 'unsatisfiable') {
    headers.set('content-range', `bytes */${size}`);
    return new Response(null, { status: 416, headers });
  }
  const [start, end] = range.kind === 'partial' ? [range.start, range.end] : [0, size - 1];
  headers.set('content-length', String(Math.max(0, end - start + 1)));
  if (range.kind === 'partial') headers.set('content-range', `bytes ${start}-${end}/${size}`);
  const body = size === 0 || input.request.method === 'HEAD' ? null : (Readable.toWeb(createReadStream(onDisk, { start, end })) as ReadableStream<Uint8Array>);
  return new Response(body, { status: range.kind === 'partial' ? 206 : 200, headers });
}
