/** `setTimeout` and `clearTimeout`, injectable so tests (or a worker) can drive time. */
export interface PlayerTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
}

/** The platform's timers, looked up on each call so timers faked after the player was made still apply. */
export const globalTimers: PlayerTimers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (timer) => globalThis.clearTimeout(timer as ReturnType<typeof setTimeout>),
};
