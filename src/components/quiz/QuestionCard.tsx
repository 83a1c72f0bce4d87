import type { Ref } from 'preact';
import type { DraftResponse } from '../../lib/quiz/client/answers.ts';
import type { Locale } from '../../lib/i18n/locales.ts';
import type { LearnerQuestion } from '../../lib/quiz/view.ts';
import ChoiceInput from './ChoiceInput.tsx';
import NumberInput from './NumberInput.tsx';
import OrderingInput from './OrderingInput.tsx';
import ReadAloudButton from './ReadAloudButton.tsx';
import TrueFalseInput from './TrueFalseInput.tsx';
import { qt } from './text.ts';

interface Props {
  locale: Locale;
  question: LearnerQuestion;
  response: DraftResponse | undefined;
  locked: boolean;
  onChange(response: DraftResponse): void;
  /** The heading gets the focus when the learner moves to this question. */
  headingRef?: Ref<HTMLHeadingElement>;
  /** The question's own language, when it is not the page's: a trainer's module in the other language. */
  contentLang?: Locale | undefined;
}

/** What is read aloud: the situation, the question, then the options or steps. */
export function spokenTexts(question: LearnerQuestion): string[] {
  const answers = question.options?.map((option) => `${option.label}. ${option.text}`) ?? question.steps?.map((step) => step.text) ?? [];
  const labels = question.labels ? [`1. ${question.labels.true}`, `2. ${question.labels.false}`] : [];
  return [question.situation ?? '', question.prompt, ...answers, ...labels];
}

/** One question: heading, situation, prompt, how to answer (partial credit, tolerance) and the input of its type. */
export default function QuestionCard({ locale, question, response, locked, onChange, headingRef, contentLang }: Props) {
  const promptId = `prompt-${question.id}`;
  const instructionsId = `instructions-${question.id}`;
  const shared = { question, response, locked, describedBy: instructionsId };
  // Marked only where it differs, so screen readers switch voice for the question's words alone.
  const textLang = contentLang && contentLang !== locale ? contentLang : undefined;
  return (
    <section class="quiz-question card" aria-labelledby={`heading-${question.id}`} data-question={question.id} data-type={question.type}>
      <div class="quiz-question__head">
        <h2 id={`heading-${question.id}`} tabIndex={-1} ref={headingRef} class="quiz-question__heading">
          {qt(locale, 'runner.question', { n: question.number })}
        </h2>
        <ReadAloudButton key={question.id} locale={locale} textLocale={contentLang} texts={spokenTexts(question)} />
      </div>
      {question.situation && (
        <div class="quiz-situation">
          <p class="quiz-situation__label">{qt(locale, 'runner.situation')}</p>
          <p lang={textLang}>{question.situation}</p>
        </div>
      )}
      <p class="quiz-prompt" id={promptId} lang={textLang}>
        {question.prompt}
      </p>
      <p class="quiz-instructions" id={instructionsId}>
        {question.instructions}
      </p>
      {(question.type === 'single' || question.type === 'scenario' || question.type === 'multiple') && (
        <ChoiceInput {...shared} labelledBy={promptId} textLang={textLang} onChange={onChange} />
      )}
      {question.type === 'true-false' && <TrueFalseInput {...shared} labelledBy={promptId} onChange={onChange} />}
      {(question.type === 'numeric' || question.type === 'calculated') && (
        <NumberInput {...shared} locale={locale} describedBy={`${promptId} ${instructionsId}`} onChange={onChange} />
      )}
      {question.type === 'ordering' && <OrderingInput {...shared} locale={locale} describedBy={`${promptId} ${instructionsId}`} textLang={textLang} onChange={onChange} />}
    </section>
  );
}
