/**
 * Pictures of an imported file. Only raster formats a browser shows without running anything are
 * kept (PNG, JPEG, GIF, WebP), recognised by their first bytes whatever the file name says; SVG
 * never, since it can carry script. Each kept picture gets a random id now, so the section's
 * Markdown can name it (`![alt](/api/custom-images/<id>)`) before anything is stored; identical
 * bytes in one file are kept once. Pictures over the limits are skipped and counted by reason:
 * the import goes on without them.
 */
import { AUTHORING_LIMITS } from './limits.ts';
import { escapeMarkdown } from './markdown.ts';
import type { ImportedModule } from './schema.ts';

export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
export const CUSTOM_IMAGE_PREFIX = '/api/custom-images/';
/** The only image source trainer Markdown may use: a picture stored with a module. */
export const CUSTOM_IMAGE_SRC = new RegExp(`^${CUSTOM_IMAGE_PREFIX}${UUID}$`);

export const customImagePath = (id: string) => `${CUSTOM_IMAGE_PREFIX}${id}`;

/** The file extension of each kept type (a picture's name inside a SCORM package). */
export const IMAGE_EXTENSIONS: Record<ImageType, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp' };

/** The ids of the stored pictures a Markdown text names, each once. */
export function referencedImageIds(markdown: string): string[] {
  return [...new Set([...markdown.matchAll(new RegExp(`${CUSTOM_IMAGE_PREFIX}(${UUID})`, 'g'))].map((match) => match[1]!))];
}

const startsWith = (bytes: Uint8Array, magic: readonly number[], offset = 0) => magic.every((byte, i) => bytes[offset + i] === byte);

/** The picture's type from its first bytes, or null for anything else (SVG, BMP, EMF, text...). */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38]) && (bytes[4] === 0x37 || bytes[4] === 0x39) && bytes[5] === 0x61) return 'image/gif';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return null;
}

/** Why a picture was left out. */
export type SkippedImageReason = 'unsupported-type' | 'too-large' | 'too-many' | 'missing';

/** A picture to store with the module. */
export interface ImportedImage {
  id: string;
  contentType: ImageType;
  bytes: Uint8Array;
  /** Hex SHA-256 of the bytes: identical pictures are stored once per module. */
  sha256: string;
}

export interface ImportedMedia {
  images: ImportedImage[];
  /** How many pictures were left out, by reason (only reasons that occurred). */
  skipped: Partial<Record<SkippedImageReason, number>>;
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The alt text as it can stand inside `![...]`: one line, Markdown characters escaped. */
export const imageMarkdown = (alt: string, id: string) => `![${escapeMarkdown(alt.replace(/\s+/gu, ' ').trim())}](${customImagePath(id)})`;

/** Collects the pictures of one import, in the order they are met. */
export class ImageCollector {
  private readonly byHash = new Map<string, ImportedImage>();
  private readonly skipped: ImportedMedia['skipped'] = {};

  skip(reason: SkippedImageReason): null {
    this.skipped[reason] = (this.skipped[reason] ?? 0) + 1;
    return null;
  }

  /** The Markdown line for the picture, or null (skipped, and counted). `bytes` null: not found in the file. */
  async add(bytes: Uint8Array | null, alt: string): Promise<string | null> {
    if (bytes === null) return this.skip('missing');
    if (bytes.byteLength > AUTHORING_LIMITS.maxImageBytes) return this.skip('too-large');
    const contentType = sniffImageType(bytes);
    if (!contentType) return this.skip('unsupported-type');
    const sha256 = await sha256Hex(bytes);
    let image = this.byHash.get(sha256);
    if (!image) {
      if (this.byHash.size >= AUTHORING_LIMITS.maxImagesPerModule) return this.skip('too-many');
      image = { id: crypto.randomUUID(), contentType, bytes, sha256 };
      this.byHash.set(sha256, image);
    }
    return imageMarkdown(alt, image.id);
  }

  /** What was collected; undefined when the file had no pictures at all. */
  media(): ImportedMedia | undefined {
    if (this.byHash.size === 0 && Object.keys(this.skipped).length === 0) return undefined;
    return { images: [...this.byHash.values()], skipped: { ...this.skipped } };
  }
}

/** An imported module with the pictures its Markdown names (absent when the file had none). */
export type ImportedFile = ImportedModule & { media?: ImportedMedia };
