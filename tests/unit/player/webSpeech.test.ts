import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWebSpeechEngine } from '../../../src/components/player/engines/webSpeech.ts';
import type { UtteranceCallbacks } from '../../../src/lib/narration/engine.ts';
import { createPlayer } from '../../../src/lib/narration/player.ts';
import { fakeSynthesis, Utterance, voice } from './fakeSynthesis.ts';

const KYOKO = voice('Kyoko', 'ja-JP', { default: true });
const OTOYA = voice('Otoya', 'ja-JP');
const SAMANTHA = voice('Samantha', 'en-US');

function callbacks(): UtteranceCallbacks & { log: string[] } {
  const log: string[] = [];
  return {
    log,
    onStart: () => log.push('start'),
    onEnd: () => log.push('end'),
    onError: (message) => log.push(`error:${message}`),
    onBoundary: (charIndex) => log.push(`boundary:${charIndex}`),
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('voices', () => {
  it('waits for voices that arrive late (voiceschanged) and says when they are there', () => {
    const fake = fakeSynthesis();
    const engine = createWebSpeechEngine({ synthesis: fake.synthesis, Utterance });
    const changed = vi.fn();
    engine.onChange(changed);
    expect(engine.support()).toBe('checking');
    expect(engine.getVoices()).toEqual([]);
    fake.loadVoices([SAMANTHA, OTOYA, KYOKO]);
    expect(engine.support()).toBe('ready');
    expect(changed).toHaveBeenCalled();
    // The browser's default voice comes first, so it is the pick for its language.
    expect(engine.getVoices().map((v) => v.id)).toEqual(['Kyoko', 'Samantha', 'Otoya']);
    vi.advanceTimersByTime(10_000);
    expect(engine.support()).toBe('ready');
  });

  it('gives up waiting after the timeout, and recovers if voices come later still', () => {
    const fake = fakeSynthesis();
    const engine = createWebSpeechEngine({ synthesis: fake.synthesis, Utterance, voiceTimeoutMs: 3000 });
    vi.advanceTimersByTime(2999);
    expect(engine.support()).toBe('checking');
    vi.advanceTimersByTime(1);
    expect(engine.support()).toBe('unsupported');
    fake.loadVoices([KYOKO]);
    expect(engine.support()).toBe('ready');
  });

  it('is ready at once when the voices are already loaded', () => {
    const engine = createWebSpeechEngine({ synthesis: fakeSynthesis([KYOKO]).synthesis, Utterance });
    expect(engine.support()).toBe('ready');
  });

  it('says speech is unsupported where the browser has no speechSynthesis', () => {
    const engine = createWebSpeechEngine({ synthesis: undefined, Utterance: undefined });
    expect(engine.support()).toBe('unsupported');
    const events = callbacks();
    engine.speak({ text: 'a', lang: 'ja-JP', rate: 1 }, events);
    expect(events.log).toEqual(['error:synthesis-unavailable']);
  });
});

describe('speaking', () => {
  it('sets text, language, rate and the chosen voice, and reports start, boundaries and end', () => {
    const fake = fakeSynthesis([KYOKO, OTOYA, SAMANTHA]);
    const engine = createWebSpeechEngine({ synthesis: fake.synthesis, Utterance });
    const events = callbacks();
    engine.speak({ text: '一文目。', lang: 'ja-JP', rate: 1.5, voiceId: 'Otoya' }, events);
    expect(fake.latest()).toMatchObject({ text: '一文目。', lang: 'ja-JP', rate: 1.5, voice: OTOYA });
    fake.start();
    fake.boundary(2);
    fake.end();
    expect(events.log).toEqual(['start', 'boundary:2', 'end']);
  });

  it('picks a voice of the lesson language when none is chosen, or the chosen one is gone or foreign', () => {
    const fake = fakeSynthesis([SAMANTHA, OTOYA]);
    const engine = createWebSpeechEngine({ synthesis: fake.synthesis, Utterance });
    engine.speak({ text: 'a', lang: 'ja-JP', rate: 1 }, callbacks());
    expect(fake.latest().voice).toBe(OTOYA);
    engine.speak({ text: 'b', lang: 'ja-JP', rate: 1, voiceId: 'Gone' }, callbacks());
    expect(fake.latest().voice).toBe(OTOYA);
    engine.speak({ text: 'c', lang: 'ja-JP', rate: 1, voiceId: 'Samantha' }, callbacks());
    expect(fake.latest().voice).toBe(OTOYA);
  });

  it('speaks before the voices are known, with the language alone', () => {
    const fake = fakeSynthesis();
    const engine = createWebSpeechEngine({ synthesis: fake.synthesis, Utterance });
    engine.speak({ text: 'a', lang: 'ja-JP', rate: 1 }, callbacks());
    expect(fake.latest()).toMatchObject({ lang: 'ja-JP', voice: null });
  });

  it('ignores every event of an utterance after it was cancelled', () => {
    const fake = fakeSynthesis([KYOKO]);
    const engine = createWebSpeechEngine({ synthesis: fake.synthesis, Utterance });
    const events = callbacks();
    const handle = engine.speak({ text: 'a', lang: 'ja-JP', rate: 1 }, events);
    const utterance = fake.latest();
    fake.start(utterance);
    handle.cancel();
    expect(fake.calls).toContain('cancel');
    fake.end(utterance);
    fake.fail('interrupted', utterance);
    fake.boundary(3, utterance);
    expect(events.log).toEqual(['start']);
    handle.cancel(); // Twice is harmless: it does not cancel whatever is said next.
    expect(fake.calls.filter((call) => call === 'cancel')).toHaveLength(1);
  });

  it('cancel() tells whoever waits that the utterance was interrupted, once, and nothing after', () => {
    const fake = fakeSynthesis([KYOKO]);
    const engine = createWebSpeechEngine({ synthesis: fake.synthesis, Utterance });
    const events = callbacks();
    engine.speak({ text: 'a', lang: 'ja-JP', rate: 1 }, events);
    const utterance = fake.latest();
    engine.cancel();
    fake.end(utterance);
    expect(events.log).toEqual(['error:interrupted']);
  });

  it('a lesson player stops, saying why, when someone else (the quiz) cancels the engine', () => {
    const fake = fakeSynthesis([KYOKO]);
    const engine = createWebSpeechEngine({ synthesis: fake.synthesis, Utterance });
    const player = createPlayer({ engine, segments: [{ blockId: 'b0', kind: 'paragraph', spoken: 'a', durationMs: 1000 }], lang: 'ja-JP' });
    player.play();
    engine.cancel();
    vi.advanceTimersByTime(60_000); // No watchdog speaks over the quiz.
    expect(player.getState()).toMatchObject({ status: 'error', error: 'interrupted' });
    expect(fake.spoken).toHaveLength(1);
  });

  it('reports an interruption by someone else as "interrupted", and other failures by their code', () => {
    const fake = fakeSynthesis([KYOKO]);
    const engine = createWebSpeechEngine({ synthesis: fake.synthesis, Utterance });
    const first = callbacks();
    engine.speak({ text: 'a', lang: 'ja-JP', rate: 1 }, first);
    fake.fail('canceled');
    const second = callbacks();
    engine.speak({ text: 'b', lang: 'ja-JP', rate: 1 }, second);
    fake.fail('not-allowed');
    expect(first.log).toEqual(['error:interrupted']);
    expect(second.log).toEqual(['error:not-allowed']);
  });

  it('resumes a synthesis left paused before speaking (it would stay silent)', () => {
    const fake = fakeSynthesis([KYOKO]);
    fake.synthesis.paused = true;
    const engine = createWebSpeechEngine({ synthesis: fake.synthesis, Utterance });
    engine.speak({ text: 'a', lang: 'ja-JP', rate: 1 }, callbacks());
    expect(fake.calls).toEqual(['resume', 'speak']);
  });

  it('keeps a network voice alive with pause and resume while it speaks (Chrome stops it after ~15 s)', () => {
    const network = voice('Google 日本語', 'ja-JP', { localService: false });
    const fake = fakeSynthesis([network]);
    const engine = createWebSpeechEngine({ synthesis: fake.synthesis, Utterance, keepAliveMs: 10_000 });
    engine.speak({ text: 'a', lang: 'ja-JP', rate: 1 }, callbacks());
    fake.start();
    vi.advanceTimersByTime(25_000);
    expect(fake.calls.filter((call) => call === 'pause')).toHaveLength(2);
    fake.end();
    vi.advanceTimersByTime(30_000);
    expect(fake.calls.filter((call) => call === 'pause')).toHaveLength(2);
  });

  it('never pauses a local voice (pause loses the place on Android)', () => {
    const fake = fakeSynthesis([KYOKO]);
    const engine = createWebSpeechEngine({ synthesis: fake.synthesis, Utterance, keepAliveMs: 10_000 });
    engine.speak({ text: 'a', lang: 'ja-JP', rate: 1 }, callbacks());
    fake.start();
    vi.advanceTimersByTime(30_000);
    expect(fake.calls).not.toContain('pause');
  });
});

describe('with the player', () => {
  const segments = [
    { blockId: 'title', kind: 'title' as const, spoken: 'タイトル', durationMs: 1000 },
    { blockId: 'b0', kind: 'paragraph' as const, spoken: '一文目。', durationMs: 2000 },
    { blockId: 'b0', kind: 'paragraph' as const, spoken: '二文目。', durationMs: 2000 },
  ];

  it('moves on when the browser never sends `end` (the player watchdog stands in)', () => {
    const fake = fakeSynthesis([KYOKO]);
    const engine = createWebSpeechEngine({ synthesis: fake.synthesis, Utterance });
    const player = createPlayer({ engine, segments, lang: 'ja-JP' });
    player.play();
    fake.start();
    // No `end`: after duration × 2 + 3 s the sentence counts as said.
    vi.advanceTimersByTime(1000 * 2 + 3000);
    expect(player.getState()).toMatchObject({ index: 1, status: 'playing', missedEnds: 1 });
    expect(fake.spoken.map((u) => u.text)).toEqual(['タイトル', '一文目。']);
  });

  it('pauses by cancelling and resumes by saying the sentence again (Android loses its place on pause)', () => {
    const fake = fakeSynthesis([KYOKO]);
    const engine = createWebSpeechEngine({ synthesis: fake.synthesis, Utterance });
    const player = createPlayer({ engine, segments, lang: 'ja-JP' });
    player.play();
    fake.end();
    player.pause();
    expect(fake.calls).not.toContain('pause');
    expect(fake.calls.at(-1)).toBe('cancel');
    player.play();
    expect(fake.spoken.map((u) => u.text)).toEqual(['タイトル', '一文目。', '一文目。']);
  });

  it('says sentences in order, each after the end of the one before', () => {
    const fake = fakeSynthesis([KYOKO]);
    const engine = createWebSpeechEngine({ synthesis: fake.synthesis, Utterance });
    const onLessonEnd = vi.fn();
    const player = createPlayer({ engine, segments, lang: 'ja-JP', onLessonEnd });
    player.play();
    for (let i = 0; i < 3; i++) fake.end();
    expect(fake.spoken.map((u) => `${u.text}@${u.lang}`)).toEqual(['タイトル@ja-JP', '一文目。@ja-JP', '二文目。@ja-JP']);
    expect(onLessonEnd).toHaveBeenCalledOnce();
  });
});
