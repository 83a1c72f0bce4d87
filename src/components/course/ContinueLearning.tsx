import { useClientStore } from '../hooks/useClientStore.ts';
import { $progress } from '../../stores/progress.ts';
import { emptyProgress } from '../../lib/progress/progress.ts';
import { t } from '../../lib/i18n/islandUi.ts';
import type { Locale } from '../../lib/i18n/locales.ts';
import ProgressNotice from '../ui/ProgressNotice.tsx';
import type { ModuleLessonLink } from './ModuleLessons.tsx';

const SERVER_PROGRESS = emptyProgress();

interface Props {
  locale: Locale;
  /** Every lesson of the course in this language, in course order. */
  lessons: ModuleLessonLink[];
}

/**
 * "Continue where you left off": the last lesson opened if it is not done yet, otherwise the
 * first lesson not done after it. Shows nothing for a learner who has not started.
 */
export default function ContinueLearning({ locale, lessons }: Props) {
  const progress = useClientStore($progress, SERVER_PROGRESS);
  const lastIndex = lessons.findIndex((lesson) => lesson.id === progress.last?.id);
  if (lastIndex < 0) return <ProgressNotice locale={locale} />;
  const ordered = [...lessons.slice(lastIndex), ...lessons.slice(0, lastIndex)];
  const next = ordered.find((lesson) => !progress.lessons[lesson.id]?.done);
  if (!next) return <ProgressNotice locale={locale} />;
  return (
    <div class="continue card" data-testid="continue">
      <ProgressNotice locale={locale} />
      <p class="continue__label">{t(locale, 'progress.continue')}</p>
      <a class="continue__link" href={next.href}>
        {next.title}
      </a>
    </div>
  );
}
