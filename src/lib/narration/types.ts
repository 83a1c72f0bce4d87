/** Where a spoken block comes from; `heading` blocks start the sections the player skips by. */
export type NarrationBlockKind =
  | 'title'
  | 'summary'
  | 'objectives'
  | 'heading'
  | 'paragraph'
  | 'list-item'
  | 'calculator'
  | 'key-term';

/** One piece of the lesson that is read aloud: a heading, a paragraph, a list item… */
export interface NarrationBlock {
  /** Finds the element on the page; the rule is in blockIds.ts. */
  id: string;
  kind: NarrationBlockKind;
  /** Plain text as displayed (no Markdown), before the pronunciation lexicon. */
  text: string;
}

/** One utterance: a sentence, or part of a long one, small enough to speak in one go. */
export interface NarrationSegment {
  /** Position in the lesson's list of segments, from 0. */
  index: number;
  /** The block this segment belongs to; several segments can share one. */
  blockId: string;
  kind: NarrationBlockKind;
  /** The text as the learner sees it. */
  display: string;
  /** The text given to the speech engine, after the pronunciation lexicon. */
  spoken: string;
  /** Estimated speaking time of `spoken` at rate 1.0. */
  durationMs: number;
}
