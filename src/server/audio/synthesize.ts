import { SEGMENT_FORMAT } from '../../lib/narration/audio/format.ts';
import type { LessonAudioPlan } from '../../lib/narration/audio/plan.ts';
import type { SpeechRenderer } from '../../lib/narration/audio/renderer.ts';
import { encodeWav, monoSamples, trimSilence } from '../../lib/narration/audio/wav.ts';
import type { SegmentCache } from './cache.ts';
import { runPool } from './pool.ts';
import type { ProgressReporter } from './progress.ts';

interface SynthesisJob {
  key: string;
  text: string;
  renderer: SpeechRenderer;
  /** For the progress line: the first lesson that needs it. */
  lesson: string;
}

export interface SynthesisResult {
  /** Segments synthesized now. */
  synthesized: number;
  /** Segments found in the cache. */
  cached: number;
  /** Cache keys that failed, with the engine's message. */
  failures: Map<string, string>;
}

/**
 * Synthesizes every planned segment that is not cached yet, once per distinct key (the same
 * sentence in two lessons is said once), `concurrency` at a time, and caches it in
 * SEGMENT_FORMAT (silence trimmed, the engine's sampling rate).
 */
export async function synthesizeMissing(
  plans: readonly { plan: LessonAudioPlan; renderer: SpeechRenderer }[],
  cache: SegmentCache,
  concurrency: number,
  progress: ProgressReporter,
): Promise<SynthesisResult> {
  const wanted = new Map<string, SynthesisJob>();
  for (const { plan, renderer } of plans) {
    for (const segment of plan.segments) {
      if (!wanted.has(segment.cacheKey)) wanted.set(segment.cacheKey, { key: segment.cacheKey, text: segment.text, renderer, lesson: `${plan.locale}/${plan.lesson}` });
    }
  }
  const jobs: SynthesisJob[] = [];
  for (const job of wanted.values()) if (!(await cache.has(job.key))) jobs.push(job);

  progress.start(`synthesize ${jobs.length} segment(s)`, jobs.length);
  const results = await runPool(jobs, concurrency, async (job) => {
    const { samples, sampleRate } = monoSamples((await job.renderer.render(job.text)).bytes);
    const spoken = trimSilence(samples, sampleRate, SEGMENT_FORMAT.silenceThresholdDb, SEGMENT_FORMAT.silenceMarginMs);
    await cache.write(job.key, encodeWav(spoken, sampleRate));
    progress.tick(job.lesson);
  });
  progress.done();

  const failures = new Map<string, string>();
  results.forEach((result, i) => {
    if (result instanceof Error) failures.set(jobs[i]!.key, `${jobs[i]!.renderer.id}: ${result.message} (text: ${jobs[i]!.text.slice(0, 60)})`);
  });
  return { synthesized: jobs.length - failures.size, cached: wanted.size - jobs.length, failures };
}
