/** Where the pipeline reports how far it is: a bar on a terminal, plain lines in CI and logs. */
export interface ProgressReporter {
  /** A new phase with `total` steps: `synthesize 312 segments`, `join 24 lessons`. */
  start(phase: string, total: number): void;
  /** One step done; `label` says which. */
  tick(label: string): void;
  /** The phase is over. */
  done(): void;
  /** A line that must not be overwritten by the bar (a warning, a failure). */
  log(line: string): void;
}

export const silentProgress: ProgressReporter = { start() {}, tick() {}, done() {}, log() {} };

interface Stream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

/**
 * A bar redrawn in place when `stream` is a terminal and CI is not set; otherwise one line at
 * every tenth of a phase, so a CI log shows progress without thousands of lines.
 */
export function createProgress(stream: Stream = process.stderr, env: NodeJS.ProcessEnv = process.env): ProgressReporter {
  const interactive = stream.isTTY === true && !env.CI;
  let phase = '';
  let total = 0;
  let count = 0;
  let started = 0;
  let lastTenth = 0;
  const clear = () => interactive && stream.write('\r\x1b[2K');

  return {
    start(name, steps) {
      phase = name;
      total = steps;
      count = 0;
      lastTenth = 0;
      started = performance.now();
      if (!interactive) stream.write(`${phase}: ${total} to do\n`);
    },
    tick(label) {
      count++;
      if (interactive) {
        const width = 24;
        const filled = total === 0 ? width : Math.round((count / total) * width);
        const line = `${phase} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${count}/${total} ${label}`;
        clear();
        stream.write(line.slice(0, Math.max(20, (stream.columns ?? 100) - 1)));
        return;
      }
      const tenth = total === 0 ? 10 : Math.floor((count / total) * 10);
      if (tenth > lastTenth) {
        lastTenth = tenth;
        stream.write(`${phase}: ${count}/${total} (${Math.round((count / Math.max(total, 1)) * 100)}%) ${label}\n`);
      }
    },
    done() {
      clear();
      if (total > 0) stream.write(`${phase}: ${count}/${total} done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    },
    log(line) {
      clear();
      stream.write(`${line}\n`);
    },
  };
}
