import * as z from 'zod/mini';
import { LOCALES, type Locale } from '../i18n/locales.ts';

/**
 * A module saved on the device lives in a Cache Storage cache of its own, named by language and
 * module, so removing it is deleting that cache. Its record, written after every file is stored,
 * says the save is complete and lets the offline page list it without the catalogue.
 */
const CACHE_PREFIX = 'ltv-saved-v1';

export function savedCacheName(locale: Locale, moduleId: string): string {
  return `${CACHE_PREFIX}:${locale}:${moduleId}`;
}

export function isSavedCacheName(name: string): boolean {
  return name.startsWith(`${CACHE_PREFIX}:`);
}

/**
 * A later save of a module goes into a cache of its own (`<name>#<generation>`), and the older one
 * is deleted only once it is complete: a save cut short by a tunnel leaves the old copy playing.
 */
export function nextSavedCacheName(locale: Locale, moduleId: string, generation: string): string {
  return `${savedCacheName(locale, moduleId)}#${generation}`;
}

/** Whether a cache holds (a save of) this module: its first save or a later one. */
export function isCacheOfModule(name: string, locale: Locale, moduleId: string): boolean {
  const base = savedCacheName(locale, moduleId);
  return name === base || name.startsWith(`${base}#`);
}

/** The key of the record inside a module's cache; no page links to it. */
export const SAVED_RECORD_URL = '/__saved-module__.json';

/** One file to save: its URL and, when known at build time, its size in bytes. */
export const saveEntrySchema = z.object({
  url: z.string().check(z.minLength(1)),
  bytes: z.optional(z.int().check(z.minimum(0))),
});
export type SaveEntry = z.infer<typeof saveEntrySchema>;

export const savedModuleRecordSchema = z.object({
  /** Format of this record. */
  version: z.literal(1),
  locale: z.enum(LOCALES),
  moduleId: z.string().check(z.minLength(1)),
  /** The module's title in `locale`. */
  title: z.string().check(z.minLength(1)),
  /** The listen page (`/listen/<module>/`). */
  href: z.string().check(z.minLength(1)),
  /** The lessons, in order, as the offline page links them. */
  lessons: z.array(z.object({ title: z.string(), href: z.string(), hasAudio: z.boolean() })),
  /** Bytes stored (bodies only). */
  bytes: z.int().check(z.minimum(0)),
  /** Every URL stored. */
  urls: z.array(z.string()),
  /** ISO 8601. */
  savedAt: z.string(),
});
export type SavedModuleRecord = z.infer<typeof savedModuleRecordSchema>;

/** The record, or undefined when the text is not one (an older format, a broken write). */
export function parseSavedRecord(text: string): SavedModuleRecord | undefined {
  try {
    const parsed = savedModuleRecordSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Files the module has now that its saved copy lacks: content-hashed narration re-rendered after
 * an edit, a new lesson. Offline, the saved (older) copy is what plays until it is saved again.
 */
export function missingFromSave(record: Pick<SavedModuleRecord, 'urls'>, entries: readonly SaveEntry[]): string[] {
  const saved = new Set(record.urls);
  return entries.map((entry) => entry.url).filter((url) => !saved.has(url));
}

/** The most recent of several saves (an older one is left only when a newer save was cut short). */
export function newestRecord(records: readonly SavedModuleRecord[]): SavedModuleRecord | undefined {
  return records.reduce<SavedModuleRecord | undefined>((newest, record) => (!newest || record.savedAt > newest.savedAt ? record : newest), undefined);
}

/** The sum of the sizes known in advance, and how many are not (pages: measured when the button shows). */
export function plannedBytes(entries: readonly SaveEntry[]): { known: number; unknown: number } {
  let known = 0;
  let unknown = 0;
  for (const entry of entries) {
    if (entry.bytes === undefined) unknown++;
    else known += entry.bytes;
  }
  return { known, unknown };
}

/** Bytes as people read them: `850 KB`, `34.5 MB` (1 MB = 1,000,000 bytes, as phones count storage). */
export function formatBytes(bytes: number, locale: Locale): string {
  const tag = locale === 'ja' ? 'ja-JP' : 'en-US';
  const units = [
    { unit: 'GB', size: 1e9 },
    { unit: 'MB', size: 1e6 },
    { unit: 'KB', size: 1e3 },
  ];
  for (const { unit, size } of units) {
    if (bytes >= size) {
      const value = bytes / size;
      return `${new Intl.NumberFormat(tag, { maximumFractionDigits: value < 10 ? 1 : 0 }).format(value)} ${unit}`;
    }
  }
  return `${new Intl.NumberFormat(tag).format(bytes)} B`;
}
