import type { Locale } from '../../i18n/locales.ts';

/**
 * Rendered narration: the seam between the audio pipeline and a speech engine. A renderer is
 * text in, audio out; the pipeline plans, caches, measures and joins. Open JTalk and flite
 * (src/server/audio/engines) implement it today; a cloud voice (Azure) can be added beside
 * them without touching the plan, the manifest or the player.
 */

/**
 * What a renderer returns: a 16-bit mono PCM WAV file at the voice's own sampling rate (a cloud
 * engine asks for that format, e.g. Azure's `riff-24khz-16bit-mono-pcm`). The pipeline trims,
 * measures and joins the samples itself, so timings are exact.
 */
export interface AudioFile {
  bytes: Uint8Array;
  format: 'wav';
}

/** Everything that decides how a text sounds: the cache key is made of this and the text. */
export interface RendererIdentity {
  /** The engine: `open-jtalk`, `flite`, later `azure`. */
  id: string;
  /** The engine's voice: `nitech-jp-atr503-m001`, `slt`, later `ja-JP-NanamiNeural`. */
  voice: string;
  /** Every other option that changes the sound (sampling rate, speed, pitch…). */
  settings: Readonly<Record<string, string | number | boolean>>;
}

export interface SpeechRenderer extends RendererIdentity {
  /** The language this renderer speaks. */
  locale: Locale;
  /** A name for people: shown in the manifest and on the credits page. */
  label: string;
  /** Says `text` (already through the pronunciation lexicon). Rejects with a message naming the engine. */
  render(text: string): Promise<AudioFile>;
}
