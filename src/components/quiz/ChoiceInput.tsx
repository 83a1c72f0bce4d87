import type { DraftResponse } from '../../lib/quiz/client/answers.ts';
import { toggleChoice } from '../../lib/quiz/client/answers.ts';
import type { LearnerQuestion } from '../../lib/quiz/view.ts';

interface Props {
  question: LearnerQuestion;
  response: DraftResponse | undefined;
  /** Checked in practice: the answer can no longer change. */
  locked: boolean;
  onChange(response: DraftResponse): void;
  /** Ids of the prompt (the group's name) and the instructions. */
  labelledBy: string;
  describedBy: string;
  /** The options' language when it is not the page's (a custom module's). */
  textLang?: string | undefined;
}

/** Single, scenario (radio buttons) and multiple select (checkboxes); each option shows its key (1–9). */
export default function ChoiceInput({ question, response, locked, onChange, labelledBy, describedBy, textLang }: Props) {
  const multiple = question.type === 'multiple';
  const selected = (position: number) => (multiple ? Array.isArray(response) && response.includes(position) : response === position);
  return (
    <fieldset class="quiz-choices" disabled={locked} aria-labelledby={labelledBy} aria-describedby={describedBy}>
      {(question.options ?? []).map((option, position) => (
        <label class={selected(position) ? 'quiz-option quiz-option--selected' : 'quiz-option'} key={option.label}>
          <input
            type={multiple ? 'checkbox' : 'radio'}
            name={`answer-${question.id}`}
            value={String(position)}
            checked={selected(position)}
            onChange={() => onChange(multiple ? toggleChoice(response, position) : position)}
          />
          <span class="quiz-option__label">{option.label}.</span>
          <span class="quiz-option__text" lang={textLang}>
            {option.text}
          </span>
          {position < 9 && (
            <kbd class="quiz-option__key" aria-hidden="true">
              {position + 1}
            </kbd>
          )}
        </label>
      ))}
    </fieldset>
  );
}
