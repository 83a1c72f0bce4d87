/**
 * `GET /api/trainer/modules/<id>/audio`: where the recorded narration of the owner's latest
 * version stands. Asking also repairs: a version published before audio existed is queued, and one
 * that waited for a speech engine is queued again once the engine is installed (a queue forgotten
 * by a restart is started by the middleware, on any request).
 * `POST` of the same path: render it again after a failure (retry.ts).
 */
import type { TrainerIdentity } from '../auth/sessions.ts';
import { parseEmptyBody, parseParams } from '../http/body.ts';
import { json, notFound } from '../http/json.ts';
import { respond } from '../http/outcome.ts';
import type { RouteContext } from '../http/route.ts';
import { moduleParamsSchema } from '../authoring/schemas.ts';
import { ownedModuleRow } from '../authoring/store.ts';
import { requeueCustomAudio } from './queue.ts';
import { engineArrived, retryRender } from './retry.ts';
import { latestAudio, moduleAudioOf } from './status.ts';

type TrainerContext = RouteContext & { trainer: TrainerIdentity };

export async function getModuleAudio(context: TrainerContext): Promise<Response> {
  const params = parseParams(context.params, moduleParamsSchema);
  if (!params) return notFound();
  const latest = await latestAudio(context.db, context.trainer.id, params.id);
  if (!latest) return (await ownedModuleRow(context.db, context.trainer.id, params.id)) ? json(200, { audio: null }) : notFound();
  if (!latest.render || engineArrived(latest)) {
    // Conditional, like a retry: two tabs asking at once queue one render, and never reset one under way.
    await requeueCustomAudio(context.db, latest.versionId, ['unavailable']);
    return json(200, { audio: moduleAudioOf({ ...latest, render: null }) });
  }
  return json(200, { audio: moduleAudioOf(latest) });
}

/** The body carries nothing (`{}` or none): the module is the path's. 202: queued, not yet rendered. */
export async function postModuleAudio(context: TrainerContext): Promise<Response> {
  const params = parseParams(context.params, moduleParamsSchema);
  if (!params) return notFound();
  const body = await parseEmptyBody(context.request);
  if (!body.ok) return body.response;
  const outcome = await retryRender(context.db, context.trainer.id, params.id);
  return outcome.ok ? json(202, { audio: outcome.value }) : respond(outcome);
}
