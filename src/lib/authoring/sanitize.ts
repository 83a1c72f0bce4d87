/**
 * Trainer Markdown → safe HTML. GitHub's sanitizing rules (rehype-sanitize's default schema): raw
 * HTML in the Markdown is dropped before it becomes elements (remark-rehype without
 * allowDangerousHtml), links keep only http(s)/mailto/relative targets (no `javascript:`),
 * ids are prefixed so they cannot clobber the page's own. Images are kept only when they show a
 * picture stored with a module (`/api/custom-images/<id>`, served to those who may read it); any
 * other image, remote (a tracking pixel), `data:` or another path, is removed whole.
 */
import type { Element, Root as HastRoot } from 'hast';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { CUSTOM_IMAGE_SRC } from './images.ts';

const schema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: (defaultSchema.tagNames ?? []).filter((tag) => tag !== 'picture' && tag !== 'source'),
  // A src that does not match is dropped by the sanitizer; the image is then removed below.
  attributes: { ...defaultSchema.attributes, img: [['src', CUSTOM_IMAGE_SRC], 'alt', 'title'] },
};

/** Removes every `<img>` the sanitizer left without a src. */
function dropImagesWithoutSource() {
  const prune = (parent: HastRoot | Element) => {
    parent.children = parent.children.filter((child) => child.type !== 'element' || child.tagName !== 'img' || typeof child.properties.src === 'string');
    for (const child of parent.children) if (child.type === 'element') prune(child);
  };
  return (tree: HastRoot) => prune(tree);
}

const toTree = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeSanitize, schema).use(dropImagesWithoutSource);
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
