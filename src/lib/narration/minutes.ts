/** Whole minutes a narration takes at rate 1.0, at least 1: "about n min" beside a lesson. */
export function narrationMinutes(segments: readonly { durationMs: number }[]): number {
  const totalMs = segments.reduce((sum, segment) => sum + segment.durationMs, 0);
  return Math.max(1, Math.round(totalMs / 60_000));
}

/** How long a lesson plays: its recording's length when there is one, else the speech estimate. */
export function listeningMinutes(segments: readonly { durationMs: number }[], recording?: { duration: number }): number {
  return recording ? Math.max(1, Math.round(recording.duration / 60)) : narrationMinutes(segments);
}
