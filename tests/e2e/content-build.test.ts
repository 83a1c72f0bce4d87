import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot } from './support/server.ts';

const run = promisify(execFile);

/**
 * A throwaway copy of the project in which a lesson can be broken. It lives inside the repo
 * (`.tmp/`, ignored) so that node_modules resolves by walking up, with the same real paths:
 * a symlinked node_modules confuses Astro's compile cache.
 */
const renderedAudio = path.join(repoRoot, 'public', 'audio');

async function projectCopy(): Promise<string> {
  await mkdir(path.join(repoRoot, '.tmp'), { recursive: true });
  const dir = await mkdtemp(path.join(repoRoot, '.tmp', 'build-'));
  for (const entry of ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
    // Not the rendered audio (tens of MB): these builds only check content errors.
    await cp(path.join(repoRoot, entry), path.join(dir, entry), { recursive: true, filter: (source) => !source.startsWith(renderedAudio) });
  }
  return dir;
}

async function astro(dir: string, command: 'sync' | 'build'): Promise<{ ok: boolean; output: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(repoRoot, 'node_modules/astro/bin/astro.mjs'), command], {
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
