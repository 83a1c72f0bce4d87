import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm, symlink, writeFile, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot } from './support/server.ts';

const run = promisify(execFile);

/** A throwaway copy of the project (node_modules linked) in which a lesson can be broken. */
async function projectCopy(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ltv-build-'));
  for (const entry of ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
    await cp(path.join(repoRoot, entry), path.join(dir, entry), { recursive: true });
  }
  await symlink(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'));
  return dir;
}

async function astro(dir: string, command: 'sync' | 'build'): Promise<{ ok: boolean; output: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['node_modules/astro/bin/astro.mjs', command], {
      cwd: dir,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    return { ok: true, output: stdout + stderr };
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${failure.stdout ?? ''}${failure.stderr ?? ''}` };
  }
}

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('an invalid lesson fails the build', () => {
  it('names the file and the field when a required field is missing', async () => {
    dir = await projectCopy();
    const lesson = path.join(dir, 'src/content/lessons/ja/what-is-ltv.mdx');
    const source = await readFile(lesson, 'utf8');
    await writeFile(lesson, source.replace(/^title: .*$/m, '').replace(/^module: .*$/m, 'module: sales-101'));
    const { ok, output } = await astro(dir, 'sync');
    expect(ok).toBe(false);
    expect(output).toContain('what-is-ltv');
    expect(output).toMatch(/title/);
    expect(output).toMatch(/module/);
  });

  it('names both files when two lessons share an order', async () => {
    dir = await projectCopy();
    const lesson = path.join(dir, 'src/content/lessons/en/sell-and-forget.mdx');
    await writeFile(lesson, (await readFile(lesson, 'utf8')).replace(/^order: .*$/m, 'order: 1'));
    const { ok, output } = await astro(dir, 'build');
    expect(ok).toBe(false);
    // Whichever of the two files is read first, the message names both.
    expect(output).toMatch(
      /src\/content\/lessons\/en\/(sell-and-forget|what-is-ltv)\.mdx: order 1 in module ltv-selling is already used by src\/content\/lessons\/en\/(what-is-ltv|sell-and-forget)\.mdx/,
    );
  });
});
