import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../../..');

/** The production server (npm start): the adapter's handler with the security headers. */
export const serverEntry = path.join(repoRoot, 'src/server/http/serve.ts');

/**
 * The environment for a server or script a test spawns: the shell's, without its database choice
 * (a DATABASE_URL exported for development must not send a test's data to that database), plus
 * the test's own settings.
 */
export function spawnEnv(env: Record<string, string> = {}): NodeJS.ProcessEnv {
  const inherited: NodeJS.ProcessEnv = { ...process.env };
  delete inherited.DATABASE_URL;
  delete inherited.LTV_DATA_DIR;
  return { ...inherited, ...env };
}

/** A free TCP port on loopback, so parallel runs never collide. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface RunningServer {
  baseUrl: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts the built server (`npm run build` must have run) and waits until it answers. Without
 * DATABASE_URL or LTV_DATA_DIR in `env` it gets an empty PGlite directory of its own, removed on
 * stop (never the repository's ./data, which a developer's server may hold open).
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  const ownDataDir = env.DATABASE_URL || env.LTV_DATA_DIR ? undefined : mkdtempSync(path.join(tmpdir(), 'ltv-e2e-data-'));
  const child = spawn(process.execPath, [serverEntry], {
    cwd: repoRoot,
    env: spawnEnv({ HOST: '127.0.0.1', PORT: String(port), ...(ownDataDir ? { LTV_DATA_DIR: ownDataDir } : {}), ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (ownDataDir) child.once('exit', () => rmSync(ownDataDir, { recursive: true, force: true }));
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early (${child.exitCode}):\n${output}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not answer within 30 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    baseUrl,
    process: child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Creates trainer accounts in `dataDir` with the CLI a first user runs (`npm run trainer:create`). */
export function createTrainers(dataDir: string, trainers: readonly { email: string; password: string; name: string }[]): void {
  for (const { email, password, name } of trainers) {
    const created = spawnSync(process.execPath, ['scripts/trainer-create.ts', '--email', email, '--password', password, '--name', name], {
      cwd: repoRoot,
      env: spawnEnv({ LTV_DATA_DIR: dataDir }),
      encoding: 'utf8',
    });
    if (created.status !== 0) throw new Error(`trainer-create failed for ${email}: ${created.stderr}`);
  }
}
