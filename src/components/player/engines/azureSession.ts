import { createSpeechSynthesisPonyfill } from 'web-speech-cognitive-services';
import type { VoiceEngine } from '../../../lib/narration/browser/voiceEngine.ts';
import { createAzureEngine, type CloudPonyfill } from './azure.ts';

/**
 * The cloud engine with the library loaded. Only reached through a dynamic import from
 * cloudLoader.ts, after the server said cloud voices are on: this module pulls in the
 * library and the Speech SDK, which lesson pages must not load otherwise.
 */
export function createAzureSession(credentials: () => Promise<{ authorizationToken: string; region: string }>): VoiceEngine {
  // Our own audio context, resumed inside the learner's click: browsers keep audio started
  // outside a user gesture silent.
  const AudioContextClass = globalThis.AudioContext ?? (globalThis as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  const audioContext = new AudioContextClass();
  const ponyfill = createSpeechSynthesisPonyfill({
    audioContext,
    credentials,
    // Speech-to-text is not used; a placeholder keeps the library from setting up a microphone.
    audioConfig: {},
  }) as unknown as CloudPonyfill;
  if (!ponyfill.speechSynthesis) throw new Error('cloud voices need Web Audio');
  return createAzureEngine(ponyfill, audioContext);
}
