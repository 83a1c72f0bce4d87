import type { BrowserContext, Page } from 'playwright-core';

/** One utterance handed to the fake speechSynthesis, as the page asked for it. */
export interface SpokenRecord {
  text: string;
  lang: string;
  rate: number;
  at: number;
}

export interface FakeSpeechOptions {
  /** Voices (ja-JP and en-US) arrive late, through voiceschanged, as in Chrome; false: none at all. */
  withVoices: boolean;
  /** How long every utterance lasts. */
  durationMs: number;
}

/**
 * Headless Chromium has no voices: this stands in for speechSynthesis. Each utterance starts at
 * once and ends after `durationMs`; every text is recorded with its language and rate in
 * `window.__spoken`. Runs in the page (an init script), so it closes over nothing.
 */
function fakeSpeech({ withVoices, durationMs }: FakeSpeechOptions) {
  const voices = withVoices
    ? [
        { name: 'Kyoko', lang: 'ja-JP', voiceURI: 'Kyoko', localService: true, default: true },
        { name: 'Samantha', lang: 'en-US', voiceURI: 'Samantha', localService: true, default: false },
      ]
    : [];
  const spoken: SpokenRecord[] = [];
  (window as unknown as { __spoken: SpokenRecord[] }).__spoken = spoken;
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
  let loaded: typeof voices = [];
  const synthesis = Object.assign(new EventTarget(), {
    speaking: false,
    paused: false,
    getVoices: () => loaded,
    speak(utterance: FakeUtterance & Record<string, unknown>) {
      spoken.push({ text: utterance.text, lang: utterance.lang, rate: utterance.rate, at: performance.now() });
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
  // Like Chrome: the list is empty at first and filled a moment later.
  if (voices.length > 0) {
    setTimeout(() => {
      loaded = voices;
      synthesis.dispatchEvent(new Event('voiceschanged'));
    }, 50);
  }
  Object.defineProperty(window, 'speechSynthesis', { value: synthesis, configurable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: FakeUtterance, configurable: true });
}

/** Gives every page of `context` the fake speechSynthesis. */
export async function withFakeSpeech(context: BrowserContext, options: FakeSpeechOptions): Promise<void> {
  await context.addInitScript(fakeSpeech, options);
}

/**
 * Voices whose sentences last `durationMs` each: long enough that the narration player stays in
 * its playing, sticky layout while a test looks at the page.
 */
export function withSlowSpeech(context: BrowserContext, durationMs = 60_000): Promise<void> {
  return withFakeSpeech(context, { withVoices: true, durationMs });
}

/** What the page has spoken so far. */
export const spokenIn = (page: Page): Promise<SpokenRecord[]> =>
  page.evaluate(() => (window as unknown as { __spoken: SpokenRecord[] }).__spoken);
