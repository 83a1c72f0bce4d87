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

export async function customRecording(versionId: string, position: number, segments: readonly NarrationSegment[]): Promise<AudioManifest | undefined> {
  const file = path.join(versionAudioDir(customAudioSettings().dir, versionId), customAudioManifestName(position));
  try {
    return recordingFor(JSON.parse(await readFile(file, 'utf8')), segments);
  } catch {
    return undefined;
  }
}

/**
 * A custom lesson's recording for a SCORM package: the rendered MP3 of lesson `cm-<version>-<n>`,
 * placed in the package as `audio/<n>.<hash>.mp3`; null (browser speech) until it is rendered.
 */
export const customPackageAudio: LessonAudioFinder = async (_locale, lessonKey) => {
  const parsed = parseCustomLessonKey(lessonKey);
  if (!parsed) return null;
  const folder = versionAudioDir(customAudioSettings().dir, parsed.versionId);
  try {
    const manifest = audioManifestSchema.parse(JSON.parse(await readFile(path.join(folder, customAudioManifestName(parsed.position)), 'utf8')));
    const file = parseCustomAudioFile(manifest.src.split('/').pop() ?? '');
    if (!file || file.position !== parsed.position) return null;
    const name = customAudioFileName(file.position, file.outputHash);
    return { packagePath: `audio/${name}`, bytes: await readFile(path.join(folder, name)) };
  } catch {
    return null;
  }
};
