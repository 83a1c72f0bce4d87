import type { Locale } from '../../lib/i18n/locales.ts';
import { planLessonAudio } from '../../lib/narration/audio/plan.ts';
import type { SpeechRenderer } from '../../lib/narration/audio/renderer.ts';
import { SegmentCache } from './cache.ts';
import { joinLesson, removeOrphans } from './join.ts';
import type { AudioLayout } from './layout.ts';
import type { LessonNarration } from './lessons.ts';
import { runPool } from './pool.ts';
import { silentProgress, type ProgressReporter } from './progress.ts';
import { synthesizeMissing } from './synthesize.ts';

/**
 * A lesson to render, from any source: the site's lessons (lessons.ts) or a published custom
 * module's (src/lib/authoring/audio.ts). `module` only groups the summary.
 */
export type NarratedLesson = Pick<LessonNarration, 'lesson' | 'locale' | 'segments'> & { module: string };

export interface RenderAudioOptions {
  lessons: readonly NarratedLesson[];
  /** One renderer per language; lessons of a language without one are not rendered. */
  renderers: Partial<Record<Locale, SpeechRenderer>>;
  /** Where each lesson's manifest and MP3 go: `siteLayout(outDir)` for the site, a custom module's own folder. */
  layout: AudioLayout;
  cacheDir: string;
  concurrency: number;
  progress?: ProgressReporter;
  /** Also delete outputs of lessons not in `lessons` (a full run, not `--lesson`). */
  removeOrphans?: boolean;
  /** Delete cached segments this run did not use and older than this (a full run of every language). */
  pruneCacheOlderThanMs?: number;
}

export interface RenderedLesson {
  lesson: string;
  locale: Locale;
  module: string;
  durationSeconds: number;
  bytes: number;
  file: string;
  /** Whether the MP3 was written in this run (false: it was up to date). */
  written: boolean;
}

export interface RenderAudioReport {
  rendered: RenderedLesson[];
  /** Lessons that could not be rendered, with why. */
  failed: { lesson: string; locale: Locale; message: string }[];
  /** Segments synthesized in this run, and found in the cache. */
  synthesized: number;
  cached: number;
  removed: string[];
  /** Cached segments deleted as unused (see `pruneCacheOlderThanMs`). */
  pruned: { files: number; bytes: number };
  elapsedMs: number;
}

/**
 * `npm run audio`'s work, and a published custom module's (src/server/customAudio): plan each lesson, synthesize what the cache lacks (in parallel),
 * join each lesson whose MP3 is out of date, write manifests, clear stale outputs.
 */
export async function renderAudio(options: RenderAudioOptions): Promise<RenderAudioReport> {
  const { renderers, layout, concurrency, progress = silentProgress } = options;
  const started = performance.now();
  const cache = new SegmentCache(options.cacheDir);
  const work = options.lessons.flatMap((lesson) => {
    const renderer = renderers[lesson.locale];
    if (!renderer) return [];
    const plan = planLessonAudio({ lesson: lesson.lesson, locale: lesson.locale, segments: lesson.segments, renderer });
    return [{ lesson, plan, renderer }];
  });

  const { synthesized, cached, failures } = await synthesizeMissing(work, cache, concurrency, progress);
  const failed: RenderAudioReport['failed'] = [];
  const joinable = work.filter(({ plan }) => {
    const failure = plan.segments.find((segment) => failures.has(segment.cacheKey));
    if (failure) failed.push({ lesson: plan.lesson, locale: plan.locale, message: failures.get(failure.cacheKey)! });
    return !failure;
  });

  progress.start(`join ${joinable.length} lesson(s)`, joinable.length);
  const joined = await runPool(joinable, concurrency, async ({ plan, renderer }) => {
    const result = await joinLesson(plan, renderer, cache, layout);
    progress.tick(`${plan.locale}/${plan.lesson}`);
    return result;
  });
  progress.done();

  const rendered: RenderedLesson[] = [];
  joined.forEach((result, i) => {
    const { lesson, plan } = joinable[i]!;
    if (result instanceof Error) failed.push({ lesson: plan.lesson, locale: plan.locale, message: result.message });
    else rendered.push({ lesson: plan.lesson, locale: plan.locale, module: lesson.module, durationSeconds: result.manifest.duration, bytes: result.bytes, file: result.file, written: result.written });
  });
  for (const { lesson, locale, message } of failed) progress.log(`failed ${locale}/${lesson}: ${message}`);

  const removed: string[] = [];
  if (options.removeOrphans) {
    for (const locale of Object.keys(renderers) as Locale[]) {
      const lessons = new Set(options.lessons.filter((lesson) => lesson.locale === locale).map((lesson) => lesson.lesson));
      removed.push(...(await removeOrphans(layout.folderOf(locale), lessons)).map((name) => `${locale}/${name}`));
    }
  }
  const pruned =
    options.pruneCacheOlderThanMs === undefined
      ? { files: 0, bytes: 0 }
      : await cache.prune(new Set(work.flatMap(({ plan }) => plan.segments.map((segment) => segment.cacheKey))), options.pruneCacheOlderThanMs);
  return { rendered, failed, synthesized, cached, removed, pruned, elapsedMs: performance.now() - started };
}

