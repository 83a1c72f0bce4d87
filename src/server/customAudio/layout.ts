import path from 'node:path';
import { customAudioFileName, customAudioManifestName, customAudioUrl, lessonPositionOf } from '../../lib/authoring/audio.ts';
import type { AudioLayout } from '../audio/layout.ts';

/** A version's folder: `<dir>/<version id>/<n>.json` and `<n>.<hash>.mp3`, the MP3 served by `/api/custom-audio/`. */
export function versionAudioDir(dir: string, versionId: string): string {
  return path.join(dir, versionId);
}

export function customLayout(dir: string, versionId: string): AudioLayout {
  const folder = versionAudioDir(dir, versionId);
  return {
    paths: ({ lesson, outputHash }) => {
      const position = lessonPositionOf(lesson);
      return {
        dir: folder,
        manifest: path.join(folder, customAudioManifestName(position)),
        mp3: path.join(folder, customAudioFileName(position, outputHash)),
        src: customAudioUrl(versionId, position, outputHash),
      };
    },
    folderOf: () => folder,
  };
}
