import type { APIRoute } from 'astro';
import { serveCustomImage } from '../../../server/customImages/serve.ts';
import { serverReady } from '../../../server/db/startup.ts';
import { problem } from '../../../server/http/json.ts';

export const prerender = false;

/** Either role may look (the owner or a trainer it is shared with, an assigned learner): serveCustomImage decides, anyone else gets 404. */
export const GET: APIRoute = async ({ params, locals, url }) => {
  try {
    return await serveCustomImage({ db: await serverReady(), params, trainer: locals.trainer, learner: locals.learner });
  } catch (error) {
    console.error(`[api] GET ${url.pathname} failed:`, error);
    return problem(500, 'internal');
  }
};
