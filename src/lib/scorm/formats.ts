/**
 * The LMS package formats, in their own module so the download buttons (browser islands) name
 * them without pulling in the package schema and zod with it.
 */
export const PACKAGE_FORMATS = ['scorm12', 'cmi5'] as const;
export type PackageFormat = (typeof PACKAGE_FORMATS)[number];
