/**
 * One process per PGlite folder: a second open (in this process or another) is refused with a
 * message naming the holder and what to do, while a lock left by a process that is gone (killed,
 * or an earlier life of a restarted container) is taken over at once.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/server/db/client.ts';
import { DataDirInUseError, LOCK_FILE } from '../../../src/server/db/dataDirLock.ts';
import { repoRoot, spawnEnv } from '../../e2e/support/server.ts';

let dir: string;
const lockFile = () => path.join(dir, LOCK_FILE);
const leaveLock = (pid: number, host = hostname()) => writeFileSync(lockFile(), JSON.stringify({ pid, host, since: '2026-12-05T00:00:00.000Z' }));

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ltv-lock-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the PGlite folder lock', () => {
  it('refuses a second open while the first is open, and allows it after close', async () => {
    const first = await openDatabase({ kind: 'pglite', dataDir: dir });
    expect(existsSync(lockFile())).toBe(true);
    const second = openDatabase({ kind: 'pglite', dataDir: dir });
    await expect(second).rejects.toThrow(DataDirInUseError);
    await expect(second).rejects.toThrow(`this process, pid ${process.pid}`);
    await first.close();
    expect(existsSync(lockFile())).toBe(false);
    const again = await openDatabase({ kind: 'pglite', dataDir: dir });
    await again.close();
  });

  it('stops another process (npm run sample-data beside a running server) with a message that says what to do', async () => {
    const server = await openDatabase({ kind: 'pglite', dataDir: dir });
    try {
      const run = spawnSync(process.execPath, ['scripts/sample-data.ts'], { cwd: repoRoot, env: spawnEnv({ LTV_DATA_DIR: dir }), encoding: 'utf8' });
      expect(run.status).not.toBe(0);
      const output = run.stdout + run.stderr;
      expect(output).toContain(`is open in another LTV Dojo process (pid ${process.pid} on ${hostname()})`);
      expect(output).toContain('Stop that process first');
      expect(output).toContain('DATABASE_URL');
    } finally {
      await server.close();
    }
  }, 60_000);

  it('takes over a lock left by a process that died (killed, no clean-up)', async () => {
    const gone = spawnSync(process.execPath, ['-e', 'process.exit(0)']);
    leaveLock(gone.pid!);
    const handle = await openDatabase({ kind: 'pglite', dataDir: dir });
    await handle.close();
  });

  it('takes over a lock naming this very pid (an earlier life of a restarted container, pid 1 again)', async () => {
    leaveLock(process.pid);
    const handle = await openDatabase({ kind: 'pglite', dataDir: dir });
    await handle.close();
  });

  it('respects a live holder, and a holder on another machine (a shared folder)', async () => {
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      leaveLock(holder.pid!);
      await expect(openDatabase({ kind: 'pglite', dataDir: dir })).rejects.toThrow(`pid ${holder.pid} on ${hostname()}`);
    } finally {
      holder.kill('SIGKILL');
      await new Promise((resolve) => holder.once('exit', resolve));
    }
    // Its holder gone, the same lock no longer counts.
    await (await openDatabase({ kind: 'pglite', dataDir: dir })).close();
    leaveLock(1, 'another-host.example');
    await expect(openDatabase({ kind: 'pglite', dataDir: dir })).rejects.toThrow(`delete ${lockFile()}`);
  });

  it('of several opens at once, exactly one gets the folder', async () => {
    const results = await Promise.allSettled(Array.from({ length: 4 }, () => openDatabase({ kind: 'pglite', dataDir: dir })));
    const opened = results.filter((result) => result.status === 'fulfilled');
    expect(opened).toHaveLength(1);
    expect(results.filter((result) => result.status === 'rejected').every((result) => (result as PromiseRejectedResult).reason instanceof DataDirInUseError)).toBe(true);
    await (opened[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof openDatabase>>>).value.close();
  });
});
