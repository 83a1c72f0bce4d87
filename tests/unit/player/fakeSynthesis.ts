import type { SynthesisLike } from '../../../src/components/player/engines/webSpeech.ts';

/** A voice as the browser lists it. */
export function voice(name: string, lang: string, options: Partial<SpeechSynthesisVoice> = {}): SpeechSynthesisVoice {
  return { name, lang, voiceURI: name, localService: true, default: false, ...options } as SpeechSynthesisVoice;
}

/** An utterance like the browser's: the fields the engine sets, and the handlers it installs. */
export class FakeUtterance {
  text: string;
  lang = '';
  rate = 1;
  voice: SpeechSynthesisVoice | null = null;
  onstart: ((event: unknown) => void) | null = null;
  onend: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  onboundary: ((event: unknown) => void) | null = null;
  constructor(text: string) {
    this.text = text;
  }
}

/**
 * The Web Speech API's speechSynthesis, played by the test: voices can arrive late, and the
 * test decides when each utterance starts, ends or fails (or never ends).
 */
export function fakeSynthesis(initialVoices: SpeechSynthesisVoice[] = []) {
  let voices = initialVoices;
  const listeners: (() => void)[] = [];
  const spoken: FakeUtterance[] = [];
  const calls: string[] = [];
  const synthesis: SynthesisLike & { paused: boolean; speaking: boolean } = {
    paused: false,
    speaking: false,
    getVoices: () => voices,
    speak(utterance) {
      calls.push('speak');
      spoken.push(utterance as unknown as FakeUtterance);
      synthesis.speaking = true;
    },
    cancel() {
      calls.push('cancel');
      synthesis.speaking = false;
      // Browsers report a cancelled utterance as an error.
      const last = spoken.at(-1);
      last?.onerror?.({ error: 'canceled' });
    },
    pause() {
      calls.push('pause');
      synthesis.paused = true;
    },
    resume() {
      calls.push('resume');
      synthesis.paused = false;
    },
    addEventListener(_type, listener) {
      listeners.push(listener);
    },
  };
  const latest = () => {
    const last = spoken.at(-1);
    if (!last) throw new Error('nothing spoken');
    return last;
  };
  return {
    synthesis,
    spoken,
    calls,
    latest,
    /** The browser finishes loading its voices. */
    loadVoices(next: SpeechSynthesisVoice[]) {
      voices = next;
      for (const listener of listeners) listener();
    },
    start: (utterance = latest()) => utterance.onstart?.({}),
    end: (utterance = latest()) => {
      synthesis.speaking = false;
      utterance.onend?.({});
    },
    fail: (error: string, utterance = latest()) => utterance.onerror?.({ error }),
    boundary: (charIndex: number, utterance = latest()) => utterance.onboundary?.({ charIndex }),
  };
}

export const Utterance = FakeUtterance as unknown as typeof SpeechSynthesisUtterance;
