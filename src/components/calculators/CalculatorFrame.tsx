import type { ComponentChildren } from 'preact';
import type { Locale } from '../../lib/i18n/locales.ts';

interface Props {
  id: string;
  title: string;
  /** One or two sentences on what the calculator does; also what narration reads aloud. */
  description: string;
  locale: Locale;
  /** True while an input is invalid and the result shown is the last valid one. */
  stale?: boolean;
  children: ComponentChildren;
}

const STALE: Record<Locale, string> = {
  ja: '入力を直すと結果が更新されます。いまは直前の正しい入力での結果です。',
  en: 'Fix the input to update the result. Showing the result of the last valid input.',
};

/** The card around every calculator: a labelled region with its description. */
export default function CalculatorFrame({ id, title, description, locale, stale, children }: Props) {
  return (
    <section class="calculator card" aria-labelledby={`${id}-title`} data-calculator={id}>
      <h3 id={`${id}-title`} class="calculator__title">
        {title}
      </h3>
      <p class="calculator__description" data-narration="calculator-summary">
        {description}
      </p>
      {children}
      {stale && (
        <p class="calculator__stale" role="status">
          {STALE[locale]}
        </p>
      )}
    </section>
  );
}
