/**
 * zod schemas for typed text, built on the rules in text.ts: one definition shared by every
 * API body (names, staff numbers, cohort names, typed answers).
 */
import { z } from 'zod';
import { hasControlCharacters, hasVisibleText, normalizeDisplayText } from './text.ts';

const NO_CONTROL = 'must not contain control characters';

/**
 * A single-line text shown to other people: control characters are refused (400 with a field
 * error), the rest is normalized (normalizeDisplayText) and must still show something.
 */
export function displayTextSchema({ max, required = 'enter some text' }: { max: number; required?: string }) {
  return z
    .string()
    .max(max * 4, `at most ${max} characters`)
    .refine((text) => !hasControlCharacters(text), NO_CONTROL)
    .transform(normalizeDisplayText)
    .pipe(z.string().max(max, `at most ${max} characters`).refine(hasVisibleText, required));
}

/** Typed text that is graded, not shown (a numeric answer such as `５，０００円`): no control characters. */
export function plainTextSchema({ max }: { max: number }) {
  return z.string().max(max, `at most ${max} characters`).refine((text) => !hasControlCharacters(text), NO_CONTROL);
}
