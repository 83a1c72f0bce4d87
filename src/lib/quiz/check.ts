/**
 * Bank checks beyond the schema: rules that need the lesson (objective indices, heading ids,
 * every objective covered) or a computation (a calculated answer must be a finite number for
 * every value the parameters can take: all corners of the ranges plus seeded samples).
 * Run by the bank tests and available to a build step; each problem names file, question, field.
 */
import { createRng } from '../clv/random.ts';
import { DEFAULT_QUESTION_COUNT, isPracticeQuestion } from './attempt.ts';
import { LOCALES } from '../i18n/locales.ts';
import { computeFormula } from './formulas.ts';
import { drawParameters, parameterCorners, placeholdersIn } from './parameters.ts';
import { type BankProblem, parseBank } from './problems.ts';
import { hashString } from './random.ts';
import type { Bank, CalculatedQuestion, Question } from './schema.ts';

export interface CheckOptions {
  /** Number of objectives in the lesson's frontmatter; `objective` indices must be below it. */
  lessonObjectivesCount: number;
  /** Path shown in problems; default `src/content/quizzes/<lesson>.yaml`. Its name must be the lesson id. */
  file?: string;
  /** Heading ids of the lesson's sections per language; when given, every `section` must be one. */
  lessonSections?: Readonly<Record<'ja' | 'en', readonly string[]>>;
  /** Seeded draws per calculated question on top of the corners. Default 200. */
  samples?: number;
}

const shown = (values: Readonly<Record<string, number>>) =>
  Object.entries(values)
    .map(([name, value]) => `${name}=${value}`)
    .join(', ');

/** Placeholders must name parameters, and each parameter must appear in the prompt. */
function checkPlaceholders(question: CalculatedQuestion, report: (field: string, message: string) => void): void {
  const names = Object.keys(question.parameters);
  for (const locale of LOCALES) {
    const inPrompt = placeholdersIn(question.prompt[locale]);
    for (const name of inPrompt) if (!names.includes(name)) report(`prompt.${locale}`, `placeholder {${name}} is not a parameter (${names.join(', ')})`);
    for (const name of names) if (!inPrompt.includes(name)) report(`prompt.${locale}`, `parameter ${name} is not shown: add {${name}}`);
    for (const name of placeholdersIn(question.explanation[locale])) {
      if (name !== 'answer' && !names.includes(name)) report(`explanation.${locale}`, `placeholder {${name}} is neither a parameter nor {answer}`);
    }
  }
}

/** The formula must give a finite answer at every corner of the ranges and at seeded samples. */
function checkComputable(question: CalculatedQuestion, samples: number, report: (field: string, message: string) => void): void {
  const rng = createRng(hashString(question.id));
  const draws = [...parameterCorners(question.parameters), ...Array.from({ length: samples }, () => drawParameters(question.parameters, rng))];
  for (const values of draws) {
    let answer: number;
    try {
      answer = computeFormula(question.formula, question.inputs, values);
    } catch (error) {
      report('formula', `${question.formula} fails for ${shown(values)}: ${(error as Error).message}`);
      return;
    }
    if (!Number.isFinite(answer)) {
      report('formula', `${question.formula} gives ${answer} for ${shown(values)}: narrow the parameter ranges`);
      return;
    }
  }
}

/** Numeric and choice questions show their text as written: a `{name}` would appear literally. */
function checkNoPlaceholders(question: Question, report: (field: string, message: string) => void): void {
  for (const locale of LOCALES) {
    const names = placeholdersIn(question.prompt[locale]);
    if (names.length) report(`prompt.${locale}`, `placeholder {${names[0]}} in a ${question.type} question: only calculated questions fill placeholders`);
  }
}

/**
 * Assessment-only questions must leave self-study enough to ask: a full default quiz, and at
 * least one question per concept (mastery is tracked per concept, from self-study answers).
 */
function checkPracticePool(bank: Bank, file: string): BankProblem[] {
  const practice = bank.questions.filter(isPracticeQuestion);
  const problems: BankProblem[] = [];
  if (practice.length < DEFAULT_QUESTION_COUNT) {
    problems.push({
      file,
      questionId: null,
      field: 'questions',
      message: `only ${practice.length} questions are open to self-study (not assessmentOnly): keep at least ${DEFAULT_QUESTION_COUNT}`,
    });
  }
  for (const concept of new Set(bank.questions.map((question) => question.concept))) {
    if (!practice.some((question) => question.concept === concept)) {
      problems.push({ file, questionId: null, field: 'questions', message: `every question of concept ${concept} is assessmentOnly: keep one for self-study` });
    }
  }
  return problems;
}

/** Problems of a valid (schema-checked) bank against its lesson; empty when the bank is sound. */
export function checkBank(bank: Bank, options: CheckOptions): BankProblem[] {
  const file = options.file ?? `src/content/quizzes/${bank.lesson}.yaml`;
  const problems: BankProblem[] = [];
  const fileName = file.split('/').pop()?.replace(/\.(ya?ml|json)$/, '');
  if (fileName !== bank.lesson) {
    problems.push({ file, questionId: null, field: 'lesson', message: `lesson "${bank.lesson}" must match the file name (${fileName})` });
  }
  const covered = new Set<number>();
  for (const question of bank.questions) {
    const report = (field: string, message: string) => problems.push({ file, questionId: question.id, field, message });
    covered.add(question.objective);
    if (question.objective >= options.lessonObjectivesCount) {
      report('objective', `objective ${question.objective} does not exist: the lesson has ${options.lessonObjectivesCount} objectives (0 to ${options.lessonObjectivesCount - 1})`);
    }
    for (const locale of LOCALES) {
      const sections = options.lessonSections?.[locale];
      if (sections && !sections.includes(question.section[locale])) {
        report(`section.${locale}`, `no heading "${question.section[locale]}" in the ${locale} lesson (headings: ${sections.join(', ')})`);
      }
    }
    if (question.type === 'calculated') {
      checkPlaceholders(question, report);
      checkComputable(question, options.samples ?? 200, report);
    } else {
      checkNoPlaceholders(question, report);
    }
  }
  for (let objective = 0; objective < options.lessonObjectivesCount; objective++) {
    if (!covered.has(objective)) problems.push({ file, questionId: null, field: 'questions', message: `no question covers objective ${objective}` });
  }
  problems.push(...checkPracticePool(bank, file));
  return problems;
}

/** Schema problems of a bank file, or, when it parses, the checks above. */
export function bankProblems(data: unknown, file: string, options: Omit<CheckOptions, 'file'>): BankProblem[] {
  const parsed = parseBank(data, file);
  return parsed.ok ? checkBank(parsed.bank, { ...options, file }) : parsed.problems;
}
