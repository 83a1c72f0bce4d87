import { describe, expect, it } from 'vitest';
import { canonicalJson, segmentCacheKey } from '../../../src/lib/narration/audio/cacheKey.ts';
import { PAUSES_MS } from '../../../src/lib/narration/audio/format.ts';
import { boundaryBetween, narrationScriptHash, planLessonAudio } from '../../../src/lib/narration/audio/plan.ts';
import type { RendererIdentity } from '../../../src/lib/narration/audio/renderer.ts';
import type { NarrationSegment } from '../../../src/lib/narration/types.ts';

const jtalk: RendererIdentity = { id: 'open-jtalk', voice: 'nitech-jp-atr503-m001', settings: { samplingRate: 48_000, framePeriod: 240 } };

type Seg = Pick<NarrationSegment, 'index' | 'blockId' | 'kind' | 'spoken'>;
const seg = (index: number, blockId: string, kind: NarrationSegment['kind'], spoken: string): Seg => ({ index, blockId, kind, spoken });

// A title, a heading, a paragraph of two sentences, a list item: every kind of boundary.
const segments: Seg[] = [
  seg(0, 'title', 'title', 'エルティーブイとは'),
  seg(1, 'summary', 'summary', 'まとめです。'),
  seg(2, 'b0', 'heading', '一件の売上'),
  seg(3, 'b1', 'paragraph', '佐藤さんの話です。'),
  seg(4, 'b1', 'paragraph', '契約を一件まとめました。'),
  seg(5, 'b2.0', 'list-item', '続く期間'),
];
const plan = (input: Seg[] = segments, renderer = jtalk) => planLessonAudio({ lesson: 'what-is-ltv', locale: 'ja', segments: input, renderer });

describe('planLessonAudio', () => {
  it('gives one cached file per segment, in order, with the ids and blocks the highlighter uses', () => {
    const { segments: planned } = plan();
    expect(planned.map(({ id, blockId, text }) => [id, blockId, text])).toEqual(segments.map((s) => [s.index, s.blockId, s.spoken]));
    expect(planned.every((s) => /^[0-9a-f]{64}$/.test(s.cacheKey))).toBe(true);
    expect(new Set(planned.map((s) => s.cacheKey)).size).toBe(segments.length);
  });

  it('puts the pause for the boundary after each segment and none after the last', () => {
    // title→summary: a page part (section); summary→heading: section; heading→paragraph: block;
    // within the paragraph: sentence; paragraph→list item: block; then the end.
    expect(plan().segments.map((s) => s.pauseAfterMs)).toEqual([
      PAUSES_MS.section, PAUSES_MS.section, PAUSES_MS.block, PAUSES_MS.sentence, PAUSES_MS.block, 0,
    ]);
  });

  it('re-keys only the edited segment, and gives the lesson a new output hash', () => {
    const before = plan();
    const edited = segments.map((s) => (s.index === 3 ? { ...s, spoken: '鈴木さんの話です。' } : s));
    const after = plan(edited);
    const changed = after.segments.filter((s, i) => s.cacheKey !== before.segments[i]!.cacheKey).map((s) => s.id);
    expect(changed).toEqual([3]);
    expect(after.outputHash).not.toBe(before.outputHash);
    expect(after.scriptHash).not.toBe(before.scriptHash);
  });

  it('gives the same plan for the same input (hashes are stable)', () => {
    expect(plan()).toEqual(plan());
    expect(plan().outputHash).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('segmentCacheKey', () => {
  const base = segmentCacheKey(jtalk, '佐藤さんの話です。');
  it.each([
    ['the text', segmentCacheKey(jtalk, '鈴木さんの話です。')],
    ['the engine', segmentCacheKey({ ...jtalk, id: 'azure' }, '佐藤さんの話です。')],
    ['the voice', segmentCacheKey({ ...jtalk, voice: 'mei' }, '佐藤さんの話です。')],
    ['a setting', segmentCacheKey({ ...jtalk, settings: { ...jtalk.settings, framePeriod: 120 } }, '佐藤さんの話です。')],
    ['an added setting', segmentCacheKey({ ...jtalk, settings: { ...jtalk.settings, speed: 1.1 } }, '佐藤さんの話です。')],
  ])('changes with %s', (_, key) => {
    expect(key).not.toBe(base);
  });

  it('does not change with the order settings are written in', () => {
    expect(segmentCacheKey({ ...jtalk, settings: { framePeriod: 240, samplingRate: 48_000 } }, '佐藤さんの話です。')).toBe(base);
  });

  it('sorts keys at every depth in canonical JSON', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: 3 } })).toBe('{"a":{"c":3,"d":[2,{"y":2,"z":1}]},"b":1}');
  });
});

describe('boundaryBetween', () => {
  it.each([
    ['same block', 'b1', 'b1', 'paragraph', 'sentence'],
    ['next paragraph', 'b1', 'b2', 'paragraph', 'block'],
    ['a heading', 'b1', 'b2', 'heading', 'section'],
    ['the objectives header', 'summary', 'objectives', 'objectives', 'section'],
    ['an objective', 'objectives', 'objectives.0', 'objectives', 'block'],
    ['the glossary header', 'b9', 'key-terms', 'key-term', 'section'],
  ] as const)('%s', (_, previous, next, kind, expected) => {
    expect(boundaryBetween({ blockId: previous }, { blockId: next, kind })).toBe(expected);
  });
});

describe('narrationScriptHash', () => {
  it('changes with what is said and with where it is shown, not with other fields', () => {
    const hash = narrationScriptHash([{ blockId: 'b1', spoken: 'はい。' }]);
    expect(narrationScriptHash([{ blockId: 'b1', spoken: 'いいえ。' }])).not.toBe(hash);
    expect(narrationScriptHash([{ blockId: 'b2', spoken: 'はい。' }])).not.toBe(hash);
    expect(narrationScriptHash([{ blockId: 'b1', spoken: 'はい。', durationMs: 5 } as never])).toBe(hash);
  });
});
