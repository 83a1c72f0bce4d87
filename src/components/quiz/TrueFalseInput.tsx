import type { DraftResponse } from '../../lib/quiz/client/answers.ts';
import type { LearnerQuestion } from '../../lib/quiz/view.ts';

interface Props {
  question: LearnerQuestion;
  response: DraftResponse | undefined;
  locked: boolean;
  onChange(response: boolean): void;
  labelledBy: string;
  describedBy: string;
}

/** True or false as two radio buttons; keys 1 (true) and 2 (false). */
export default function TrueFalseInput({ question, response, locked, onChange, labelledBy, describedBy }: Props) {
  const labels = question.labels ?? { true: 'True', false: 'False' };
  const choices = [
    { value: true, text: labels.true, mark: '○' },
    { value: false, text: labels.false, mark: '×' },
  ];
  return (
    <fieldset class="quiz-choices quiz-choices--true-false" disabled={locked} aria-labelledby={labelledBy} aria-describedby={describedBy}>
      {choices.map((choice, position) => (
        <label class={response === choice.value ? 'quiz-option quiz-option--selected' : 'quiz-option'} key={String(choice.value)}>
          <input type="radio" name={`answer-${question.id}`} value={String(choice.value)} checked={response === choice.value} onChange={() => onChange(choice.value)} />
          <span class="quiz-option__label" aria-hidden="true">
            {choice.mark}
          </span>
          <span class="quiz-option__text">{choice.text}</span>
          <kbd class="quiz-option__key" aria-hidden="true">
            {position + 1}
          </kbd>
        </label>
      ))}
    </fieldset>
  );
}
