import { LESSON_MP3 } from '../../lib/narration/audio/format.ts';
import { runTool } from './run.ts';

const QUIET = ['-hide_banner', '-nostdin', '-loglevel', 'error'];

/**
 * Encodes a lesson's joined samples (16-bit mono PCM at `sampleRate`, the engine's) as MP3 at
 * LESSON_MP3's rate; resampling keeps every moment where it was. The Xing
 * /LAME header records the encoder's delay and padding, so players and ffprobe trim them and the
 * file lasts as long as its samples: the manifest's timings stay true to the end.
 */
export async function encodeMp3(pcm: Uint8Array, sampleRate: number, outFile: string): Promise<void> {
  await runTool(
    'ffmpeg',
    [...QUIET, '-y', '-f', 's16le', '-ar', String(sampleRate), '-ac', '1', '-i', 'pipe:0',
      '-c:a', LESSON_MP3.codec, '-b:a', `${LESSON_MP3.bitrateKbps}k`, '-ar', String(LESSON_MP3.sampleRate), '-ac', String(LESSON_MP3.channels),
      '-write_xing', '1', '-id3v2_version', '0', '-map_metadata', '-1', '-f', 'mp3', outFile],
    pcm,
  );
}

/** A media file's duration in seconds, as ffprobe reads it (what a player will show). */
export async function probeDurationSeconds(file: string): Promise<number> {
  const out = await runTool('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'default=noprint_wrappers=1:nokey=1', file]);
  const seconds = Number(new TextDecoder().decode(out).trim());
  if (!Number.isFinite(seconds)) throw new Error(`ffprobe: no duration for ${file}`);
  return seconds;
}
