import type { NarrationSegment } from '../../../lib/narration/types.ts';
import { createBlockClicks } from './blockClicks.ts';
import { lessonBlockElements } from './blockElements.ts';
import { createFollower } from './follow.ts';
import { createHighlighter } from './highlight.ts';

export interface PageLinkOptions {
  segments: readonly NarrationSegment[];
  /** Id of the text that tells what Enter on a paragraph does. */
  hintId: string;
  onFollowingChange(following: boolean): void;
  onBlock(blockId: string): void;
}

/**
 * The lesson text's side of narration: the sentence highlighted and kept in view, paragraphs
 * that start playback when clicked. Loaded when the learner first plays, so readers who never
 * listen do not download it.
 */
export function linkLessonPage({ segments, hintId, onFollowingChange, onBlock }: PageLinkOptions) {
  const lesson = document.querySelector('article.lesson') ?? document.body;
  const elements = lessonBlockElements(lesson);
  const highlighter = createHighlighter(elements, segments);
  const follower = createFollower(onFollowingChange);
  const clicks = createBlockClicks(elements, hintId, onBlock);
  return {
    /** Shows where playback is; `engaged` false (never played) shows nothing. */
    show(engaged: boolean, index: number, playing: boolean, wordAt?: number): void {
      clicks.setEnabled(engaged);
      if (!engaged) return highlighter.clear();
      const element = highlighter.show(index, playing ? wordAt : undefined);
      if (element && playing) follower.reveal(element);
    },
    followAgain(index: number): void {
      const segment = segments[index];
      follower.resume(segment && elements.get(segment.blockId));
    },
    destroy(): void {
      clicks.destroy();
      follower.destroy();
      highlighter.clear();
    },
  };
}

export type PageLink = ReturnType<typeof linkLessonPage>;
