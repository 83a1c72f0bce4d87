/**
 * Trainer accounts: creating one (setup page, `npm run trainer:create`, sample data) and
 * checking a sign-in. The first account can be created without signing in, exactly once.
 */
import { count, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { trainers } from '../db/schema.ts';
import { hashPassword, type ScryptParams, verifyAgainstDummy, verifyPassword } from './password.ts';
import type { TrainerAccount } from './schemas.ts';
import type { TrainerIdentity } from './sessions.ts';

/** Any number, the same everywhere: serializes concurrent first-trainer setups. */
const SETUP_LOCK_KEY = 7_310_421;

export async function trainerCount(db: Database): Promise<number> {
  const [row] = await db.select({ value: count() }).from(trainers);
  return row?.value ?? 0;
}

export type CreateTrainerResult = { ok: true; trainer: TrainerIdentity } | { ok: false; reason: 'email-taken' | 'setup-closed' };

/**
 * Creates a trainer. With `onlyIfFirst`, only while no trainer exists (the setup page): two
 * simultaneous setups are serialized by a transaction-scoped advisory lock, so only one wins.
 */
export async function createTrainer(
  db: Database,
  account: TrainerAccount,
  options: { onlyIfFirst?: boolean; scrypt?: ScryptParams } = {},
): Promise<CreateTrainerResult> {
  const passwordHash = await hashPassword(account.password, options.scrypt);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SETUP_LOCK_KEY})`);
    if (options.onlyIfFirst && (await trainerCount(tx as unknown as Database)) > 0) return { ok: false, reason: 'setup-closed' } as const;
    const inserted = await tx
      .insert(trainers)
      .values({ email: account.email, name: account.name, passwordHash })
      .onConflictDoNothing({ target: trainers.email })
      .returning({ id: trainers.id, email: trainers.email, name: trainers.name });
    const trainer = inserted[0];
    return trainer ? ({ ok: true, trainer } as const) : ({ ok: false, reason: 'email-taken' } as const);
  });
}

/** The trainer with this email and password, or null; as slow for an unknown email as for a known one. */
export async function checkSignIn(db: Database, email: string, password: string): Promise<TrainerIdentity | null> {
  const [row] = await db.select().from(trainers).where(eq(trainers.email, email));
  if (!row) return verifyAgainstDummy(password).then(() => null);
  return (await verifyPassword(password, row.passwordHash)) ? { id: row.id, email: row.email, name: row.name } : null;
}
