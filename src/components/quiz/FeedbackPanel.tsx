import { formatNumber } from '../../lib/i18n/format.ts';
import type { Locale } from '../../lib/i18n/locales.ts';
import { isKeyShown, type PracticeQuestionResult } from '../../lib/quiz/reveal.ts';
import { qt, type QuizTextKey } from './text.ts';

type Status = 'correct' | 'partial' | 'wrong' | 'unanswered';

export function resultStatus(result: Pick<PracticeQuestionResult, 'answered' | 'correct' | 'points'>): Status {
  if (!result.answered) return 'unanswered';
  if (result.correct) return 'correct';
  return result.points > 0 ? 'partial' : 'wrong';
}

// A mark next to the word, so the status never depends on colour alone.
const MARKS: Record<Status, string> = { correct: '✓', partial: '△', wrong: '✗', unanswered: '—' };

/**
 * A section as a listener hears it: Japanese sections are their heading; English ones are the
 * heading's slug (`knowing-the-customer-well`), read back as words.
 */
export function sectionTitle(section: string): string {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(section)) return section;
  const words = section.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * One graded question: status and points, both answers, the explanation and the way back to the
 * lesson. An unanswered question comes without its key: then only the way back to the lesson.
 */
export default function FeedbackPanel({ locale, result, textLang }: { locale: Locale; result: PracticeQuestionResult; textLang?: string | undefined }) {
  const status = resultStatus(result);
  const { feedback } = result;
  return (
    <div class={`quiz-feedback quiz-feedback--${status}`} data-testid="feedback">
      <p class="quiz-feedback__status">
        <span class="quiz-feedback__mark" aria-hidden="true">
          {MARKS[status]}
        </span>
        <strong>{qt(locale, `feedback.${status}` as QuizTextKey)}</strong>
        <span class="quiz-feedback__points">
          {qt(locale, 'feedback.points', { points: formatNumber(locale, result.points, 2), max: formatNumber(locale, result.maxPoints) })}
        </span>
      </p>
      {isKeyShown(feedback) ? (
        <>
          <dl class="quiz-feedback__answers">
            <dt>{qt(locale, 'feedback.yours')}</dt>
            <dd>{feedback.learnerAnswer ?? qt(locale, 'feedback.none')}</dd>
            <dt>{qt(locale, 'feedback.right')}</dt>
            <dd lang={textLang}>{feedback.correctAnswer}</dd>
          </dl>
          <p class="quiz-feedback__label">{qt(locale, 'feedback.explanation')}</p>
          <p class="quiz-feedback__explanation" lang={textLang}>
            {feedback.explanation}
          </p>
          {feedback.mistakeExplanations.length > 0 && (
            <>
              <p class="quiz-feedback__label">{qt(locale, 'feedback.mistakes')}</p>
              <ul class="quiz-feedback__mistakes" lang={textLang}>
                {feedback.mistakeExplanations.map((text) => (
                  <li key={text}>{text}</li>
                ))}
              </ul>
            </>
          )}
        </>
      ) : (
        <p class="quiz-feedback__withheld">{qt(locale, 'feedback.withheld')}</p>
      )}
      <p class="quiz-feedback__section">
        <a href={feedback.sectionHref} aria-label={qt(locale, 'feedback.sectionName', { section: sectionTitle(feedback.section) })}>
          {qt(locale, 'feedback.section')}
        </a>
      </p>
    </div>
  );
}
