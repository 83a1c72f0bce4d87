/**
 * GET /api/trainer/modules/<module id>/package?format=scorm12|cmi5&version=<n> for a module the
 * trainer owns or was shared (who may assign it may also hand it to an LMS): a published version
 * (default the latest) as an LMS package. Any other trainer's module is a 404 like everywhere in
 * the authoring API; a module never published is a 409 that
 * says to publish first, since a draft is still changing and a package is a copy handed out.
 */
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { PACKAGE_FORMATS } from '../../lib/scorm/packageModel.ts';
import { safeFileStem } from '../../lib/scorm/packageFileName.ts';
import type { TrainerIdentity } from '../auth/sessions.ts';
import { customModuleVersions } from '../db/schema.ts';
import { parseQuery } from '../http/body.ts';
import { notFound, problem } from '../http/json.ts';
import type { RouteContext } from '../http/route.ts';
import { viewableModuleRow } from '../authoring/access.ts';
import { zipResponse } from './zipResponse.ts';
import { customPackage } from './packageService.ts';

export const customPackageQuerySchema = z.strictObject({
  /** SCORM 1.2 (the default: every LMS imports it) or cmi5. */
  format: z.enum(PACKAGE_FORMATS).default('scorm12'),
  /** The published version's number (1, 2, ...); default the latest. The language is the module's own. */
  version: z
    .string()
    .regex(/^[1-9][0-9]{0,5}$/, 'a version number: 1, 2, ...')
    .transform(Number)
    .optional(),
});

export async function getCustomModulePackage(context: RouteContext & { trainer: TrainerIdentity }, moduleId: string): Promise<Response> {
  const module = (await viewableModuleRow(context.db, context.trainer.id, moduleId))?.row;
  if (!module) return notFound();
  const query = parseQuery(context.url, customPackageQuerySchema);
  if (!query.ok) return query.response;
  const { format, version } = query.data;
  const [chosen] = await context.db
    .select({ id: customModuleVersions.id, number: customModuleVersions.number })
    .from(customModuleVersions)
    .where(version === undefined ? eq(customModuleVersions.moduleId, module.id) : and(eq(customModuleVersions.moduleId, module.id), eq(customModuleVersions.number, version)))
    .orderBy(desc(customModuleVersions.number))
    .limit(1);
  if (!chosen) {
    return version === undefined
      ? problem(409, 'not-published', { message: 'this module has no published version yet: publish it, then download the package' })
      : notFound();
  }
  const built = await customPackage(context.db, chosen.id, module.locale, format);
  if (!built) return notFound();
  const suffix = `v${chosen.number}-${format}.zip`;
  return zipResponse(built.zip, `ltv-dojo-custom-${suffix}`, `${safeFileStem(module.title)}-${suffix}`);
}
