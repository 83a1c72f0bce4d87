import { useStore } from '@nanostores/preact';
import type { Locale } from '../../../lib/i18n/locales.ts';
import { $saveState } from './editorStore.ts';
import { at } from './text.ts';

/** "Saved" / "Saving…" / "Unsaved changes", and what to do on a conflict or an error. */
export default function SaveStatus({ locale }: { locale: Locale }) {
  const { state, message, conflicts } = useStore($saveState);
  // A conflict outlasts later saves of other parts: it is resolved only by reloading.
  const shown = conflicts.length > 0 && state !== 'error' ? 'conflict' : state;
  const text =
    shown === 'conflict' ? at(locale, 'save.conflict') : shown === 'error' ? at(locale, 'save.error', { message: message ?? '' }) : at(locale, shown === 'saved' ? 'save.saved' : shown === 'saving' ? 'save.saving' : 'save.dirty');
  return (
    <p class={`save-status save-status--${shown}`} role="status" aria-live="polite" data-testid="save-status" data-state={shown}>
      {text}
    </p>
  );
}
