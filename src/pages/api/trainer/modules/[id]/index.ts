import { getModule, patchModuleHandler } from '../../../../../server/authoring/handlers.ts';
import { trainerRoute } from '../../../../../server/http/route.ts';

export const prerender = false;

export const GET = trainerRoute(getModule);
export const PATCH = trainerRoute(patchModuleHandler);
