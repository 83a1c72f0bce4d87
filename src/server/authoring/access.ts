/**
 * Who reaches a custom module: its owner edits it; trainers it is shared with may view it,
 * preview its lessons and assign its published versions. Everyone else finds nothing.
 */
import { and, eq, inArray, or } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { isUuid } from '../db/ids.ts';
import { customModules, customModuleShares, trainers, type CustomModuleRow } from '../db/schema.ts';

export type ModuleAccess = 'owner' | 'shared';

export interface ViewableModule {
  row: CustomModuleRow;
  access: ModuleAccess;
  ownerName: string;
}

/** Modules the trainer owns or was shared, as a condition on custom_modules. */
export function viewableBy(db: Database, trainerId: string) {
  return or(
    eq(customModules.trainerId, trainerId),
    inArray(customModules.id, db.select({ id: customModuleShares.moduleId }).from(customModuleShares).where(eq(customModuleShares.trainerId, trainerId))),
  );
}

/** The module with how the trainer reaches it, or undefined when they may not see it. */
export async function viewableModuleRow(db: Database, trainerId: string, moduleId: string): Promise<ViewableModule | undefined> {
  if (!isUuid(moduleId)) return undefined;
  const [found] = await db
    .select({ row: customModules, ownerName: trainers.name })
    .from(customModules)
    .innerJoin(trainers, eq(trainers.id, customModules.trainerId))
    .where(and(eq(customModules.id, moduleId), viewableBy(db, trainerId)));
  return found && { row: found.row, ownerName: found.ownerName, access: found.row.trainerId === trainerId ? 'owner' : 'shared' };
}
