/**
 * A lesson's Markdown as static HTML for the package. Rendered from the content, not taken from
 * the built site: built pages carry absolute URLs, island scripts and the site's CSP, while an LMS
 * serves the package from an arbitrary path, often from a file server with no JS modules. The
 * calculators are interactive islands that cannot run without the app, so each becomes a note
 * with the words the narration says about it.
 */
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeSanitize).use(rehypeStringify);

/** `<Calculator name="X" preset="y" />` (one line or several) → a quoted note. */
export function replaceCalculators(body: string, describe: (name: string) => string | undefined, note: string): string {
  return body
    .replace(/^import\s.*$/gm, '')
    .replace(/<Calculator\b([^>]*?)\/>/gs, (_tag, attributes: string) => {
      const name = /name="([^"]+)"/.exec(attributes)?.[1] ?? '';
      const description = describe(name);
      return `\n> ${[description, note].filter(Boolean).join(' ')}\n`;
    });
}

export function markdownToHtml(markdown: string): string {
  return String(processor.processSync(markdown));
}
