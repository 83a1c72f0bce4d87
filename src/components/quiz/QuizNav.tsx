import type { Locale } from '../../lib/i18n/locales.ts';
import { isAnswered } from '../../lib/quiz/client/answers.ts';
import type { QuizSession } from '../../lib/quiz/client/session.ts';
import { qt } from './text.ts';

/** Test mode: every question as a button, marked when answered (a dot and the word, not colour alone). */
export default function QuizNav({ locale, session, onGo }: { locale: Locale; session: QuizSession; onGo(index: number): void }) {
  return (
    <nav class="quiz-nav" aria-label={qt(locale, 'runner.nav')}>
      <ol>
        {session.view.questions.map((question, index) => {
          const answered = isAnswered(question, session.responses[question.id]);
          return (
            <li key={question.id}>
              <button
                type="button"
                class={answered ? 'quiz-nav__item quiz-nav__item--answered' : 'quiz-nav__item'}
                aria-current={index === session.current ? 'step' : undefined}
                onClick={() => onGo(index)}
              >
                <span aria-hidden="true">{index + 1}</span>
                <span class="visually-hidden">
                  {qt(locale, 'runner.navItem', { n: index + 1 })}
                  {answered ? `（${qt(locale, 'runner.navAnswered')}）` : ''}
                </span>
                {answered && (
                  <span class="quiz-nav__dot" aria-hidden="true">
                    ●
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
