/**
 * The process's render queue: published versions are rendered one at a time, in the background,
 * each with at most `concurrency` engine programs at once, so a publish request never waits and a
 * render never starves the server. The queue itself is the database (status.ts): any process
 * may pick up what another queued, and a render left half-done by a restart is taken over.
 */
import type { ModuleSnapshot } from '../../lib/authoring/schema.ts';
import { customLessonNarrations } from '../../lib/authoring/audio.ts';
import type { Database } from '../db/client.ts';
import { getDatabase, openedDatabase } from '../db/index.ts';
import { loadSnapshots } from '../authoring/catalog.ts';
import { renderAudio } from '../audio/pipeline.ts';
import type { ProgressReporter } from '../audio/progress.ts';
import { describeMissing } from '../audio/requirements.ts';
import { customAudioSettings, segmentCacheDir, type CustomAudioSettings } from './config.ts';
import { customLayout } from './layout.ts';
import { claimNextRender, finishRender, queueRender, reportProgress, requeueRender, type RenderOutcome } from './status.ts';
import { forgetCustomPackages } from '../scorm/packageService.ts';

/** Progress is written at most this often (each sentence takes about half a second to say). */
const PROGRESS_EVERY_MS = 1000;
/** Requests look for forgotten queued renders at most this often (sweepRenders). */
const SWEEP_EVERY_MS = 60_000;

let running: Promise<void> | null = null;
let again = false;
let lastSweep = 0;

/**
 * Renders every claimable version, one after another; resolves when none is left. A call while
 * it runs makes it look once more at the end, so nothing queued meanwhile waits for the next wake.
 */
export function drainRenders(database: () => Promise<Database> = getDatabase): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    try {
      do {
        again = false;
        const db = await database();
        const settings = customAudioSettings();
        for (let versionId = await claimNextRender(db, settings.staleAfterMs); versionId; versionId = await claimNextRender(db, settings.staleAfterMs)) {
          await finishRender(db, versionId, await renderVersion(db, versionId, settings));
          // A package built before the recordings existed would go on leaving them out.
          forgetCustomPackages(versionId);
        }
      } while (again);
    } catch (error) {
      // The database went away mid-render: the row stays `rendering` and is taken over later.
      console.error('[custom-audio] render queue stopped:', error);
    } finally {
      running = null;
    }
  })();
  return running;
}

/** Queues the version's render and starts the queue without waiting for it (publishing calls this). */
export async function queueCustomAudio(db: Database, versionId: string): Promise<void> {
  await queueRender(db, versionId);
  void drainRenders();
}

/** Queues the version's render if it has none or its status is one of `from` (see requeueRender), and starts the queue if so. */
export async function requeueCustomAudio(db: Database, versionId: string, from: Parameters<typeof requeueRender>[2]): Promise<boolean> {
  const queued = await requeueRender(db, versionId, from);
  if (queued) void drainRenders();
  return queued;
}

/**
 * Starts the queue if it has not looked for work lately: renders queued before a restart wait for
 * this. The middleware calls it on every on-demand request, so it stays cheap: a clock check most
 * of the time, never a wait (the queue runs on its own), and never opening the database (a request
 * that needs none, while the database is down, neither waits for it nor logs its absence).
 * True when it started a look.
 */
export function sweepRenders(now = Date.now(), database: () => Database | null = openedDatabase): boolean {
  if (running || now - lastSweep < SWEEP_EVERY_MS) return false;
  const db = database();
  if (!db) return false;
  lastSweep = now;
  void drainRenders(async () => db);
  return true;
}

async function renderVersion(db: Database, versionId: string, settings: CustomAudioSettings): Promise<RenderOutcome> {
  const started = performance.now();
  const elapsedMs = () => performance.now() - started;
  try {
    const snapshot: ModuleSnapshot | undefined = (await loadSnapshots(db, [versionId])).get(versionId);
    if (!snapshot) return { status: 'failed', message: 'the version no longer exists', elapsedMs: elapsedMs() };
    const availability = settings.rendererFor(snapshot.locale);
    if (!availability.ok) {
      const packages = [...new Set(availability.missing.map((requirement) => requirement.debianPackage))];
      const message = [availability.reason, ...describeMissing(availability.missing).map((line) => line.trim())].filter(Boolean).join('\n');
      console.warn(`[custom-audio] ${versionId}: no ${snapshot.locale} speech engine\n${message}`);
      return { status: 'unavailable', message, packages };
    }
    const progress = databaseProgress(db, versionId, snapshot.lessons.length);
    const report = await renderAudio({
      lessons: customLessonNarrations(versionId, snapshot),
      renderers: { [snapshot.locale]: availability.renderer },
      layout: customLayout(settings.dir, versionId),
      cacheDir: segmentCacheDir(settings),
      concurrency: settings.concurrency,
      progress,
    });
    await progress.settled();
    if (report.failed.length > 0) {
      const message = report.failed.map(({ lesson, message: why }) => `${lesson}: ${why}`).join('\n');
      console.error(`[custom-audio] ${versionId} failed:\n${message}`);
      return { status: 'failed', message, elapsedMs: elapsedMs() };
    }
    return { status: 'ready', elapsedMs: elapsedMs() };
  } catch (error) {
    console.error(`[custom-audio] ${versionId} failed:`, error);
    return { status: 'failed', message: (error as Error).message, elapsedMs: elapsedMs() };
  }
}

/**
 * The pipeline's progress as one count for the editor: sentences to synthesize, then lessons to
 * join. Writes go one after another (`settled` waits for the last), never more than once a second.
 */
function databaseProgress(db: Database, versionId: string, lessons: number): ProgressReporter & { settled(): Promise<void> } {
  let done = 0;
  let total = lessons;
  let writtenAt = -Infinity;
  let chain = Promise.resolve();
  const write = (force: boolean) => {
    const now = performance.now();
    if (!force && now - writtenAt < PROGRESS_EVERY_MS) return;
    writtenAt = now;
    const [doneNow, totalNow] = [done, total];
    chain = chain.then(() => reportProgress(db, versionId, doneNow, totalNow)).catch((error: unknown) => console.error('[custom-audio] progress:', error));
  };
  return {
    start(phase, steps) {
      // The synthesis phase comes first and knows both counts; the join may have fewer lessons left.
      total = phase.startsWith('synthesize') ? steps + lessons : done + steps;
      write(true);
    },
    tick() {
      done += 1;
      write(false);
    },
    done() {
      write(true);
    },
    log() {},
    settled: () => chain,
  };
}
