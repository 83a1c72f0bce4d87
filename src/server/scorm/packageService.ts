/**
 * Packages for the trainer's download button, built on first request and kept in memory (a few
 * hundred KB each). Built-in content cannot change while the server runs, so a module, language
 * and format is built once. A custom module's published version is frozen, so its package is
 * keyed by the version id: publishing again makes a new id and a new package, and the old one is
 * never served for it.
 */
import path from 'node:path';
import type { Locale } from '../../lib/i18n/locales.ts';
import type { PackageFormat } from '../../lib/scorm/packageModel.ts';
import type { Database } from '../db/client.ts';
import { buildPackage, type BuiltPackage } from './buildPackage.ts';
import { customModuleSource } from './customModuleSource.ts';
import { builtInModuleSource, type ModuleSourceLoader } from './moduleSource.ts';
import { customPackageAudio } from '../customAudio/recording.ts';
import type { LessonAudioFinder } from './packageAudio.ts';

/** Where `npm run audio` writes the rendered narration. */
const AUDIO_ROOT = path.resolve(process.env.LTV_AUDIO_DIR ?? 'public');
/** Versions kept at once: each is built again on demand, so a bound only costs a rebuild. */
const CUSTOM_CACHE_LIMIT = 40;

const builtIn = builtInModuleSource();
const builtInCache = new Map<string, Promise<BuiltPackage | null>>();
const customCache = new Map<string, Promise<BuiltPackage | null>>();
let customAudio: LessonAudioFinder = customPackageAudio;

/**
 * One build per key at a time. Failed builds and unknown modules are not kept: the next click
 * tries again, and made-up ids cannot grow the cache.
 */
function memo(cache: Map<string, Promise<BuiltPackage | null>>, key: string, build: () => Promise<BuiltPackage | null>, limit = Infinity): Promise<BuiltPackage | null> {
  const cached = cache.get(key);
  if (cached) return cached;
  const entry = build();
  entry.then((built) => built === null && cache.delete(key)).catch(() => cache.delete(key));
  if (cache.size >= limit) cache.delete(cache.keys().next().value!);
  cache.set(key, entry);
  return entry;
}

async function fromSource(load: ModuleSourceLoader, id: string, locale: Locale, format: PackageFormat, audio?: LessonAudioFinder): Promise<BuiltPackage | null> {
  const source = await load(id, locale);
  return source ? buildPackage(source, audio ? { format, audio } : { format, audioRoot: AUDIO_ROOT }) : null;
}

/** A built-in module's package, or null when there is no such module. */
export function modulePackage(moduleId: string, locale: Locale, format: PackageFormat): Promise<BuiltPackage | null> {
  return memo(builtInCache, `${moduleId}\u0000${locale}\u0000${format}`, () => fromSource(builtIn, moduleId, locale, format));
}

/**
 * A published custom version's package, or null when the version does not exist. Callers check
 * ownership first: the cache is shared, the package holds no one's data but the version's.
 */
export function customPackage(db: Database, versionId: string, locale: Locale, format: PackageFormat): Promise<BuiltPackage | null> {
  return memo(customCache, `${versionId}\u0000${format}`, () => fromSource(customModuleSource(db), versionId, locale, format, customAudio), CUSTOM_CACHE_LIMIT);
}

/**
 * Where custom modules' recordings come from (default: what the server rendered after publishing,
 * src/server/customAudio). Tests plug in their own finder here.
 */
export function useCustomAudio(finder: LessonAudioFinder): void {
  customAudio = finder;
  customCache.clear();
}

/** Drops a version's packages, e.g. once its recordings are rendered, so the next download has them. */
export function forgetCustomPackages(versionId: string): void {
  for (const key of [...customCache.keys()]) if (key.startsWith(`${versionId}\u0000`)) customCache.delete(key);
}
