import type { APIRoute } from 'astro';
import { serveCustomAudio } from '../../../../server/customAudio/serve.ts';
import { serverReady } from '../../../../server/db/startup.ts';
import { problem } from '../../../../server/http/json.ts';

export const prerender = false;

/** Either role may listen (the owner, an assigned learner): serveCustomAudio decides, anyone else gets 404. */
export const GET: APIRoute = async ({ request, params, locals, url }) => {
  try {
    return await serveCustomAudio({ db: await serverReady(), request, params, trainer: locals.trainer, learner: locals.learner });
  } catch (error) {
    console.error(`[api] GET ${url.pathname} failed:`, error);
    return problem(500, 'internal');
  }
};
