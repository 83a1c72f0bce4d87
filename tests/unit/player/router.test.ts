import { describe, expect, it, vi } from 'vitest';
import { createEngineRouter } from '../../../src/components/player/engines/router.ts';
import type { SpeechVoice, UtteranceCallbacks } from '../../../src/lib/narration/engine.ts';
import type { SpeechSupport, VoiceEngine } from '../../../src/lib/narration/browser/voiceEngine.ts';

/** An engine that records what it was asked to say. */
function recordingEngine(voices: SpeechVoice[], support: SpeechSupport = 'ready') {
  const said: { text: string; voiceId: string | undefined }[] = [];
  const prepared: string[] = [];
  let cancels = 0;
  const engine: VoiceEngine = {
    support: () => support,
    onChange: () => () => {},
    getVoices: () => voices,
    speak(utterance) {
      said.push({ text: utterance.text, voiceId: utterance.voiceId });
      return { cancel() {} };
    },
    cancel: () => {
      cancels++;
    },
    prepare: (utterance) => prepared.push(utterance.text),
  };
  return { engine, said, prepared, cancels: () => cancels };
}

const noop: UtteranceCallbacks = { onStart() {}, onEnd() {}, onError() {} };
const KYOKO = { id: 'Kyoko', name: 'Kyoko', lang: 'ja-JP', local: true };
const NANAMI = { id: 'azure:Nanami', name: 'Nanami', lang: 'ja-JP', local: false };
const SAMANTHA = { id: 'Samantha', name: 'Samantha', lang: 'en-US', local: true };

describe('the engine router', () => {
  it('speaks with the browser by default and lists both engines’ voices once the cloud is loaded', async () => {
    const native = recordingEngine([KYOKO]);
    const cloud = recordingEngine([NANAMI]);
    const router = createEngineRouter(native.engine, async () => cloud.engine);
    expect(router.getVoices()).toEqual([KYOKO]);
    router.speak({ text: 'a', lang: 'ja-JP', rate: 1 }, noop);
    await router.loadCloud();
    expect(router.getVoices()).toEqual([KYOKO, NANAMI]);
    router.speak({ text: 'b', lang: 'ja-JP', rate: 1 }, noop);
    expect(native.said.map((s) => s.text)).toEqual(['a', 'b']);
    expect(cloud.said).toEqual([]);
  });

  it('sends a cloud voice to the cloud engine, waiting for it to load, and prepares only there', async () => {
    const native = recordingEngine([KYOKO]);
    const cloud = recordingEngine([NANAMI]);
    let finishLoading: (engine: VoiceEngine) => void = () => {};
    const router = createEngineRouter(native.engine, () => new Promise((resolve) => (finishLoading = resolve)));
    router.speak({ text: 'a', lang: 'ja-JP', rate: 1, voiceId: 'azure:Nanami' }, noop);
    expect(cloud.said).toEqual([]);
    finishLoading(cloud.engine);
    await vi.waitFor(() => expect(cloud.said).toEqual([{ text: 'a', voiceId: 'azure:Nanami' }]));
    router.prepare!({ text: 'next', lang: 'ja-JP', rate: 1, voiceId: 'azure:Nanami' });
    router.prepare!({ text: 'native', lang: 'ja-JP', rate: 1, voiceId: 'Kyoko' });
    expect(cloud.prepared).toEqual(['next']);
    expect(native.said).toEqual([]);
  });

  it('does not speak an utterance cancelled while the cloud was loading', async () => {
    const native = recordingEngine([KYOKO]);
    const cloud = recordingEngine([NANAMI]);
    let finishLoading: (engine: VoiceEngine) => void = () => {};
    const router = createEngineRouter(native.engine, () => new Promise((resolve) => (finishLoading = resolve)));
    router.speak({ text: 'a', lang: 'ja-JP', rate: 1, voiceId: 'azure:Nanami' }, noop).cancel();
    finishLoading(cloud.engine);
    await router.loadCloud();
    expect(cloud.said).toEqual([]);
    expect(native.said).toEqual([]);
  });

  it('falls back to the browser’s voice when the cloud turns out to be off', async () => {
    const native = recordingEngine([KYOKO]);
    const router = createEngineRouter(native.engine, async () => undefined);
    router.speak({ text: 'a', lang: 'ja-JP', rate: 1, voiceId: 'azure:Nanami' }, noop);
    await vi.waitFor(() => expect(native.said).toEqual([{ text: 'a', voiceId: undefined }]));
    router.speak({ text: 'b', lang: 'ja-JP', rate: 1, voiceId: 'azure:Nanami' }, noop);
    expect(native.said.at(-1)).toEqual({ text: 'b', voiceId: undefined });
  });

  it('lets the cloud read a language the browser has no voice for', async () => {
    const native = recordingEngine([SAMANTHA]);
    const cloud = recordingEngine([NANAMI]);
    const router = createEngineRouter(native.engine, async () => cloud.engine);
    await router.loadCloud();
    router.speak({ text: 'こんにちは', lang: 'ja-JP', rate: 1 }, noop);
    router.speak({ text: 'hello', lang: 'en-US', rate: 1 }, noop);
    expect(cloud.said.map((s) => s.text)).toEqual(['こんにちは']);
    expect(native.said.map((s) => s.text)).toEqual(['hello']);
  });

  it.each([
    ['ready', 'off', 'ready'],
    ['checking', 'off', 'checking'],
    ['unsupported', 'off', 'unsupported'],
    ['unsupported', 'ready', 'ready'],
  ] as const)('browser %s, cloud %s: %s', async (nativeSupport, cloudState, expected) => {
    const native = recordingEngine([], nativeSupport);
    const cloud = recordingEngine([NANAMI]);
    const router = createEngineRouter(native.engine, async () => (cloudState === 'ready' ? cloud.engine : undefined));
    await router.loadCloud();
    expect(router.support()).toBe(expected);
  });

  it('cancels both engines', async () => {
    const native = recordingEngine([KYOKO]);
    const cloud = recordingEngine([NANAMI]);
    const router = createEngineRouter(native.engine, async () => cloud.engine);
    await router.loadCloud();
    router.cancel();
    expect([native.cancels(), cloud.cancels()]).toEqual([1, 1]);
  });
});
