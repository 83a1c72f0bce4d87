import { getModuleAudio, postModuleAudio } from '../../../../../server/customAudio/editor.ts';
import { trainerRoute } from '../../../../../server/http/route.ts';

export const prerender = false;

export const GET = trainerRoute(getModuleAudio);
export const POST = trainerRoute(postModuleAudio);
