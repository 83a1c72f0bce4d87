import type { NarrationSegment } from './types.ts';

export interface PlaybackProgress {
  elapsedMs: number;
  remainingMs: number;
  totalMs: number;
  /** elapsed / total, from 0 to 1. */
  ratio: number;
}

/**
 * Elapsed and remaining listening time at the current rate, counted in whole segments: the
 * current one counts as not yet heard until it ends. Estimates, from `durationMs` (rate 1.0).
 */
export function progress(
  segments: readonly Pick<NarrationSegment, 'durationMs'>[],
  state: { index: number; rate: number; status: string },
): PlaybackProgress {
  const rate = state.rate > 0 ? state.rate : 1;
  const atRate = (ms: number) => Math.round(ms / rate);
  const totalAtOne = segments.reduce((sum, segment) => sum + segment.durationMs, 0);
  const heard = state.status === 'ended' ? segments.length : Math.max(0, Math.min(state.index, segments.length));
  const elapsedAtOne = segments.slice(0, heard).reduce((sum, segment) => sum + segment.durationMs, 0);
  const totalMs = atRate(totalAtOne);
  const elapsedMs = atRate(elapsedAtOne);
  return { elapsedMs, remainingMs: totalMs - elapsedMs, totalMs, ratio: totalAtOne === 0 ? 0 : elapsedAtOne / totalAtOne };
}
