/**
 * One answer as the learner gave it, the same for self-study and assigned tests: a display
 * position (single, scenario), positions (multiple, ordering), a boolean (true-false), the typed
 * text (numeric, calculated: `５，０００円`), or null (skipped). Typed text with a control
 * character is a 400, never a database error.
 */
import { z } from 'zod';
import { plainTextSchema } from '../validation/schemas.ts';

export const responseSchema = z.union([
  z.number().refine(Number.isFinite, 'expected a finite number'),
  z.boolean(),
  plainTextSchema({ max: 200 }),
  z.array(z.int().min(0).max(20)).max(20),
  z.null(),
]);

export type Response = z.output<typeof responseSchema>;
