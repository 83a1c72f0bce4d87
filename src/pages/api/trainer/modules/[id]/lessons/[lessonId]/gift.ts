import { getGift, postGift } from '../../../../../../../server/authoring/handlers.ts';
import { trainerRoute } from '../../../../../../../server/http/route.ts';

export const prerender = false;

export const GET = trainerRoute(getGift);
export const POST = trainerRoute(postGift);
