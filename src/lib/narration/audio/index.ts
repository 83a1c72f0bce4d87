/**
 * Rendered narration, the pure part: the renderer interface, cache keys, the plan of a lesson's
 * audio, its timing manifest and the time-to-segment lookup. Engines and files are in
 * src/server/audio; the player only needs `audioManifestSchema`, `segmentAt` and
 * `narrationScriptHash`.
 */
export * from './cacheKey.ts';
export * from './format.ts';
export * from './manifest.ts';
export * from './plan.ts';
export type * from './renderer.ts';
export * from './segmentAt.ts';
export * from './sha256.ts';
export * from './wav.ts';
