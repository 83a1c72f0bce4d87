import { useStore } from '@nanostores/preact';
import type { Locale } from '../../../lib/i18n/locales.ts';
import { $saveState } from './editorStore.ts';
import { at } from './text.ts';

/** "Saved" / "Saving…" / "Unsaved changes", and what to do on a conflict or an error. */
export default function SaveStatus({ locale }: { locale: Locale }) {
  const { state, message } = useStore($saveState);
  const text =
    state === 'conflict' ? at(locale, 'save.conflict') : state === 'error' ? at(locale, 'save.error', { message: message ?? '' }) : at(locale, state === 'saved' ? 'save.saved' : state === 'saving' ? 'save.saving' : 'save.dirty');
  return (
    <p class={`save-status save-status--${state}`} role="status" aria-live="polite" data-testid="save-status" data-state={state}>
      {text}
    </p>
  );
}
