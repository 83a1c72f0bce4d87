import { deleteShare } from '../../../../../../server/authoring/shareHandlers.ts';
import { trainerRoute } from '../../../../../../server/http/route.ts';

export const prerender = false;

export const DELETE = trainerRoute(deleteShare);
