/**
 * Load: 200 learners submitting assigned tests at once to the built server on loopback
 * (autocannon, one connection per learner, each submitting its own attempts one after another).
 * Every request is a first submission: session check, grading on the server, and a transaction
 * that stores the result. Target: p95 < 100 ms on embedded PGlite with 0 errors (paced run). PostgreSQL runs too when
 * TEST_DATABASE_URL is set or a server answers on 127.0.0.1:5432; otherwise a note says why not.
 * Quick mode (CI): 50 learners. Needs `npm run build` first.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon, { type Client } from 'autocannon';
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
const entry = path.join(root, 'dist/server/entry.mjs');
const bank = bankSchema.parse(parse(readFileSync(path.join(root, 'src/content/quizzes/clv-formula.yaml'), 'utf8')));

interface Submission {
  path: string;
  body: string;
}
interface LearnerLoad {
  cookie: string;
  submissions: Submission[];
}

/** Learners, sessions and open attempts written straight into the database the server will use. */
async function seed(config: DatabaseConfig, learnerCount: number, attemptsEach: number): Promise<LearnerLoad[]> {
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
    for (let i = 0; i < learnerCount; i++) {
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

function percentile(sorted: readonly number[], p: number): number {
  return sorted.length ? (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number) : NaN;
}

/** One autocannon run: each connection is one learner sending its own submissions in turn. */
async function fire(origin: string, loads: LearnerLoad[], perLearner: number, overallRate: number | undefined) {
  const latencies: number[] = [];
  let nextLearner = 0;
  const result = await autocannon({
    url: origin,
    connections: loads.length,
    amount: loads.length * perLearner,
    ...(overallRate ? { overallRate } : {}),
    timeout: 10,
    method: 'POST',
    setupClient(client: Client) {
      const load = loads[nextLearner++ % loads.length]!;
      let index = 0;
      const send = () => {
        const submission = load.submissions[index++ % load.submissions.length]!;
        client.setRequest({ method: 'POST', path: submission.path, body: submission.body, headers: { cookie: load.cookie, origin, 'content-type': 'application/json' } });
      };
      send();
      client.on('response', (_status: number, _bytes: number, responseTime: number) => {
        latencies.push(responseTime);
        send();
      });
    },
  });
  latencies.sort((a, b) => a - b);
  return { latencies, errors: result.errors + result.timeouts + result.non2xx, requestsPerSecond: Math.round(result.requests.average) };
}

/**
 * Two runs per database. Paced: 200 open connections sending one submission per learner per
 * second in total (200 a second, spread evenly; far more than a class produces, as a test takes
 * minutes); the target applies here. Saturation: every learner submits again as soon as the last
 * reply arrives: the throughput ceiling, whose latency is queueing (200 in flight / throughput).
 * A paced run of GET /api/health (no database) gives the machine's own floor for comparison.
 */
async function runAgainst(label: string, env: Record<string, string>, config: DatabaseConfig, learnerCount: number, attemptsEach: number): Promise<Measurement[]> {
  // One more learner whose submissions warm the server up (route modules load on first use, the
  // JIT compiles the grader): a cold start is a deployment event, not the steady state measured here.
  const loads = await seed(config, learnerCount + 1, attemptsEach * 2);
  const warmUp = loads.pop() as LearnerLoad;
  const paced = loads.map((load) => ({ ...load, submissions: load.submissions.slice(0, attemptsEach) }));
  const saturated = loads.map((load) => ({ ...load, submissions: load.submissions.slice(attemptsEach) }));
  const port = await freePort();
  const child = spawn(process.execPath, [entry], { cwd: root, env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), LTV_SAMPLE_DATA: '0', ...env }, stdio: 'ignore' });
  const origin = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${origin}/api/auth/session`)).ok) break;
      } catch {
        if (i > 300) throw new Error('server did not start');
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const measurements: Measurement[] = [];
    for (let i = 0; i < warmUp.submissions.length; i += 10) {
      await Promise.all(
        warmUp.submissions.slice(i, i + 10).map((submission) =>
          fetch(origin + submission.path, { method: 'POST', headers: { cookie: warmUp.cookie, origin, 'content-type': 'application/json' }, body: submission.body }).then((response) => response.arrayBuffer()),
        ),
      );
    }
    const floor = await autocannon({ url: `${origin}/api/health`, connections: learnerCount, amount: learnerCount * attemptsEach, overallRate: learnerCount });
    measurements.push({
      name: `load: floor, GET /api/health paced, ${label} server`,
      runs: floor.requests.total,
      medianMs: floor.latency.p50,
      minMs: floor.latency.min,
      maxMs: floor.latency.max,
      extra: { p97_5Ms: floor.latency.p97_5, p99Ms: floor.latency.p99, errors: floor.errors + floor.timeouts + floor.non2xx },
    });
    for (const [mode, loadSet, rate] of [['paced', paced, learnerCount], ['saturation', saturated, undefined]] as const) {
      const { latencies, errors, requestsPerSecond } = await fire(origin, loadSet, attemptsEach, rate);
      const p95 = percentile(latencies, 95);
      measurements.push({
        name: `load: ${learnerCount} learners submitting, ${label}, ${mode}`,
        runs: latencies.length,
        medianMs: percentile(latencies, 50),
        minMs: latencies[0] ?? NaN,
        maxMs: latencies.at(-1) ?? NaN,
        extra: {
          p95Ms: p95.toFixed(1),
          p99Ms: percentile(latencies, 99).toFixed(1),
          errors,
          requestsPerSecond,
          ...(label === 'PGlite' && rate ? { target: 'p95<100ms, 0 errors', met: String(p95 < 100 && errors === 0) } : {}),
        },
      });
    }
    return measurements;
  } finally {
    const ended = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await ended;
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
  const learnerCount = Number(process.env.LTV_LOAD_LEARNERS) || (quick ? 50 : 200);
  const attemptsEach = quick ? 3 : 10;
  const measurements: Measurement[] = [];

  const dataDir = mkdtempSync(path.join(tmpdir(), 'ltv-load-'));
  try {
    measurements.push(...(await runAgainst('PGlite', { LTV_DATA_DIR: dataDir }, { kind: 'pglite', dataDir }, learnerCount, attemptsEach)));
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
    measurements.push(...(await runAgainst('PostgreSQL', { DATABASE_URL: url.toString() }, { kind: 'postgres', url: url.toString() }, learnerCount, attemptsEach)));
  } finally {
    await client.query(`drop database if exists ${name} with (force)`);
    await client.end();
  }
  return measurements;
}
