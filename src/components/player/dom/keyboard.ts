import { shortcutFor, type KeyTarget, type ShortcutAction } from '../../../lib/narration/browser/shortcuts.ts';

/** Marks the lesson paragraphs and the player, where space plays and pauses. */
export const NARRATION_ATTRIBUTE = 'data-narration-target';

/** What kind of element a key was pressed on (see KeyTarget). */
export function keyTarget(target: EventTarget | null): KeyTarget {
  if (!(target instanceof Element)) return 'other';
  if (target.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])')) return 'typing';
  if (target.closest('button, a[href], summary, [role="button"], [role="slider"], [role="menuitem"]')) return 'control';
  if (target.closest(`[${NARRATION_ATTRIBUTE}]`)) return 'narration';
  return 'other';
}

/** Listens for the player's shortcuts on the page; returns the function that stops listening. */
export function listenForShortcuts(run: (action: ShortcutAction) => boolean): () => void {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.isComposing) return;
    const action = shortcutFor({
      key: event.key,
      shiftKey: event.shiftKey,
      ctrlKey: event.ctrlKey,
      metaKey: event.metaKey,
      altKey: event.altKey,
      target: keyTarget(event.target),
    });
    if (action && run(action)) event.preventDefault();
  };
  document.addEventListener('keydown', onKeyDown);
  return () => document.removeEventListener('keydown', onKeyDown);
}
