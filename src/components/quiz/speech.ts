/**
 * Read-aloud for quiz questions over the narration's shared speech engine
 * (src/components/player/engines: the browser's voices, or cloud voices when the server has
 * them), so starting the quiz's reading silences the lesson player and the other way round.
 * The engine is loaded on demand after the island is up: the quiz never waits for it, and if it
 * cannot load, the button simply stays hidden.
 */
import type { SpeechSupport, VoiceEngine } from '../../lib/narration/browser/voiceEngine.ts';

export type { SpeechSupport };

let loading: Promise<VoiceEngine | null> | undefined;

/** The page's shared engine, or null where it cannot load (no speech, or the module failed). */
export function loadSpeechEngine(): Promise<VoiceEngine | null> {
  loading ??= import('../player/engines/index.ts').then(
    (engines) => engines.sharedSpeechEngine(),
    () => null,
  );
  return loading;
}

/** Says the texts one after another. `onDone` runs once: at the end, on an error, or on stop. Returns stop. */
export function speakTexts(engine: VoiceEngine, texts: readonly string[], lang: string, onDone: () => void): () => void {
  const parts = texts.filter((text) => text.trim() !== '');
  let index = 0;
  let finished = false;
  let handle: { cancel(): void } | undefined;
  const finish = () => {
    if (finished) return;
    finished = true;
    onDone();
  };
  // The engine says one utterance at a time: each one's end starts the next.
  const next = () => {
    if (finished) return;
    const text = parts[index++];
    if (text === undefined) return finish();
    handle = engine.speak({ text, lang, rate: 1 }, { onStart: () => {}, onEnd: next, onError: finish });
  };
  engine.cancel();
  next();
  return () => {
    if (finished) return;
    handle?.cancel();
    engine.cancel();
    finish();
  };
}
