import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
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
}
