import type { SpeechEngine, Utterance, UtteranceCallbacks } from '../../../src/lib/narration/engine.ts';

export interface SpokenUtterance {
  utterance: Utterance;
  callbacks: UtteranceCallbacks;
  cancelled: boolean;
}

/**
 * A speech engine for tests: it records what it was asked to say and says nothing until the
 * test plays the engine's part with `end()`, `fail()`, or the callbacks of any utterance.
 */
export function fakeEngine() {
  const utterances: SpokenUtterance[] = [];
  let cancelAllCalls = 0;
  let failNextSpeak: string | undefined;
  const engine: SpeechEngine = {
    speak(utterance, callbacks) {
      if (failNextSpeak !== undefined) {
        const message = failNextSpeak;
        failNextSpeak = undefined;
        throw new Error(message);
      }
      const spoken: SpokenUtterance = { utterance, callbacks, cancelled: false };
      utterances.push(spoken);
      return {
        cancel: () => {
          spoken.cancelled = true;
        },
      };
    },
    cancel: () => {
      cancelAllCalls++;
    },
    getVoices: () => [{ id: 'kyoko', name: 'Kyoko', lang: 'ja-JP', local: true }],
  };
  const latest = () => {
    const last = utterances.at(-1);
    if (!last) throw new Error('nothing was spoken');
    return last;
  };
  return {
    engine,
    utterances,
    latest,
    /** The texts asked for, in order. */
    texts: () => utterances.map((spoken) => spoken.utterance.text),
    /** The engine reports the end of the latest utterance. */
    end: () => latest().callbacks.onEnd(),
    fail: (message: string) => latest().callbacks.onError(message),
    throwOnNextSpeak: (message: string) => {
      failNextSpeak = message;
    },
    cancelAllCalls: () => cancelAllCalls,
  };
}
