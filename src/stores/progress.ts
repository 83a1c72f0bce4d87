import { atom } from 'nanostores';
import { persistentAtom } from '@nanostores/persistent';
import {
  decodeProgress,
  emptyProgress,
  encodeProgress,
  updateLesson,
  type Progress,
  type ProgressNotice,
} from '../lib/progress/progress.ts';
import type { Locale } from '../lib/i18n/locales.ts';

/** Set when stored progress had to be (partly) reset, so the page can say so once. */
export const $progressNotice = atom<ProgressNotice | null>(null);

/** The learner's progress, persisted in localStorage and synced across tabs. */
export const $progress = persistentAtom<Progress>('ltv-dojo:progress', emptyProgress(), {
  encode: encodeProgress,
  decode: (encoded) => {
    const { progress, notice } = decodeProgress(encoded);
    if (notice) $progressNotice.set(notice);
    return progress;
  },
});

export function markLessonDone(lessonId: string, done = true, now = new Date()): void {
  $progress.set(updateLesson($progress.get(), lessonId, done ? { done, doneAt: now.toISOString() } : { done, doneAt: undefined }));
}

export function recordLessonVisit(lessonId: string, locale: Locale, now = new Date()): void {
  const next = updateLesson($progress.get(), lessonId, { visitedAt: now.toISOString() });
  $progress.set({ ...next, last: { id: lessonId, locale } });
}

/** Keeps the furthest point read; scrolling back up never lowers it. */
export function recordReadRatio(lessonId: string, ratio: number): void {
  const before = $progress.get().lessons[lessonId]?.readRatio ?? 0;
  const clamped = Math.min(1, Math.max(0, ratio));
  if (clamped > before + 0.01 || (clamped === 1 && before < 1)) {
    $progress.set(updateLesson($progress.get(), lessonId, { readRatio: clamped }));
  }
}

export function markLessonListened(lessonId: string): void {
  $progress.set(updateLesson($progress.get(), lessonId, { listened: true }));
}
