/**
 * `npm run trainer:create`: creates a trainer account in the database the server uses
 * (DATABASE_URL, else PGlite in LTV_DATA_DIR or ./data). Asks for name, email and password, or
 * takes them as flags for scripts:
 *   npm run trainer:create -- --email a@example.com --password '...' --name 'Sato'
 * With PGlite, stop the server first: an embedded database has one process at a time.
 */
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { trainerAccountSchema } from '../src/server/auth/schemas.ts';
import { createTrainer } from '../src/server/auth/trainers.ts';
import { configFromEnv } from '../src/server/db/client.ts';
import { openMigratedDatabase } from '../src/server/db/index.ts';

const { values } = parseArgs({
  options: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } },
});

/** Reads a line; with `hidden`, the typed characters are not echoed (a password). */
async function ask(question: string, hidden = false): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  if (hidden) {
    const write = (rl as unknown as { _writeToOutput(text: string): void })._writeToOutput.bind(rl);
    (rl as unknown as { _writeToOutput(text: string): void })._writeToOutput = (text) => write(text.startsWith(question) ? text : '');
  }
  const answer = await rl.question(question);
  rl.close();
  if (hidden) process.stdout.write('\n');
  return answer;
}

const interactive = process.stdin.isTTY === true;
const input = {
  name: values.name ?? (interactive ? await ask('Name / 名前: ') : ''),
  email: values.email ?? (interactive ? await ask('Email / メールアドレス: ') : ''),
  password: values.password ?? (interactive ? await ask('Password (10+ characters) / パスワード（10文字以上）: ', true) : ''),
};

const parsed = trainerAccountSchema.safeParse(input);
if (!parsed.success) {
  for (const issue of parsed.error.issues) console.error(`${issue.path.join('.') || 'input'}: ${issue.message}`);
  console.error('Usage: npm run trainer:create -- --email you@example.com --password "at least 10 chars" --name "Your Name"');
  process.exit(2);
}

const config = configFromEnv();
const handle = await openMigratedDatabase(config);
try {
  const created = await createTrainer(handle.db, parsed.data);
  if (!created.ok) {
    console.error(`A trainer with the email ${parsed.data.email} already exists.`);
    process.exitCode = 1;
  } else {
    const where = config.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`;
    console.log(`Trainer ${created.trainer.email} created in ${where}. Sign in at /trainer/login/.`);
  }
} finally {
  await handle.close();
}
