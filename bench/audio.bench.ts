/**
 * Rendered narration (`npm run audio`): how long synthesis and joining take per minute of audio
 * (the real-time factor: seconds of work per second of audio, lower is faster) and how big the
 * MP3s are, per lesson and per module. Each lesson is rendered alone, from an empty cache, with
 * every core, so its time is its own.
 * `--quick` renders the first few sentences of the shortest lesson of each language.
 * Languages whose engines are not installed are skipped with the packages to install.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { LOCALES } from '../src/lib/i18n/locales.ts';
import { rendererFor } from '../src/server/audio/engines/index.ts';
import { loadLessonNarrations, type LessonNarration } from '../src/server/audio/lessons.ts';
import { siteLayout } from '../src/server/audio/layout.ts';
import { renderAudio } from '../src/server/audio/pipeline.ts';
import type { Measurement } from './harness.ts';

const repoRoot = path.resolve(import.meta.dirname, '..');
const QUICK_SEGMENTS = 4;

interface Row {
  lesson: LessonNarration;
  ms: number;
  seconds: number;
  bytes: number;
}

function measurementOf(name: string, rows: readonly Row[]): Measurement {
  const ms = rows.reduce((sum, row) => sum + row.ms, 0);
  const seconds = rows.reduce((sum, row) => sum + row.seconds, 0);
  const bytes = rows.reduce((sum, row) => sum + row.bytes, 0);
  return {
    name,
    runs: 1,
    medianMs: ms,
    minMs: ms,
    maxMs: ms,
    extra: {
      audio_min: (seconds / 60).toFixed(2),
      rtf: (ms / 1000 / seconds).toFixed(3),
      s_per_audio_min: ((ms / 1000 / seconds) * 60).toFixed(1),
      MB: (bytes / 1e6).toFixed(2),
      kB_per_min: (bytes / 1000 / (seconds / 60)).toFixed(0),
    },
  };
}

export async function run({ quick }: { quick: boolean }): Promise<Measurement[]> {
  const work = mkdtempSync(path.join(tmpdir(), 'ltv-audio-bench-'));
  const measurements: Measurement[] = [];
  try {
    for (const locale of LOCALES) {
      const availability = rendererFor(locale, 'local');
      if (!availability.ok) {
        console.log(`audio ${locale}: skipped, missing Debian packages ${[...new Set(availability.missing.map((r) => r.debianPackage))].join(', ')}`);
        continue;
      }
      let lessons = loadLessonNarrations(path.join(repoRoot, 'src/content'), [locale]);
      if (quick) {
        const shortest = [...lessons].sort((a, b) => a.segments.length - b.segments.length)[0]!;
        lessons = [{ ...shortest, segments: shortest.segments.slice(0, QUICK_SEGMENTS) }];
      }
      const rows: Row[] = [];
      for (const lesson of lessons) {
        const started = performance.now();
        const report = await renderAudio({
          lessons: [lesson],
          renderers: { [locale]: availability.renderer },
          layout: siteLayout(path.join(work, 'out')),
          cacheDir: path.join(work, 'cache'),
          concurrency: availableParallelism(),
        });
        const ms = performance.now() - started;
        const rendered = report.rendered[0];
        if (!rendered) throw new Error(`audio ${locale}/${lesson.lesson}: ${report.failed[0]?.message ?? 'not rendered'}`);
        const row = { lesson, ms, seconds: rendered.durationSeconds, bytes: rendered.bytes };
        rows.push(row);
        measurements.push(measurementOf(`audio ${locale}/${lesson.lesson}${quick ? ` (first ${lesson.segments.length} segments)` : ''}`, [row]));
      }
      if (quick) continue;
      for (const module of [...new Set(rows.map((row) => row.lesson.module))]) {
        measurements.push(measurementOf(`audio ${locale} module ${module}`, rows.filter((row) => row.lesson.module === module)));
      }
      measurements.push(measurementOf(`audio ${locale} all lessons`, rows));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return measurements;
}
