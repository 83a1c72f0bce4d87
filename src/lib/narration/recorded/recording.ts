import { narrationScriptHash } from '../audio/plan.ts';
import { audioManifestSchema, type AudioManifest } from '../audio/manifest.ts';
import type { NarrationSegment } from '../types.ts';

/**
 * The voice id that stands for a lesson's recorded narration in the voice picker. "Automatic"
 * (no voice chosen) also means the recording when there is one: it is the best voice offered.
 */
export const RECORDED_VOICE_ID = 'recorded';

/** True when a lesson with `audio` plays its recording rather than a speech engine. */
export function playsRecording(audio: AudioManifest | undefined, voiceId: string | undefined): audio is AudioManifest {
  return audio !== undefined && (voiceId === undefined || voiceId === RECORDED_VOICE_ID);
}

/**
 * A manifest fetched by the page, if it can be trusted for these segments: valid, made from
 * the same narration script (hash), and timing every segment in order with the same blocks. A
 * recording of an older version of the lesson would say other words than the page shows.
 */
export function recordingFor(
  raw: unknown,
  segments: readonly Pick<NarrationSegment, 'blockId' | 'spoken'>[],
): AudioManifest | undefined {
  const parsed = audioManifestSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const manifest = parsed.data;
  if (manifest.scriptHash !== narrationScriptHash(segments)) return undefined;
  if (manifest.segments.length !== segments.length) return undefined;
  const aligned = manifest.segments.every((segment, i) => segment.id === i && segment.block === segments[i]!.blockId);
  return aligned ? manifest : undefined;
}
