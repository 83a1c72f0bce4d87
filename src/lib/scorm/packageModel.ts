import { z } from 'zod';
import { LOCALES } from '../i18n/locales.ts';
import { PACKAGE_FORMATS } from './formats.ts';

/** The two package formats an LMS can import. */
export { PACKAGE_FORMATS, type PackageFormat } from './formats.ts';
export const packageFormatSchema = z.enum(PACKAGE_FORMATS);

/** A path inside the zip: relative, forward slashes, no `..`, because the LMS serves it from any folder. */
const packagePath = z
  .string()
  .min(1)
  .refine((path) => !path.startsWith('/') && !path.includes('\\') && !path.split('/').includes('..') && !/^[a-z]+:/i.test(path), {
    message: 'must be a relative path inside the package (no leading /, no .., no scheme)',
  });

/**
 * What the manifests describe: one module in one language. The whole module is one SCO (one
 * cmi5 AU) launched at `launch`; see scorm12Manifest.ts for why.
 */
export const packageModelSchema = z.object({
  /** The module's id (a slug); part of every identifier in the manifest. */
  moduleId: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a module id is a URL slug'),
  /** Language of the package's text. */
  locale: z.enum(LOCALES),
  /** The module's title, shown by the LMS; at most 200 characters, the limit of IMS CP's titleType. */
  title: z.string().min(1).max(200),
  /** One paragraph on the module, for the LMS's catalog. */
  description: z.string().min(1),
  /** Lessons in order (shown inside the package; listed here for the LMS's description). */
  lessons: z.array(z.object({ id: z.string().min(1), title: z.string().min(1) })).min(1),
  /** Share of the module test's points needed to pass, 0..1 (the strictest lesson bank's pass mark). */
  passMark: z.number().min(0).max(1),
  /** The page the LMS opens. */
  launch: packagePath,
  /** Every file of the SCO (not the manifest and its XSDs), for `<file href>` entries. */
  files: z.array(packagePath).min(1),
  /** Version of the content, so an LMS can tell two exports apart; IMS CP allows 20 characters. */
  version: z.string().min(1).max(20),
});
export type PackageModel = z.infer<typeof packageModelSchema>;

/** The SCORM 1.2 mastery score is a whole number 0..100 compared with cmi.core.score.raw. */
export function masteryScorePercent(passMark: number): number {
  return Math.round(passMark * 100);
}
