import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import QuestionCard from '../../../src/components/quiz/QuestionCard.tsx';
import FeedbackPanel, { sectionTitle } from '../../../src/components/quiz/FeedbackPanel.tsx';
import type { DraftResponse } from '../../../src/lib/quiz/client/answers.ts';
import type { LearnerQuestion } from '../../../src/lib/quiz/view.ts';
import type { PracticeQuestionResult as QuestionResult } from '../../../src/lib/quiz/reveal.ts';
import { miniView } from './support.ts';

const { view } = miniView('ja');
const { view: english } = miniView('en');
const byType = (type: LearnerQuestion['type'], from = view) => from.questions.find((question) => question.type === type)!;

/** A question with its answer kept in state, as the runner does. */
function Stateful({ question, onChange = () => {}, locked = false }: { question: LearnerQuestion; onChange?: (response: DraftResponse) => void; locked?: boolean }) {
  const [response, setResponse] = useState<DraftResponse | undefined>(undefined);
  return (
    <QuestionCard
      locale={question === byType(question.type, english) ? 'en' : 'ja'}
      question={question}
      response={response}
      locked={locked}
      onChange={(next) => {
        setResponse(next);
        onChange(next);
      }}
    />
  );
}

describe('question renderers', () => {
  it('single choice: the prompt names a radio group; each option has its letter and its key', () => {
    const onChange = vi.fn();
    const question = byType('single');
    render(<Stateful question={question} onChange={onChange} />);
    const group = screen.getByRole('group', { name: question.prompt });
    expect(group.getAttribute('aria-describedby')).toBe(`instructions-${question.id}`);
    const radios = screen.getAllByRole('radio');
    expect(radios).toHaveLength(question.options!.length);
    fireEvent.click(screen.getByLabelText(new RegExp(question.options![1]!.text)));
    expect(onChange).toHaveBeenLastCalledWith(1);
    expect((radios[1] as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText('正しいものを一つ選んでください。')).toBeTruthy();
  });

  it('multiple select: checkboxes, and the partial-credit rule is on screen in both languages', () => {
    const onChange = vi.fn();
    render(<Stateful question={byType('multiple')} onChange={onChange} />);
    expect(screen.getByText(/部分点があります：（選んだ正解の数 − 選んだ誤りの数）÷ 正解の数。0点より下にはなりません。/)).toBeTruthy();
    const boxes = screen.getAllByRole('checkbox');
    fireEvent.click(boxes[3]!);
    fireEvent.click(boxes[0]!);
    expect(onChange).toHaveBeenLastCalledWith([0, 3]);
    fireEvent.click(boxes[3]!);
    expect(onChange).toHaveBeenLastCalledWith([0]);
  });

  it('multiple select in English states the rule too', () => {
    render(<Stateful question={byType('multiple', english)} />);
    expect(screen.getByText(/Partial credit: \(right choices selected − wrong choices selected\) ÷ number of right choices, never below 0\./)).toBeTruthy();
  });

  it('true-false: two labelled radios, true first (key 1)', () => {
    const onChange = vi.fn();
    render(<Stateful question={byType('true-false')} onChange={onChange} />);
    const radios = screen.getAllByRole('radio');
    expect(radios.map((radio) => radio.closest('label')!.textContent)).toEqual(['○正しい1', '×誤り2']);
    fireEvent.click(screen.getByLabelText(/誤り/));
    expect(onChange).toHaveBeenLastCalledWith(false);
  });

  it('numeric: a text field labelled with the unit, keeping what was typed (full-width, 円)', () => {
    const onChange = vi.fn();
    const question = byType('numeric');
    render(<Stateful question={question} onChange={onChange} />);
    const input = screen.getByLabelText('答え') as HTMLInputElement;
    expect(input.type).toBe('text');
    expect(input.getAttribute('aria-describedby')).toBe(`prompt-${question.id} instructions-${question.id}`);
    expect(screen.getByText(question.unitLabel!)).toBeTruthy();
    fireEvent.input(input, { target: { value: '５，０００円' } });
    expect(onChange).toHaveBeenLastCalledWith('５，０００円');
  });

  it('calculated: the drawn numbers are in the prompt, the input is numeric', () => {
    const question = byType('calculated');
    render(<Stateful question={question} />);
    expect(screen.getByText(question.prompt).textContent).toMatch(/単価￥[\d,]+、年\d+回/);
    expect(screen.getByLabelText('答え')).toBeTruthy();
  });

  it('scenario: the situation is shown before the question', () => {
    const question = byType('scenario');
    render(<Stateful question={question} />);
    expect(screen.getByText('状況', { selector: '.quiz-situation p:last-child' })).toBeTruthy();
    expect(screen.getByText('LTVの視点で、最もよい対応を一つ選んでください。')).toBeTruthy();
  });

  it('ordering: up and down buttons move a step, the focus follows it and the move is announced', () => {
    const onChange = vi.fn();
    const question = byType('ordering');
    render(<Stateful question={question} onChange={onChange} />);
    const items = () => [...document.querySelectorAll('.quiz-order__text')].map((item) => item.textContent);
    const before = items();
    // The step's text is part of each button's name (visually hidden), so every button is told apart.
    const button = (direction: string, step: string | null | undefined) => screen.getByRole('button', { name: new RegExp(`^${direction}\\s*: ${step}$`) });
    const up = button('上へ', before[1]);
    up.focus();
    fireEvent.click(up);
    expect(onChange).toHaveBeenLastCalledWith([1, 0, 2, 3]);
    expect(items()).toEqual([before[1], before[0], before[2], before[3]]);
    // Now first: its Up button is disabled, so the focus moves to its Down button.
    expect(document.activeElement).toBe(button('下へ', before[1]));
    expect(screen.getByText(`「${before[1]}」を1番目に移動しました。`)).toBeTruthy();
    expect((button('上へ', before[1]) as HTMLButtonElement).disabled).toBe(true);
  });

  it('marks a custom module’s question with its own language on a page in the other one, and only its words', () => {
    // A Japanese trainer's question on the English test page: the texts are the Japanese ones.
    const question = byType('scenario');
    render(<QuestionCard locale="en" contentLang="ja" question={question} response={undefined} locked={false} onChange={() => {}} />);
    const marked = [...document.querySelectorAll('[lang]')].map((element) => element.textContent?.trim());
    expect(marked).toEqual([question.situation, question.prompt, ...question.options!.map((option) => option.text)]);
    // The page's own words stay the page's: the heading and the instructions carry no lang.
    expect(screen.getByRole('heading').closest('[lang]')).toBeNull();
    expect(document.querySelector('.quiz-instructions')!.closest('[lang]')).toBeNull();
  });

  it('marks nothing when the question is in the page’s language, and ordering steps when not', () => {
    const { unmount } = render(<QuestionCard locale="ja" contentLang="ja" question={byType('single')} response={undefined} locked={false} onChange={() => {}} />);
    expect(document.querySelectorAll('[lang]')).toHaveLength(0);
    unmount();
    const ordering = byType('ordering');
    render(<QuestionCard locale="en" contentLang="ja" question={ordering} response={undefined} locked={false} onChange={() => {}} />);
    expect([...document.querySelectorAll('.quiz-order__text')].map((step) => step.getAttribute('lang'))).toEqual(ordering.steps!.map(() => 'ja'));
    // The Up and Down buttons are the page's.
    expect(screen.getAllByRole('button', { name: /^Up/ })[0]!.closest('[lang]')).toBeNull();
  });

  it('locks every input once checked', () => {
    render(<Stateful question={byType('single')} locked />);
    // A disabled fieldset disables every control inside it.
    expect((screen.getByRole('group') as HTMLFieldSetElement).disabled).toBe(true);
    expect(screen.getAllByRole('radio').every((radio) => radio.closest('fieldset')?.disabled)).toBe(true);
  });
});

describe('FeedbackPanel', () => {
  const shown = { learnerAnswer: 'A. x', correctAnswer: 'A. x', explanation: 'Because.', mistakeExplanations: [] as string[], section: 'sec', sectionHref: '/lessons/mini/#sec' };
  const result = (change: Partial<QuestionResult>): QuestionResult => ({
    questionId: 'm1',
    type: 'multiple',
    concept: 'c',
    points: 1,
    maxPoints: 1,
    correct: true,
    answered: true,
    feedback: shown,
    ...change,
  });

  it.each([
    ['correct', {}, '✓', '正解', '1 / 1点'],
    ['partial', { points: 1 / 3, correct: false }, '△', '部分正解', '0.33 / 1点'],
    ['wrong', { points: 0, correct: false }, '✗', '不正解', '0 / 1点'],
    ['unanswered', { points: 0, correct: false, answered: false, feedback: { ...shown, learnerAnswer: null } }, '—', '未回答', '0 / 1点'],
  ])('%s: a mark and a word (not colour alone), the points', (_case, change, mark, word, points) => {
    render(<FeedbackPanel locale="ja" result={result(change as Partial<QuestionResult>)} />);
    const status = document.querySelector('.quiz-feedback__status')!.textContent;
    expect(status).toContain(mark);
    expect(status).toContain(word);
    expect(status).toContain(points);
  });

  it('shows both answers, the explanation, why the wrong choice tempts, and the lesson link', () => {
    render(<FeedbackPanel locale="en" result={result({ correct: false, points: 0, feedback: { ...shown, learnerAnswer: 'B. y', mistakeExplanations: ['B. Tempting because...'] } })} />);
    expect(screen.getByText('B. y')).toBeTruthy();
    expect(screen.getByText('Because.')).toBeTruthy();
    expect(screen.getByText('B. Tempting because...')).toBeTruthy();
    // The visible text is the same on every question; the name says which section it opens.
    expect(screen.getByRole('link', { name: 'Read this part of the lesson: Sec' }).getAttribute('href')).toBe('/lessons/mini/#sec');
  });

  it('marks the explanation, the right answer and the mistakes with the question’s language when given', () => {
    render(<FeedbackPanel locale="en" textLang="ja" result={result({ correct: false, points: 0, feedback: { ...shown, correctAnswer: 'A. 継続率', explanation: '理由です。', mistakeExplanations: ['B. 惜しい'] } })} />);
    expect([...document.querySelectorAll('[lang="ja"]')].map((element) => element.textContent?.trim())).toEqual(['A. 継続率', '理由です。', 'B. 惜しい']);
    expect(screen.getByText('Explanation').closest('[lang]')).toBeNull();
  });

  it.each([
    ['knowing-the-customer-well-enough-to-get-ahead', 'Knowing the customer well enough to get ahead'],
    ['お客様への理解が深まり先回りできる', 'お客様への理解が深まり先回りできる'],
    ['CLV (customer lifetime value)', 'CLV (customer lifetime value)'],
  ])('names section %s as "%s"', (section, title) => {
    expect(sectionTitle(section)).toBe(title);
  });

  it('an unanswered question without its key: says why, and still links to the lesson', () => {
    const withheld = { keyWithheld: true as const, learnerAnswer: null, section: 'sec', sectionHref: '/lessons/mini/#sec' };
    render(<FeedbackPanel locale="en" result={result({ points: 0, correct: false, answered: false, feedback: withheld })} />);
    expect(screen.getByText(/shown only for questions you answered/)).toBeTruthy();
    expect(screen.queryByText('Right answer')).toBeNull();
    expect(screen.queryByText('Explanation')).toBeNull();
    expect(screen.getByRole('link', { name: 'Read this part of the lesson: Sec' }).getAttribute('href')).toBe('/lessons/mini/#sec');
  });
});
