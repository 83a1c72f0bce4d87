import { getModules, postModule } from '../../../../server/authoring/handlers.ts';
import { trainerRoute } from '../../../../server/http/route.ts';

export const prerender = false;

export const GET = trainerRoute(getModules);
export const POST = trainerRoute(postModule);
