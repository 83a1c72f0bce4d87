/**
 * The rendered narration on disk (`npm run audio` writes public/audio, which the build copies to
 * the site): what the module page, the save button and the podcast feeds may list, with the true
 * byte sizes. Read at build time; a lesson whose manifest or MP3 is missing or does not parse is
 * simply not rendered yet (its page uses browser speech).
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { audioManifestSchema, audioManifestUrl, type AudioManifest } from '../../lib/narration/audio/manifest.ts';
import type { Locale } from '../../lib/i18n/locales.ts';

export interface RenderedLesson {
  manifest: AudioManifest;
  manifestUrl: string;
  manifestBytes: number;
  mp3Bytes: number;
  /** When the MP3 was written: the episode's date. */
  mp3Modified: Date;
}

/** public/audio of the repository the build runs in; LTV_AUDIO_DIR points elsewhere. */
export function audioDir(): string {
  return path.resolve(process.env.LTV_AUDIO_DIR || path.join(process.cwd(), 'public/audio'));
}

export function renderedLesson(locale: Locale, lessonId: string, dir = audioDir()): RenderedLesson | undefined {
  const manifestUrl = audioManifestUrl(locale, lessonId);
  const onDisk = (url: string) => path.join(dir, url.replace(/^\/audio\//, ''));
  try {
    const manifestText = readFileSync(onDisk(manifestUrl), 'utf8');
    const parsed = audioManifestSchema.safeParse(JSON.parse(manifestText));
    if (!parsed.success || parsed.data.lesson !== lessonId || parsed.data.lang !== locale) return undefined;
    const mp3 = statSync(onDisk(parsed.data.src));
    if (!mp3.isFile() || mp3.size === 0) return undefined;
    return {
      manifest: parsed.data,
      manifestUrl,
      manifestBytes: Buffer.byteLength(manifestText),
      mp3Bytes: mp3.size,
      mp3Modified: mp3.mtime,
    };
  } catch {
    return undefined;
  }
}
