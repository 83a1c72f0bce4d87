/**
 * The editor's autosave: edits are merged per target (the module title, the pronunciations, a
 * lesson title, a section), sent a short while after typing stops, one request at a time. Each
 * target has its own revision, so saving one never makes another look stale; a 409 means that
 * very thing was saved elsewhere: that target stops saving (the editor never overwrites another
 * tab's work, and the typed text stays on the page) while the others keep saving. Pure: timers
 * and sending are injected, so the rules are unit-tested.
 */
export type SaveState = 'saved' | 'dirty' | 'saving' | 'error';

/** Targets of the edits; `draft` is the whole draft's revision, which publishing names. */
export const editTarget = {
  draft: 'draft',
  title: 'module:title',
  pronunciations: 'module:pronunciations',
  lesson: (lessonId: string) => `lesson:${lessonId}`,
  questions: (lessonId: string) => `questions:${lessonId}`,
  section: (sectionId: string) => `section:${sectionId}`,
} as const;

/** What a save answers: the target's new revision and the draft's, or why not. */
export type SendResult = { ok: true; revision: number; draftRevision: number } | { ok: false; conflict: boolean; message: string };

export interface SaveReport {
  state: SaveState;
  /** Targets saved elsewhere since the page loaded: their edits stay on the page, unsent. */
  conflicts: readonly string[];
  message?: string;
}

export interface AutosaveOptions {
  /** The revision of every target as the page loaded it (see `editTarget`). */
  revisions: Readonly<Record<string, number>>;
  /** Sends one target's merged fields with that target's revision. */
  send: (target: string, fields: Record<string, unknown>, revision: number) => Promise<SendResult>;
  onState: (report: SaveReport) => void;
  delayMs?: number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

/** What a task run in the queue answers: its target's new revision and the draft's, when saved. */
export interface TaskResult<T> {
  revision?: number;
  draftRevision?: number;
  value: T;
}

export interface Autosave {
  /** Records an edit of `fields` on `target` (later values of a field replace earlier ones). */
  edit(target: string, fields: Record<string, unknown>): void;
  /** Sends everything pending now; resolves when nothing sendable is pending or saving failed. */
  flush(): Promise<void>;
  /** Runs `task` with `target`'s revision after pending edits, in the same queue (publish, tests). */
  run<T>(target: string, task: (revision: number) => Promise<TaskResult<T>>): Promise<T>;
  revision(target: string): number;
}

export function createAutosave(options: AutosaveOptions): Autosave {
  const { send, onState, delayMs = 800 } = options;
  const setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  const revisions = new Map(Object.entries(options.revisions));
  const pending = new Map<string, Record<string, unknown>>();
  const conflicts = new Set<string>();
  let timer: unknown = null;
  let chain: Promise<unknown> = Promise.resolve();

  const report = (state: SaveState, message?: string) => onState({ state, conflicts: [...conflicts], message });
  const revisionOf = (target: string) => revisions.get(target) ?? 1;
  const accept = (target: string, result: { revision?: number; draftRevision?: number }) => {
    if (result.revision !== undefined) revisions.set(target, result.revision);
    if (result.draftRevision !== undefined) revisions.set(editTarget.draft, result.draftRevision);
  };
  const sendable = () => [...pending].find(([target]) => !conflicts.has(target));

  const enqueue = <T>(task: () => Promise<T>): Promise<T> => {
    const next = chain.then(task);
    chain = next.catch(() => undefined);
    return next;
  };

  const sendPending = async () => {
    for (let next = sendable(); next; next = sendable()) {
      const [target, fields] = next;
      pending.delete(target);
      report('saving');
      const result = await send(target, fields, revisionOf(target));
      if (result.ok) {
        accept(target, result);
        continue;
      }
      // Keep the edit (with anything typed meanwhile) so nothing is lost from the page.
      pending.set(target, { ...fields, ...pending.get(target) });
      if (result.conflict) {
        conflicts.add(target);
        continue;
      }
      report('error', result.message);
      return;
    }
    // Whatever is still pending was saved elsewhere first: the report's conflicts say so.
    report('saved');
  };

  const flush = () => {
    if (timer !== null) clearTimer(timer);
    timer = null;
    return enqueue(sendPending);
  };

  return {
    edit(target, fields) {
      pending.set(target, { ...pending.get(target), ...fields });
      if (conflicts.has(target)) return;
      report('dirty');
      if (timer !== null) clearTimer(timer);
      timer = setTimer(() => void flush(), delayMs);
    },
    flush,
    async run(target, task) {
      await flush();
      return enqueue(async () => {
        const result = await task(revisionOf(target));
        accept(target, result);
        return result.value;
      });
    },
    revision: revisionOf,
  };
}
