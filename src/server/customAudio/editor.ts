/**
 * `GET /api/trainer/modules/<id>/audio`: where the recorded narration of the owner's latest
 * version stands. Asking also repairs: a version published before audio existed is queued, one
 * that waited for a speech engine is queued again once the engine is installed, and a queue
 * forgotten by a restart is started.
 */
import type { ModuleAudio } from '../../lib/authoring/audioStatus.ts';
import type { TrainerIdentity } from '../auth/sessions.ts';
import { parseParams } from '../http/body.ts';
import { json, notFound } from '../http/json.ts';
import type { RouteContext } from '../http/route.ts';
import { moduleParamsSchema } from '../authoring/schemas.ts';
import { ownedModuleRow } from '../authoring/store.ts';
import { customAudioSettings } from './config.ts';
import { queueCustomAudio, sweepRenders } from './queue.ts';
import { latestAudio } from './status.ts';

const queued = (versionId: string, number: number): ModuleAudio => ({ versionId, number, status: 'queued', done: 0, total: 0, message: null, packages: [] });

export async function getModuleAudio(context: RouteContext & { trainer: TrainerIdentity }): Promise<Response> {
  const params = parseParams(context.params, moduleParamsSchema);
  if (!params) return notFound();
  const latest = await latestAudio(context.db, context.trainer.id, params.id);
  if (!latest) return (await ownedModuleRow(context.db, context.trainer.id, params.id)) ? json(200, { audio: null }) : notFound();
  const { versionId, number, render } = latest;
  const engineArrived = render?.status === 'unavailable' && customAudioSettings().rendererFor(latest.locale).ok;
  if (!render || engineArrived) {
    await queueCustomAudio(context.db, versionId);
    return json(200, { audio: queued(versionId, number) });
  }
  sweepRenders();
  const { status, done, total, message, packages } = render;
  return json(200, { audio: { versionId, number, status, done, total, message, packages } satisfies ModuleAudio });
}
