/**
 * A custom lesson's recording for its page: the manifest from the version's folder, if it was
 * rendered and was made from the very segments the page narrates (a draft edited since the last
 * publish is read by the browser's voice). The page hands it to the player, which plays the file.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { customAudioManifestName } from '../../lib/authoring/audio.ts';
import type { AudioManifest } from '../../lib/narration/audio/manifest.ts';
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
