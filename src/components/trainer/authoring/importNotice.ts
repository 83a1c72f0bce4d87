/** What the import answer says about pictures, for the trainer: nothing when none was left out. */
import type { SkippedImageReason } from '../../../lib/authoring/images.ts';
import type { Locale } from '../../../lib/i18n/locales.ts';
import { at } from './text.ts';

export interface ImportedImages {
  stored: number;
  skipped: Partial<Record<SkippedImageReason, number>>;
}

const REASONS: readonly SkippedImageReason[] = ['unsupported-type', 'too-large', 'too-many', 'missing'];

export function imageNotice(locale: Locale, images: ImportedImages | undefined): string {
  const parts = REASONS.flatMap((reason) => {
    const n = images?.skipped[reason] ?? 0;
    return n > 0 ? [at(locale, `create.skip.${reason}` as const, { n })] : [];
  });
  if (!images || parts.length === 0) return '';
  return at(locale, 'create.images', { stored: images.stored, skipped: parts.join(at(locale, 'create.listSeparator')) });
}
