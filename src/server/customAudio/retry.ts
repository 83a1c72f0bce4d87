/**
 * The owner's "render the audio again": the latest published version's narration is queued once
 * more after it failed, or after it waited for a speech engine that is now installed. A render
 * that is queued, under way or done is left alone (409 naming which), so repeating the request,
 * even many at once, queues one render.
 */
import type { ModuleAudio } from '../../lib/authoring/audioStatus.ts';
import type { Database } from '../db/client.ts';
import type { CustomAudioRenderRow } from '../db/schema.ts';
import { failure, success, type Outcome } from '../http/outcome.ts';
import { customAudioSettings } from './config.ts';
import { requeueCustomAudio } from './queue.ts';
import { latestAudio, moduleAudioOf, type LatestAudio } from './status.ts';

type RenderStatus = CustomAudioRenderRow['status'];

/** Each lost race means another request changed the row; a re-read then finds it queued. */
const LOOKS = 3;

const REFUSALS: Record<Exclude<RenderStatus, 'failed'>, string> = {
  queued: 'audio-already-queued',
  rendering: 'audio-already-rendering',
  ready: 'audio-already-ready',
  unavailable: 'audio-engine-missing',
};

/** Whether the version waited for a speech engine that is installed now. */
export const engineArrived = (latest: LatestAudio) => latest.render?.status === 'unavailable' && customAudioSettings().rendererFor(latest.locale).ok;

/** The statuses a retry may replace: a failure, and waiting for an engine once the engine is there. */
const retryable = (latest: LatestAudio): RenderStatus[] => (engineArrived(latest) ? ['failed', 'unavailable'] : ['failed']);

/** Queues the render of the owner's latest version again; 404 when the module is not theirs or was never published. */
export async function retryRender(db: Database, trainerId: string, moduleId: string): Promise<Outcome<ModuleAudio>> {
  let latest: LatestAudio | null = null;
  for (let look = 0; look < LOOKS; look++) {
    latest = await latestAudio(db, trainerId, moduleId);
    if (!latest) return failure(404, 'not-found');
    const from = retryable(latest);
    const status = latest.render?.status;
    if (status && status !== 'failed' && !from.includes(status)) return failure(409, REFUSALS[status], { audio: moduleAudioOf(latest) });
    if (await requeueCustomAudio(db, latest.versionId, from)) return success(moduleAudioOf({ ...latest, render: null }));
  }
  // Only renders that keep failing within milliseconds of each retry get here: another request has just queued one.
  return failure(409, REFUSALS.queued, latest ? { audio: moduleAudioOf({ ...latest, render: null }) } : undefined);
}
