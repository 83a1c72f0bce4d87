import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { Attempt } from '../../../src/lib/quiz/attempt.ts';
import { parseBank } from '../../../src/lib/quiz/problems.ts';
import type { Bank } from '../../../src/lib/quiz/schema.ts';

export const repoRoot = path.resolve(import.meta.dirname, '../../..');
export const fixturesDir = path.join(import.meta.dirname, 'fixtures');

/** A YAML file parsed, not validated. */
export function readYaml(file: string): unknown {
  return parse(readFileSync(file, 'utf8'));
}

/** A bank file validated by the schema; throws with the problems otherwise. */
export function loadBank(file: string): Bank {
  const parsed = parseBank(readYaml(file), path.relative(repoRoot, file));
  if (!parsed.ok) throw new Error(parsed.problems.map((problem) => `${problem.questionId}: ${problem.field}: ${problem.message}`).join('\n'));
  return parsed.bank;
}

export const miniBank = (): Bank => loadBank(path.join(fixturesDir, 'mini.yaml'));
export const sampleBank = (): Bank => loadBank(path.join(repoRoot, 'src/content/quizzes/clv-formula.yaml'));

/** The display position of a bank option (or step) in an attempt. */
export function positionOf(attempt: Attempt, questionId: string, choiceId: string): number {
  const item = attempt.questions.find((question) => question.question.id === questionId);
  if (!item) throw new Error(`question ${questionId} not in the attempt`);
  const position = item.order.indexOf(choiceId);
  if (position < 0) throw new Error(`choice ${choiceId} not in question ${questionId}`);
  return position;
}

/** Every key and every primitive value of a JSON-like value, for "does the key leak" checks. */
export function walk(value: unknown, visit: (key: string | null, value: unknown) => void, key: string | null = null): void {
  visit(key, value);
  if (Array.isArray(value)) value.forEach((item) => walk(item, visit, null));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, visit, k);
}
