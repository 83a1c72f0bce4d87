import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { audioManifestSchema } from '../../../src/lib/narration/audio/manifest.ts';
import { narrationScriptHash } from '../../../src/lib/narration/audio/plan.ts';
import { lessonScript } from '../../../src/lib/narration/script.ts';
import { segmentBlocks } from '../../../src/lib/narration/segment.ts';
import { rendererFor } from '../../../src/server/audio/engines/index.ts';
import { probeDurationSeconds } from '../../../src/server/audio/ffmpeg.ts';
import type { LessonNarration } from '../../../src/server/audio/lessons.ts';
import { siteLayout } from '../../../src/server/audio/layout.ts';
import { renderAudio } from '../../../src/server/audio/pipeline.ts';

/**
 * The whole pipeline with the real Open JTalk and ffmpeg, on a lesson of four short segments
 * (a few seconds of audio). Skipped, saying what to install, where the engines are not.
 */
const availability = rendererFor('ja', 'local');
const skipReason = availability.ok
  ? ''
  : ` (skipped: needs Debian packages ${[...new Set(availability.missing.map((r) => r.debianPackage))].join(', ')})`;

function fixtureLesson(secondSentence: string): LessonNarration {
  const script = lessonScript({ title: 'テスト', summary: '短い課です。', objectives: [], keyTerms: [], body: `一つ目の文です。${secondSentence}\n`, locale: 'ja' });
  return { lesson: 'fixture', locale: 'ja', module: 'ltv-selling', order: 1, title: 'テスト', segments: segmentBlocks(script, 'ja') };
}

const work = mkdtempSync(path.join(tmpdir(), 'ltv-audio-render-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const outDir = path.join(work, 'out');
const render = (lesson: LessonNarration) =>
  renderAudio({ lessons: [lesson], renderers: { ja: availability.ok ? availability.renderer : undefined }, layout: siteLayout(outDir), cacheDir: path.join(work, 'cache'), concurrency: 2 });
const manifestOnDisk = () => audioManifestSchema.parse(JSON.parse(readFileSync(path.join(outDir, 'ja', 'fixture.json'), 'utf8')));

describe.skipIf(!availability.ok)(`npm run audio's pipeline with Open JTalk${skipReason}`, { timeout: 120_000 }, () => {
  const lesson = fixtureLesson('二つ目の文です。');

  it('renders a lesson whose MP3 lasts what its manifest says, with ordered, contiguous segments', async () => {
    const report = await render(lesson);
    expect(report.failed).toEqual([]);
    expect(report.synthesized).toBe(4);
    const manifest = manifestOnDisk();
    expect(manifest.segments.map((s) => [s.id, s.block])).toEqual(lesson.segments.map((s) => [s.index, s.blockId]));
    expect(manifest.scriptHash).toBe(narrationScriptHash(lesson.segments));
    manifest.segments.forEach((segment, i) => {
      expect(segment.end).toBeGreaterThan(segment.start);
      expect(segment.start).toBe(i === 0 ? 0 : manifest.segments[i - 1]!.end);
    });
    expect(manifest.segments.at(-1)!.end).toBe(manifest.duration);
    const mp3 = path.join(outDir, 'ja', path.basename(manifest.src));
    const measured = await probeDurationSeconds(mp3);
    expect(Math.abs(measured - manifest.duration) / manifest.duration).toBeLessThan(0.02);
  });

  it('renders nothing the second time: every segment and the MP3 are cached', async () => {
    const report = await render(lesson);
    expect([report.synthesized, report.cached]).toEqual([0, 4]);
    expect(report.rendered.map((r) => r.written)).toEqual([false]);
  });

  it('re-synthesizes exactly the edited sentence, and replaces the old MP3', async () => {
    const before = manifestOnDisk();
    const report = await render(fixtureLesson('三つ目の文です。'));
    expect([report.synthesized, report.cached]).toEqual([1, 3]);
    const after = manifestOnDisk();
    expect(after.src).not.toBe(before.src);
    expect(readdirSync(path.join(outDir, 'ja')).sort()).toEqual([path.basename(after.src), 'fixture.json'].sort());
    // The unchanged sentences before the edit keep their timings.
    expect(after.segments.slice(0, 3)).toEqual(before.segments.slice(0, 3));
  });
});
