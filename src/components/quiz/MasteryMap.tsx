import { formatPercent } from '../../lib/i18n/format.ts';
import type { Locale } from '../../lib/i18n/locales.ts';
import type { ReviewOverview } from '../../lib/quiz/client/reviewOverview.ts';
import { LEVEL_MARKS, LEVEL_ORDER, LEVELS, rt } from './reviewText.ts';

/** Per module, per lesson: each concept as a tile with its level in words and a mark, and the recent score. */
export default function MasteryMap({ locale, overview }: { locale: Locale; overview: ReviewOverview }) {
  const lessons = overview.modules.flatMap((entry) => entry.lessons);
  return (
    <section class="mastery" aria-labelledby="mastery-heading">
      <h2 id="mastery-heading">{rt(locale, 'mastery.heading')}</h2>
      <p class="muted">{rt(locale, 'mastery.lead')}</p>
      <div class="mastery__legend">
        <span class="mastery__legend-title">{rt(locale, 'mastery.legend')}</span>
        <ul>
          {LEVEL_ORDER.map((level) => (
            <li key={level} class={`mastery-level mastery-level--${level}`}>
              <span aria-hidden="true">{LEVEL_MARKS[level]}</span> {LEVELS[locale][level]}
            </li>
          ))}
        </ul>
      </div>
      {lessons.length === 0 && <p>{rt(locale, 'mastery.empty')}</p>}
      {overview.modules
        .filter((entry) => entry.lessons.length > 0)
        .map(({ module, lessons: moduleLessons }) => (
          <div class="mastery__module" key={module.id} data-module={module.id}>
            <h3>{module.title}</h3>
            {moduleLessons.map(({ lesson, mastery }) => (
              <div class="mastery__lesson" key={lesson.id} data-lesson={lesson.id}>
                <h4>{lesson.title}</h4>
                {mastery.every((entry) => entry.level === 'not-started') ? (
                  // A lesson not tested yet: one line instead of a grid of identical tiles.
                  <p class="mastery__untouched">
                    <span aria-hidden="true">{LEVEL_MARKS['not-started']}</span> {rt(locale, 'mastery.untouched', { n: mastery.length })}{' '}
                    <a href={lesson.quizHref}>
                      {rt(locale, 'mastery.take')}
                      <span class="visually-hidden">{`: ${lesson.title}`}</span>
                    </a>
                  </p>
                ) : (
                  <ul class="mastery-grid" aria-label={rt(locale, 'mastery.lesson', { title: lesson.title })}>
                    {mastery.map((entry) => (
                      <li class={`mastery-tile mastery-level--${entry.level}`} key={entry.concept} data-concept={entry.concept} data-level={entry.level}>
                        <span class="mastery-tile__level">
                          <span aria-hidden="true">{LEVEL_MARKS[entry.level]}</span> {LEVELS[locale][entry.level]}
                        </span>
                        <span class="mastery-tile__label">{entry.label}</span>
                        <span class="mastery-tile__detail">
                          {entry.recentShare === null
                            ? rt(locale, 'mastery.noAnswers')
                            : rt(locale, 'mastery.detail', { share: formatPercent(locale, entry.recentShare, 0), n: entry.answers })}
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            ))}
          </div>
        ))}
    </section>
  );
}
