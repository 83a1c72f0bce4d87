import { getCohort } from '../../../../../server/trainer/handlers.ts';
import { trainerRoute } from '../../../../../server/http/route.ts';

export const prerender = false;

export const GET = trainerRoute(getCohort);
