/**
 * npm run export:scorm -- <module> [--lang ja|en] [--format scorm12|cmi5] [--out file.zip]
 * npm run export:scorm -- --custom <published version id> [--format scorm12|cmi5] [--out file.zip]
 * Writes a module as a package an LMS imports. A custom module's version is read from the
 * database the server uses (DATABASE_URL, else PGlite in LTV_DATA_DIR or ./data; with PGlite, stop
 * the server first: an embedded database has one process at a time).
 * Exit codes: 0 written, 1 failed, 2 bad arguments or no such module.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { EXPORT_USAGE, parseExportArgs } from '../src/lib/scorm/exportArgs.ts';
import { openMigratedDatabase } from '../src/server/db/index.ts';
import { buildPackage } from '../src/server/scorm/buildPackage.ts';
import { customModuleSource } from '../src/server/scorm/customModuleSource.ts';
import { builtInModuleSource, type ModuleSource } from '../src/server/scorm/moduleSource.ts';

const root = path.resolve(import.meta.dirname, '..');
const args = parseExportArgs(process.argv.slice(2));
if ('error' in args) {
  console.error(`export:scorm: ${args.error}\n${EXPORT_USAGE}`);
  process.exit(2);
}

async function loadCustom(versionId: string): Promise<ModuleSource | null> {
  const handle = await openMigratedDatabase();
  try {
    const load = customModuleSource(handle.db);
    // A version is written in one language; ask for both and keep the one it has.
    return (await load(versionId, 'ja')) ?? (await load(versionId, 'en'));
  } finally {
    await handle.close();
  }
}

const source = 'custom' in args ? await loadCustom(args.custom) : await builtInModuleSource(path.join(root, 'src/content'))(args.module, args.lang);
if (!source) {
  const missing = 'custom' in args ? `no published version "${args.custom}" in the database` : `no module "${args.module}" in src/content/modules`;
  console.error(`export:scorm: ${missing}\n${EXPORT_USAGE}`);
  process.exit(2);
}

const built = await buildPackage(source, { format: args.format, audioRoot: path.join(root, 'public') });
const out = path.resolve(args.out);
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, built.zip);
console.log(
  `${out}: ${args.format}, ${source.lessons.length} lessons, ${source.banks.length} question banks, mastery ${built.masteryPercent}%, ` +
    `${built.audioLessons.length} lessons with rendered audio (others use browser speech), ${(built.zip.byteLength / 1024).toFixed(0)} KiB`,
);
