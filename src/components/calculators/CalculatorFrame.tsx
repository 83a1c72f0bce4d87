import type { ComponentChildren } from 'preact';
import { formatQuotedList } from '../../lib/i18n/format.ts';
import type { Locale } from '../../lib/i18n/locales.ts';
import { t } from '../../lib/i18n/islandUi.ts';

export interface CalculatorSummary {
  /** What the headline number is, e.g. 「このお客様のCLV」. */
  label: string;
  /** The headline number as shown in the result. */
  value: string;
}

interface Props {
  id: string;
  title: string;
  /** One or two sentences on what the calculator does; also what narration reads aloud. */
  description: string;
  locale: Locale;
  /** True while an input is invalid and the result shown is the last valid one. */
  stale?: boolean;
  /** The labels of the fields that are invalid right now, named in the stale message. */
  invalid?: readonly string[];
  /**
   * The headline result, repeated in a bar that stays at the bottom of a phone's screen while
   * the fields are being edited (the full result is below the fold there).
   */
  summary?: CalculatorSummary;
  children: ComponentChildren;
}

/**
 * The card around every calculator: a labelled region with its description. While an input is
 * invalid the results are greyed out (CSS on `calculator--stale`) and a note that stays in view
 * says which field to fix.
 */
export default function CalculatorFrame({ id, title, description, locale, stale, invalid = [], summary, children }: Props) {
  const fields = formatQuotedList(locale, invalid);
  return (
    <section class={stale ? 'calculator card calculator--stale' : 'calculator card'} aria-labelledby={`${id}-title`} data-calculator={id}>
      <h3 id={`${id}-title`} class="calculator__title">
        {title}
      </h3>
      <p class="calculator__description" data-narration="calculator-summary">
        {description}
      </p>
      {children}
      <div class={summary ? 'calculator__dock calculator__dock--summary' : 'calculator__dock'}>
        {summary && (
          // The result region above announces the number; this repeats it for the eye only.
          <p class="calculator__dock-result" aria-hidden="true">
            <span class="calculator__dock-label">{summary.label}</span> <span class="calculator__dock-value">{stale ? '—' : summary.value}</span>
          </p>
        )}
        <p class="calculator__stale" role="status" data-testid={`${id}-stale`}>
          {stale ? t(locale, invalid.length ? 'calculator.stale' : 'calculator.staleAny', { fields }) : ''}
        </p>
      </div>
    </section>
  );
}
