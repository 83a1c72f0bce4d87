import { existsSync, mkdtempSync, rmSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SegmentCache } from '../../../src/server/audio/cache.ts';

const DAY = 86_400_000;
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function cacheWith(entries: Record<string, number>): Promise<SegmentCache> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ltv-audio-cache-'));
  dirs.push(dir);
  const cache = new SegmentCache(dir);
  for (const [key, ageDays] of Object.entries(entries)) {
    await cache.write(key, new Uint8Array(10));
    const when = (Date.now() - ageDays * DAY) / 1000;
    utimesSync(cache.fileOf(key), when, when);
  }
  return cache;
}

describe('SegmentCache.prune', () => {
  it('deletes only old entries this run did not use', async () => {
    const cache = await cacheWith({ aa11: 60, aa22: 60, bb33: 2, cc44: 0 });
    const pruned = await cache.prune(new Set(['aa11', 'cc44']), 30 * DAY);
    expect(pruned).toEqual({ files: 1, bytes: 10 });
    expect(['aa11', 'aa22', 'bb33', 'cc44'].map((key) => existsSync(cache.fileOf(key)))).toEqual([true, false, true, true]);
  });

  it('clears temporary files an interrupted run left behind, once they are old', async () => {
    const cache = await cacheWith({ dd55: 1 });
    const leftover = `${cache.fileOf('dd55')}.123.abc.tmp`;
    writeFileSync(leftover, 'partial');
    const old = (Date.now() - 40 * DAY) / 1000;
    utimesSync(leftover, old, old);
    expect((await cache.prune(new Set(['dd55']), 30 * DAY)).files).toBe(1);
    expect(existsSync(leftover)).toBe(false);
  });

  it('is a no-op on a cache that does not exist yet or holds stray files', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ltv-audio-cache-'));
    dirs.push(dir);
    expect(await new SegmentCache(path.join(dir, 'missing')).prune(new Set(), 0)).toEqual({ files: 0, bytes: 0 });
    writeFileSync(path.join(dir, 'README'), 'not a shard');
    mkdirSync(path.join(dir, 'ab'));
    expect(await new SegmentCache(dir).prune(new Set(), 0)).toEqual({ files: 0, bytes: 0 });
  });
});
