import type { FieldError } from '../../lib/calculators/fields.ts';
import { fieldErrorMessage } from '../../lib/calculators/fields.ts';
import type { Locale } from '../../lib/i18n/locales.ts';

interface Props {
  id: string;
  label: string;
  value: string;
  onInput(text: string): void;
  locale: Locale;
  /** Unit shown after the field: 円, 回/年, 年, %. */
  unit?: string;
  hint?: string;
  error?: FieldError | undefined;
}

/**
 * A text field for numbers as people type them (full-width digits, commas, 円). A text input
 * with inputmode, not type=number, because type=number rejects `5,000` and `５０００`.
 */
export default function NumberField({ id, label, value, onInput, locale, unit, hint, error }: Props) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div class={error ? 'field field--invalid' : 'field'}>
      <label for={id}>{label}</label>
      <div class="field__control">
        <input
          id={id}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={value}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
          onInput={(event) => onInput((event.target as HTMLInputElement).value)}
        />
        {unit && <span class="field__unit">{unit}</span>}
      </div>
      {hint && (
        <p id={hintId} class="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} class="field__error" role="alert">
          {fieldErrorMessage(locale, error)}
        </p>
      )}
    </div>
  );
}
