/**
 * The trainer API. Every handler runs for a signed-in trainer (trainerRoute) and reaches a cohort
 * only through ownedCohort or a query that names the trainer: another trainer's cohort is a 404.
 */
import type { Locale } from '../../lib/i18n/locales.ts';
import { parseBody, parseParams, parseQuery } from '../http/body.ts';
import { json, notFound } from '../http/json.ts';
import { respond } from '../http/outcome.ts';
import type { RouteContext } from '../http/route.ts';
import type { TrainerIdentity } from '../auth/sessions.ts';
import { assignLessons } from './assignments.ts';
import { createCohort, invitePath, listCohorts, ownedCohort, rotateInvite } from './cohorts.ts';
import { cohortDashboard } from './dashboard.ts';
import { csvDisposition, resultsCsv } from './export.ts';
import { learnerDetail } from './learnerDetail.ts';
import { assignBodySchema, cohortBodySchema, cohortParamsSchema, learnerParamsSchema, localeQuerySchema } from './schemas.ts';

type TrainerContext = RouteContext & { trainer: TrainerIdentity };

export async function getCohorts(context: TrainerContext): Promise<Response> {
  return json(200, { cohorts: await listCohorts(context.db, context.trainer.id) });
}

export async function postCohort(context: TrainerContext): Promise<Response> {
  const body = await parseBody(context.request, cohortBodySchema);
  if (!body.ok) return body.response;
  const cohort = await createCohort(context.db, context.trainer.id, body.data);
  return json(201, { cohort: { id: cohort.id, name: cohort.name, invitePath: invitePath(cohort.inviteToken) } });
}

export async function getCohort(context: TrainerContext): Promise<Response> {
  const params = parseParams(context.params, cohortParamsSchema);
  if (!params) return notFound();
  const dashboard = await cohortDashboard(context.db, context.course, context.trainer.id, params.id);
  return dashboard ? json(200, { ...dashboard, invitePath: invitePath(dashboard.cohort.inviteToken) }) : notFound();
}

export async function postInvite(context: TrainerContext): Promise<Response> {
  const params = parseParams(context.params, cohortParamsSchema);
  if (!params) return notFound();
  const cohort = await rotateInvite(context.db, context.trainer.id, params.id);
  return cohort ? json(200, { invitePath: invitePath(cohort.inviteToken), inviteRotatedAt: cohort.inviteRotatedAt.toISOString() }) : notFound();
}

export async function postAssignments(context: TrainerContext): Promise<Response> {
  const params = parseParams(context.params, cohortParamsSchema);
  if (!params) return notFound();
  // Ownership before the body: a stranger learns nothing, not even which fields are wrong.
  const cohort = await ownedCohort(context.db, context.trainer.id, params.id);
  if (!cohort) return notFound();
  const body = await parseBody(context.request, assignBodySchema);
  if (!body.ok) return body.response;
  const outcome = await assignLessons(context.db, context.course, cohort.id, body.data);
  if (!outcome.ok) return respond(outcome);
  const assignments = outcome.value.map((row) => ({ id: row.id, lessonId: row.lessonId, dueAt: row.dueAt.toISOString(), passMark: row.passMark, questionCount: row.questionCount }));
  return json(200, { assignments });
}

export async function getLearner(context: TrainerContext): Promise<Response> {
  const params = parseParams(context.params, learnerParamsSchema);
  if (!params) return notFound();
  const query = parseQuery(context.url, localeQuerySchema);
  if (!query.ok) return query.response;
  const detail = await learnerDetail(context.db, context.course, context.trainer.id, params.id, params.learnerId, query.data.locale as Locale);
  return detail ? json(200, detail) : notFound();
}

export async function getExport(context: TrainerContext): Promise<Response> {
  const params = parseParams(context.params, cohortParamsSchema);
  if (!params) return notFound();
  const query = parseQuery(context.url, localeQuerySchema);
  if (!query.ok) return query.response;
  const now = new Date();
  const dashboard = await cohortDashboard(context.db, context.course, context.trainer.id, params.id, now);
  if (!dashboard) return notFound();
  return new Response(resultsCsv(dashboard, query.data.locale), {
    status: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': csvDisposition(dashboard.cohort.name, now),
      'cache-control': 'no-store',
    },
  });
}

/** What can be assigned: lessons with a test, grouped by module, titles in both languages. */
export async function getLessons(context: TrainerContext): Promise<Response> {
  const modules = [...new Map(context.course.lessons.map((lesson) => [lesson.module, { id: lesson.module, title: lesson.moduleTitle }])).values()];
  return json(200, { modules, lessons: context.course.lessons });
}
