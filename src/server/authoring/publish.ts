/**
 * Publishing: the draft as it stands at the named revision becomes a new frozen version. Later
 * edits change only the draft; assignments name a version's lessons and keep them.
 */
import { randomUUID } from 'node:crypto';
import { eq, max } from 'drizzle-orm';
import { buildSnapshot, publishProblems } from '../../lib/authoring/publish.ts';
import type { Database } from '../db/client.ts';
import { customModules, customModuleVersions } from '../db/schema.ts';
import { failure, success, type Outcome } from '../http/outcome.ts';
import { readDraft } from './store.ts';
import { withRevision } from './edit.ts';

export interface Published {
  versionId: string;
  number: number;
  revision: number;
}

export async function publishModule(db: Database, trainerId: string, moduleId: string, revision: number): Promise<Outcome<Published>> {
  const draft = await readDraft(db, trainerId, moduleId);
  if (!draft) return failure(404, 'not-found');
  if (draft.revision !== revision) return failure(409, 'edited-elsewhere', { revision: draft.revision });
  const problems = publishProblems(draft);
  if (problems.length) return failure(409, 'not-ready', { problems });
  // The revision check inside withRevision makes the draft read above the one that is frozen.
  const outcome = await withRevision(db, trainerId, moduleId, revision, async (tx) => {
    const [latest] = await tx.select({ value: max(customModuleVersions.number) }).from(customModuleVersions).where(eq(customModuleVersions.moduleId, moduleId));
    const number = (latest?.value ?? 0) + 1;
    const versionId = randomUUID();
    const snapshot = buildSnapshot(draft, versionId, number);
    await tx.insert(customModuleVersions).values({ id: versionId, moduleId, number, snapshot: snapshot as unknown as Record<string, unknown> });
    await tx.update(customModules).set({ status: 'published' }).where(eq(customModules.id, moduleId));
    return success({ versionId, number });
  });
  return outcome.ok ? success({ ...outcome.value.value, revision: outcome.value.revision }) : outcome;
}
