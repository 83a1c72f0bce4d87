import type { FieldError } from '../../lib/calculators/fields.ts';
import { fieldErrorMessage } from '../../lib/calculators/fields.ts';
import type { Locale } from '../../lib/i18n/locales.ts';

interface Props {
  id: string;
  label: string;
  /** Current position in the slider's unit (percent points for the lever sliders). */
  value: number;
  min: number;
  max: number;
  step: number;
  /** What the value means, shown next to the label and read by screen readers (aria-valuetext). */
  valueText: string;
  onInput(value: string): void;
  locale: Locale;
  hint?: string;
  error?: FieldError | undefined;
}

/**
 * A labelled range input with its value always visible; keyboard arrows move it by `step`. A value
 * between steps (a preset's 43.75%) keeps its exact text and is drawn at the nearest step.
 */
export default function SliderField({ id, label, value, min, max, step, valueText, onInput, locale, hint, error }: Props) {
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div class={error ? 'field field--slider field--invalid' : 'field field--slider'}>
      <div class="field__slider-head">
        <label for={id}>{label}</label>
        <output for={id} class="field__slider-value" aria-hidden="true">
          {valueText}
        </output>
      </div>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={Math.min(max, Math.max(min, value))}
        aria-valuetext={valueText}
        aria-describedby={describedBy}
        onInput={(event) => onInput((event.target as HTMLInputElement).value)}
      />
      {hint && (
        <p id={`${id}-hint`} class="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} class="field__error" role="alert">
          {fieldErrorMessage(locale, error)}
        </p>
      )}
    </div>
  );
}
