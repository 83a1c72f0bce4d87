/**
 * Keyboard answering, documented on screen: 1–9 pick an option (true-false: 1 true, 2 false),
 * Enter confirms (practice: check, then next; test: next). Pure: the island passes the key and
 * where the focus is, and applies the action.
 */
import type { LearnerQuestion } from '../view.ts';

export type QuizKeyAction = { kind: 'choose'; position: number } | { kind: 'true-false'; value: boolean } | { kind: 'confirm' };

export interface KeyInput {
  key: string;
  /** Ctrl, Alt or Meta held: the browser's shortcut, not ours. */
  withModifier: boolean;
  /** An IME is composing: Enter commits the Japanese conversion, it must not confirm the answer. */
  composing: boolean;
  /** Focus in a text field: digits are typed, Enter confirms the typed answer. */
  inTextField: boolean;
  /** Focus on a button, link or select: Enter and Space keep their own meaning. */
  onControl: boolean;
}

const FULL_WIDTH_ONE = '１'.charCodeAt(0);

/** 0 for `1`, 8 for `9` (full-width digits too, typed with a Japanese IME on); null otherwise. */
export function positionFromKey(key: string): number | null {
  if (/^[1-9]$/.test(key)) return Number(key) - 1;
  const code = key.length === 1 ? key.charCodeAt(0) - FULL_WIDTH_ONE : -1;
  return code >= 0 && code <= 8 ? code : null;
}

/** What a key press does on this question, or null to let the browser handle it. */
export function quizKeyAction(input: KeyInput, question: LearnerQuestion | undefined, locked: boolean): QuizKeyAction | null {
  if (input.withModifier || input.composing || !question) return null;
  if (input.key === 'Enter') return input.onControl ? null : { kind: 'confirm' };
  if (input.inTextField || locked) return null;
  const position = positionFromKey(input.key);
  if (position === null) return null;
  if (question.type === 'true-false') return position <= 1 ? { kind: 'true-false', value: position === 0 } : null;
  const count = question.options?.length ?? 0;
  return position < count ? { kind: 'choose', position } : null;
}
