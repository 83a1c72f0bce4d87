/**
 * Bodies of the sign-in, setup, join and resume endpoints. Strict: an unknown field is a mistake
 * worth reporting. Limits keep hostile input small. The browser imports only the inferred types.
 */
import { z } from 'zod';
import { displayTextSchema, optionalDisplayTextSchema, plainTextSchema } from '../../lib/validation/schemas.ts';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password.ts';

/** An email address, trimmed and lower-cased, so sign-in ignores case. */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ error: 'enter an email address such as name@example.com' }));

/**
 * A person's name as shown to their trainer: no control characters, NFKC (`ＳＡＴＯ` is `SATO`),
 * no bidi overrides or zero-width characters, and something visible left.
 */
export const personNameSchema = displayTextSchema({ max: 60, required: 'enter a name' });

export const loginBodySchema = z.strictObject({
  email: emailSchema,
  /** Not checked for strength here: a wrong password is a 401, not a 400. */
  password: z.string().min(1, 'enter the password').max(MAX_PASSWORD_LENGTH),
});

export const newPasswordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `at most ${MAX_PASSWORD_LENGTH} characters`);

/** The first trainer, created from the one-time setup page (or `npm run trainer:create`). */
export const trainerAccountSchema = z.strictObject({
  email: emailSchema,
  name: personNameSchema,
  password: newPasswordSchema,
});

/** The invite token of a cohort's link: 32 URL-safe characters. */
export const inviteTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{20,64}$/, 'not an invite link');

export const joinBodySchema = z.strictObject({
  token: inviteTokenSchema,
  name: personNameSchema,
  /** Optional: the company's staff number, so the trainer can match learners to people. */
  employeeId: optionalDisplayTextSchema({ max: 40 }),
});

export const resumeBodySchema = z.strictObject({
  /** `XXXX-XXXX-XXXX` as shown once when joining; case, spaces and hyphens do not matter. */
  code: plainTextSchema({ max: 40 }).trim().min(1, 'enter your resume code'),
});

export type LoginBody = z.output<typeof loginBodySchema>;
export type TrainerAccount = z.output<typeof trainerAccountSchema>;
export type JoinBody = z.output<typeof joinBodySchema>;
export type JoinRequest = z.input<typeof joinBodySchema>;
