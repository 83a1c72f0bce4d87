/**
 * GET /api/trainer/modules/<module>/package?format=scorm12|cmi5&lang=ja|en: the module as an LMS
 * package. Trainers only; a learner's session is a 403 (signed in, but not allowed), no session a 401.
 */
import { z } from 'zod';
import { LOCALES } from '../../lib/i18n/locales.ts';
import { learnerFromToken } from '../auth/sessions.ts';
import { COOKIE_NAMES, readCookie } from '../http/cookies.ts';
import { PACKAGE_FORMATS } from '../../lib/scorm/packageModel.ts';
import { parseQuery } from '../http/body.ts';
import { forbidden, notFound, unauthorized } from '../http/json.ts';
import type { RouteContext } from '../http/route.ts';
import { modulePackage } from './packageService.ts';

/** The download's query; anything else in it is a 400 naming the field. */
export const packageQuerySchema = z.strictObject({
  /** SCORM 1.2 (the default: every LMS imports it) or cmi5. */
  format: z.enum(PACKAGE_FORMATS).default('scorm12'),
  /** Language of the package's lessons and test. */
  lang: z.enum(LOCALES).default('ja'),
});

const moduleIdSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(80);

/**
 * The middleware does not look up learner sessions on /api/trainer paths (one lookup per request),
 * so the learner's cookie is checked here, only on the way to refusing.
 */
async function isSignedInLearner(context: RouteContext): Promise<boolean> {
  if (context.learner) return true;
  const token = readCookie(context.request, COOKIE_NAMES.learner);
  return token !== null && (await learnerFromToken(context.db, token)) !== null;
}

export async function getModulePackage(context: RouteContext): Promise<Response> {
  if (!context.trainer) return (await isSignedInLearner(context)) ? forbidden() : unauthorized();
  const moduleId = moduleIdSchema.safeParse(context.params.module);
  if (!moduleId.success) return notFound();
  const query = parseQuery(context.url, packageQuerySchema);
  if (!query.ok) return query.response;
  const { format, lang } = query.data;
  const built = await modulePackage(moduleId.data, lang, format);
  if (!built) return notFound();
  return new Response(built.zip as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers: {
      'content-type': 'application/zip',
      'content-length': String(built.zip.byteLength),
      'content-disposition': `attachment; filename="ltv-dojo-${moduleId.data}-${lang}-${format}.zip"`,
      'cache-control': 'no-store',
    },
  });
}
