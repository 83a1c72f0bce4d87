import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bankProblems, checkBank } from '../../../src/lib/quiz/check.ts';
import { type BankProblem, formatProblem, parseBank } from '../../../src/lib/quiz/problems.ts';
import { fixturesDir, miniBank, readYaml } from './helpers.ts';

const FILE = 'tests/unit/quiz/fixtures/mini.yaml';
type Raw = any;
const raw = (): Raw => structuredClone(readYaml(path.join(fixturesDir, 'mini.yaml')));
const q = (data: Raw, id: string): Raw => data.questions.find((question: Raw) => question.id === id);

function schemaProblems(mutate: (data: Raw) => void): BankProblem[] {
  const data = raw();
  mutate(data);
  const parsed = parseBank(data, FILE);
  return parsed.ok ? [] : parsed.problems;
}

describe('bank schema: problems name the file, the question and the field', () => {
  it('accepts the fixture bank and applies the default pass mark', () => {
    const parsed = parseBank(raw(), FILE);
    expect(parsed.ok).toBe(true);
    expect(parsed.ok && parsed.bank.passMark).toBe(0.8);
  });

  it.each<[string, (data: Raw) => void, string, string, RegExp]>([
    ['unknown type', (d) => (q(d, 's1').type = 'essay'), 's1', 'type', /unknown type "essay": use one of single, multiple/],
    ['missing type', (d) => delete q(d, 's1').type, 's1', 'type', /missing type/],
    ['answer not among options', (d) => (q(d, 's1').answer = 'z'), 's1', 'answer', /answer "z" is not among the options \(a, b, c\)/],
    ['multiple: one answer not among options', (d) => (q(d, 'm1').answer = ['a', 'x']), 'm1', 'answer[1]', /"x" is not among/],
    ['scenario: answer not among options', (d) => (q(d, 'sc1').answer = 'c'), 'sc1', 'answer', /"c" is not among the options \(a, b\)/],
    ['missing English prompt', (d) => delete q(d, 'tf1').prompt.en, 'tf1', 'prompt.en', /missing English translation/],
    ['missing Japanese option text', (d) => delete q(d, 's1').options[1].text.ja, 's1', 'options[1].text.ja', /missing Japanese translation/],
    ['empty translation', (d) => (q(d, 'n1').explanation.en = '  '), 'n1', 'explanation.en', /empty English translation/],
    ['missing explanation', (d) => delete q(d, 'o1').explanation, 'o1', 'explanation', /missing text/],
    ['numeric without tolerance', (d) => delete q(d, 'n1').tolerance, 'n1', 'tolerance', /tolerance is required/],
    ['calculated without tolerance', (d) => delete q(d, 'c1').tolerance, 'c1', 'tolerance', /tolerance is required/],
    ['tolerance of the wrong shape', (d) => (q(d, 'n1').tolerance = { percent: 1 }), 'n1', 'tolerance', /absolute: n >= 0/],
    ['unknown unit', (d) => (q(d, 'n1').unit = 'USD'), 'n1', 'unit', /unit must be one of ¥, %/],
    ['misspelled field', (d) => (q(d, 'tf1').wrongExplanaton = q(d, 'tf1').wrongExplanation), 'tf1', 'wrongExplanaton', /Unrecognized key/],
    ['wrong option without explanation', (d) => delete q(d, 's1').options[2].explanation, 's1', 'options[2].explanation', /wrong option "c" needs an explanation/],
    ['duplicate option id', (d) => (q(d, 's1').options[2].id = 'b'), 's1', 'options[2].id', /duplicate option id "b"/],
    ['every option right', (d) => (q(d, 'm1').answer = ['a', 'b', 'c', 'd', 'e']), 'm1', 'answer', /every option is right/],
    ['duplicate step id', (d) => (q(d, 'o1').steps[3].id = 'one'), 'o1', 'steps[3].id', /duplicate step id "one"/],
    ['difficulty out of range', (d) => (q(d, 's1').difficulty = 4), 's1', 'difficulty', /4|<=|3/],
    ['section as a plain string', (d) => (q(d, 's1').section = 'ja-s1'), 's1', 'section', /.+/],
    ['section with #', (d) => (q(d, 's1').section.en = '#en-s1'), 's1', 'section.en', /without #/],
    ['unknown formula', (d) => (q(d, 'c1').formula = 'magic'), 'c1', 'formula', /formula must be one of simpleClv/],
    ['input mapped to no parameter', (d) => (q(d, 'c1').inputs.retentionYears = 'duration'), 'c1', 'inputs.retentionYears', /unknown parameter "duration"/],
    ['input the formula does not have', (d) => (q(d, 'c1').inputs.churn = 0.1), 'c1', 'inputs.churn', /has no input churn/],
    ['required input missing', (d) => delete q(d, 'c1').inputs.purchasesPerYear, 'c1', 'inputs', /needs input purchasesPerYear/],
    ['range not a whole number of steps', (d) => (q(d, 'c1').parameters.price.step = 700), 'c1', 'parameters.price.step', /not a whole number of steps/],
    ['max below min', (d) => (q(d, 'c1').parameters.years = { min: 8, max: 2, step: 1 }), 'c1', 'parameters.years.max', /below min/],
    ['duplicate question id', (d) => (q(d, 'm1').id = 's1'), 's1', 'id', /duplicate question id \(also questions\[0\]\)/],
  ])('%s', (_name, mutate, questionId, field, message) => {
    const problems = schemaProblems(mutate);
    const problem = problems.find((candidate) => candidate.questionId === questionId && candidate.field === field);
    expect(problem, JSON.stringify(problems, null, 2)).toBeDefined();
    expect(problem!.message).toMatch(message);
    expect(problem!.file).toBe(FILE);
    expect(formatProblem(problem!)).toBe(`${FILE}: question "${questionId}", field ${field}: ${problem!.message}`);
  });

  it('names a question without a valid id by its position', () => {
    const problems = schemaProblems((d) => delete q(d, 'tf1').id);
    expect(problems).toEqual([expect.objectContaining({ questionId: '#3 (no id)', field: 'id' })]);
  });

  it('reports bank-level fields without a question', () => {
    const problems = schemaProblems((d) => (d.passMark = 80));
    expect(problems).toEqual([expect.objectContaining({ questionId: null, field: 'passMark' })]);
    expect(formatProblem(problems[0]!)).toMatch(/^tests\/unit\/quiz\/fixtures\/mini\.yaml: field passMark: /);
  });

  it('reads a broken fixture file: duplicate ids and an answer that is no option, nothing else', () => {
    const file = 'tests/unit/quiz/fixtures/broken-duplicate.yaml';
    const problems = bankProblems(readYaml(path.join(fixturesDir, 'broken-duplicate.yaml')), file, { lessonObjectivesCount: 1 });
    expect(problems.map(formatProblem)).toEqual([
      `${file}: question "same", field answer: answer "e" is not among the options (a, b)`,
      `${file}: question "same", field id: duplicate question id (also questions[0])`,
    ]);
  });
});

describe('checkBank: rules that need the lesson or a computation', () => {
  const check = (mutate: (data: Raw) => void, options: Partial<Parameters<typeof checkBank>[1]> = {}) => {
    const data = raw();
    mutate(data);
    return bankProblems(data, FILE, { lessonObjectivesCount: 1, samples: 50, ...options });
  };

  it('finds nothing wrong with the fixture bank', () => {
    expect(checkBank(miniBank(), { lessonObjectivesCount: 1, file: FILE })).toEqual([]);
  });

  it.each<[string, (data: Raw) => void, Partial<Parameters<typeof checkBank>[1]>, string | null, string, RegExp]>([
    [
      'template answer not computable at a corner (CAC can be 0)',
      (d) => {
        const c1 = q(d, 'c1');
        c1.formula = 'ltvToCacRatio';
        c1.parameters = { clv: { min: 10000, max: 90000, step: 10000, format: 'yen' }, cac: { min: 0, max: 5000, step: 1000, format: 'yen' } };
        c1.inputs = { clv: 'clv', cac: 'cac' };
        c1.prompt = { ja: 'CLV {clv}、CAC {cac}', en: 'CLV {clv}, CAC {cac}' };
        c1.unit = '倍';
      },
      {},
      'c1',
      'formula',
      /ltvToCacRatio fails for clv=10000, cac=0: cac must be a finite number > 0/,
    ],
    [
      'template answer not computable inside the range (retention rate reaches 1)',
      (d) => {
        const c1 = q(d, 'c1');
        c1.formula = 'expectedLifetime';
        c1.parameters = { rate: { min: 0.5, max: 1, step: 0.1, format: 'percent' } };
        c1.inputs = { retentionRate: 'rate' };
        c1.prompt = { ja: '継続率{rate}', en: 'Retention {rate}' };
        c1.unit = '年';
      },
      {},
      'c1',
      'formula',
      /expectedLifetime fails for rate=1/,
    ],
    ['objective beyond the lesson', (d) => (q(d, 'o1').objective = 3), { lessonObjectivesCount: 2 }, 'o1', 'objective', /objective 3 does not exist: the lesson has 2 objectives \(0 to 1\)/],
    ['an objective without a question', () => {}, { lessonObjectivesCount: 2 }, null, 'questions', /no question covers objective 1/],
    [
      'a section that is no heading of the lesson',
      () => {},
      { lessonSections: { ja: ['ja-s1'], en: ['en-s1'] } },
      'm1',
      'section.ja',
      /no heading "ja-m1" in the ja lesson/,
    ],
    ['a placeholder that is no parameter', (d) => (q(d, 'c1').prompt.en += ' {price2}'), {}, 'c1', 'prompt.en', /placeholder \{price2\} is not a parameter/],
    ['a parameter the prompt does not show', (d) => (q(d, 'c1').prompt.ja = '単価{price}、年{frequency}回、{years}年'), {}, 'c1', 'prompt.ja', /parameter margin is not shown/],
    ['an explanation placeholder that is unknown', (d) => (q(d, 'c1').explanation.ja = '{total}'), {}, 'c1', 'explanation.ja', /\{total\} is neither a parameter nor \{answer\}/],
    ['a placeholder in a numeric question', (d) => (q(d, 'n1').prompt.ja = '{price}の場合'), {}, 'n1', 'prompt.ja', /only calculated questions fill placeholders/],
    ['a lesson id that is not the file name', (d) => (d.lesson = 'other'), {}, null, 'lesson', /lesson "other" must match the file name \(mini\)/],
  ])('%s', (_name, mutate, options, questionId, field, message) => {
    const problems = check(mutate, options);
    const problem = problems.find((candidate) => candidate.questionId === questionId && candidate.field === field);
    expect(problem, JSON.stringify(problems, null, 2)).toBeDefined();
    expect(problem!.message).toMatch(message);
    expect(problem!.file).toBe(FILE);
  });
});
