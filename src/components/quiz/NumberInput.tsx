import type { DraftResponse } from '../../lib/quiz/client/answers.ts';
import type { Locale } from '../../lib/i18n/locales.ts';
import type { LearnerQuestion } from '../../lib/quiz/view.ts';
import { qt } from './text.ts';

interface Props {
  locale: Locale;
  question: LearnerQuestion;
  response: DraftResponse | undefined;
  locked: boolean;
  onChange(response: string): void;
  describedBy: string;
}

/**
 * A typed number with its unit. A plain text field (not type=number) so what people type is
 * kept as typed: `５，０００円`, `¥5,000`, `約10万円`; the server reads it (score.ts readNumber).
 */
export default function NumberInput({ locale, question, response, locked, onChange, describedBy }: Props) {
  const id = `answer-${question.id}`;
  return (
    <div class="field quiz-number">
      <label for={id}>{qt(locale, 'input.answer')}</label>
      <div class="field__control">
        <input
          id={id}
          type="text"
          autocomplete="off"
          spellcheck={false}
          value={typeof response === 'string' ? response : ''}
          disabled={locked}
          aria-describedby={describedBy}
          onInput={(event) => onChange((event.currentTarget as HTMLInputElement).value)}
        />
        {question.unitLabel && <span class="field__unit">{question.unitLabel}</span>}
      </div>
    </div>
  );
}
