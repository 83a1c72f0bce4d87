import { describe, expect, it } from 'vitest';
import { placePopup } from '../../../src/lib/course/popupPlacement.ts';

const viewport = { width: 390, height: 844 };
const popup = { width: 288, height: 110 };
const term = (left: number, top: number) => ({ left, top, width: 80, height: 24 });

describe('placePopup', () => {
  it.each([
    // The case: アップセル at x 215 on a 390 px screen; 215 + 288 = 503 > 390, so the
    // pop-up moves left to 390 - 12 - 288 = 90 and opens below at 300 + 24 + 6 = 330.
    { name: 'shifts left near the right edge', anchor: term(215, 300), expected: { left: 90, top: 330, side: 'below' } },
    { name: 'keeps the term’s left edge when it fits', anchor: term(40, 300), expected: { left: 40, top: 330, side: 'below' } },
    { name: 'never starts left of the margin', anchor: term(2, 300), expected: { left: 12, top: 330, side: 'below' } },
    // Near the bottom: 800 + 24 + 6 + 110 > 844 - 12, so above: 800 - 6 - 110 = 684.
    { name: 'flips above near the bottom', anchor: term(40, 800), expected: { left: 40, top: 684, side: 'above' } },
    // Near the top with room below: stays below (30 + 24 + 6 = 60).
    { name: 'stays below near the top', anchor: term(40, 30), expected: { left: 40, top: 60, side: 'below' } },
  ])('$name', ({ anchor, expected }) => {
    expect(placePopup({ anchor, popup, viewport, gap: 6, margin: 12 })).toEqual(expected);
  });

  it('picks the roomier side when neither fits (a short landscape screen)', () => {
    const short = { width: 740, height: 200 };
    const tall = { width: 288, height: 150 };
    expect(placePopup({ anchor: term(40, 120), popup: tall, viewport: short, gap: 6, margin: 12 }).side).toBe('above');
    expect(placePopup({ anchor: term(40, 40), popup: tall, viewport: short, gap: 6, margin: 12 }).side).toBe('below');
  });

  it('keeps the pop-up within the viewport for every anchor position across the screen', () => {
    for (let x = 0; x <= viewport.width - 80; x += 10) {
      for (let y = 0; y <= viewport.height - 24; y += 40) {
        const { left, top } = placePopup({ anchor: term(x, y), popup, viewport, gap: 6, margin: 12 });
        expect(left).toBeGreaterThanOrEqual(12);
        expect(left + popup.width).toBeLessThanOrEqual(viewport.width - 12);
        expect(top).toBeGreaterThanOrEqual(12);
        expect(top + popup.height).toBeLessThanOrEqual(viewport.height - 12);
      }
    }
  });
});
