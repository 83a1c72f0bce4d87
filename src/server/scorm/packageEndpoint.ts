/**
 * GET /api/trainer/modules/<id>/package: a module as an LMS package, for trainers only (a
 * learner's session is a 403: signed in, but not allowed; no session a 401). One route serves
 * both kinds of module, told apart by the id's shape, which cannot overlap: a built-in module is
 * a slug from src/content (`?format=scorm12|cmi5&lang=ja|en`), a custom module a UUID
 * (`?format=scorm12|cmi5&version=<n>`, see customPackageEndpoint.ts).
 */
import { z } from 'zod';
import { LOCALES } from '../../lib/i18n/locales.ts';
import { PACKAGE_FORMATS } from '../../lib/scorm/packageModel.ts';
import { learnerFromToken, type TrainerIdentity } from '../auth/sessions.ts';
import { isUuid } from '../db/ids.ts';
import { parseQuery } from '../http/body.ts';
import { COOKIE_NAMES, readCookie } from '../http/cookies.ts';
import { forbidden, notFound, unauthorized } from '../http/json.ts';
import type { RouteContext } from '../http/route.ts';
import { getCustomModulePackage } from './customPackageEndpoint.ts';
import { modulePackage } from './packageService.ts';
import { zipResponse } from './zipResponse.ts';

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

async function getBuiltInPackage(context: RouteContext, id: string): Promise<Response> {
  const moduleId = moduleIdSchema.safeParse(id);
  if (!moduleId.success) return notFound();
  const query = parseQuery(context.url, packageQuerySchema);
  if (!query.ok) return query.response;
  const { format, lang } = query.data;
  const built = await modulePackage(moduleId.data, lang, format);
  if (!built) return notFound();
  return zipResponse(built.zip, `ltv-dojo-${moduleId.data}-${lang}-${format}.zip`);
}

export async function getModulePackage(context: RouteContext): Promise<Response> {
  if (!context.trainer) return (await isSignedInLearner(context)) ? forbidden() : unauthorized();
  const id = context.params.id ?? '';
  // Built-in ids are lowercase slugs that never look like a UUID; a UUID is only ever a custom module.
  return isUuid(id) ? getCustomModulePackage(context as RouteContext & { trainer: TrainerIdentity }, id) : getBuiltInPackage(context, id);
}
