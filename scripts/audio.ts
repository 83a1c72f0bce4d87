/**
 * `npm run audio`: renders every lesson's narration to MP3 with a timing manifest, offline.
 *   npm run audio -- --lang ja --lesson what-is-ltv --lesson clv-formula --out public/audio --cache .cache/audio
 * Japanese uses Open JTalk, English flite, both through ffmpeg (see src/server/audio/engines);
 * with AZURE_SPEECH_KEY and AZURE_SPEECH_REGION set, Azure neural voices instead (`--engine local`
 * keeps to the offline engines, `--engine azure` insists on Azure).
 * A language whose engine is missing is skipped with the Debian packages to install, and the
 * run still succeeds (the site falls back to the browser's speech); `--strict` makes it fail.
 * Exit codes: 0 done, 1 a lesson failed (or an engine is missing with --strict), 2 bad arguments.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isLocale, LOCALES, type Locale } from '../src/lib/i18n/locales.ts';
import type { SpeechRenderer } from '../src/lib/narration/audio/renderer.ts';
import { ENGINE_CHOICES, rendererFor, type EngineChoice } from '../src/server/audio/engines/index.ts';
import { loadLessonNarrations } from '../src/server/audio/lessons.ts';
import { siteLayout } from '../src/server/audio/layout.ts';
import { renderAudio } from '../src/server/audio/pipeline.ts';
import { createProgress } from '../src/server/audio/progress.ts';
import { describeMissing } from '../src/server/audio/requirements.ts';
import { summarize } from '../src/server/audio/summary.ts';

const root = path.resolve(import.meta.dirname, '..');
const usage = 'Usage: npm run audio -- [--lang ja|en] [--lesson <id>]... [--out <dir>] [--cache <dir>] [--jobs <n>] [--engine auto|local|azure] [--strict]';
/** Cached sentences no lesson uses any more are deleted after this long. */
const CACHE_KEEP_DAYS = 30;
const LANGUAGE_NAMES: Record<Locale, string> = { ja: 'Japanese', en: 'English' };

function fail(message: string): never {
  console.error(`${message}\n${usage}`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      lang: { type: 'string' },
      lesson: { type: 'string', multiple: true },
      out: { type: 'string', default: path.join(root, 'public', 'audio') },
      cache: { type: 'string', default: path.join(root, '.cache', 'audio') },
      jobs: { type: 'string' },
      engine: { type: 'string', default: 'auto' },
      strict: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  }));
} catch (error) {
  fail((error as Error).message);
}
if (values.help) {
  console.log(usage);
  process.exit(0);
}
if (values.lang !== undefined && !isLocale(values.lang)) fail(`--lang: expected one of ${LOCALES.join(', ')}, got "${values.lang}"`);
const jobs = values.jobs === undefined ? availableParallelism() : Number(values.jobs);
if (!Number.isInteger(jobs) || jobs < 1) fail(`--jobs: expected a whole number of at least 1, got "${values.jobs}"`);

if (!(ENGINE_CHOICES as readonly string[]).includes(values.engine)) fail(`--engine: expected one of ${ENGINE_CHOICES.join(', ')}, got "${values.engine}"`);
const engine = values.engine as EngineChoice;

const locales: Locale[] = values.lang ? [values.lang as Locale] : [...LOCALES];
const renderers: Partial<Record<Locale, SpeechRenderer>> = {};
let missingEngine = false;
for (const locale of locales) {
  const availability = rendererFor(locale, engine);
  if (availability.ok) {
    renderers[locale] = availability.renderer;
    console.log(`${LANGUAGE_NAMES[locale]}: ${availability.renderer.label}`);
    continue;
  }
  missingEngine = true;
  console.error(`${LANGUAGE_NAMES[locale]} narration not rendered (the site will use the browser's speech instead):`);
  if (availability.reason) console.error(`  ${availability.reason}`);
  for (const line of describeMissing(availability.missing)) console.error(line);
}
if (missingEngine && values.strict) {
  console.error('--strict: a speech engine is missing, stopping.');
  process.exit(1);
}

const allLessons = loadLessonNarrations(path.join(root, 'src', 'content'), Object.keys(renderers) as Locale[]);
const wanted = values.lesson ? new Set(values.lesson) : undefined;
if (wanted) {
  const known = new Set(loadLessonNarrations(path.join(root, 'src', 'content'), locales).map((lesson) => lesson.lesson));
  const unknown = [...wanted].filter((id) => !known.has(id));
  if (unknown.length > 0) fail(`--lesson: no lesson ${unknown.map((id) => `"${id}"`).join(', ')} (lesson ids are the file names in src/content/lessons/<lang>/)`);
}
const lessons = wanted ? allLessons.filter((lesson) => wanted.has(lesson.lesson)) : allLessons;

if (Object.keys(renderers).length === 0) {
  console.error('Nothing to render: no speech engine is installed.');
  process.exit(0);
}

const report = await renderAudio({
  lessons,
  renderers,
  layout: siteLayout(path.resolve(values.out)),
  cacheDir: path.resolve(values.cache),
  concurrency: jobs,
  progress: createProgress(),
  removeOrphans: !wanted,
  // Only a run over every lesson of every language knows which cached sentences are still used.
  ...(!wanted && values.lang === undefined && locales.every((locale) => renderers[locale]) ? { pruneCacheOlderThanMs: CACHE_KEEP_DAYS * 86_400_000 } : {}),
});
for (const line of summarize(report)) console.log(line);
console.log(`output: ${path.relative(process.cwd(), path.resolve(values.out)) || '.'}/<lang>/<lesson>.json + .mp3`);
process.exit(report.failed.length > 0 ? 1 : 0);
