/**
 * zod schemas for typed text, built on the rules in text.ts: one definition shared by every
 * API body (names, staff numbers, cohort names, typed answers).
 */
import { z } from 'zod';
import { characterCount, hasControlCharacters, hasVisibleText, normalizeDisplayText } from './text.ts';

const NO_CONTROL = 'must not contain control characters';

/** The raw text before normalizing: refuses control characters and absurd lengths cheaply. */
function rawSingleLine(max: number) {
  // NFKC can lengthen text (`㍻` is two characters after it), so the raw cap is generous.
  return z
    .string()
    .max(max * 4, `at most ${max} characters`)
    .refine((text) => !hasControlCharacters(text), NO_CONTROL)
    .transform(normalizeDisplayText);
}

/** At most `max` characters as a reader counts them (an emoji is one, not two UTF-16 units). */
const withinLength = (max: number) => [(text: string) => characterCount(text) <= max, `at most ${max} characters`] as const;

/**
 * A single-line text shown to other people: control characters are refused (400 with a field
 * error), the rest is normalized (normalizeDisplayText) and must still show something. The
 * length limit counts the normalized text.
 */
export function displayTextSchema({ max, required = 'enter some text' }: { max: number; required?: string }) {
  return rawSingleLine(max).pipe(
    z
      .string()
      .refine(...withinLength(max))
      .refine(hasVisibleText, required),
  );
}

/**
 * Like displayTextSchema, for a field that may be left empty (a staff number): empty, or nothing
 * visible after normalizing, reads as not given (undefined).
 */
export function optionalDisplayTextSchema({ max }: { max: number }) {
  return rawSingleLine(max)
    .pipe(z.string().refine(...withinLength(max)))
    .transform((text) => (hasVisibleText(text) ? text : undefined))
    .optional();
}

/** Typed text that is graded, not shown (a numeric answer such as `５，０００円`): no control characters. */
export function plainTextSchema({ max }: { max: number }) {
  return z.string().max(max, `at most ${max} characters`).refine((text) => !hasControlCharacters(text), NO_CONTROL);
}
