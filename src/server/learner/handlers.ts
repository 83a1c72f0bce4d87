/**
 * The learner API: my assignments, start an assigned test, read it back, submit it. Every handler
 * runs for a signed-in learner (learnerRoute) and every query is scoped to that learner.
 */
import type { LearnerIdentity } from '../auth/sessions.ts';
import { parseBody, parseParams } from '../http/body.ts';
import { json, notFound } from '../http/json.ts';
import { respond } from '../http/outcome.ts';
import type { RouteContext } from '../http/route.ts';
import { myAssignments } from './assignments.ts';
import { readAttempt, startAttempt, submitAttempt } from './attempts.ts';
import { attemptParamsSchema, startAttemptBodySchema, submitBodySchema } from './schemas.ts';

type LearnerContext = RouteContext & { learner: LearnerIdentity };

export async function getAssignments(context: LearnerContext): Promise<Response> {
  const { learner } = context;
  const assignments = await myAssignments(context.db, context.course, learner);
  return json(200, { learner: { name: learner.name, cohortName: learner.cohortName }, assignments });
}

export async function postAttempt(context: LearnerContext): Promise<Response> {
  const body = await parseBody(context.request, startAttemptBodySchema);
  if (!body.ok) return body.response;
  return respond(await startAttempt(context.db, context.course, context.learner, body.data), 201);
}

export async function getAttempt(context: LearnerContext): Promise<Response> {
  const params = parseParams(context.params, attemptParamsSchema);
  if (!params) return notFound();
  return respond(await readAttempt(context.db, context.course, context.learner, params.id));
}

export async function postSubmission(context: LearnerContext): Promise<Response> {
  const params = parseParams(context.params, attemptParamsSchema);
  if (!params) return notFound();
  const body = await parseBody(context.request, submitBodySchema);
  if (!body.ok) return body.response;
  return respond(await submitAttempt(context.db, context.course, context.learner, params.id, body.data));
}
