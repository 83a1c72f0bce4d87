/**
 * Bank problems as the author needs them: the file, the question id and the field, then what is
 * wrong. Schema issues (zod) are turned into the same shape by parseBank. Build-time code.
 */
import type { z } from 'zod';
import { type Bank, bankSchema } from './schema.ts';

export interface BankProblem {
  /** The bank file, e.g. `src/content/quizzes/clv-formula.yaml`. */
  file: string;
  /** The question concerned; null for the bank as a whole. */
  questionId: string | null;
  /** Path of the field inside the question (or the bank), e.g. `options[2].explanation.en`. */
  field: string;
  message: string;
}

/** `clv-formula.yaml: question "three-factors", field answer[1]: answer "e" is not among the options`. */
export function formatProblem(problem: BankProblem): string {
  const where = problem.questionId === null ? `field ${problem.field}` : `question "${problem.questionId}", field ${problem.field}`;
  return `${problem.file}: ${where}: ${problem.message}`;
}

/** `options[2].explanation.en` from a zod path. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '');
}

/** The id of questions[index] as written, even when the question itself is invalid. */
function writtenId(data: unknown, index: number): string {
  const questions = (data as { questions?: unknown } | null)?.questions;
  const id = Array.isArray(questions) ? (questions[index] as { id?: unknown } | undefined)?.id : undefined;
  return typeof id === 'string' && id !== '' ? id : `#${index + 1} (no id)`;
}

/** Turns one zod issue into a problem; refinement messages start with `question "id": `, dropped here. */
export function problemFromIssue(issue: z.core.$ZodIssue, data: unknown, file: string): BankProblem {
  const [head, index, ...rest] = issue.path;
  const message = issue.message.replace(/^question "[^"]*": /, '');
  // An unknown key is reported on its object; naming the key as the field reads better.
  const keys = issue.code === 'unrecognized_keys' ? issue.keys.slice(0, 1) : [];
  if (head === 'questions' && typeof index === 'number') {
    return { file, questionId: writtenId(data, index), field: fieldPath([...rest, ...keys]) || '(question)', message };
  }
  return { file, questionId: null, field: fieldPath([...issue.path, ...keys]) || '(bank)', message };
}

export type ParsedBank = { ok: true; bank: Bank } | { ok: false; problems: BankProblem[] };

/** Validates a bank read from its file (YAML or JSON already parsed). */
export function parseBank(data: unknown, file: string): ParsedBank {
  const result = bankSchema.safeParse(data);
  if (result.success) return { ok: true, bank: result.data };
  return { ok: false, problems: result.error.issues.map((issue) => problemFromIssue(issue, data, file)) };
}
