import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { audioManifestSchema, buildManifest, type AudioManifest } from '../../../src/lib/narration/audio/manifest.ts';
import type { LessonAudioPlan } from '../../../src/lib/narration/audio/plan.ts';
import { segmentAt } from '../../../src/lib/narration/audio/segmentAt.ts';

const voice = { engine: 'open-jtalk', id: 'nitech-jp-atr503-m001', label: 'NIT ATR503 M001 (Open JTalk)' };

function planOf(pauses: number[]): LessonAudioPlan {
  return {
    lesson: 'what-is-ltv',
    locale: 'ja',
    scriptHash: 'abc',
    outputHash: '0123456789abcdef',
    segments: pauses.map((pauseAfterMs, i) => ({ id: i, blockId: `b${i}`, text: `文${i}`, cacheKey: `k${i}`, pauseAfterMs })),
  };
}

describe('buildManifest', () => {
  // 1000 Hz keeps the arithmetic by hand: 1500 samples = 1.5 s, a 250 ms pause = 250 samples.
  // Segment 0: 0 → 1.5 + 0.25 = 1.75; segment 1: 1.75 → 1.75 + 2 + 0.6 = 4.35; segment 2: 4.35 → 4.35 + 0.5 = 4.85.
  const manifest = buildManifest({ plan: planOf([250, 600, 0]), segmentSamples: [1500, 2000, 500], sampleRate: 1000, voice });

  it('lays segments end to end, each owning the pause after it', () => {
    expect(manifest.segments).toEqual([
      { id: 0, block: 'b0', start: 0, end: 1.75 },
      { id: 1, block: 'b1', start: 1.75, end: 4.35 },
      { id: 2, block: 'b2', start: 4.35, end: 4.85 },
    ]);
    expect(manifest.duration).toBe(4.85);
  });

  it('names the content-hashed MP3 and the voice, and passes its own schema', () => {
    expect(manifest.src).toBe('/audio/ja/what-is-ltv.0123456789abcdef.mp3');
    expect(manifest.voice).toEqual(voice);
    expect(audioManifestSchema.parse(manifest)).toEqual(manifest);
  });

  it('stays ordered and contiguous for any lengths and pauses, ending at the duration', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ samples: fc.nat(2_000_000), pause: fc.constantFrom(0, 250, 400, 600) }), { minLength: 1, maxLength: 60 }),
        fc.constantFrom(8000, 16000, 22050, 24000, 48000),
        (parts, rate) => {
          const built = buildManifest({ plan: planOf(parts.map((p) => p.pause)), segmentSamples: parts.map((p) => p.samples), sampleRate: rate, voice });
          built.segments.forEach((segment, i) => {
            expect(segment.end).toBeGreaterThanOrEqual(segment.start);
            if (i > 0) expect(segment.start).toBe(built.segments[i - 1]!.end);
          });
          expect(built.segments[0]!.start).toBe(0);
          expect(built.segments.at(-1)!.end).toBe(built.duration);
          const exact = parts.reduce((sum, p) => sum + p.samples + Math.round((p.pause * rate) / 1000), 0) / rate;
          expect(Math.abs(built.duration - exact)).toBeLessThanOrEqual(0.0005 + 1e-9); // rounded to the millisecond
        },
      ),
    );
  });

  it('names the field a damaged manifest gets wrong', () => {
    const damaged = { ...manifest, segments: [{ ...manifest.segments[0]!, start: -1 }] };
    const result = audioManifestSchema.safeParse(damaged);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['segments', 0, 'start']]);
  });

  it('refuses lengths that do not match the plan, saying how many it expected', () => {
    expect(() => buildManifest({ plan: planOf([250, 0]), segmentSamples: [10], sampleRate: 1000, voice })).toThrow(/expected 2 lengths/);
  });
});

describe('segmentAt', () => {
  const manifest: Pick<AudioManifest, 'segments'> = {
    segments: [
      { id: 0, block: 'title', start: 0, end: 1.75 },
      { id: 1, block: 'b0', start: 1.75, end: 4.35 },
      { id: 2, block: 'b1', start: 4.35, end: 4.85 },
    ],
  };
  it.each([
    [0, 0],
    [1.2, 0],
    [1.7499, 0],
    [1.75, 1], // a boundary belongs to the segment that starts there
    [4.349, 1],
    [4.35, 2],
    [4.85, 2], // the end of the file: the last segment
    [99, 2],
    [-0.1, undefined],
    [Number.NaN, undefined],
  ])('at %s s: segment %s', (seconds, id) => {
    expect(segmentAt(manifest, seconds)?.id).toBe(id);
  });

  it('finds nothing in an empty manifest', () => {
    expect(segmentAt({ segments: [] }, 1)).toBeUndefined();
  });

  it('agrees with a linear scan', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 1, maxLength: 200 }), fc.integer({ min: -10, max: 1_000_000 }), (lengths, at) => {
        let position = 0;
        const segments = lengths.map((length, id) => ({ id, block: 'b', start: position / 1000, end: (position += length) / 1000 }));
        const seconds = at / 1000;
        const linear = segments.filter((segment) => segment.start <= seconds).at(-1);
        expect(segmentAt({ segments }, seconds)).toBe(linear);
      }),
    );
  });
});
