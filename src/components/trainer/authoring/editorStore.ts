/**
 * The editor's state: the save indicator and the one autosave queue of the page (every save and
 * publish goes through it, so each names the revision the previous one returned).
 */
import { atom } from 'nanostores';
import { createAutosave, type Autosave, type SaveState } from '../../../lib/authoring/autosave.ts';
import { sendPatch } from './api.ts';

export const $saveState = atom<{ state: SaveState; message?: string }>({ state: 'saved' });

let current: Autosave | null = null;

export function startAutosave(moduleId: string, revision: number): Autosave {
  current = createAutosave({
    revision,
    send: (target, fields, rev) => sendPatch(moduleId, target, fields, rev),
    onState: (state, detail) => $saveState.set({ state, message: detail?.message }),
  });
  return current;
}

export function autosave(): Autosave {
  if (!current) throw new Error('the editor has not started its autosave');
  return current;
}
