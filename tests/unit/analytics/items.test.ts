import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { discriminationBand, itemAnalysis, type Sitting } from '../../../src/lib/analytics/items.ts';

const answer = (questionId: string, share: number, choice: string | null = share === 1 ? 'a' : 'b') => ({ questionId, concept: `c-${questionId}`, choice, share });

describe('itemAnalysis', () => {
  // Six sittings of q1..q3. Rest scores for q1 (mean of q2, q3): s1 1, s2 1, s3 0.5, s4 0.5, s5 0, s6 0.
  // Upper third (s1, s2) got q1 right, lower third (s5, s6) wrong: D = 1 - 0 = 1.
  // q1 facility 3/6. Wrong choices on q1: s4 'c', s5 'b', s6 'b' -> most chosen wrong 'b' (2 of 3).
  const sittings: Sitting[] = [
    { learnerId: 's1', answers: [answer('q1', 1), answer('q2', 1), answer('q3', 1)] },
    { learnerId: 's2', answers: [answer('q1', 1), answer('q2', 1), answer('q3', 1)] },
    { learnerId: 's3', answers: [answer('q1', 1), answer('q2', 1), answer('q3', 0)] },
    { learnerId: 's4', answers: [answer('q1', 0, 'c'), answer('q2', 0), answer('q3', 1)] },
    { learnerId: 's5', answers: [answer('q1', 0), answer('q2', 0), answer('q3', 0)] },
    { learnerId: 's6', answers: [answer('q1', 0), answer('q2', 0), answer('q3', 0)] },
  ];
  const items = itemAnalysis(sittings);
  const q1 = items.find((item) => item.questionId === 'q1');

  it('computes facility, the most chosen wrong answer and D on the rest score', () => {
    expect(q1).toMatchObject({ sittings: 6, facility: 0.5, discrimination: 1, discriminationMissing: null });
    expect(q1?.mostChosenWrong).toEqual({ choice: 'b', count: 2, shareOfWrong: 2 / 3 });
  });

  it('counts partial credit in facility', () => {
    const [item] = itemAnalysis([{ learnerId: 'a', answers: [answer('q', 0.5, 'a,b')] }, { learnerId: 'b', answers: [answer('q', 1)] }]);
    expect(item?.facility).toBe(0.75);
    expect(item?.mostChosenWrong?.choice).toBe('a,b');
  });

  it('counts unanswered as a wrong answer with no choice', () => {
    const [item] = itemAnalysis([{ learnerId: 'a', answers: [answer('q', 0, null)] }]);
    expect(item?.mostChosenWrong).toEqual({ choice: null, count: 1, shareOfWrong: 1 });
  });

  it('has no D with fewer than three sittings, or when everyone scored the same', () => {
    const same = itemAnalysis(sittings.slice(0, 3).map((sitting) => ({ ...sitting, answers: [answer('q1', 1), answer('q2', 0)] })));
    expect(same[0]).toMatchObject({ discrimination: null, discriminationMissing: 'no-spread' });
    const mixed = itemAnalysis([sittings[0]!, sittings[5]!]);
    expect(mixed[0]).toMatchObject({ discrimination: null, discriminationMissing: 'too-few' });
    expect(items.find((item) => item.questionId === 'q3')?.discrimination).not.toBeNull();
  });

  it('analyses a question over the sittings that drew it', () => {
    const [only] = itemAnalysis([
      { learnerId: 'a', answers: [answer('x', 1)] },
      { learnerId: 'b', answers: [answer('y', 1)] },
    ]);
    expect(only?.sittings).toBe(1);
  });

  it('keeps facility in 0..1 and D in -1..1 for any data (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 30 }),
        (grid) => {
          const result = itemAnalysis(grid.map((shares, i) => ({ learnerId: String(i), answers: shares.map((share, q) => answer(`q${q}`, share)) })));
          return result.every(
            (item) => item.facility >= 0 && item.facility <= 1 && (item.discrimination === null || (item.discrimination >= -1 && item.discrimination <= 1)),
          );
        },
      ),
    );
  });
});

describe('discriminationBand (Ebel)', () => {
  it.each([
    [0.55, 'very-good'],
    [0.4, 'very-good'],
    [0.35, 'good'],
    [0.3, 'good'],
    [0.2, 'marginal'],
    [0.19, 'revise'],
    [-0.3, 'revise'],
  ] as const)('%s -> %s', (d, band) => expect(discriminationBand(d)).toBe(band));
});
