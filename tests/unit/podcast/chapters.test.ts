import { describe, expect, it } from 'vitest';
import { buildChapters, chapterMarks } from '../../../src/lib/podcast/chapters.ts';
import type { NarrationBlock } from '../../../src/lib/narration/types.ts';

const blocks: NarrationBlock[] = [
  { id: 'title', kind: 'title', text: 'What is LTV' },
  { id: 'summary', kind: 'summary', text: 'A summary.' },
  { id: 'objectives', kind: 'objectives', text: 'Objectives' },
  { id: 'objectives.0', kind: 'objectives', text: 'Know LTV.' },
  { id: 'b0', kind: 'heading', text: 'One customer, many years' },
  { id: 'b1', kind: 'paragraph', text: 'Text.' },
  { id: 'b2', kind: 'heading', text: 'An empty section' },
  { id: 'b3', kind: 'heading', text: 'Summary' },
  { id: 'b4', kind: 'list-item', text: 'Point.' },
  { id: 'key-terms', kind: 'key-term', text: 'Key terms' },
  { id: 'key-terms.0', kind: 'key-term', text: 'LTV. Lifetime value.' },
];

// Segment times in seconds, as a manifest has them; b2's heading was not rendered (no segment).
const segments = [
  { id: 0, block: 'title', start: 0.5, end: 2 },
  { id: 1, block: 'summary', start: 2, end: 6 },
  { id: 2, block: 'objectives', start: 6, end: 7 },
  { id: 3, block: 'objectives.0', start: 7, end: 9 },
  { id: 4, block: 'b0', start: 9, end: 10.5 },
  { id: 5, block: 'b1', start: 10.5, end: 20 },
  { id: 6, block: 'b1', start: 20, end: 31 },
  { id: 7, block: 'b3', start: 31, end: 32 },
  { id: 8, block: 'b4', start: 32, end: 40 },
  { id: 9, block: 'key-terms', start: 40, end: 41 },
  { id: 10, block: 'key-terms.0', start: 41, end: 45 },
];

describe('chapterMarks', () => {
  it('takes the title, objectives heading, body headings and key-terms heading, in order', () => {
    expect(chapterMarks(blocks).map((mark) => mark.blockId)).toEqual(['title', 'objectives', 'b0', 'b2', 'b3', 'key-terms']);
  });
});

describe('buildChapters', () => {
  it('starts each chapter at its first segment, leaves out unheard ones, and starts the first at 0', () => {
    expect(buildChapters(segments, chapterMarks(blocks))).toEqual({
      version: '1.2.0',
      chapters: [
        { startTime: 0, title: 'What is LTV' },
        { startTime: 6, title: 'Objectives' },
        { startTime: 9, title: 'One customer, many years' },
        { startTime: 31, title: 'Summary' },
        { startTime: 40, title: 'Key terms' },
      ],
    });
  });

  it('gives no chapters for audio without any marked block', () => {
    expect(buildChapters([{ id: 0, block: 'b1', start: 0, end: 3 }], chapterMarks(blocks)).chapters).toEqual([]);
  });
});
