import { useClientStore } from '../hooks/useClientStore.ts';
import { $progress } from '../../stores/progress.ts';
import { completion, emptyProgress } from '../../lib/progress/progress.ts';
import { t } from '../../lib/i18n/islandUi.ts';
import type { Locale } from '../../lib/i18n/locales.ts';
import ModuleFinished, { type NextStepLink } from './ModuleFinished.tsx';

export interface ModuleLessonLink {
  id: string;
  title: string;
  href: string;
  /** About how long it takes; left out where it is not known (a trainer's own lesson). */
  minutes?: number;
  /** The title's language where it may differ from the page's (a trainer's own lesson). */
  lang?: Locale | undefined;
}

const SERVER_PROGRESS = emptyProgress();

interface Props {
  locale: Locale;
  lessons: ModuleLessonLink[];
  /** The module's title, named in the message once every lesson is done. */
  moduleTitle?: string;
  /** Where the lesson tests are gathered (Today's review with its mastery map). */
  testsHref?: string;
  /** The next module and its first lesson; none after the last module. */
  nextModule?: { title: string; href: string } | undefined;
  /** What the finished message offers instead of the tests and next module (a trainer's own module). */
  nextSteps?: { step: string; links: NextStepLink[] };
}

function defaultNextSteps(locale: Locale, moduleTitle: string, testsHref: string | undefined, nextModule: Props['nextModule']) {
  const links: NextStepLink[] = [];
  if (testsHref) links.push({ href: testsHref, label: t(locale, 'module.test'), name: t(locale, 'module.testName', { module: moduleTitle }), quiet: true });
  if (nextModule) links.push({ href: nextModule.href, label: t(locale, 'module.next', { module: nextModule.title }) });
  return { step: t(locale, nextModule ? 'module.nextStep' : 'module.lastStep'), links };
}

/** A module's lessons with a progress bar, a mark on each finished lesson, and the next step once all are done. */
export default function ModuleLessons({ locale, lessons, moduleTitle, testsHref, nextModule, nextSteps }: Props) {
  const progress = useClientStore($progress, SERVER_PROGRESS);
  const { done, total, ratio } = completion(progress, lessons.map((lesson) => lesson.id));
  const label = t(locale, 'progress.module', { done, total });
  const finished = total > 0 && done === total && moduleTitle !== undefined;
  return (
    <div class="module-lessons">
      {finished && <ModuleFinished locale={locale} moduleTitle={moduleTitle} {...(nextSteps ?? defaultNextSteps(locale, moduleTitle, testsHref, nextModule))} />}
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
              <a href={lesson.href} lang={lesson.lang}>
                {lesson.title}
              </a>
              {lesson.minutes !== undefined && <span class="lesson-list__minutes">{t(locale, 'lesson.minutes', { n: lesson.minutes })}</span>}
              {finished && <span class="badge">✓ {t(locale, 'progress.lessonDone')}</span>}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
