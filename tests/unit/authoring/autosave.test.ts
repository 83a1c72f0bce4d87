import { describe, expect, it } from 'vitest';
import { createAutosave, editTarget, type SaveReport, type SendResult } from '../../../src/lib/authoring/autosave.ts';

const A = editTarget.section('a');
const B = editTarget.section('b');

/** Each target starts at revision 1 and the draft at 5; a save answers its revision + 1 and draft + 1. */
function harness(answers: SendResult[] = []) {
  const sent: { target: string; fields: Record<string, unknown>; revision: number }[] = [];
  const reports: SaveReport[] = [];
  const timers: (() => void)[] = [];
  let draft = 5;
  const autosave = createAutosave({
    revisions: { [editTarget.draft]: draft, [A]: 1, [B]: 1, [editTarget.title]: 1 },
    send: async (target, fields, revision) => {
      sent.push({ target, fields, revision });
      return answers.shift() ?? { ok: true, revision: revision + 1, draftRevision: ++draft };
    },
    onState: (report) => reports.push(report),
    setTimer: (run) => timers.push(run),
    clearTimer: () => undefined,
  });
  return { autosave, sent, reports, timers };
}

const conflict: SendResult = { ok: false, conflict: true, message: 'edited-elsewhere' };

describe('autosave', () => {
  it('merges edits per target and sends each with its own revision (two sections never look stale)', async () => {
    const { autosave, sent, reports } = harness();
    autosave.edit(A, { markdown: 'one' });
    autosave.edit(A, { markdown: 'two', spoken: 'x' });
    autosave.edit(B, { markdown: 'b' });
    autosave.edit(editTarget.title, { title: 'T' });
    await autosave.flush();
    expect(sent).toEqual([
      { target: A, fields: { markdown: 'two', spoken: 'x' }, revision: 1 },
      { target: B, fields: { markdown: 'b' }, revision: 1 },
      { target: editTarget.title, fields: { title: 'T' }, revision: 1 },
    ]);
    expect(reports.at(-1)).toEqual({ state: 'saved', conflicts: [], message: undefined });
    expect([autosave.revision(A), autosave.revision(B), autosave.revision(editTarget.draft)]).toEqual([2, 2, 8]);
  });

  it('a second save of the same section names the revision the first one returned', async () => {
    const { autosave, sent } = harness();
    autosave.edit(A, { markdown: 'one' });
    await autosave.flush();
    autosave.edit(A, { markdown: 'two' });
    await autosave.flush();
    expect(sent.map((s) => s.revision)).toEqual([1, 2]);
  });

  it('on a conflict stops sending only that target, keeps its text pending, and keeps saving the others', async () => {
    const { autosave, sent, reports } = harness([conflict]);
    autosave.edit(A, { markdown: 'mine' });
    autosave.edit(B, { markdown: 'other' });
    await autosave.flush();
    autosave.edit(A, { markdown: 'mine again' });
    autosave.edit(B, { markdown: 'other again' });
    await autosave.flush();
    expect(sent.map((s) => [s.target, s.fields.markdown])).toEqual([
      [A, 'mine'],
      [B, 'other'],
      [B, 'other again'],
    ]);
    expect(reports.at(-1)).toMatchObject({ state: 'saved', conflicts: [A] });
  });

  it('keeps a failed edit pending and sends it with the next flush', async () => {
    const { autosave, sent, reports } = harness([{ ok: false, conflict: false, message: 'network' }]);
    autosave.edit(editTarget.lesson('1'), { title: 'A' });
    await autosave.flush();
    expect(reports.at(-1)).toMatchObject({ state: 'error', message: 'network' });
    await autosave.flush();
    expect(sent.map((s) => s.fields)).toEqual([{ title: 'A' }, { title: 'A' }]);
    expect(reports.at(-1)?.state).toBe('saved');
  });

  it('runs a task (publish) after pending edits, with the newest draft revision', async () => {
    const { autosave } = harness();
    autosave.edit(editTarget.title, { title: 'T' });
    const seen = await autosave.run(editTarget.draft, async (revision) => ({ revision: revision + 1, value: revision }));
    expect(seen).toBe(6);
    expect(autosave.revision(editTarget.draft)).toBe(7);
  });

  it('a task on a target (a test) updates that target and the draft revision', async () => {
    const { autosave } = harness();
    const questions = editTarget.questions('1');
    await autosave.run(questions, async (revision) => ({ revision: revision + 1, draftRevision: 9, value: undefined }));
    expect([autosave.revision(questions), autosave.revision(editTarget.draft)]).toEqual([2, 9]);
  });

  it('schedules a save after an edit (debounced through the timer)', async () => {
    const { autosave, sent, timers } = harness();
    autosave.edit(editTarget.title, { title: 'T' });
    expect(sent).toHaveLength(0);
    timers.at(-1)!();
    await autosave.flush();
    expect(sent).toHaveLength(1);
  });
});
