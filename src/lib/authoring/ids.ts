/**
 * How custom modules and their published lessons are named where built-in ones are: a module is
 * `cm-<module id>` in the assign form; an assigned lesson is `cm-<version id>-<n>` (the n-th
 * lesson of that frozen version), so an assignment, its attempts and their answers keep naming
 * exactly the text and questions they were given. Both are valid lesson/module slugs.
 */
export const CUSTOM_PREFIX = 'cm-';
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const LESSON = new RegExp(`^${CUSTOM_PREFIX}(${UUID})-([1-9][0-9]{0,2})$`);
const MODULE = new RegExp(`^${CUSTOM_PREFIX}(${UUID})$`);

export const customModuleKey = (moduleId: string) => `${CUSTOM_PREFIX}${moduleId}`;
export const customLessonKey = (versionId: string, position: number) => `${CUSTOM_PREFIX}${versionId}-${position}`;

export function parseCustomLessonKey(key: string): { versionId: string; position: number } | null {
  const match = LESSON.exec(key);
  return match ? { versionId: match[1]!, position: Number(match[2]) } : null;
}

export function parseCustomModuleKey(key: string): string | null {
  return MODULE.exec(key)?.[1] ?? null;
}

/** The anchor of a section's heading on the lesson page: questions link to it (`section: { ja, en }`). */
export const sectionAnchor = (sectionId: string) => `s-${sectionId}`;

export const isCustomLessonKey = (key: string) => LESSON.test(key);
