/**
 * Load: 200 learners submitting assigned tests to the built server on loopback. Every request is a
 * first submission: session check, grading on the server, and the statement that stores the result.
 * Each scenario first measures the floor, GET /api/health (no database) sent the same way, in the
 * same run: the load generator shares the machine's cores with the server, and the floor shows
 * how much of a figure is the machine.
 *
 * Scenarios (after a warm-up of a few hundred submissions, so the JIT has compiled the hot paths):
 * - paced: 200 requests a second spread evenly (learner i sends at i/200 s, then every second),
 *   open loop (bench/openLoop.ts). Far more than a class produces (a test takes minutes); the
 *   target applies here: p95 < 100 ms on embedded PGlite with 0 errors.
 * - burst: all 200 learners submit at the same instant (three rounds): how long the last one waits.
 * - saturation: every learner submits again as soon as the last reply arrives (closed loop): the
 *   throughput ceiling, whose latency is queueing (200 in flight / throughput).
 * bench/loadClient.ts says why this no longer uses autocannon (its figures were mostly `POST /`).
 * PostgreSQL runs too when TEST_DATABASE_URL is set or a server answers on 127.0.0.1:5432.
 * Quick mode (CI): 50 learners. Needs `npm run build` first. LTV_SESSION_CACHE_MS=0 in the
 * environment runs the server without its session cache (to see what the cache buys).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fireBackToBack, fireSchedule, openConnections, percentile, type Fired, type Shot } from './loadClient.ts';
import { count, isNotNull } from 'drizzle-orm';
import pg from 'pg';
import { parse } from 'yaml';
import { createRng } from '../src/lib/clv/random.ts';
import { answerKey } from '../src/lib/quiz/key.ts';
import { bankSchema } from '../src/lib/quiz/schema.ts';
import { createSession } from '../src/server/auth/sessions.ts';
import { newInviteToken, newResumeCode, resumeCodeHash } from '../src/server/auth/tokens.ts';
import type { DatabaseConfig } from '../src/server/db/client.ts';
import { openMigratedDatabase } from '../src/server/db/index.ts';
import { simulatedResponses } from '../src/server/db/sampleAnswers.ts';
import { assignments, attempts, cohorts, learners, trainers } from '../src/server/db/schema.ts';
import { drawTest } from '../src/server/learner/grading.ts';
import type { Measurement } from './harness.ts';

const root = path.resolve(import.meta.dirname, '..');
/** LTV_LOAD_ENTRY runs another build (e.g. of an earlier commit) for a before/after comparison. */
const entry = path.resolve(root, process.env.LTV_LOAD_ENTRY ?? 'dist/server/entry.mjs');
const nodeFlags = (process.env.LTV_LOAD_NODE_FLAGS ?? '').split(' ').filter(Boolean);
const bank = bankSchema.parse(parse(readFileSync(path.join(root, 'src/content/quizzes/clv-formula.yaml'), 'utf8')));

interface Submission {
  path: string;
  body: string;
}
interface LearnerLoad {
  cookie: string;
  submissions: Submission[];
}

/** Learners (one per entry of attemptCounts), sessions and open attempts, written straight into the database the server will use. */
async function seed(config: DatabaseConfig, attemptCounts: readonly number[]): Promise<LearnerLoad[]> {
  const handle = await openMigratedDatabase(config);
  try {
    const db = handle.db;
    const [trainer] = await db.insert(trainers).values({ email: 'bench@example.com', name: 'Bench', passwordHash: 'x' }).returning();
    const [cohort] = await db.insert(cohorts).values({ trainerId: trainer!.id, name: 'Bench', inviteToken: newInviteToken() }).returning();
    const [assignment] = await db
      .insert(assignments)
      .values({ cohortId: cohort!.id, lessonId: bank.lesson, dueAt: new Date(Date.now() + 1e9), passMark: 0.8, questionCount: 5 })
      .returning();
    const rng = createRng(42);
    const loads: LearnerLoad[] = [];
    for (const [i, attemptsEach] of attemptCounts.entries()) {
      const [learner] = await db
        .insert(learners)
        .values({ cohortId: cohort!.id, name: `L${i}`, resumeCodeHash: resumeCodeHash(newResumeCode()) as string })
        .returning();
      const session = await createSession(db, { role: 'learner', learnerId: learner!.id });
      const draws = Array.from({ length: attemptsEach }, () => drawTest(bank, rng.int(0, 0xffffffff), 5, 0.8));
      const rows = await db
        .insert(attempts)
        .values(draws.map((draw) => ({ assignmentId: assignment!.id, learnerId: learner!.id, lessonId: bank.lesson, seed: draw.seed, questionCount: 5, passMark: 0.8, locale: 'ja' as const, questionIds: draw.questions.map((item) => item.question.id) })))
        .returning({ id: attempts.id });
      loads.push({
        cookie: `ltv_learner=${session.token}`,
        submissions: rows.map((row, j) => ({
          path: `/api/learner/attempts/${row.id}/submit`,
          body: JSON.stringify({ clientSubmissionId: `bench-${i}-${j}-${randomBytes(4).toString('hex')}`, responses: simulatedResponses(draws[j]!, answerKey(draws[j]!), 0.7, rng) }),
        })),
      });
    }
    return loads;
  } finally {
    await handle.close();
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const submissionShot = (origin: string, load: LearnerLoad, connection: number, index: number, at: number): Shot => {
  const submission = load.submissions[index]!;
  return { at, connection, method: 'POST', path: submission.path, body: submission.body, headers: { cookie: load.cookie, origin, 'content-type': 'application/json' } };
};
const healthShot = (connection: number, at: number): Shot => ({ at, connection, method: 'GET', path: '/api/health' });

/** Learner i sends at i/count seconds, then once a second: `count` requests a second, evenly spread. */
function pacedTimes(count: number, perLearner: number): { connection: number; round: number; at: number }[] {
  return Array.from({ length: count * perLearner }, (_, n) => {
    const connection = n % count;
    const round = Math.floor(n / count);
    return { connection, round, at: round * 1000 + (connection * 1000) / count };
  });
}

const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

interface Row {
  scenario: string;
  what: string;
  fired: Fired;
  load: string;
}

function measurementOf(label: string, row: Row, targetApplies: boolean): Measurement {
  const { latencies, errors, requestsPerSecond } = row.fired;
  const p95 = percentile(latencies, 95);
  return {
    name: `load: ${label}, ${row.scenario}: ${row.what}`,
    runs: latencies.length,
    medianMs: percentile(latencies, 50),
    minMs: latencies[0] ?? NaN,
    maxMs: latencies.at(-1) ?? NaN,
    extra: {
      p95Ms: p95.toFixed(1),
      p99Ms: percentile(latencies, 99).toFixed(1),
      errors,
      requestsPerSecond,
      loadavg: `"${row.load}"`,
      ...(targetApplies ? { target: 'p95<100ms, 0 errors', met: String(p95 < 100 && errors === 0) } : {}),
    },
  };
}

/** The floor and the submissions of each scenario side by side. */
function printTable(label: string, rows: Row[]): void {
  const cell = (fired: Fired) => `${[50, 95, 99].map((p) => percentile(fired.latencies, p).toFixed(0)).join(' / ')}`;
  console.log(`\n${label}: p50 / p95 / p99 in ms`);
  console.log('| scenario | floor GET /api/health | submissions | errors | submissions/s | load average |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (let i = 0; i + 1 < rows.length; i += 2) {
    const [floor, submit] = [rows[i]!, rows[i + 1]!];
    console.log(`| ${submit.scenario} | ${cell(floor.fired)} | ${cell(submit.fired)} | ${submit.fired.errors} | ${submit.fired.requestsPerSecond} | ${submit.load} |`);
  }
}

interface Plan {
  learners: number;
  warmUp: number;
  paced: number;
  bursts: number;
  saturation: number;
}

async function runAgainst(label: string, env: Record<string, string>, config: DatabaseConfig, plan: Plan): Promise<Measurement[]> {
  const perLearner = plan.paced + plan.bursts + plan.saturation;
  const loads = await seed(config, [...Array.from({ length: plan.learners }, () => perLearner), plan.warmUp]);
  const warmUp = loads.pop() as LearnerLoad;
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeFlags, entry], { cwd: root, env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ...env }, stdio: 'ignore' });
  const origin = `http://127.0.0.1:${port}`;
  const rows: Row[] = [];
  let warmUpErrors = 0;
  const record = async (scenario: string, what: string, fire: () => Promise<Fired>) => {
    const before = loadAverage().split(' ')[0];
    const fired = await fire();
    rows.push({ scenario, what, fired, load: `${before}→${loadAverage().split(' ')[0]}` });
  };
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${origin}/api/auth/session`)).ok) break;
      } catch {
        if (i > 300) throw new Error('server did not start');
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // Route modules load on first use and the JIT (V8's, and PGlite's WebAssembly tiers) needs a
    // few hundred requests to compile the hot paths: a cold start is a deployment event, not the
    // steady state measured here.
    const warmConnections = await openConnections(origin, 10);
    const warmShots = warmUp.submissions.map((_, i) => submissionShot(origin, warmUp, i % 10, i, Math.floor(i / 10) * 25));
    const warmed = await fireSchedule(origin, warmConnections, warmShots);
    warmUpErrors = warmed.errors;
    warmConnections.close();

    const connections = await openConnections(origin, plan.learners);
    const paced = pacedTimes(plan.learners, plan.paced);
    const scenario = `paced ${plan.learners}/s, evenly spread`;
    await record(scenario, 'floor, GET /api/health', () => fireSchedule(origin, connections, paced.map(({ connection, at }) => healthShot(connection, at))));
    await record(scenario, `${plan.learners} learners submitting`, () =>
      fireSchedule(origin, connections, paced.map(({ connection, round, at }) => submissionShot(origin, loads[connection]!, connection, round, at))),
    );

    const burst = async (shotOf: (connection: number, round: number) => Shot): Promise<Fired> => {
      const all: Fired[] = [];
      for (let round = 0; round < plan.bursts; round++) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        all.push(await fireSchedule(origin, connections, loads.map((_, connection) => shotOf(connection, round))));
      }
      return { latencies: all.flatMap((fired) => fired.latencies).sort((a, b) => a - b), errors: all.reduce((sum, fired) => sum + fired.errors, 0), requestsPerSecond: Math.round(all.reduce((sum, fired) => sum + fired.requestsPerSecond, 0) / all.length) };
    };
    const burstName = `burst, ${plan.learners} at the same instant ×${plan.bursts}`;
    await record(burstName, 'floor, GET /api/health', () => burst((connection) => healthShot(connection, 0)));
    await record(burstName, `${plan.learners} learners submitting`, () => burst((connection, round) => submissionShot(origin, loads[connection]!, connection, plan.paced + round, 0)));

    const satName = `saturation, ${plan.learners} in flight`;
    const queues = (shotOf: (connection: number, index: number) => Shot) => loads.map((_, connection) => Array.from({ length: plan.saturation }, (_, index) => shotOf(connection, index)));
    await record(satName, 'floor, GET /api/health', () => fireBackToBack(origin, connections, queues((connection) => healthShot(connection, 0))));
    await record(satName, `${plan.learners} learners submitting`, () =>
      fireBackToBack(origin, connections, queues((connection, index) => submissionShot(origin, loads[connection]!, connection, plan.paced + plan.bursts + index, 0))),
    );
    connections.close();
    printTable(label, rows);
  } finally {
    const ended = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await ended;
  }
  // Every acknowledged request counted above must have been a real first submission (a request
  // that timed out may or may not have been stored).
  const sent = plan.warmUp + plan.learners * perLearner;
  const failed = warmUpErrors + rows.filter((_, i) => i % 2 === 1).reduce((sum, row) => sum + row.fired.errors, 0);
  const stored = await submittedAttempts(config);
  if (stored < sent - failed || stored > sent) throw new Error(`${label}: ${stored} attempts stored as submitted, ${sent} sent, ${sent - failed} acknowledged`);
  console.log(`${label}: ${sent} submissions sent, ${sent - failed} acknowledged, ${stored} stored (checked in the database).`);
  return rows.map((row, i) => measurementOf(label, row, label === 'PGlite' && i === 1));
}

async function submittedAttempts(config: DatabaseConfig): Promise<number> {
  const handle = await openMigratedDatabase(config);
  try {
    const [row] = await handle.db.select({ value: count() }).from(attempts).where(isNotNull(attempts.submittedAt));
    return row?.value ?? 0;
  } finally {
    await handle.close();
  }
}

/** A PostgreSQL server to create a throwaway database on, or null. */
async function postgresAdminUrl(): Promise<string | null> {
  const candidates = [process.env.TEST_DATABASE_URL, 'postgres://postgres@127.0.0.1:5432/postgres'].filter((url): url is string => Boolean(url));
  for (const url of candidates) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      await client.end();
      return url;
    } catch {
      await client.end().catch(() => undefined);
    }
  }
  return null;
}

export async function run({ quick }: { quick: boolean }): Promise<Measurement[]> {
  if (!existsSync(entry)) {
    console.log('load: dist/server/entry.mjs is missing; run `npm run build` first.');
    return [];
  }
  const learners = Number(process.env.LTV_LOAD_LEARNERS) || (quick ? 50 : 200);
  const plan: Plan = quick ? { learners, warmUp: 200, paced: 3, bursts: 1, saturation: 3 } : { learners, warmUp: 600, paced: 10, bursts: 3, saturation: 10 };
  const measurements: Measurement[] = [];

  const dataDir = mkdtempSync(path.join(tmpdir(), 'ltv-load-'));
  try {
    measurements.push(...(await runAgainst('PGlite', { LTV_DATA_DIR: dataDir }, { kind: 'pglite', dataDir }, plan)));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }

  const admin = await postgresAdminUrl();
  if (!admin) {
    console.log('load: PostgreSQL skipped (no TEST_DATABASE_URL and nothing on 127.0.0.1:5432).');
    return measurements;
  }
  const name = `ltv_load_${randomBytes(4).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  try {
    measurements.push(...(await runAgainst('PostgreSQL', { DATABASE_URL: url.toString() }, { kind: 'postgres', url: url.toString() }, plan)));
  } finally {
    await client.query(`drop database if exists ${name} with (force)`);
    await client.end();
  }
  return measurements;
}
