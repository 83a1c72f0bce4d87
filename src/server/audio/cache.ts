import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Segment audio by cache key (a content hash, see segmentCacheKey): `<dir>/ab/abcdef….wav`.
 * Files are written to a temporary name and renamed, so an interrupted run never leaves a
 * half-written file under a real key.
 */
export class SegmentCache {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  fileOf(key: string): string {
    return path.join(this.dir, key.slice(0, 2), `${key}.wav`);
  }

  async has(key: string): Promise<boolean> {
    return stat(this.fileOf(key)).then((info) => info.size > 0, () => false);
  }

  async read(key: string): Promise<Uint8Array> {
    return new Uint8Array(await readFile(this.fileOf(key)));
  }

  async write(key: string, bytes: Uint8Array): Promise<void> {
    const file = this.fileOf(key);
    await mkdir(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    await writeFile(temporary, bytes);
    await rename(temporary, file);
  }

  /**
   * Deletes cached segments not in `keep` whose file is older than `olderThanMs`, and temporary
   * files left by interrupted runs. The age guard keeps a recent render with another engine or
   * voice (switching back costs nothing); without it the cache would only ever grow.
   */
  async prune(keep: ReadonlySet<string>, olderThanMs: number, now = Date.now()): Promise<{ files: number; bytes: number }> {
    let files = 0;
    let bytes = 0;
    const shards = await readdir(this.dir, { withFileTypes: true }).catch(() => []);
    for (const shard of shards) {
      if (!shard.isDirectory()) continue;
      const shardDir = path.join(this.dir, shard.name);
      for (const name of await readdir(shardDir)) {
        const file = path.join(shardDir, name);
        const info = await stat(file).catch(() => undefined);
        if (!info?.isFile() || now - info.mtimeMs < olderThanMs) continue;
        const key = name.endsWith('.wav') ? name.slice(0, -'.wav'.length) : undefined;
        if (key !== undefined && keep.has(key)) continue;
        await rm(file, { force: true });
        files += 1;
        bytes += info.size;
      }
    }
    return { files, bytes };
  }
}
