import type { LessonFrontmatter } from '../course/schemas.ts';
import type { Locale } from '../i18n/locales.ts';
import { t } from '../i18n/ui.ts';
import { bodyBlocks } from './bodyBlocks.ts';
import { normalizeSpacing } from './plainText.ts';
import type { NarrationBlock } from './types.ts';

/** What each calculator says about itself when the narration reaches it, per language and name. */
export type CalculatorDescriptions = Partial<Record<Locale, Readonly<Record<string, string>>>>;

export interface LessonScriptInput extends Pick<LessonFrontmatter, 'title' | 'summary' | 'objectives' | 'keyTerms'> {
  /** The MDX source after the frontmatter (`lesson.body` in Astro). */
  body: string;
  locale: Locale;
  /** A calculator without a description for `locale` is skipped. */
  calculatorDescriptions?: CalculatorDescriptions;
}

/**
 * Everything a lesson says, in the order the page shows it: title, summary, objectives, the
 * body (headings, paragraphs, list items, calculators, `<Spoken>` text), then the key terms
 * as a glossary. Run at build time: it parses MDX, so the browser receives its result.
 */
export function lessonScript(input: LessonScriptInput): NarrationBlock[] {
  const { title, summary, objectives, keyTerms, body, locale, calculatorDescriptions } = input;
  const describeCalculator = (name: string) => calculatorDescriptions?.[locale]?.[name];
  const blocks: NarrationBlock[] = [
    { id: 'title', kind: 'title', text: title },
    { id: 'summary', kind: 'summary', text: summary },
  ];
  if (objectives.length > 0) {
    blocks.push({ id: 'objectives', kind: 'objectives', text: t(locale, 'lesson.objectives') });
    objectives.forEach((objective, j) => blocks.push({ id: `objectives.${j}`, kind: 'objectives', text: objective }));
  }
  blocks.push(...bodyBlocks(body, describeCalculator));
  if (keyTerms.length > 0) {
    blocks.push({ id: 'key-terms', kind: 'key-term', text: t(locale, 'lesson.keyTerms') });
    keyTerms.forEach(({ term, definition }, j) =>
      blocks.push({ id: `key-terms.${j}`, kind: 'key-term', text: glossaryEntry(term, definition, locale) }),
    );
  }
  return blocks
    .map((block) => ({ ...block, text: normalizeSpacing(block.text) }))
    .filter((block) => block.text !== '');
}

/** 「LTV。一人のお客様が…」 / "LTV. The total…": the term, a full stop, then its definition. */
function glossaryEntry(term: string, definition: string, locale: Locale): string {
  const stop = locale === 'ja' ? '。' : '. ';
  const endsWithStop = /[。．.!?！？]$/u.test(term.trim());
  return `${term.trim()}${endsWithStop ? (locale === 'ja' ? '' : ' ') : stop}${definition.trim()}`;
}
