import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { samplesOf } from '../../lib/narration/audio/format.ts';
import { audioManifestSchema, buildManifest, type AudioManifest } from '../../lib/narration/audio/manifest.ts';
import type { LessonAudioPlan } from '../../lib/narration/audio/plan.ts';
import type { SpeechRenderer } from '../../lib/narration/audio/renderer.ts';
import { readWav } from '../../lib/narration/audio/wav.ts';
import type { SegmentCache } from './cache.ts';
import { encodeMp3 } from './ffmpeg.ts';
import type { AudioLayout } from './layout.ts';

export interface JoinedLesson {
  manifest: AudioManifest;
  /** The MP3 on disk. */
  file: string;
  bytes: number;
  /** False when the MP3 and manifest on disk were already these. */
  written: boolean;
}

/**
 * Joins a lesson's cached segments into its MP3 and writes its manifest, unless both are
 * already on disk for this plan; then removes the lesson's older MP3s. The samples are laid
 * end to end in memory (segment, silence, segment…) and encoded once, so the file holds
 * exactly the samples the manifest counts.
 */
export async function joinLesson(plan: LessonAudioPlan, renderer: SpeechRenderer, cache: SegmentCache, layout: AudioLayout): Promise<JoinedLesson> {
  const paths = layout.paths(plan);
  const existing = await readManifest(paths.manifest);
  const existingMp3 = await stat(paths.mp3).catch(() => undefined);
  if (existing && existingMp3 && existing.scriptHash === plan.scriptHash && existing.src === paths.src) {
    await removeStale(paths.dir, path.basename(paths.mp3));
    return { manifest: existing, file: paths.mp3, bytes: existingMp3.size, written: false };
  }

  const parts: Uint8Array[] = [];
  const segmentSamples: number[] = [];
  let sampleRate: number | undefined;
  for (const segment of plan.segments) {
    const wav = await cache.read(segment.cacheKey);
    const info = readWav(wav);
    sampleRate ??= info.sampleRate;
    // One renderer per lesson gives one rate; a mixed cache (a voice changed its rate) is refused.
    if (info.sampleRate !== sampleRate || info.channels !== 1 || info.bitsPerSample !== 16) {
      throw new Error(`segment ${segment.id} (${cache.fileOf(segment.cacheKey)}): ${info.sampleRate} Hz ${info.bitsPerSample}-bit × ${info.channels}, expected ${sampleRate} Hz 16-bit mono`);
    }
    segmentSamples.push(info.frames);
    parts.push(wav.subarray(info.dataOffset, info.dataOffset + info.dataBytes));
    // 16-bit mono: two zero bytes per sample of silence.
    if (segment.pauseAfterMs > 0) parts.push(new Uint8Array(samplesOf(segment.pauseAfterMs, sampleRate) * 2));
  }
  sampleRate ??= 24_000;
  const manifest = buildManifest({ plan, segmentSamples, sampleRate, voice: { engine: renderer.id, id: renderer.voice, label: renderer.label }, src: paths.src });

  await mkdir(paths.dir, { recursive: true });
  const temporary = `${paths.mp3}.${process.pid}.tmp`;
  await encodeMp3(concat(parts), sampleRate, temporary);
  await rename(temporary, paths.mp3);
  // The manifest last: a reader never sees a manifest whose MP3 is not there yet.
  await writeFile(paths.manifest, `${JSON.stringify(manifest)}\n`);
  await removeStale(paths.dir, path.basename(paths.mp3));
  return { manifest, file: paths.mp3, bytes: (await stat(paths.mp3)).size, written: true };
}

async function readManifest(file: string): Promise<AudioManifest | undefined> {
  try {
    return audioManifestSchema.parse(JSON.parse(await readFile(file, 'utf8')));
  } catch {
    return undefined;
  }
}

/** Older MP3s of this lesson (`current` with another hash) and leftover temporaries. */
async function removeStale(dir: string, current: string): Promise<void> {
  const lesson = current.replace(/\.[0-9a-f]{16}\.mp3$/, '');
  const ours = new RegExp(`^${lesson}\\.[0-9a-f]{16}\\.mp3(?:\\.\\d+\\.tmp)?$`);
  for (const name of await readdir(dir)) {
    if (ours.test(name) && name !== current) await rm(path.join(dir, name), { force: true });
  }
}

/** Manifests and MP3s in `dir` of lessons not in `lessons` (deleted or renamed lessons). */
export async function removeOrphans(dir: string, lessons: ReadonlySet<string>): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const match = /^([a-z0-9]+(?:-[a-z0-9]+)*)(?:\.[0-9a-f]{16}\.mp3|\.json)$/.exec(name);
    if (match && !lessons.has(match[1]!)) {
      await rm(path.join(dir, name), { force: true });
      removed.push(name);
    }
  }
  return removed;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
