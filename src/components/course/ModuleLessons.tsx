import { useClientStore } from '../hooks/useClientStore.ts';
import { $progress } from '../../stores/progress.ts';
import { completion, emptyProgress } from '../../lib/progress/progress.ts';
import { t } from '../../lib/i18n/ui.ts';
import type { Locale } from '../../lib/i18n/locales.ts';

export interface ModuleLessonLink {
  id: string;
  title: string;
  href: string;
  minutes: number;
}

const SERVER_PROGRESS = emptyProgress();

interface Props {
  locale: Locale;
  lessons: ModuleLessonLink[];
}

/** A module's lessons with a progress bar and a mark on each finished lesson. */
export default function ModuleLessons({ locale, lessons }: Props) {
  const progress = useClientStore($progress, SERVER_PROGRESS);
  const { done, total, ratio } = completion(progress, lessons.map((lesson) => lesson.id));
  const label = t(locale, 'progress.module', { done, total });
  return (
    <div class="module-lessons">
      <div class="meter" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={total} aria-valuenow={done}>
        <span style={{ width: `${ratio * 100}%` }} />
      </div>
      <p class="module-lessons__count" aria-hidden="true">
        {label}
      </p>
      <ol class="lesson-list">
        {lessons.map((lesson) => {
          const finished = progress.lessons[lesson.id]?.done ?? false;
          return (
            <li key={lesson.id} class={finished ? 'is-done' : undefined}>
              <a href={lesson.href}>{lesson.title}</a>
              <span class="lesson-list__minutes">{t(locale, 'lesson.minutes', { n: lesson.minutes })}</span>
              {finished && <span class="badge">✓ {t(locale, 'progress.lessonDone')}</span>}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
