import { describe, expect, it } from 'vitest';
import { createAutosave, type SaveState, type SendResult } from '../../../src/lib/authoring/autosave.ts';

function harness(answers: SendResult[] = []) {
  const sent: { target: string; fields: Record<string, unknown>; revision: number }[] = [];
  const states: SaveState[] = [];
  const timers: (() => void)[] = [];
  const autosave = createAutosave({
    revision: 1,
    send: async (target, fields, revision) => {
      sent.push({ target, fields, revision });
      return answers.shift() ?? { ok: true, revision: revision + 1 };
    },
    onState: (state) => states.push(state),
    setTimer: (run) => timers.push(run),
    clearTimer: () => undefined,
  });
  return { autosave, sent, states, timers };
}

describe('autosave', () => {
  it('merges edits per target and sends them in order, each with the revision the last save returned', async () => {
    const { autosave, sent, states } = harness();
    autosave.edit('section:a', { markdown: 'one' });
    autosave.edit('section:a', { markdown: 'two', spoken: 'x' });
    autosave.edit('module', { title: 'T' });
    await autosave.flush();
    expect(sent).toEqual([
      { target: 'section:a', fields: { markdown: 'two', spoken: 'x' }, revision: 1 },
      { target: 'module', fields: { title: 'T' }, revision: 2 },
    ]);
    expect(states.at(-1)).toBe('saved');
    expect(autosave.revision()).toBe(3);
  });

  it('stops on a conflict and never sends again (no silent overwrite)', async () => {
    const { autosave, sent, states } = harness([{ ok: false, conflict: true, message: 'edited-elsewhere' }]);
    autosave.edit('module', { title: 'Mine' });
    await autosave.flush();
    autosave.edit('module', { title: 'Mine again' });
    await autosave.flush();
    expect(sent).toHaveLength(1);
    expect(states.at(-1)).toBe('conflict');
  });

  it('keeps a failed edit pending and sends it with the next flush', async () => {
    const { autosave, sent, states } = harness([{ ok: false, conflict: false, message: 'network' }]);
    autosave.edit('lesson:1', { title: 'A' });
    await autosave.flush();
    expect(states.at(-1)).toBe('error');
    await autosave.flush();
    expect(sent.map((s) => s.fields)).toEqual([{ title: 'A' }, { title: 'A' }]);
    expect(states.at(-1)).toBe('saved');
  });

  it('runs a task (publish) after pending edits, with the newest revision', async () => {
    const { autosave } = harness();
    autosave.edit('module', { title: 'T' });
    const seen = await autosave.run(async (revision) => ({ revision: revision + 1, value: revision }));
    expect(seen).toBe(2);
    expect(autosave.revision()).toBe(3);
  });

  it('schedules a save after an edit (debounced through the timer)', async () => {
    const { autosave, sent, timers } = harness();
    autosave.edit('module', { title: 'T' });
    expect(sent).toHaveLength(0);
    timers.at(-1)!();
    await autosave.flush();
    expect(sent).toHaveLength(1);
  });
});
