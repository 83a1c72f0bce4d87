import type { SpeechVoice, Utterance, UtteranceCallbacks, UtteranceHandle } from '../../../lib/narration/engine.ts';
import { pickVoice, primaryLanguage, type SpeechSupport, type VoiceEngine } from '../../../lib/narration/browser/voiceEngine.ts';
import { CLOUD_VOICE_PREFIX } from './cloudVoice.ts';

/** An utterance of web-speech-cognitive-services, as far as this adapter touches it. */
export interface CloudUtterance extends EventTarget {
  text: string;
  lang: string;
  rate: number;
  voice: { voiceURI: string } | null;
  preload(options: unknown): void;
  arrayBufferPromise?: Promise<ArrayBuffer>;
}

/** What `createSpeechSynthesisPonyfill` returns, reduced to what is used. */
export interface CloudPonyfill {
  speechSynthesis: {
    speak(utterance: CloudUtterance): Promise<unknown> | void;
    cancel(): void;
    getVoices(): readonly { name: string; lang: string; voiceURI: string }[];
    addEventListener(type: 'voiceschanged', listener: () => void): void;
  };
  SpeechSynthesisUtterance: new (text: string) => CloudUtterance;
}

/** The neural voice used for a language until the voice list has arrived. */
export const DEFAULT_CLOUD_VOICES: Record<string, string> = {
  ja: 'Microsoft Server Speech Text to Speech Voice (ja-JP, NanamiNeural)',
  en: 'Microsoft Server Speech Text to Speech Voice (en-US, JennyNeural)',
};

/**
 * The text goes into SSML unescaped by the library: `&` or `<` break the request, and text that
 * starts with `<speak` would be taken as SSML. Escaping them makes any sentence safe.
 */
export function escapeForSsml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** "Microsoft Server Speech Text to Speech Voice (ja-JP, NanamiNeural)" → "Nanami". */
export function cloudVoiceName(voiceUri: string): string {
  const match = /\(([^,]+),\s*([^)]+?)(?:Multilingual)?Neural\)/.exec(voiceUri) ?? /-([A-Za-z]+?)(?:Multilingual)?Neural$/.exec(voiceUri);
  return match?.at(-1) ?? voiceUri;
}

/**
 * Azure neural voices through web-speech-cognitive-services, behind the same interface as the
 * browser's voices. Works around the library's faults: text is escaped for SSML; voice and
 * language are always set (otherwise it reads Japanese with an English voice); at most one
 * sentence is downloaded ahead (`prepare`); an utterance cancelled while still downloading
 * never plays and its late events are ignored.
 */
export function createAzureEngine(ponyfill: CloudPonyfill, audio?: { resume(): Promise<void> | void }): VoiceEngine {
  const { speechSynthesis, SpeechSynthesisUtterance } = ponyfill;
  const listeners = new Set<() => void>();
  let voices: SpeechVoice[] = [];
  // The library passes its download options to preload(); kept to download `prepare`d sentences.
  let preloadOptions: unknown;
  let prepared: { key: string; utterance: CloudUtterance; cancel: () => void } | undefined;
  let current: (() => void) | undefined;

  speechSynthesis.addEventListener('voiceschanged', () => {
    voices = speechSynthesis
      .getVoices()
      .filter((voice) => /Neural/.test(voice.voiceURI))
      .map((voice) => ({ id: CLOUD_VOICE_PREFIX + voice.voiceURI, name: cloudVoiceName(voice.voiceURI), lang: voice.lang, local: false }));
    for (const listener of [...listeners]) listener();
  });

  const voiceUriFor = (utterance: Utterance) => {
    // A chosen voice works before the list has arrived; without one, the first listed or a default.
    if (utterance.voiceId?.startsWith(CLOUD_VOICE_PREFIX)) return utterance.voiceId.slice(CLOUD_VOICE_PREFIX.length);
    const listed = pickVoice(voices, utterance.lang);
    return listed ? listed.id.slice(CLOUD_VOICE_PREFIX.length) : (DEFAULT_CLOUD_VOICES[primaryLanguage(utterance.lang)] ?? DEFAULT_CLOUD_VOICES['en']!);
  };
  const keyOf = (utterance: Utterance) => JSON.stringify([utterance.text, utterance.lang, utterance.rate, voiceUriFor(utterance)]);

  /** A library utterance whose download can be abandoned: a cancelled one rejects and never plays. */
  function cloudUtterance(utterance: Utterance) {
    const made = new SpeechSynthesisUtterance(escapeForSsml(utterance.text));
    made.lang = utterance.lang;
    made.rate = utterance.rate;
    made.voice = { voiceURI: voiceUriFor(utterance) };
    let abandon = () => {};
    const abandoned = new Promise<never>((_, reject) => {
      abandon = () => reject(new Error('cancelled'));
    });
    abandoned.catch(() => {});
    const preload = made.preload.bind(made);
    made.preload = (options: unknown) => {
      preloadOptions = options;
      if (!made.arrayBufferPromise) preload(options);
      const download = made.arrayBufferPromise;
      if (!download) return;
      const guarded = Promise.race([download, abandoned]);
      guarded.catch(() => {}); // A dropped download is no error; whoever plays it sees the rejection.
      made.arrayBufferPromise = guarded;
    };
    return { utterance: made, cancel: abandon };
  }

  return {
    support: (): SpeechSupport => 'ready', // Default voices work before the list arrives.
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getVoices: () => voices,
    prepare(utterance) {
      const key = keyOf(utterance);
      if (prepared?.key === key || preloadOptions === undefined) return;
      prepared?.cancel();
      const made = cloudUtterance(utterance);
      made.utterance.preload(preloadOptions);
      prepared = { key, ...made };
    },
    speak(utterance: Utterance, callbacks: UtteranceCallbacks): UtteranceHandle {
      void audio?.resume(); // Inside the learner's click, so the browser lets audio start.
      const key = keyOf(utterance);
      const made = prepared?.key === key ? prepared : cloudUtterance(utterance);
      if (prepared && prepared !== made) prepared.cancel();
      prepared = undefined;
      let done = false;
      const settle = () => {
        done = true;
        if (current === interrupt) current = undefined;
      };
      const stop = () => {
        if (done) return;
        settle();
        made.cancel();
        speechSynthesis.cancel();
      };
      // Whoever still waits for the previous utterance hears it was cut off.
      current?.();
      const interrupt = () => {
        if (done) return;
        stop();
        callbacks.onError('interrupted');
      };
      current = interrupt;
      made.utterance.addEventListener('start', () => {
        if (!done) callbacks.onStart();
      });
      made.utterance.addEventListener('end', () => {
        if (done) return;
        settle();
        callbacks.onEnd();
      });
      made.utterance.addEventListener('error', (event) => {
        if (done) return;
        settle();
        callbacks.onError((event as ErrorEvent).error === undefined ? 'synthesis-failed' : String((event as ErrorEvent).error));
      });
      const result = speechSynthesis.speak(made.utterance);
      if (result && typeof result.catch === 'function') result.catch(() => {}); // Reported through `error`.
      return { cancel: stop };
    },
    cancel() {
      current?.();
      prepared?.cancel();
      prepared = undefined;
      speechSynthesis.cancel();
    },
  };
}
