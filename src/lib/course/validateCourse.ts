import type { LessonFrontmatter } from './schemas.ts';

/** A lesson file as the course checks see it. */
export interface LessonFile {
  /** Path shown in errors, e.g. `src/content/lessons/ja/what-is-ltv.mdx`. */
  path: string;
  locale: string;
  data: Pick<LessonFrontmatter, 'id' | 'module' | 'order'>;
}

/**
 * Rules that span several lesson files, which a per-file schema cannot see: one lesson per
 * order in each module and language, and every lesson present in every language with the
 * same module and order. Returns messages naming the files; empty when the course is sound.
 */
export function courseProblems(files: readonly LessonFile[], locales: readonly string[]): string[] {
  const problems: string[] = [];
  const byOrder = new Map<string, LessonFile>();
  const byId = new Map<string, Map<string, LessonFile>>();
  for (const file of files) {
    const slot = `${file.locale}/${file.data.module}/${file.data.order}`;
    const taken = byOrder.get(slot);
    if (taken) {
      problems.push(`${file.path}: order ${file.data.order} in module ${file.data.module} is already used by ${taken.path}`);
    } else byOrder.set(slot, file);
    const translations = byId.get(file.data.id) ?? new Map<string, LessonFile>();
    if (translations.has(file.locale)) problems.push(`${file.path}: id ${file.data.id} is used twice in ${file.locale}`);
    translations.set(file.locale, file);
    byId.set(file.data.id, translations);
  }
  for (const [id, translations] of byId) {
    const [first] = translations.values();
    for (const locale of locales) {
      const translation = translations.get(locale);
      if (!translation) {
        problems.push(`${first!.path}: lesson ${id} has no ${locale} version (expected src/content/lessons/${locale}/${id}.mdx)`);
      } else if (translation.data.module !== first!.data.module || translation.data.order !== first!.data.order) {
        problems.push(`${translation.path}: module/order (${translation.data.module} ${translation.data.order}) differ from ${first!.path} (${first!.data.module} ${first!.data.order})`);
      }
    }
  }
  return problems;
}
