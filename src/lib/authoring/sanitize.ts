/**
 * Trainer Markdown → safe HTML. GitHub's sanitizing rules (rehype-sanitize's default schema): raw
 * HTML in the Markdown is dropped before it becomes elements (remark-rehype without
 * allowDangerousHtml), links keep only http(s)/mailto/relative targets (no `javascript:`),
 * ids are prefixed so they cannot clobber the page's own. Images are removed: uploads keep no
 * media yet, and a remote image would be a tracking pixel (the CSP refuses it anyway).
 */
import type { Root as HastRoot } from 'hast';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

const schema = {
  ...defaultSchema,
  tagNames: (defaultSchema.tagNames ?? []).filter((tag) => tag !== 'img' && tag !== 'picture' && tag !== 'source'),
};

const toTree = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeSanitize, schema);
const toText = unified().use(rehypeStringify);

/** The sanitized element tree of a Markdown text. */
export function sanitizedTree(markdown: string): HastRoot {
  return toTree.runSync(toTree.parse(markdown)) as HastRoot;
}

export function treeHtml(tree: HastRoot): string {
  return toText.stringify(tree);
}

/** Markdown as sanitized HTML, for a preview or a test. */
export function markdownToSafeHtml(markdown: string): string {
  return treeHtml(sanitizedTree(markdown));
}
