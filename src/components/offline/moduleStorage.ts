/**
 * Saving a module in the browser's Cache Storage: each file is fetched whole (200, never a range)
 * and stored under its URL; the record goes in last, so a save cut short is never taken for a
 * complete one. The service worker serves from these caches (src/sw/sw.ts).
 */
import {
  SAVED_RECORD_URL,
  isCacheOfModule,
  isSavedCacheName,
  newestRecord,
  nextSavedCacheName,
  parseSavedRecord,
  type SaveEntry,
  type SavedModuleRecord,
} from '../../lib/offline/savedModule.ts';
import type { Locale } from '../../lib/i18n/locales.ts';

export type SavedState = { kind: 'none' } | { kind: 'incomplete' } | { kind: 'saved'; record: SavedModuleRecord };

export function storageAvailable(): boolean {
  return typeof caches !== 'undefined' && 'serviceWorker' in navigator;
}

async function readRecord(cache: Cache): Promise<SavedModuleRecord | undefined> {
  const response = await cache.match(SAVED_RECORD_URL);
  return response ? parseSavedRecord(await response.text()) : undefined;
}

async function cachesOfModule(locale: Locale, moduleId: string): Promise<string[]> {
  return (await caches.keys()).filter((name) => isCacheOfModule(name, locale, moduleId));
}

async function recordsIn(names: readonly string[]): Promise<SavedModuleRecord[]> {
  const records = await Promise.all(names.map(async (name) => readRecord(await caches.open(name))));
  return records.filter((record) => record !== undefined);
}

export async function savedState(locale: Locale, moduleId: string): Promise<SavedState> {
  const names = await cachesOfModule(locale, moduleId);
  if (names.length === 0) return { kind: 'none' };
  const record = newestRecord(await recordsIn(names));
  return record ? { kind: 'saved', record } : { kind: 'incomplete' };
}

/** Every complete saved module (the newest save of each), in the order they were saved. */
export async function savedModules(): Promise<SavedModuleRecord[]> {
  const byModule = new Map<string, SavedModuleRecord[]>();
  for (const record of await recordsIn((await caches.keys()).filter(isSavedCacheName))) {
    const key = `${record.locale}:${record.moduleId}`;
    byModule.set(key, [...(byModule.get(key) ?? []), record]);
  }
  return [...byModule.values()].map((records) => newestRecord(records)!).sort((a, b) => a.savedAt.localeCompare(b.savedAt));
}

/** Sizes the build could not know (the pages): HEAD requests, Content-Length. */
export async function measureEntries(entries: readonly SaveEntry[], signal?: AbortSignal): Promise<number> {
  const sizes = await Promise.all(
    entries.map(async (entry) => {
      if (entry.bytes !== undefined) return entry.bytes;
      const response = await fetch(entry.url, { method: 'HEAD', signal });
      return Number(response.headers.get('content-length') ?? 0) || 0;
    }),
  );
  return sizes.reduce((sum, bytes) => sum + bytes, 0);
}

export interface SaveProgress {
  doneBytes: number;
  totalBytes: number;
}

async function readWhole(response: Response, onBytes: (n: number) => void): Promise<Blob> {
  if (!response.body) return response.blob();
  const reader = response.body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    onBytes(value.byteLength);
  }
  return new Blob(chunks, { type: response.headers.get('content-type') ?? '' });
}

export interface SaveRequest extends Omit<SavedModuleRecord, 'version' | 'bytes' | 'urls' | 'savedAt'> {
  entries: readonly SaveEntry[];
  totalBytes: number;
}

/**
 * Downloads and stores every entry, then the record, in a cache of its own; only then are the
 * module's older saves deleted. On failure or abort nothing partial is left and an older save
 * stays as it was.
 */
export async function saveModule(request: SaveRequest, onProgress: (progress: SaveProgress) => void, signal: AbortSignal): Promise<SavedModuleRecord> {
  const older = await cachesOfModule(request.locale, request.moduleId);
  const name = nextSavedCacheName(request.locale, request.moduleId, `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`);
  const cache = await caches.open(name);
  let doneBytes = 0;
  let totalBytes = request.totalBytes;
  const report = () => onProgress({ doneBytes, totalBytes: Math.max(totalBytes, doneBytes) });
  try {
    for (const entry of request.entries) {
      // `no-cache`: revalidate with the server, so a stale HTTP-cached manifest never names an old MP3.
      const response = await fetch(entry.url, { signal, cache: 'no-cache' });
      if (response.status !== 200) throw new Error(`${entry.url}: HTTP ${response.status}`);
      const blob = await readWhole(response, (n) => {
        doneBytes += n;
        report();
      });
      await cache.put(entry.url, new Response(blob, { status: 200, statusText: response.statusText, headers: response.headers }));
    }
    const record: SavedModuleRecord = {
      version: 1,
      locale: request.locale,
      moduleId: request.moduleId,
      title: request.title,
      href: request.href,
      lessons: request.lessons,
      bytes: doneBytes,
      urls: request.entries.map((entry) => entry.url),
      savedAt: new Date().toISOString(),
    };
    await cache.put(SAVED_RECORD_URL, new Response(JSON.stringify(record), { headers: { 'content-type': 'application/json' } }));
    await Promise.all(older.map((old) => caches.delete(old)));
    totalBytes = doneBytes;
    report();
    return record;
  } catch (error) {
    await caches.delete(name);
    throw error;
  }
}

export async function removeModule(locale: Locale, moduleId: string): Promise<void> {
  await Promise.all((await cachesOfModule(locale, moduleId)).map((name) => caches.delete(name)));
}

export interface StorageFigures {
  usage: number;
  quota: number;
}

export async function storageFigures(): Promise<StorageFigures | undefined> {
  if (!navigator.storage?.estimate) return undefined;
  const { usage, quota } = await navigator.storage.estimate();
  return usage !== undefined && quota ? { usage, quota } : undefined;
}
