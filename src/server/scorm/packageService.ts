/**
 * Packages for the trainer's download button, built on first request and kept in memory: the
 * built-in content cannot change while the server runs, so a module/language/format is built once
 * (a few hundred KB each). Sources are tried in order, so custom modules can add their loader.
 */
import path from 'node:path';
import type { Locale } from '../../lib/i18n/locales.ts';
import type { PackageFormat } from '../../lib/scorm/packageModel.ts';
import { buildPackage, type BuiltPackage } from './buildPackage.ts';
import { builtInModuleSource, type ModuleSourceLoader } from './moduleSource.ts';

const sources: ModuleSourceLoader[] = [builtInModuleSource()];
const cache = new Map<string, Promise<BuiltPackage | null>>();

/** Where `npm run audio` writes the rendered narration. */
const AUDIO_ROOT = path.resolve(process.env.LTV_AUDIO_DIR ?? 'public');

/** The package, or null when no source knows the module. */
export function modulePackage(moduleId: string, locale: Locale, format: PackageFormat): Promise<BuiltPackage | null> {
  const key = `${moduleId}\u0000${locale}\u0000${format}`;
  let entry = cache.get(key);
  if (!entry) {
    entry = (async () => {
      for (const load of sources) {
        const source = await load(moduleId, locale);
        if (source) return buildPackage(source, { format, audioRoot: AUDIO_ROOT });
      }
      return null;
    })();
    // Failed builds and unknown modules are not kept: the next click tries again, and made-up
    // module ids cannot grow the cache.
    entry.then((built) => built === null && cache.delete(key)).catch(() => cache.delete(key));
    cache.set(key, entry);
  }
  return entry;
}
