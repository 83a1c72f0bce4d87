/**
 * The editor's autosave: edits are merged per target (the module, a lesson, a section), sent a
 * short while after typing stops, one request at a time, each naming the revision the previous
 * save returned. A 409 (saved elsewhere) stops saving and says so: the editor never overwrites
 * another tab's work. Pure: timers and sending are injected, so the rules are unit-tested.
 */
export type SaveState = 'saved' | 'dirty' | 'saving' | 'conflict' | 'error';

export type SendResult = { ok: true; revision: number } | { ok: false; conflict: boolean; message: string };

export interface AutosaveOptions {
  revision: number;
  /** Sends one target's merged fields with the revision; answers the new revision or why not. */
  send: (target: string, fields: Record<string, unknown>, revision: number) => Promise<SendResult>;
  onState: (state: SaveState, detail?: { revision: number; message?: string }) => void;
  delayMs?: number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export interface Autosave {
  /** Records an edit of `fields` on `target` (later values of a field replace earlier ones). */
  edit(target: string, fields: Record<string, unknown>): void;
  /** Sends everything pending now; resolves when nothing is pending or saving stopped. */
  flush(): Promise<void>;
  /** Runs `task` with the current revision after pending edits, in the same queue (publish, tests). */
  run<T>(task: (revision: number) => Promise<{ revision?: number; value: T }>): Promise<T>;
  revision(): number;
}

export function createAutosave(options: AutosaveOptions): Autosave {
  const { send, onState, delayMs = 800 } = options;
  const setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  let revision = options.revision;
  const pending = new Map<string, Record<string, unknown>>();
  let timer: unknown = null;
  let stopped = false;
  let chain: Promise<unknown> = Promise.resolve();

  const enqueue = <T>(task: () => Promise<T>): Promise<T> => {
    const next = chain.then(task);
    chain = next.catch(() => undefined);
    return next;
  };

  const sendPending = async () => {
    while (!stopped && pending.size > 0) {
      const [target, fields] = pending.entries().next().value!;
      pending.delete(target);
      onState('saving', { revision });
      const result = await send(target, fields, revision);
      if (result.ok) {
        revision = result.revision;
        continue;
      }
      // Keep the edit so nothing typed is lost from the page, but stop sending.
      pending.set(target, { ...fields, ...pending.get(target) });
      stopped = result.conflict;
      onState(result.conflict ? 'conflict' : 'error', { revision, message: result.message });
      return;
    }
    if (!stopped && pending.size === 0) onState('saved', { revision });
  };

  const flush = () => {
    if (timer !== null) clearTimer(timer);
    timer = null;
    return enqueue(sendPending);
  };

  return {
    edit(target, fields) {
      if (stopped) return;
      pending.set(target, { ...pending.get(target), ...fields });
      onState('dirty', { revision });
      if (timer !== null) clearTimer(timer);
      timer = setTimer(() => void flush(), delayMs);
    },
    flush,
    async run(task) {
      await flush();
      return enqueue(async () => {
        const result = await task(revision);
        if (result.revision !== undefined) revision = result.revision;
        return result.value;
      });
    },
    revision: () => revision,
  };
}
