/** Route parameters and upload fields of the authoring API (bodies are in src/lib/authoring/schema.ts). */
import { z } from 'zod';
import { localeSchema, moduleTitleSchema } from '../../lib/authoring/schema.ts';
import { emailSchema } from '../auth/schemas.ts';
import { idSchema } from '../trainer/schemas.ts';

export const moduleParamsSchema = z.object({ id: idSchema });
export const lessonParamsSchema = z.object({ id: idSchema, lessonId: idSchema });
export const sectionParamsSchema = z.object({ id: idSchema, sectionId: idSchema });
export const shareParamsSchema = z.object({ id: idSchema, trainerId: idSchema });

/** Share a module with the trainer who signs in with this email. */
export const shareBodySchema = z.strictObject({ email: emailSchema });

/** The text fields sent with a file: an optional title (else the document's own) and the language. */
export const uploadFieldsSchema = z.strictObject({
  title: z.union([z.literal(''), moduleTitleSchema]).optional(),
  locale: localeSchema.default('ja'),
});
