/**
 * Speech engines for narration, chosen at run time behind one interface (VoiceEngine): the
 * browser's voices (Web Speech API) by default, Azure neural voices when the server has a
 * key. The player island and the audio quiz use the same shared engine, so starting one
 * silences the other.
 */
import { createEngineRouter } from './router.ts';
import { createWebSpeechEngine } from './webSpeech.ts';

export type { SpeechSupport, VoiceEngine } from '../../../lib/narration/browser/voiceEngine.ts';
export { voicesFor, pickVoice, primaryLanguage } from '../../../lib/narration/browser/voiceEngine.ts';
export { isCloudVoice } from './cloudVoice.ts';

export interface SpeechEngineOptions {
  /** Look for cloud voices on the server (default true); false keeps to the browser's. */
  cloud?: boolean;
}

export type RoutedEngine = ReturnType<typeof createEngineRouter>;

/** A new engine: the browser's voices now, cloud voices once `loadCloud()` found them. */
export function createSpeechEngine(options: SpeechEngineOptions = {}): RoutedEngine {
  const android = typeof navigator !== 'undefined' && /android/i.test(navigator.userAgent);
  const native = createWebSpeechEngine(android ? {} : { keepAliveMs: 10_000 });
  // The probe and the token handling load on demand too: most pages never need them.
  return createEngineRouter(native, options.cloud === false ? undefined : async () => (await import('./cloudLoader.ts')).loadCloudEngine());
}

let shared: RoutedEngine | undefined;

/**
 * The page's engine, made on first use. Cloud voices are looked for once the page is idle, so
 * the question never delays the first sentence.
 */
export function sharedSpeechEngine(): RoutedEngine {
  if (shared) return shared;
  const engine = createSpeechEngine();
  shared = engine;
  const idle = (globalThis as { requestIdleCallback?: (callback: () => void, options?: { timeout: number }) => void }).requestIdleCallback;
  if (idle) idle(() => void engine.loadCloud(), { timeout: 4000 });
  else setTimeout(() => void engine.loadCloud(), 1500);
  return engine;
}
