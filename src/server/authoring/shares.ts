/**
 * Sharing a module with other trainers of this server, by email. Only the owner lists, adds and
 * revokes shares: a trainer it is shared with gets 403, anyone else 404 (the module stays unseen).
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { isUuid } from '../db/ids.ts';
import { customModuleShares, trainers } from '../db/schema.ts';
import { failure, success, type Outcome } from '../http/outcome.ts';
import type { ModuleShare } from '../../lib/authoring/editorModule.ts';
import { viewableModuleRow } from './access.ts';

/** The module's id when the trainer owns it; 403 for a trainer it is shared with, 404 for anyone else. */
async function asOwner(db: Database, trainerId: string, moduleId: string): Promise<Outcome<string>> {
  const found = await viewableModuleRow(db, trainerId, moduleId);
  if (!found) return failure(404, 'not-found');
  if (found.access !== 'owner') return failure(403, 'owner-only', { message: 'only the owner of a module can share it' });
  return success(found.row.id);
}

/** The module's shares, for its owner. */
export async function listShares(db: Database, ownerId: string, moduleId: string): Promise<Outcome<ModuleShare[]>> {
  const owned = await asOwner(db, ownerId, moduleId);
  if (!owned.ok) return owned;
  const rows = await db
    .select({ trainerId: trainers.id, name: trainers.name, email: trainers.email, sharedAt: customModuleShares.createdAt })
    .from(customModuleShares)
    .innerJoin(trainers, eq(trainers.id, customModuleShares.trainerId))
    .where(eq(customModuleShares.moduleId, owned.value))
    .orderBy(asc(customModuleShares.createdAt), asc(trainers.email));
  return success(rows.map((row) => ({ ...row, sharedAt: row.sharedAt.toISOString() })));
}

/** Shares the module with the trainer of that (lower-cased) email; sharing twice changes nothing. */
export async function shareModule(db: Database, ownerId: string, moduleId: string, email: string): Promise<Outcome<{ share: ModuleShare; created: boolean }>> {
  const owned = await asOwner(db, ownerId, moduleId);
  if (!owned.ok) return owned;
  const [trainer] = await db.select({ id: trainers.id, name: trainers.name, email: trainers.email }).from(trainers).where(eq(trainers.email, email));
  if (!trainer) return failure(404, 'unknown-trainer', { message: `no trainer signs in with ${email} on this server: they need a trainer account first` });
  if (trainer.id === ownerId) return failure(400, 'self-share', { message: 'this is your own module: share it with another trainer' });
  const inserted = await db.insert(customModuleShares).values({ moduleId: owned.value, trainerId: trainer.id }).onConflictDoNothing().returning({ sharedAt: customModuleShares.createdAt });
  const [row] = inserted.length ? inserted : await db.select({ sharedAt: customModuleShares.createdAt }).from(customModuleShares).where(and(eq(customModuleShares.moduleId, owned.value), eq(customModuleShares.trainerId, trainer.id)));
  return success({ share: { trainerId: trainer.id, name: trainer.name, email: trainer.email, sharedAt: row!.sharedAt.toISOString() }, created: inserted.length > 0 });
}

/** Ends a share: that trainer no longer sees the module (what they already assigned stays). */
export async function revokeShare(db: Database, ownerId: string, moduleId: string, trainerId: string): Promise<Outcome<null>> {
  const owned = await asOwner(db, ownerId, moduleId);
  if (!owned.ok) return owned;
  if (!isUuid(trainerId)) return failure(404, 'not-found');
  const deleted = await db
    .delete(customModuleShares)
    .where(and(eq(customModuleShares.moduleId, owned.value), eq(customModuleShares.trainerId, trainerId)))
    .returning({ trainerId: customModuleShares.trainerId });
  return deleted.length ? success(null) : failure(404, 'not-found');
}
