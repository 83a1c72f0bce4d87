/** Elapsed time as a clock reads it: `0:07`, `3:05`, `1:02:09`. Negative or unreadable times read `0:00`. */
export function formatElapsed(ms: number): string {
  const total = Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 1000) : 0;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** The same duration for screen readers and the results: `3分5秒`, `3 min 5 s`. */
export function spokenDuration(ms: number, locale: 'ja' | 'en'): string {
  const total = Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 1000) : 0;
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  if (locale === 'ja') return minutes ? `${minutes}分${seconds}秒` : `${seconds}秒`;
  return minutes ? `${minutes} min ${seconds} s` : `${seconds} s`;
}
