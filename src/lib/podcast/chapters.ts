import type { AudioManifestSegment } from '../narration/audio/manifest.ts';
import type { NarrationBlock } from '../narration/types.ts';

/** Where a chapter starts: a block of the narration script and the chapter's title. */
export interface ChapterMark {
  blockId: string;
  title: string;
}

/**
 * The blocks that open a chapter, in script order: the lesson title (the introduction: title and
 * summary), the objectives, each section heading of the body, and the key terms.
 */
export function chapterMarks(blocks: readonly NarrationBlock[]): ChapterMark[] {
  return blocks
    .filter((block) => block.kind === 'title' || block.kind === 'heading' || block.id === 'objectives' || block.id === 'key-terms')
    .map((block) => ({ blockId: block.id, title: block.text }));
}

/** Podcasting 2.0 JSON chapters (https://github.com/Podcastindex-org/podcast-namespace/blob/main/chapters/jsonChapters.md). */
export interface PodcastChapters {
  version: '1.2.0';
  chapters: { startTime: number; title: string }[];
}

/**
 * Chapters from the audio manifest's segment times: each mark starts where the first segment of
 * its block starts. Marks the audio does not contain (an empty block) are left out; the first
 * chapter always starts at 0, so a player shows a title from the first second.
 */
export function buildChapters(segments: readonly AudioManifestSegment[], marks: readonly ChapterMark[]): PodcastChapters {
  const startOf = new Map<string, number>();
  for (const segment of segments) if (!startOf.has(segment.block)) startOf.set(segment.block, segment.start);
  const chapters = marks
    .filter((mark) => startOf.has(mark.blockId))
    .map((mark) => ({ startTime: startOf.get(mark.blockId)!, title: mark.title }))
    .sort((a, b) => a.startTime - b.startTime);
  if (chapters[0]) chapters[0].startTime = 0;
  return { version: '1.2.0', chapters };
}
