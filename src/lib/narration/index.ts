/**
 * Narration: lesson text to speakable segments, the speech engine interface, the player.
 *
 * `lessonScript` (script.ts) is not re-exported here: it parses MDX and belongs to the build.
 * Import it from './script.ts' in pages; islands import from here without pulling the parser.
 */
export * from './blockIds.ts';
export type * from './engine.ts';
export * from './lexicon.ts';
export * from './navigation.ts';
export * from './player.ts';
export * from './progress.ts';
export * from './rate.ts';
export * from './segment.ts';
export type * from './types.ts';
