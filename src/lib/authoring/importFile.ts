/**
 * Which importer reads an uploaded file: by its extension, checked against its first bytes by the
 * importers themselves (a renamed file gets a 400 that says what it really is).
 */
import type { Locale } from '../i18n/locales.ts';
import { importDocx } from './docx.ts';
import { importMarkdown } from './markdown.ts';
import { baseName, importPptx } from './pptx.ts';
import type { ImportedFile } from './images.ts';
import { importFailure, type ImportResult } from './result.ts';

import { ACCEPTED_EXTENSIONS } from './limits.ts';

export { ACCEPTED_EXTENSIONS };

export interface UploadedFile {
  fileName: string;
  bytes: Uint8Array;
  /** The title the trainer typed, if any. */
  title?: string;
  locale: Locale;
}

export async function importFile({ fileName, bytes, title, locale }: UploadedFile): Promise<ImportResult<ImportedFile>> {
  const extension = /\.[^.]+$/.exec(fileName.toLowerCase())?.[0] ?? '';
  if (extension === '.pptx') return importPptx(bytes, { fileName, title, locale });
  if (extension === '.docx') return importDocx(bytes, { fileName, title, locale });
  if (extension === '.md' || extension === '.markdown' || extension === '.txt') {
    if (bytes.byteLength === 0) return importFailure('empty', 'the file is empty');
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return importFailure('invalid-content', 'the Markdown file is not UTF-8 text: save it as UTF-8');
    }
    return importMarkdown(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), { title: title?.trim() || baseName(fileName), locale });
  }
  if (extension === '.ppt' || extension === '.doc') return importFailure('unsupported-type', `${extension} is the old binary format: save it as ${extension}x and upload again`);
  return importFailure('unsupported-type', `cannot import ${extension || 'a file without an extension'}: upload ${ACCEPTED_EXTENSIONS.join(', ')}`);
}
