/**
 * Opening a PPTX or DOCX: both are ZIP files of XML parts. The first bytes say what a file really
 * is, whatever its name: a ZIP (`PK\x03\x04`), an empty ZIP, or an OLE compound file
 * (`D0 CF 11 E0`), which is what Office writes for a password-protected document (and for the old
 * binary .ppt/.doc). Parts are read with a running total of their uncompressed size, so a small
 * ZIP that inflates to gigabytes (a zip bomb) is refused before it is inflated.
 */
import JSZip from 'jszip';
import { AUTHORING_LIMITS } from './schema.ts';
import { imported, importFailure, type ImportResult } from './result.ts';

const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const OLE_COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((byte, i) => bytes[i] === byte);

export interface OfficeZip {
  /** The part's text, or null when the ZIP has no such part. */
  text(path: string): Promise<string | null>;
  has(path: string): boolean;
  /** The part's uncompressed size as the archive declares it, or null when there is no such part. */
  declaredSize(path: string): number | null;
  /** The part's bytes (a picture), counted against the same limit as text; null when absent. */
  bytes(path: string): Promise<Uint8Array | null>;
  /** The archive again with these parts emptied (for a reader that inflates parts itself); unchanged parts are not re-compressed. */
  withEmptied(paths: readonly string[]): Promise<Uint8Array>;
}

/** The file as a ZIP, or why it is not one that can be read. `kind` names the format in messages. */
export async function openOfficeZip(bytes: Uint8Array, kind: 'PowerPoint (.pptx)' | 'Word (.docx)'): Promise<ImportResult<OfficeZip>> {
  if (bytes.byteLength === 0) return importFailure('empty', 'the file is empty');
  if (bytes.byteLength > AUTHORING_LIMITS.maxUploadBytes) return importFailure('too-large', `the file is larger than ${AUTHORING_LIMITS.maxUploadBytes / 1024 / 1024} MB`, { maxBytes: AUTHORING_LIMITS.maxUploadBytes });
  if (startsWith(bytes, OLE_COMPOUND_FILE)) {
    return importFailure('encrypted', `the file is password-protected (or an old binary Office file): remove the password and save it as ${kind}`);
  }
  if (startsWith(bytes, ZIP_EMPTY)) return importFailure('empty', 'the file is an empty archive');
  if (!startsWith(bytes, ZIP_LOCAL_HEADER)) return importFailure('not-a-zip', `the file is not a ${kind} file (it is not a ZIP archive)`);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    if (/encrypt/i.test(text)) return importFailure('encrypted', `the archive is encrypted: save it as ${kind} without a password`);
    return importFailure('corrupt', `the file is damaged and cannot be opened as ${kind}`);
  }
  let inflated = 0;
  // JSZip keeps each entry's declared size from the central directory; it is not in its types.
  const declared = (file: JSZip.JSZipObject) => (file as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
  const read = async (path: string, type: 'string' | 'uint8array'): Promise<string | Uint8Array | null> => {
    const file = zip.file(path);
    if (!file) return null;
    if (inflated + declared(file) > AUTHORING_LIMITS.maxUncompressedBytes) throw new ZipTooLarge();
    const content = await file.async(type);
    inflated += content.length;
    if (inflated > AUTHORING_LIMITS.maxUncompressedBytes) throw new ZipTooLarge();
    return content;
  };
  return imported({
    has: (path) => zip.file(path) !== null,
    declaredSize(path) {
      const file = zip.file(path);
      return file ? declared(file) : null;
    },
    text: (path) => read(path, 'string') as Promise<string | null>,
    bytes: (path) => read(path, 'uint8array') as Promise<Uint8Array | null>,
    async withEmptied(paths) {
      const copy = await JSZip.loadAsync(bytes);
      for (const path of paths) copy.file(path, new Uint8Array(0));
      return copy.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    },
  });
}

/** Thrown from a part read when the archive inflates past the limit; readers turn it into an ImportError. */
export class ZipTooLarge extends Error {
  constructor() {
    super('archive inflates past the limit');
  }
}

export const zipTooLarge = () =>
  importFailure('too-large', `the file's contents are larger than ${AUTHORING_LIMITS.maxUncompressedBytes / 1024 / 1024} MB once unpacked`, { maxBytes: AUTHORING_LIMITS.maxUncompressedBytes });

/** XML text content: the five predefined entities and numeric references. */
export function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos);/gi, (_match, entity: string) => {
    const lower = entity.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(parseInt(lower.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[lower] ?? '';
  });
}

/** An attribute of the first tag matching `tag` in `xml`. */
export function attribute(tagXml: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name.replace(':', '\\:')}="([^"]*)"`).exec(tagXml);
  return match ? decodeXml(match[1]!) : undefined;
}

/** The relationships of a part (`_rels/*.rels`): Id → { type, target }. */
export function relationships(xml: string): Map<string, { type: string; target: string }> {
  const map = new Map<string, { type: string; target: string }>();
  for (const match of xml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attribute(match[0], 'Id');
    const target = attribute(match[0], 'Target');
    if (id && target) map.set(id, { type: attribute(match[0], 'Type') ?? '', target });
  }
  return map;
}

/** `../notesSlides/notesSlide1.xml` relative to `ppt/slides/` → `ppt/notesSlides/notesSlide1.xml`. */
export function resolvePartPath(baseDir: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = baseDir.split('/').filter(Boolean);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}
