import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { currentOrder, type DraftResponse, moveStep } from '../../lib/quiz/client/answers.ts';
import type { Locale } from '../../lib/i18n/locales.ts';
import type { LearnerQuestion } from '../../lib/quiz/view.ts';
import { qt } from './text.ts';

interface Props {
  locale: Locale;
  question: LearnerQuestion;
  response: DraftResponse | undefined;
  locked: boolean;
  onChange(order: number[]): void;
  describedBy: string;
  /** The steps' language when it is not the page's (a custom module's). */
  textLang?: string | undefined;
}

/**
 * Steps put in order with Up and Down buttons (no drag and drop: keyboard and screen readers
 * first). The focus follows the moved step, and the new position is announced.
 */
export default function OrderingInput({ locale, question, response, locked, onChange, describedBy, textLang }: Props) {
  const order = currentOrder(question, response);
  const steps = question.steps ?? [];
  const list = useRef<HTMLOListElement>(null);
  const moved = useRef<{ step: number; direction: 'up' | 'down' } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const labelId = `order-${question.id}`;

  useLayoutEffect(() => {
    const target = moved.current;
    if (!target || !list.current) return;
    moved.current = null;
    const button = (direction: string) => list.current?.querySelector<HTMLButtonElement>(`button[data-step="${target.step}"][data-direction="${direction}"]`);
    // At the top or bottom the pressed button is disabled: continue from its neighbour.
    const same = button(target.direction);
    (same && !same.disabled ? same : button(target.direction === 'up' ? 'down' : 'up'))?.focus();
  });

  const move = (position: number, delta: -1 | 1) => {
    const step = order[position] as number;
    moved.current = { step, direction: delta < 0 ? 'up' : 'down' };
    onChange(moveStep(order, position, delta));
    setAnnouncement(qt(locale, 'input.moved', { step: steps[step]?.text ?? '', n: position + delta + 1 }));
  };

  return (
    <div class="quiz-order">
      <p class="quiz-order__label" id={labelId}>
        {qt(locale, 'input.order')}
      </p>
      <ol class="quiz-order__list" ref={list} aria-labelledby={labelId} aria-describedby={describedBy}>
        {order.map((step, position) => {
          const text = steps[step]?.text ?? '';
          return (
            <li class="quiz-order__item" key={step}>
              <span class="quiz-order__position" aria-hidden="true">
                {position + 1}
              </span>
              <span class="quiz-order__text" lang={textLang}>
                {text}
              </span>
              <span class="quiz-order__buttons">
                <button type="button" class="button button--quiet" data-step={step} data-direction="up" disabled={locked || position === 0} onClick={() => move(position, -1)}>
                  <span aria-hidden="true">↑</span> {qt(locale, 'input.up')}
                  <span class="visually-hidden">{`: ${text}`}</span>
                </button>
                <button
                  type="button"
                  class="button button--quiet"
                  data-step={step}
                  data-direction="down"
                  disabled={locked || position === order.length - 1}
                  onClick={() => move(position, 1)}
                >
                  <span aria-hidden="true">↓</span> {qt(locale, 'input.down')}
                  <span class="visually-hidden">{`: ${text}`}</span>
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <p class="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
