import { useEffect } from 'preact/hooks';
import { useClientStore } from '../hooks/useClientStore.ts';
import { $progress, markLessonDone, recordLessonVisit, recordReadRatio } from '../../stores/progress.ts';
import { emptyProgress } from '../../lib/progress/progress.ts';
import { t } from '../../lib/i18n/islandUi.ts';
import type { Locale } from '../../lib/i18n/locales.ts';
import ProgressNotice from '../ui/ProgressNotice.tsx';

const SERVER_PROGRESS = emptyProgress();

interface Props {
  lessonId: string;
  locale: Locale;
  /** CSS selector of the lesson text whose scrolling counts as reading. */
  textSelector?: string;
}

/** Reading bar at the top of the page and the "mark as done" toggle at the end of a lesson. */
export default function LessonProgress({ lessonId, locale, textSelector = '.prose' }: Props) {
  const progress = useClientStore($progress, SERVER_PROGRESS);
  const lesson = progress.lessons[lessonId];
  const readRatio = lesson?.readRatio ?? 0;
  const done = lesson?.done ?? false;

  useEffect(() => {
    recordLessonVisit(lessonId, locale);
    const text = document.querySelector(textSelector);
    if (!text) return;
    let frame = 0;
    const update = () => {
      frame = 0;
      const box = text.getBoundingClientRect();
      const total = box.height - window.innerHeight;
      recordReadRatio(lessonId, total <= 0 ? 1 : -box.top / total);
    };
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    update();
    return () => {
      window.removeEventListener('scroll', onScroll);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [lessonId, locale, textSelector]);

  const percent = Math.round(readRatio * 100);
  return (
    <div class="lesson-progress">
      <div
        class="reading-bar"
        role="progressbar"
        aria-label={t(locale, 'lesson.readingProgress')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <span style={{ transform: `scaleX(${readRatio})` }} />
      </div>
      <ProgressNotice locale={locale} />
      <button
        type="button"
        class={done ? 'button button--done' : 'button'}
        aria-pressed={done}
        data-testid="mark-done"
        title={done ? t(locale, 'lesson.undo') : undefined}
        onClick={() => markLessonDone(lessonId, !done)}
      >
        {done ? `✓ ${t(locale, 'lesson.done')}` : t(locale, 'lesson.markDone')}
      </button>
    </div>
  );
}
