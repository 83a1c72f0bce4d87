import { spawn } from 'node:child_process';

/** A program that exited with an error: says which, how, and the end of what it wrote to stderr. */
export class ToolError extends Error {
  override name = 'ToolError';
}

/**
 * Runs `command` without a shell (text from lessons is never parsed as shell syntax), writes
 * `input` to its stdin and resolves with everything it wrote to stdout.
 */
export function runTool(command: string, args: readonly string[], input?: Uint8Array | string): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) => reject(new ToolError(`${command}: ${error.message}`)));
    child.on('close', (code, signal) => {
      if (code === 0) return resolve(new Uint8Array(Buffer.concat(out)));
      const stderr = Buffer.concat(err).toString('utf8').trim().split('\n').slice(-5).join('\n');
      reject(new ToolError(`${command} exited with ${signal ?? `code ${code}`}${stderr ? `: ${stderr}` : ''}`));
    });
    // A program that exits before reading all its input closes the pipe: its exit code says why.
    child.stdin.on('error', () => {});
    child.stdin.end(input ?? '');
  });
}
