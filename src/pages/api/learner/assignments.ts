import { getAssignments } from '../../../server/learner/handlers.ts';
import { learnerRoute } from '../../../server/http/route.ts';

export const prerender = false;

export const GET = learnerRoute(getAssignments);
