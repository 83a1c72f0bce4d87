import { putQuestionsHandler } from '../../../../../../../server/authoring/handlers.ts';
import { trainerRoute } from '../../../../../../../server/http/route.ts';

export const prerender = false;

export const PUT = trainerRoute(putQuestionsHandler);
