/** Speaking rates the player offers: 0.5× to 2.0× in quarter steps, 1.0 being the voice's own pace. */
export const RATE_MIN = 0.5;
export const RATE_MAX = 2;
export const RATE_STEP = 0.25;

/** The nearest offered rate to `rate`; anything that is not a number becomes 1.0. */
export function normalizeRate(rate: number): number {
  if (!Number.isFinite(rate)) return 1;
  const stepped = Math.round(rate / RATE_STEP) * RATE_STEP;
  return Math.min(RATE_MAX, Math.max(RATE_MIN, stepped));
}
