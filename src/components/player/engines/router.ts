import type { SpeechVoice, Utterance, UtteranceCallbacks, UtteranceHandle } from '../../../lib/narration/engine.ts';
import { voicesFor, type SpeechSupport, type VoiceEngine } from '../../../lib/narration/browser/voiceEngine.ts';
import { isCloudVoice } from './cloudVoice.ts';

/**
 * One engine made of two: the browser's voices, and cloud voices that may arrive later. The
 * voice decides: a cloud voice id goes to the cloud engine (waiting for it to load if needed),
 * any other to the browser. Without a chosen voice the browser speaks, unless it has no voice
 * for the language and the cloud has.
 */
export function createEngineRouter(native: VoiceEngine, loadCloud?: () => Promise<VoiceEngine | undefined>): VoiceEngine & {
  /** Starts loading cloud voices (once); resolves when known whether there are any. */
  loadCloud(): Promise<void>;
} {
  const listeners = new Set<() => void>();
  const emit = () => {
    for (const listener of [...listeners]) listener();
  };
  let cloud: VoiceEngine | undefined;
  let cloudState: 'idle' | 'loading' | 'ready' | 'off' = loadCloud ? 'idle' : 'off';
  let cloudLoad: Promise<void> | undefined;
  native.onChange(emit);

  function startCloud(): Promise<void> {
    if (!loadCloud) return Promise.resolve();
    cloudLoad ??= (async () => {
      cloudState = 'loading';
      try {
        cloud = await loadCloud();
      } catch {
        cloud = undefined;
      }
      cloudState = cloud ? 'ready' : 'off';
      cloud?.onChange(emit);
      emit();
    })();
    return cloudLoad;
  }

  const nativeCanSay = (lang: string) => voicesFor(native.getVoices(), lang).length > 0 || native.support() === 'checking';

  /** Speaks once the cloud engine is there; if it never comes, with the browser's voice. */
  function speakWhenCloudReady(utterance: Utterance, callbacks: UtteranceCallbacks): UtteranceHandle {
    let cancelled = false;
    let handle: UtteranceHandle | undefined;
    void startCloud().then(() => {
      if (cancelled) return;
      if (cloud) handle = cloud.speak(utterance, callbacks);
      else {
        const { voiceId: _cloudOnly, ...withoutVoice } = utterance;
        handle = native.speak(withoutVoice, callbacks);
      }
    });
    return {
      cancel() {
        cancelled = true;
        handle?.cancel();
      },
    };
  }

  return {
    loadCloud: startCloud,
    support(): SpeechSupport {
      const nativeSupport = native.support();
      if (nativeSupport === 'ready' || cloudState === 'ready') return 'ready';
      if (nativeSupport === 'checking' || cloudState === 'loading') return 'checking';
      return 'unsupported';
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getVoices: (): readonly SpeechVoice[] => [...native.getVoices(), ...(cloud?.getVoices() ?? [])],
    speak(utterance, callbacks) {
      if (isCloudVoice(utterance.voiceId)) {
        if (cloud) return cloud.speak(utterance, callbacks);
        if (cloudState !== 'off') return speakWhenCloudReady(utterance, callbacks);
        const { voiceId: _gone, ...withoutVoice } = utterance;
        return native.speak(withoutVoice, callbacks);
      }
      if (cloud && !nativeCanSay(utterance.lang) && utterance.voiceId === undefined) return cloud.speak(utterance, callbacks);
      return native.speak(utterance, callbacks);
    },
    prepare(utterance) {
      if (cloud && isCloudVoice(utterance.voiceId)) cloud.prepare?.(utterance);
    },
    cancel() {
      native.cancel();
      cloud?.cancel();
    },
  };
}
