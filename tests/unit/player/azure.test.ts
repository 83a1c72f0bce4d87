import { describe, expect, it, vi } from 'vitest';
import { cloudVoiceName, createAzureEngine, DEFAULT_CLOUD_VOICES, escapeForSsml } from '../../../src/components/player/engines/azure.ts';
import { CLOUD_VOICE_PREFIX } from '../../../src/components/player/engines/cloudVoice.ts';
import type { UtteranceCallbacks } from '../../../src/lib/narration/engine.ts';
import { fakeCloud } from './fakeCloud.ts';

const NANAMI = 'Microsoft Server Speech Text to Speech Voice (ja-JP, NanamiNeural)';
const KEITA = 'Microsoft Server Speech Text to Speech Voice (ja-JP, KeitaNeural)';
const OLD = 'Microsoft Server Speech Text to Speech Voice (ja-JP, Ayumi, Apollo)';

function callbacks(): UtteranceCallbacks & { log: string[] } {
  const log: string[] = [];
  return { log, onStart: () => log.push('start'), onEnd: () => log.push('end'), onError: (message) => log.push(`error:${message}`) };
}

describe('escapeForSsml', () => {
  it.each([
    ['A&B社', 'A&amp;B社'],
    ['LTV<CAC なら赤字', 'LTV&lt;CAC なら赤字'],
    ['<speak>で始まる文', '&lt;speak&gt;で始まる文'],
    ['ふつうの文。', 'ふつうの文。'],
  ])('%s', (text, escaped) => expect(escapeForSsml(text)).toBe(escaped));
});

describe('cloudVoiceName', () => {
  it.each([
    [NANAMI, 'Nanami'],
    ['Microsoft Server Speech Text to Speech Voice (en-US, AvaMultilingualNeural)', 'Ava'],
    ['ja-JP-KeitaNeural', 'Keita'],
  ])('%s → %s', (uri, name) => expect(cloudVoiceName(uri)).toBe(name));
});

describe('the Azure engine', () => {
  it('escapes the text and always sets language, voice and rate', () => {
    const cloud = fakeCloud();
    const engine = createAzureEngine(cloud.ponyfill);
    engine.speak({ text: 'A&B<C', lang: 'ja-JP', rate: 1.25 }, callbacks());
    const utterance = cloud.downloads[0]!.utterance;
    expect(utterance).toMatchObject({ text: 'A&amp;B&lt;C', lang: 'ja-JP', rate: 1.25, voice: { voiceURI: DEFAULT_CLOUD_VOICES['ja'] } });
    engine.speak({ text: 'Hi', lang: 'en-US', rate: 1, voiceId: CLOUD_VOICE_PREFIX + KEITA }, callbacks());
    expect(cloud.downloads[1]!.utterance.voice).toEqual({ voiceURI: KEITA });
  });

  it('lists neural voices once the voice list arrives, and picks from it for the language', () => {
    const cloud = fakeCloud([
      { name: KEITA, lang: 'ja-JP', voiceURI: KEITA },
      { name: OLD, lang: 'ja-JP', voiceURI: OLD },
    ]);
    const engine = createAzureEngine(cloud.ponyfill);
    const changed = vi.fn();
    engine.onChange(changed);
    expect(engine.getVoices()).toEqual([]);
    cloud.loadVoices();
    expect(changed).toHaveBeenCalled();
    expect(engine.getVoices()).toEqual([{ id: CLOUD_VOICE_PREFIX + KEITA, name: 'Keita', lang: 'ja-JP', local: false }]);
    engine.speak({ text: 'a', lang: 'ja-JP', rate: 1 }, callbacks());
    expect(cloud.downloads[0]!.utterance.voice).toEqual({ voiceURI: KEITA });
  });

  it('plays and reports start and end', async () => {
    const cloud = fakeCloud();
    const engine = createAzureEngine(cloud.ponyfill);
    const events = callbacks();
    engine.speak({ text: '一文目。', lang: 'ja-JP', rate: 1 }, events);
    cloud.downloads[0]!.resolve();
    await cloud.settle();
    expect(cloud.played).toEqual(['一文目。']);
    expect(events.log).toEqual(['start', 'end']);
  });

  it('never plays an utterance cancelled while it was still downloading, and ignores its events', async () => {
    const cloud = fakeCloud();
    const engine = createAzureEngine(cloud.ponyfill);
    const first = callbacks();
    const handle = engine.speak({ text: '古い文。', lang: 'ja-JP', rate: 1 }, first);
    handle.cancel();
    cloud.downloads[0]!.resolve(); // The download finishes after the cancel…
    await cloud.settle();
    expect(cloud.played).toEqual([]); // …and is not played.
    expect(first.log).toEqual(['start']);
    const second = callbacks();
    engine.speak({ text: '新しい文。', lang: 'ja-JP', rate: 1 }, second);
    cloud.downloads[1]!.resolve();
    await cloud.settle();
    expect(cloud.played).toEqual(['新しい文。']);
    expect(second.log).toEqual(['start', 'end']);
  });

  it('downloads the prepared next sentence ahead, once, and plays it without a second download', async () => {
    const cloud = fakeCloud();
    const engine = createAzureEngine(cloud.ponyfill);
    engine.speak({ text: '一文目。', lang: 'ja-JP', rate: 1 }, callbacks());
    engine.prepare!({ text: '二文目。', lang: 'ja-JP', rate: 1 });
    engine.prepare!({ text: '二文目。', lang: 'ja-JP', rate: 1 });
    expect(cloud.downloads.map((download) => download.utterance.text)).toEqual(['一文目。', '二文目。']);
    cloud.downloads[0]!.resolve();
    cloud.downloads[1]!.resolve();
    await cloud.settle();
    const events = callbacks();
    engine.speak({ text: '二文目。', lang: 'ja-JP', rate: 1 }, events);
    await cloud.settle();
    expect(cloud.downloads).toHaveLength(2);
    expect(cloud.played).toEqual(['一文目。', '二文目。']);
    expect(events.log).toEqual(['start', 'end']);
  });

  it('keeps at most one sentence ahead: preparing another drops the one prepared before', async () => {
    const cloud = fakeCloud();
    const engine = createAzureEngine(cloud.ponyfill);
    engine.speak({ text: 'a', lang: 'ja-JP', rate: 1 }, callbacks());
    engine.prepare!({ text: 'b', lang: 'ja-JP', rate: 1 });
    engine.prepare!({ text: 'c', lang: 'ja-JP', rate: 1 });
    engine.speak({ text: 'b', lang: 'ja-JP', rate: 1 }, callbacks());
    // 'b' was dropped for 'c', so it is downloaded again when it is finally said.
    expect(cloud.downloads.map((download) => download.utterance.text)).toEqual(['a', 'b', 'c', 'b']);
  });

  it('resumes the audio context inside the call to speak (browsers keep audio started elsewhere silent)', () => {
    const cloud = fakeCloud();
    const audio = { resume: vi.fn() };
    const engine = createAzureEngine(cloud.ponyfill, audio);
    engine.speak({ text: 'a', lang: 'ja-JP', rate: 1 }, callbacks());
    expect(audio.resume).toHaveBeenCalledOnce();
  });

  it('tells whoever waits that the utterance was interrupted when the engine is cancelled', async () => {
    const cloud = fakeCloud();
    const engine = createAzureEngine(cloud.ponyfill);
    const events = callbacks();
    engine.speak({ text: 'a', lang: 'ja-JP', rate: 1 }, events);
    engine.cancel();
    cloud.downloads[0]!.resolve();
    await cloud.settle();
    expect(events.log).toEqual(['start', 'error:interrupted']);
    expect(cloud.played).toEqual([]);
  });

  it('reports a failed download as an error', async () => {
    const cloud = fakeCloud();
    const engine = createAzureEngine(cloud.ponyfill);
    const events = callbacks();
    engine.speak({ text: 'a', lang: 'ja-JP', rate: 1 }, events);
    cloud.downloads[0]!.reject(new Error('401'));
    await cloud.settle();
    expect(events.log).toEqual(['start', 'error:synthesis-failed']);
  });
});
