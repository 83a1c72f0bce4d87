/**
 * `GET /api/custom-images/<image id>`: a picture imported with a custom module, for those who may
 * read the module: its owner, trainers it is shared with (src/server/authoring/access.ts), and
 * learners whose cohort has a lesson of one of its published versions assigned. Anyone else, and
 * any id that is not a stored picture's, gets the same 404 (a stranger learns nothing, not even
 * that it exists), as for recorded audio (src/server/customAudio/serve.ts). Cache headers are set
 * with every other response's (src/server/http/securityHeaders.ts): an id names its bytes for good.
 */
import { and, eq, sql } from 'drizzle-orm';
import { CUSTOM_PREFIX } from '../../lib/authoring/ids.ts';
import type { LearnerIdentity, TrainerIdentity } from '../auth/sessions.ts';
import { viewableModuleRow } from '../authoring/access.ts';
import type { Database } from '../db/client.ts';
import { isUuid } from '../db/ids.ts';
import { assignments, customModuleImages, customModuleVersions } from '../db/schema.ts';
import { notFound } from '../http/json.ts';

export interface ImageRequest {
  db: Database;
  params: Record<string, string | undefined>;
  trainer: TrainerIdentity | null | undefined;
  learner: LearnerIdentity | null | undefined;
}

/** Whether the learner's cohort has a lesson of any published version of the module assigned. */
async function assignedToCohort(db: Database, cohortId: string, moduleId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: assignments.id })
    .from(assignments)
    // Version ids are uuids (no LIKE wildcards): `cm-<version id>-<n>` names one of its lessons.
    .innerJoin(customModuleVersions, sql`${assignments.lessonId} like (${CUSTOM_PREFIX} || ${customModuleVersions.id}::text || '-%')`)
    .where(and(eq(customModuleVersions.moduleId, moduleId), eq(assignments.cohortId, cohortId)))
    .limit(1);
  return row !== undefined;
}

async function mayView({ db, trainer, learner }: ImageRequest, moduleId: string): Promise<boolean> {
  if (trainer && (await viewableModuleRow(db, trainer.id, moduleId))) return true;
  return learner ? assignedToCohort(db, learner.cohortId, moduleId) : false;
}

export async function serveCustomImage(input: ImageRequest): Promise<Response> {
  const id = input.params.id ?? '';
  // Lower case only: one spelling per picture, so one cache entry per picture.
  if (!isUuid(id) || id !== id.toLowerCase()) return notFound();
  const [image] = await input.db.select().from(customModuleImages).where(eq(customModuleImages.id, id));
  if (!image || !(await mayView(input, image.moduleId))) return notFound();
  return new Response(image.bytes as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers: {
      'content-type': image.contentType,
      'content-length': String(image.bytes.byteLength),
      'x-content-type-options': 'nosniff',
      // Only this site's pages may embed it.
      'cross-origin-resource-policy': 'same-origin',
    },
  });
}
