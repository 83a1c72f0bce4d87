import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Gives `write` a fresh file path and returns what was written there. Engines write WAV to a
 * file, not to stdout: Node's stdio pipes are sockets, which `/dev/stdout` cannot be reopened on.
 */
export async function readWrittenFile(name: string, write: (file: string) => Promise<unknown>): Promise<Uint8Array> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ltv-audio-'));
  try {
    const file = path.join(dir, name);
    await write(file);
    return new Uint8Array(await readFile(file));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
