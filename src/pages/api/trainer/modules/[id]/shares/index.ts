import { getShares, postShare } from '../../../../../../server/authoring/shareHandlers.ts';
import { trainerRoute } from '../../../../../../server/http/route.ts';

export const prerender = false;

export const GET = trainerRoute(getShares);
export const POST = trainerRoute(postShare);
