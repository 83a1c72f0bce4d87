/** The sharing API: `/api/trainer/modules/:id/shares` (list, add by email) and `/shares/:trainerId` (revoke). */
import type { TrainerIdentity } from '../auth/sessions.ts';
import { parseBody, parseParams } from '../http/body.ts';
import { notFound } from '../http/json.ts';
import { respond, success } from '../http/outcome.ts';
import type { RouteContext } from '../http/route.ts';
import { moduleParamsSchema, shareBodySchema, shareParamsSchema } from './schemas.ts';
import { listShares, revokeShare, shareModule } from './shares.ts';

type TrainerContext = RouteContext & { trainer: TrainerIdentity };

export async function getShares(context: TrainerContext): Promise<Response> {
  const params = parseParams(context.params, moduleParamsSchema);
  if (!params) return notFound();
  const outcome = await listShares(context.db, context.trainer.id, params.id);
  return respond(outcome.ok ? success({ shares: outcome.value }) : outcome);
}

export async function postShare(context: TrainerContext): Promise<Response> {
  const params = parseParams(context.params, moduleParamsSchema);
  if (!params) return notFound();
  const body = await parseBody(context.request, shareBodySchema);
  if (!body.ok) return body.response;
  const outcome = await shareModule(context.db, context.trainer.id, params.id, body.data.email);
  if (!outcome.ok) return respond(outcome);
  return respond(success({ share: outcome.value.share }), outcome.value.created ? 201 : 200);
}

export async function deleteShare(context: TrainerContext): Promise<Response> {
  const params = parseParams(context.params, shareParamsSchema);
  if (!params) return notFound();
  const outcome = await revokeShare(context.db, context.trainer.id, params.id, params.trainerId);
  return outcome.ok ? new Response(null, { status: 204 }) : respond(outcome);
}
