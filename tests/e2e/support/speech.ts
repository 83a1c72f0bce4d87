import type { BrowserContext } from 'playwright-core';

/**
 * A stand-in for speechSynthesis (headless Chromium has no voices) whose every utterance lasts
 * `durationMs`: long enough that the narration player stays in its playing, sticky layout while a
 * test looks at the page. Voices arrive through voiceschanged, as in Chrome.
 */
function slowSpeech({ durationMs }: { durationMs: number }) {
  const voices = [
    { name: 'Kyoko', lang: 'ja-JP', voiceURI: 'Kyoko', localService: true, default: true },
    { name: 'Samantha', lang: 'en-US', voiceURI: 'Samantha', localService: true, default: false },
  ];
  let loaded: typeof voices = [];
  let current: (EventTarget & Record<string, unknown>) | null = null;
  let timer = 0;
  const fire = (utterance: EventTarget & Record<string, unknown>, type: string, extra: object = {}) => {
    const handler = utterance[`on${type}`];
    if (typeof handler === 'function') handler.call(utterance, Object.assign(new Event(type), extra));
  };
  class FakeUtterance extends EventTarget {
    text: string;
    lang = '';
    rate = 1;
    voice: unknown = null;
    constructor(text: string) {
      super();
      this.text = text;
    }
  }
  const synthesis = Object.assign(new EventTarget(), {
    speaking: false,
    paused: false,
    getVoices: () => loaded,
    speak(utterance: FakeUtterance & Record<string, unknown>) {
      current = utterance;
      synthesis.speaking = true;
      setTimeout(() => current === utterance && fire(utterance, 'start'), 1);
      clearTimeout(timer);
      timer = window.setTimeout(() => {
        if (current !== utterance) return;
        current = null;
        synthesis.speaking = false;
        fire(utterance, 'end');
      }, durationMs);
    },
    cancel() {
      const utterance = current;
      current = null;
      synthesis.speaking = false;
      clearTimeout(timer);
      if (utterance) fire(utterance, 'error', { error: 'canceled' });
    },
    pause() {},
    resume() {},
  });
  setTimeout(() => {
    loaded = voices;
    synthesis.dispatchEvent(new Event('voiceschanged'));
  }, 50);
  Object.defineProperty(window, 'speechSynthesis', { value: synthesis, configurable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: FakeUtterance, configurable: true });
}

/** Gives every page of `context` voices whose sentences last `durationMs` each. */
export async function withSlowSpeech(context: BrowserContext, durationMs = 60_000): Promise<void> {
  await context.addInitScript(slowSpeech, { durationMs });
}
