/** What a key press asks the player to do. */
export type ShortcutAction =
  | 'toggle'
  | 'next-sentence'
  | 'previous-sentence'
  | 'next-section'
  | 'previous-section'
  | 'faster'
  | 'slower';

/**
 * Where the key was pressed: `typing` in a text field, select or editable text (no shortcut
 * fires there); `control` on a button or link (space belongs to the control); `narration` on a
 * lesson paragraph or the player itself (space plays and pauses); `other` anywhere else (space
 * scrolls the page, as readers expect).
 */
export type KeyTarget = 'typing' | 'control' | 'narration' | 'other';

export interface KeyPress {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: KeyTarget;
}

/** The shortcuts, in the order the help lists them (YouTube's keys, which many people know). */
export const SHORTCUTS: readonly { keys: readonly string[]; action: ShortcutAction }[] = [
  { keys: ['K', 'Space'], action: 'toggle' },
  { keys: ['J'], action: 'previous-sentence' },
  { keys: ['L'], action: 'next-sentence' },
  { keys: ['Shift+J'], action: 'previous-section' },
  { keys: ['Shift+L'], action: 'next-section' },
  { keys: ['['], action: 'slower' },
  { keys: [']'], action: 'faster' },
];

/** The action for a key press, or nothing when the key is not a shortcut here. */
export function shortcutFor(press: KeyPress): ShortcutAction | undefined {
  if (press.target === 'typing' || press.ctrlKey || press.metaKey || press.altKey) return undefined;
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  switch (key) {
    case ' ':
      return press.target === 'narration' && !press.shiftKey ? 'toggle' : undefined;
    case 'k':
      return press.shiftKey ? undefined : 'toggle';
    case 'j':
      return press.shiftKey ? 'previous-section' : 'previous-sentence';
    case 'l':
      return press.shiftKey ? 'next-section' : 'next-sentence';
    case '[':
      return 'slower';
    case ']':
      return 'faster';
    default:
      return undefined;
  }
}
