/**
 * `npm run sample-data`: loads the sample data (a trainer, a cohort of eight learners, assigned
 * tests graded by the real engine) into the database the server uses: DATABASE_URL, else PGlite
 * in LTV_DATA_DIR or ./data. It prints the trainer's sign-in with a new random password, once:
 * the database keeps only its hash. The server itself never creates an account.
 *   npm run sample-data                        load it; a second run says it is there already
 *   npm run sample-data -- --reset-password    a new random password for the sample trainer
 * Refuses with NODE_ENV=production. With PGlite, stop the server first: an embedded database has
 * one process at a time.
 */
import { registerHooks } from 'node:module';
import { parseArgs } from 'node:util';
import { configFromEnv } from '../src/server/db/client.ts';
import { openMigratedDatabase } from '../src/server/db/index.ts';

// The course comes from `astro:content`, which exists only inside Astro: read it from disk here.
// Registered before the dynamic imports below, which are the first to need it.
const contentFromDisk = new URL('./support/astro-content.ts', import.meta.url).href;
registerHooks({
  resolve: (specifier, context, nextResolve) =>
    specifier === 'astro:content' ? { url: contentFromDisk, shortCircuit: true } : nextResolve(specifier, context),
});
const [{ createSampleData, resetSamplePassword, SAMPLE_TRAINER, sampleDataAllowed, samplePassword }, { loadCourse }] = await Promise.all([
  import('../src/server/db/seed.ts'),
  import('../src/server/learner/course.ts'),
]);

const { values } = parseArgs({ options: { 'reset-password': { type: 'boolean', default: false } } });
const RESET_COMMAND = 'npm run sample-data -- --reset-password';

if (!sampleDataAllowed(process.env)) {
  console.error('Sample data is not loaded with NODE_ENV=production: it would be a known account on a live server.');
  console.error('Create real accounts with npm run trainer:create or /trainer/setup/.');
  process.exit(1);
}

function printSignIn(password: string): void {
  console.log(`  Trainer sign-in at /trainer/login/\n    email:    ${SAMPLE_TRAINER.email}\n    password: ${password}`);
  console.log(`  This password is shown only now (the database keeps its hash). Lost it? ${RESET_COMMAND}`);
}

const config = configFromEnv();
const where = config.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`;
const handle = await openMigratedDatabase(config);
try {
  const password = samplePassword();
  if (values['reset-password']) {
    if (await resetSamplePassword(handle.db, password)) {
      console.log(`New password for the sample trainer in ${where} (signed out everywhere):`);
      printSignIn(password);
    } else {
      console.error(`There is no sample data in ${where}. Load it with: npm run sample-data`);
      process.exitCode = 1;
    }
  } else {
    const outcome = await createSampleData(handle.db, await loadCourse(), password);
    if (outcome.created) {
      console.log(`Sample data loaded in ${where}: a cohort of eight learners with graded tests.`);
      printSignIn(password);
    } else if (outcome.reason === 'sample-exists') {
      console.log(`Sample data already exists in ${where}; its password was shown once, when it was loaded.`);
      console.log(`  Sign in as ${SAMPLE_TRAINER.email}, or set a new password with: ${RESET_COMMAND}`);
    } else if (outcome.reason === 'trainers-exist') {
      console.log(`Sample data not loaded: ${where} already has trainer accounts, and sample data only goes into an empty database.`);
      console.log('  For a demo, point LTV_DATA_DIR at another directory.');
    } else {
      console.error('Sample data not loaded: no lesson has a question bank (src/content/quizzes).');
      process.exitCode = 1;
    }
  }
} finally {
  await handle.close();
}
