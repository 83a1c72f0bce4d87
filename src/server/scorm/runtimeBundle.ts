/**
 * runtime.js: src/scorm-runtime bundled with esbuild into one classic script (an IIFE, ES2019),
 * because LMS players load content in frames where modules and newer syntax are not a given.
 * Built once per process; the source cannot change while the server runs.
 */
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Beside this file when run from source (CLI, tests); from the repository root when this file was
 * bundled into dist/server by astro build (the server runs from the root, as for src/content).
 */
const ENTRY = [path.resolve(import.meta.dirname, '../../scorm-runtime/main.ts'), path.resolve('src/scorm-runtime/main.ts')].find((file) => existsSync(file)) ?? path.resolve('src/scorm-runtime/main.ts');
let bundle: Promise<string> | undefined;

export function runtimeBundle(): Promise<string> {
  bundle ??= build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2019',
    minify: true,
    legalComments: 'none',
    platform: 'browser',
  })
    .then((result) => result.outputFiles[0]!.text)
    .catch((error: unknown) => {
      bundle = undefined;
      throw error;
    });
  return bundle;
}
