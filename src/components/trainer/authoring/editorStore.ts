/**
 * The editor's state: the save indicator and the one autosave queue of the page (every save and
 * publish goes through it, each naming the revision of the thing it changes).
 */
import { atom } from 'nanostores';
import { createAutosave, type Autosave, type SaveReport } from '../../../lib/authoring/autosave.ts';
import { sendPatch } from './api.ts';

export const $saveState = atom<SaveReport>({ state: 'saved', conflicts: [] });

let current: Autosave | null = null;

export function startAutosave(moduleId: string, revisions: Readonly<Record<string, number>>): Autosave {
  $saveState.set({ state: 'saved', conflicts: [] });
  current = createAutosave({
    revisions,
    send: (target, fields, revision) => sendPatch(moduleId, target, fields, revision),
    onState: (report) => $saveState.set(report),
  });
  return current;
}

export function autosave(): Autosave {
  if (!current) throw new Error('the editor has not started its autosave');
  return current;
}
