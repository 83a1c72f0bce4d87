/**
 * npm run export:scorm -- <module> [--lang ja|en] [--format scorm12|cmi5] [--out file.zip]
 * Writes a module as a package an LMS imports. Exit codes: 0 written, 1 failed, 2 bad arguments.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { EXPORT_USAGE, parseExportArgs } from '../src/lib/scorm/exportArgs.ts';
import { buildPackage } from '../src/server/scorm/buildPackage.ts';
import { builtInModuleSource } from '../src/server/scorm/moduleSource.ts';

const root = path.resolve(import.meta.dirname, '..');
const args = parseExportArgs(process.argv.slice(2));
if ('error' in args) {
  console.error(`export:scorm: ${args.error}\n${EXPORT_USAGE}`);
  process.exit(2);
}

const source = await builtInModuleSource(path.join(root, 'src/content'))(args.module, args.lang);
if (!source) {
  console.error(`export:scorm: no module "${args.module}" in src/content/modules\n${EXPORT_USAGE}`);
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
