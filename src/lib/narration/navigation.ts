import type { NarrationSegment } from './types.ts';

type Located = Pick<NarrationSegment, 'blockId' | 'kind'>;

/** The segment heard `elapsedMs` into the lesson at normal speed, by the estimated durations. */
export function indexAtElapsed(segments: readonly Pick<NarrationSegment, 'durationMs'>[], elapsedMs: number): number {
  let end = 0;
  for (let i = 0; i < segments.length; i++) {
    end += segments[i]!.durationMs;
    if (elapsedMs < end) return i;
  }
  return Math.max(segments.length - 1, 0);
}

/** The first segment of block `blockId`, where a click on that block starts playing. */
export function firstSegmentOfBlock(segments: readonly Located[], blockId: string): number | undefined {
  const index = segments.findIndex((segment) => segment.blockId === blockId);
  return index === -1 ? undefined : index;
}

/** True where a heading block begins: the sections the player skips between. */
export function isSectionStart(segments: readonly Located[], index: number): boolean {
  const segment = segments[index];
  return segment?.kind === 'heading' && segments[index - 1]?.blockId !== segment.blockId;
}

/** The start of the next section after `index`, if there is one. */
export function nextSectionStart(segments: readonly Located[], index: number): number | undefined {
  for (let i = index + 1; i < segments.length; i++) if (isSectionStart(segments, i)) return i;
  return undefined;
}

/**
 * Where "previous section" goes from `index`: the start of the current section, or of the one
 * before when already at a start, like a music player's back button. Before the first
 * heading (title, summary, objectives) that is the beginning of the lesson.
 */
export function previousSectionStart(segments: readonly Located[], index: number): number {
  for (let i = Math.min(index, segments.length) - 1; i >= 0; i--) if (isSectionStart(segments, i)) return i;
  return 0;
}

/** The player's moves between sentences, sections and blocks. */
export interface SegmentMoves {
  nextSentence(): void;
  previousSentence(): void;
  nextSection(): void;
  previousSection(): void;
  /** Moves to the first segment of a block (a click on a paragraph); false if it has none. */
  seekToBlock(blockId: string): boolean;
  seekToIndex(index: number): void;
}

/**
 * The skip buttons and paragraph taps of any player, over its own `moveTo`: the speech player
 * and the file player move differently (a new utterance, a new media time) but agree on where to.
 */
export function segmentMoves(segments: readonly Located[], currentIndex: () => number, moveTo: (index: number) => void): SegmentMoves {
  return {
    nextSentence() {
      if (currentIndex() < segments.length - 1) moveTo(currentIndex() + 1);
    },
    previousSentence: () => moveTo(currentIndex() - 1),
    nextSection() {
      const target = nextSectionStart(segments, currentIndex());
      if (target !== undefined) moveTo(target);
    },
    previousSection: () => moveTo(previousSectionStart(segments, currentIndex())),
    seekToBlock(blockId) {
      const target = firstSegmentOfBlock(segments, blockId);
      if (target === undefined) return false;
      moveTo(target);
      return true;
    },
    seekToIndex: moveTo,
  };
}
