import type { InputHTMLAttributes } from 'preact';

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onInput' | 'value' | 'id'> {
  id: string;
  label: string;
  value: string;
  onInput(text: string): void;
  hint?: string;
  /** Shown under the field; the field is marked invalid for screen readers too. */
  error?: string | undefined;
}

/** A labelled input with hint and error wired to aria-describedby (global .field styles). */
export default function TextField({ id, label, value, onInput, hint, error, ...input }: Props) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div class={error ? 'field field--invalid' : 'field'}>
      <label for={id}>{label}</label>
      <div class="field__control">
        <input
          {...input}
          id={id}
          value={value}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
          onInput={(event) => onInput((event.target as HTMLInputElement).value)}
        />
      </div>
      {hint && (
        <p id={hintId} class="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} class="field__error">
          {error}
        </p>
      )}
    </div>
  );
}
