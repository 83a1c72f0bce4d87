/**
 * What the player needs from a speech engine, and nothing more, so the Web Speech API, a cloud
 * voice (Azure via web-speech-cognitive-services) and the tests' fake all fit behind it.
 */

/** One sentence to say. */
export interface Utterance {
  text: string;
  /** BCP 47 language tag: `ja-JP`, `en-US`. */
  lang: string;
  /** 1.0 is the voice's normal pace; the player keeps it within 0.5–2.0. */
  rate: number;
  /** An id from `getVoices()`; without one the engine picks a voice for `lang`. */
  voiceId?: string;
}

/**
 * What the engine reports about one utterance. An engine may call these late, or after the
 * utterance was cancelled; the player tells stale calls apart, so engines need not.
 */
export interface UtteranceCallbacks {
  onStart(): void;
  onEnd(): void;
  /** A message the learner can act on, or the engine's own error code. */
  onError(message: string): void;
  /** Word or sentence boundaries, where the engine reports them: index into `text`. */
  onBoundary?(charIndex: number): void;
}

/** Stops one utterance; calling it after the utterance ended does nothing. */
export interface UtteranceHandle {
  cancel(): void;
}

export interface SpeechVoice {
  id: string;
  name: string;
  /** BCP 47 language tag. */
  lang: string;
  /** True for voices that work offline. */
  local?: boolean;
}

export interface SpeechEngine {
  /** Starts saying `utterance` now. The player never asks for two at once. */
  speak(utterance: Utterance, callbacks: UtteranceCallbacks): UtteranceHandle;
  /** Silences everything this engine is saying or has queued. */
  cancel(): void;
  getVoices(): readonly SpeechVoice[];
}
