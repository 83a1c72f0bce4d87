/**
 * Planning a published custom module's recorded narration: lessons → the page's own segments
 * (pronunciations applied) → planned segments with cache keys → file names and URLs. No engine runs.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { customLessonNarrations, parseCustomAudioFile } from '../../../src/lib/authoring/audio.ts';
import { customLessonPage } from '../../../src/lib/authoring/lessonPage.ts';
import type { ModuleSnapshot } from '../../../src/lib/authoring/schema.ts';
import { segmentCacheKey } from '../../../src/lib/narration/audio/cacheKey.ts';
import { planLessonAudio } from '../../../src/lib/narration/audio/plan.ts';
import type { RendererIdentity } from '../../../src/lib/narration/audio/renderer.ts';
import { customLayout } from '../../../src/server/customAudio/layout.ts';
import { byteRange } from '../../../src/server/http/range.ts';

const VERSION = '11111111-2222-4333-8444-555555555555';
const OTHER_VERSION = '99999999-2222-4333-8444-555555555555';
const renderer: RendererIdentity = { id: 'open-jtalk', voice: 'nitech-jp-atr503-m001', settings: { samplingRate: 48_000, framePeriod: 240, speed: 1 } };

const section = (n: number, heading: string, markdown: string) => ({ id: `00000000-0000-4000-8000-00000000000${n}`, heading, markdown, spoken: null });
function snapshot(pronunciations: ModuleSnapshot['pronunciations'] = [{ term: '御社', reading: 'おんしゃ' }]): ModuleSnapshot {
  return {
    moduleId: 'aaaaaaaa-0000-4000-8000-000000000000',
    version: 1,
    title: '営業の基本',
    locale: 'ja',
    pronunciations,
    lessons: [
      { id: 'bbbbbbbb-0000-4000-8000-000000000001', title: '御社の強み', sections: [section(1, '強み', '御社の強みは継続率です。広告ではありません。')], bank: { lesson: `cm-${VERSION}-1`, passMark: 0.8, questions: [] } },
      { id: 'bbbbbbbb-0000-4000-8000-000000000002', title: '次の一手', sections: [section(2, '一手', '継続率を測ります。')], bank: { lesson: `cm-${VERSION}-2`, passMark: 0.8, questions: [] } },
    ],
  };
}

describe('custom lessons to narrate', () => {
  const lessons = customLessonNarrations(VERSION, snapshot());

  it('gives one lesson per snapshot lesson, keyed as assignments name it', () => {
    expect(lessons.map(({ lesson, order, locale, module }) => [lesson, order, locale, module])).toEqual([
      [`cm-${VERSION}-1`, 1, 'ja', 'cm-aaaaaaaa-0000-4000-8000-000000000000'],
      [`cm-${VERSION}-2`, 2, 'ja', 'cm-aaaaaaaa-0000-4000-8000-000000000000'],
    ]);
  });

  it('narrates exactly the segments the lesson page gives the player', () => {
    const { title, sections } = snapshot().lessons[0]!;
    const page = customLessonPage({ title, sections, locale: 'ja', pronunciations: snapshot().pronunciations });
    expect(lessons[0]!.segments).toEqual(page.segments);
  });

  it('says the module’s readings, while the page still shows the written term', () => {
    const spoken = lessons[0]!.segments.map((segment) => segment.spoken).join(' ');
    const shown = lessons[0]!.segments.map((segment) => segment.display).join(' ');
    expect(spoken).toContain('おんしゃ');
    expect(spoken).not.toContain('御社');
    expect(shown).toContain('御社');
  });
});

describe('plan and cache keys', () => {
  const planOf = (versionId: string, overrides?: ModuleSnapshot['pronunciations']) =>
    customLessonNarrations(versionId, snapshot(overrides)).map((lesson) => planLessonAudio({ ...lesson, renderer }));

  it('keys each segment by the engine and what it says, as npm run audio does', () => {
    const [first] = planOf(VERSION);
    for (const segment of first!.segments) expect(segment.cacheKey).toBe(segmentCacheKey(renderer, segment.text));
  });

  it('keeps keys and output hashes across renders and versions of the same text (a republish re-synthesizes nothing)', () => {
    const keys = (plans: ReturnType<typeof planOf>) => plans.map((plan) => [plan.outputHash, plan.segments.map((s) => s.cacheKey)]);
    expect(keys(planOf(VERSION))).toEqual(keys(planOf(VERSION)));
    expect(keys(planOf(OTHER_VERSION))).toEqual(keys(planOf(VERSION)));
  });

  it('changes only the keys of sentences a new reading changes', () => {
    const [before] = planOf(VERSION);
    const [after] = planOf(VERSION, [{ term: '御社', reading: 'ごしゃ' }]);
    const changed = before!.segments.filter((segment, i) => segment.cacheKey !== after!.segments[i]!.cacheKey).map((segment) => segment.text);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.every((text) => text.includes('おんしゃ'))).toBe(true);
    expect(after!.outputHash).not.toBe(before!.outputHash);
  });
});

describe('files of a version', () => {
  const layout = customLayout('/data/custom-audio', VERSION);

  it('puts lesson n at <version>/<n>.json and <n>.<hash>.mp3, served under /api/custom-audio/', () => {
    expect(layout.paths({ lesson: `cm-${VERSION}-2`, locale: 'ja', outputHash: '0123456789abcdef' })).toEqual({
      dir: path.join('/data/custom-audio', VERSION),
      manifest: path.join('/data/custom-audio', VERSION, '2.json'),
      mp3: path.join('/data/custom-audio', VERSION, '2.0123456789abcdef.mp3'),
      src: `/api/custom-audio/${VERSION}/2.0123456789abcdef.mp3`,
    });
  });

  it('refuses a lesson that is not a custom lesson key', () => {
    expect(() => layout.paths({ lesson: 'what-is-ltv', locale: 'ja', outputHash: '0123456789abcdef' })).toThrow(/not a custom lesson key/);
  });

  it.each([
    ['2.0123456789abcdef.mp3', { position: 2, outputHash: '0123456789abcdef' }],
    ['120.0123456789abcdef.mp3', { position: 120, outputHash: '0123456789abcdef' }],
    ['2.json', null],
    ['0.0123456789abcdef.mp3', null],
    ['2.0123456789ABCDEF.mp3', null],
    ['2.0123456789abcde.mp3', null],
    ['../2.0123456789abcdef.mp3', null],
    ['..%2f2.0123456789abcdef.mp3', null],
    ['2.0123456789abcdef.mp3\0', null],
    ['2.0123456789abcdef.mp3/..', null],
    ['', null],
  ])('file name %j → %j', (name, expected) => {
    expect(parseCustomAudioFile(name)).toEqual(expected);
  });
});

describe('byte ranges (1000-byte file)', () => {
  it.each([
    ['bytes=0-1', { kind: 'partial', start: 0, end: 1 }],
    ['bytes=0-', { kind: 'partial', start: 0, end: 999 }],
    ['bytes=990-5000', { kind: 'partial', start: 990, end: 999 }],
    ['bytes=-10', { kind: 'partial', start: 990, end: 999 }],
    ['bytes=-5000', { kind: 'partial', start: 0, end: 999 }],
    ['bytes=1000-', { kind: 'unsatisfiable' }],
    ['bytes=-0', { kind: 'unsatisfiable' }],
    // Not understood, or more than one range: the whole file (RFC 9110 §14.2 allows it).
    ['bytes=5-1', { kind: 'whole' }],
    ['bytes=0-1,5-6', { kind: 'whole' }],
    ['items=0-1', { kind: 'whole' }],
    ['bytes=-', { kind: 'whole' }],
    [null, { kind: 'whole' }],
  ])('%s → %j', (header, expected) => {
    expect(byteRange(header, 1000)).toEqual(expected);
  });

  it('cannot satisfy any range of an empty file', () => {
    expect(byteRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
  });
});
