import { packSegments, type PackedSegment } from '../../../src/lib/narration/browser/packedSegments.ts';
import { segmentBlocks } from '../../../src/lib/narration/segment.ts';

/** A short Japanese lesson's script: a title, a heading and a paragraph of two sentences. */
export const LESSON_SEGMENTS: PackedSegment[] = packSegments(
  segmentBlocks(
    [
      { id: 'title', kind: 'title', text: 'LTVとは何か' },
      { id: 'b0', kind: 'heading', text: '一件の売上' },
      { id: 'b1', kind: 'paragraph', text: '一文目です。二文目です。' },
    ],
    'ja',
  ),
);
