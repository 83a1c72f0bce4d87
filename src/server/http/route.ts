/**
 * The shape of every trainer, learner and auth endpoint: the database ready, the role checked
 * (401 without the right session; ownership is checked by each service), and any unexpected error
 * turned into a bare 500 (logged for the operator, no stack trace for the client).
 */
import type { APIContext, APIRoute } from 'astro';
import type { LearnerIdentity, TrainerIdentity } from '../auth/sessions.ts';
import type { Database } from '../db/client.ts';
import { serverReady } from '../db/startup.ts';
import { loadCourse, type Course } from '../learner/course.ts';
import { cohortCourse, trainerCourse } from '../authoring/catalog.ts';
import { problem, unauthorized } from './json.ts';

export interface RouteContext {
  request: Request;
  url: URL;
  params: Record<string, string | undefined>;
  db: Database;
  course: Course;
  /** The client's IP address, or 'unknown' when the adapter cannot tell. */
  clientKey: string;
  trainer: TrainerIdentity | null;
  learner: LearnerIdentity | null;
}

function clientKeyOf(context: APIContext): string {
  if (process.env.LTV_TRUST_PROXY === '1') {
    const forwarded = context.request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return context.clientAddress;
  } catch {
    return 'unknown';
  }
}

function route(handler: (context: RouteContext) => Promise<Response>, guard?: (context: RouteContext) => Response | null): APIRoute {
  return async (context) => {
    try {
      const [db, builtIn] = await Promise.all([serverReady(), loadCourse()]);
      const { trainer, learner } = context.locals;
      // Published custom modules join the course for their owner and for the cohorts they are assigned to.
      const course = trainer ? await trainerCourse(db, builtIn, trainer.id) : learner ? await cohortCourse(db, builtIn, learner.cohortId) : builtIn;
      const routeContext: RouteContext = {
        request: context.request,
        url: context.url,
        params: context.params,
        db,
        course,
        clientKey: clientKeyOf(context),
        trainer: context.locals.trainer ?? null,
        learner: context.locals.learner ?? null,
      };
      return guard?.(routeContext) ?? (await handler(routeContext));
    } catch (error) {
      console.error(`[api] ${context.request.method} ${context.url.pathname} failed:`, error);
      return problem(500, 'internal');
    }
  };
}

/** Anyone may call it (sign-in, join); the handler decides. */
export const publicRoute = (handler: (context: RouteContext) => Promise<Response>) => route(handler);

/** A signed-in trainer only. */
export const trainerRoute = (handler: (context: RouteContext & { trainer: TrainerIdentity }) => Promise<Response>) =>
  route(
    (context) => handler(context as RouteContext & { trainer: TrainerIdentity }),
    (context) => (context.trainer ? null : unauthorized()),
  );

/** A signed-in learner only. */
export const learnerRoute = (handler: (context: RouteContext & { learner: LearnerIdentity }) => Promise<Response>) =>
  route(
    (context) => handler(context as RouteContext & { learner: LearnerIdentity }),
    (context) => (context.learner ? null : unauthorized()),
  );
