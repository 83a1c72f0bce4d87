import { globalTimers, type PlayerTimers } from '../timers.ts';

/** What the learner can choose: minutes, the end of the current lesson, or no timer. */
export const SLEEP_CHOICES = ['off', 15, 30, 45, 60, 'end-of-lesson'] as const;
export type SleepChoice = (typeof SLEEP_CHOICES)[number];

export interface SleepTimerState {
  choice: SleepChoice;
  /** When the minutes run out (ms since the epoch), for a minutes choice. */
  endsAt?: number;
}

export interface SleepTimer {
  getState(): SleepTimerState;
  subscribe(listener: (state: SleepTimerState) => void): () => void;
  set(choice: SleepChoice): void;
  /** Asked at the end of a lesson: false when the timer says to stop there (then it is off). */
  continueAfterLesson(): boolean;
  destroy(): void;
}

/**
 * A sleep timer for listening in bed or on the last train: after the chosen minutes, or at the
 * end of the lesson, `onExpire` stops playback. The minutes count from when the timer is set,
 * as in podcast apps, and a new choice replaces the old one.
 */
export function createSleepTimer(onExpire: () => void, timers: PlayerTimers = globalTimers, now: () => number = Date.now): SleepTimer {
  let state: SleepTimerState = { choice: 'off' };
  let timer: unknown;
  const listeners = new Set<(state: SleepTimerState) => void>();
  const update = (next: SleepTimerState) => {
    state = next;
    for (const listener of [...listeners]) listener(state);
  };
  const clear = () => {
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = undefined;
  };
  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(choice) {
      clear();
      if (typeof choice !== 'number') return update({ choice });
      const ms = choice * 60_000;
      timer = timers.setTimeout(() => {
        timer = undefined;
        update({ choice: 'off' });
        onExpire();
      }, ms);
      update({ choice, endsAt: now() + ms });
    },
    continueAfterLesson() {
      if (state.choice !== 'end-of-lesson') return true;
      update({ choice: 'off' });
      return false;
    },
    destroy() {
      clear();
      listeners.clear();
    },
  };
}
