/**
 * What the server does before its first trainer or learner request: open and migrate the
 * database, and in development/default mode create the sample data once (printing the sample
 * sign-in to the console). Memoized: later requests wait on the same promise.
 */
import { loadCourse } from '../learner/course.ts';
import { configFromEnv } from './client.ts';
import { databaseHandle, type Database } from './index.ts';
import { createSampleData, SAMPLE_TRAINER, sampleDataWanted } from './seed.ts';

let ready: Promise<Database> | undefined;

async function start(env: Readonly<Record<string, string | undefined>>): Promise<Database> {
  const { db } = await databaseHandle();
  if (sampleDataWanted(env) && (await createSampleData(db, await loadCourse()))) {
    const config = configFromEnv(env);
    const where = config.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`;
    console.log(
      [
        '',
        `[LTV Dojo] Sample data created in ${where} (development mode; LTV_SAMPLE_DATA=0 turns it off).`,
        `[LTV Dojo] Trainer sign-in at /trainer/: ${SAMPLE_TRAINER.email} / ${SAMPLE_TRAINER.password}`,
        '',
      ].join('\n'),
    );
  }
  return db;
}

/** The database, ready for requests. */
export function serverReady(env: Readonly<Record<string, string | undefined>> = process.env): Promise<Database> {
  ready ??= start(env).catch((error: unknown) => {
    ready = undefined;
    throw error;
  });
  return ready;
}
