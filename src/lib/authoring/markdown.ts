/**
 * Markdown → lessons and sections. Headings decide the structure: with two or more heading
 * levels the shallowest makes lessons and the next one sections; with one level, its headings
 * make the sections of a single lesson. Deeper headings stay inside the section's text. Each
 * section keeps its Markdown as written (sliced from the source), so nothing is re-formatted.
 */
import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { AUTHORING_LIMITS, importedModuleSchema, type ImportedModule, type LessonContent } from './schema.ts';
import { imported, importFailure, type ImportResult } from './result.ts';
import type { Locale } from '../i18n/locales.ts';

export function parseMarkdown(markdown: string): Root {
  return unified().use(remarkParse).use(remarkGfm).parse(markdown);
}

/** The lesson and section heading depths the document uses (see the file comment). */
function structureDepths(nodes: readonly RootContent[]): { lesson: number | null; section: number | null } {
  const depths = [...new Set(nodes.filter((node): node is Heading => node.type === 'heading').map((node) => node.depth))].sort();
  if (depths.length >= 2) return { lesson: depths[0]!, section: depths[1]! };
  return { lesson: null, section: depths[0] ?? null };
}

interface DraftSection {
  heading: string;
  parts: string[];
  spoken: string | null;
}

export interface MarkdownImportOptions {
  title: string;
  locale: Locale;
}

/** The lessons of a Markdown text, checked against the import limits. */
export function importMarkdown(markdown: string, { title, locale }: MarkdownImportOptions): ImportResult<ImportedModule> {
  if (markdown.trim() === '') return importFailure('empty', 'the text is empty: paste or upload some Markdown');
  const root = parseMarkdown(markdown);
  const depths = structureDepths(root.children);
  const lessons: { title: string; sections: DraftSection[] }[] = [];
  const currentLesson = () => {
    if (lessons.length === 0) lessons.push({ title, sections: [] });
    return lessons[lessons.length - 1]!;
  };
  const currentSection = () => {
    const lesson = currentLesson();
    if (lesson.sections.length === 0) lesson.sections.push({ heading: '', parts: [], spoken: null });
    return lesson.sections[lesson.sections.length - 1]!;
  };
  for (const node of root.children) {
    if (node.type === 'heading' && node.depth === depths.lesson) {
      lessons.push({ title: toString(node).trim() || title, sections: [] });
    } else if (node.type === 'heading' && node.depth === depths.section) {
      currentLesson().sections.push({ heading: toString(node).trim(), parts: [], spoken: null });
    } else {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start !== undefined && end !== undefined) currentSection().parts.push(markdown.slice(start, end));
    }
  }
  return checkedModule(
    title,
    locale,
    lessons.map((lesson) => ({
      title: lesson.title,
      sections: (lesson.sections.length ? lesson.sections : [{ heading: '', parts: [], spoken: null }]).map((section) => ({
        heading: section.heading,
        markdown: section.parts.join('\n\n'),
        spoken: section.spoken,
      })),
    })),
  );
}

/** The limits, each with its own error, then the schema (titles normalized, control characters refused). */
export function checkedModule(title: string, locale: Locale, lessons: LessonContent[]): ImportResult<ImportedModule> {
  const limits = AUTHORING_LIMITS;
  const hasText = lessons.some((lesson) => lesson.sections.some((section) => section.markdown.trim() || section.heading || section.spoken?.trim()));
  if (!hasText) return importFailure('empty', 'the file has no text to import');
  if (lessons.length > limits.maxLessons) return importFailure('too-many-lessons', `${lessons.length} lessons: at most ${limits.maxLessons} per module`, { max: limits.maxLessons });
  let total = 0;
  for (const lesson of lessons) {
    if (lesson.sections.length > limits.maxSectionsPerLesson) {
      return importFailure('too-many-sections', `lesson "${lesson.title}" has ${lesson.sections.length} sections: at most ${limits.maxSectionsPerLesson}`, { lesson: lesson.title, max: limits.maxSectionsPerLesson });
    }
    for (const section of lesson.sections) {
      const length = Math.max(section.markdown.length, section.spoken?.length ?? 0);
      total += section.markdown.length + (section.spoken?.length ?? 0);
      if (length > limits.maxSectionChars) {
        return importFailure('text-too-long', `section "${section.heading || lesson.title}" has ${length} characters: at most ${limits.maxSectionChars}`, { section: section.heading, max: limits.maxSectionChars });
      }
    }
  }
  if (total > limits.maxModuleChars) return importFailure('text-too-long', `${total} characters in all: at most ${limits.maxModuleChars}`, { max: limits.maxModuleChars });
  const parsed = importedModuleSchema.safeParse({ title, locale, lessons });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return importFailure('invalid-content', `${issue.path.join('.') || 'module'}: ${issue.message}`);
  }
  return imported(parsed.data);
}

/** Text from a slide or a Word paragraph, safe to place in Markdown (no accidental emphasis, links or HTML). */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]<>#|~]/g, '\\$&')
    .replace(/^(\s*)([-+])(\s)/, '$1\\$2$3')
    .replace(/^(\s*)(\d+)([.)])(\s)/, '$1$2\\$3$4');
}
