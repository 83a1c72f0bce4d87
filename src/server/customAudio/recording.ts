/**
 * A custom lesson's recording for its page: the manifest from the version's folder, if it was
 * rendered and was made from the very segments the page narrates (a draft edited since the last
 * publish is read by the browser's voice). The page hands it to the player, which plays the file.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { customAudioFileName, customAudioManifestName, parseCustomAudioFile } from '../../lib/authoring/audio.ts';
import { parseCustomLessonKey } from '../../lib/authoring/ids.ts';
import { audioManifestSchema, type AudioManifest } from '../../lib/narration/audio/manifest.ts';
import type { LessonAudioFinder } from '../scorm/packageAudio.ts';
import { recordingFor } from '../../lib/narration/recorded/recording.ts';
import type { NarrationSegment } from '../../lib/narration/types.ts';
import { customAudioSettings } from './config.ts';
import { versionAudioDir } from './layout.ts';

/** The manifest JSON the render wrote for lesson `cm-<version>-<n>`, unchecked; undefined when there is none. */
async function renderedManifest(lessonKey: string): Promise<{ folder: string; position: number; json: unknown } | undefined> {
  const parsed = parseCustomLessonKey(lessonKey);
  if (!parsed) return undefined;
  const folder = versionAudioDir(customAudioSettings().dir, parsed.versionId);
  try {
    return { folder, position: parsed.position, json: JSON.parse(await readFile(path.join(folder, customAudioManifestName(parsed.position)), 'utf8')) };
  } catch {
    return undefined;
  }
}

/** The recording of lesson `cm-<version>-<n>` for a page narrating `segments`, if it says exactly those. */
export async function customRecording(lessonKey: string, segments: readonly NarrationSegment[]): Promise<AudioManifest | undefined> {
  const found = await renderedManifest(lessonKey);
  return found && recordingFor(found.json, segments);
}

/**
 * A custom lesson's recording for a SCORM package: the rendered MP3 of lesson `cm-<version>-<n>`,
 * placed in the package as `audio/<n>.<hash>.mp3`; null (browser speech) until it is rendered.
 */
export const customPackageAudio: LessonAudioFinder = async (_locale, lessonKey) => {
  const found = await renderedManifest(lessonKey);
  const manifest = found && audioManifestSchema.safeParse(found.json).data;
  const file = manifest && parseCustomAudioFile(manifest.src.split('/').pop() ?? '');
  if (!found || !file || file.position !== found.position) return null;
  const name = customAudioFileName(file.position, file.outputHash);
  try {
    return { packagePath: `audio/${name}`, bytes: await readFile(path.join(found.folder, name)) };
  } catch {
    return null;
  }
};
