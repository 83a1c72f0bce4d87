import { describe, expect, it } from 'vitest';
import { createProblemCollector, describeProblem, problemsCsv, relocateIssue } from '../../../src/lib/workbench/problems.ts';

describe('relocateIssue', () => {
  it('moves a batch row to the file row and strips the location from the reason', () => {
    const issue = { row: 5, column: '日付', code: 'invalid-date' as const, message: '5行目「日付」列: 日付として読めません（"x"）' };
    const problem = relocateIssue(issue, 100, 'error', 'ja');
    expect(problem).toEqual({ row: 105, column: '日付', code: 'invalid-date', severity: 'error', reason: '日付として読めません（"x"）' });
    expect(describeProblem(problem, 'ja')).toBe('105行目「日付」列: 日付として読めません（"x"）');
  });

  it('handles English and issues without a column', () => {
    const issue = { row: 3, code: 'too-few-columns' as const, message: 'Row 3: Too few columns (expected 3, found 2)' };
    expect(relocateIssue(issue, 10, 'error', 'en')).toMatchObject({ row: 13, column: '', reason: 'Too few columns (expected 3, found 2)' });
  });
});

describe('createProblemCollector', () => {
  it('lists up to the cap (errors first) and counts everything', () => {
    const collector = createProblemCollector(2);
    collector.add({ row: 2, column: 'a', code: 'negative-amount', severity: 'warning', reason: 'w' });
    collector.add({ row: 3, column: 'a', code: 'invalid-date', severity: 'error', reason: 'e' });
    collector.add({ row: 4, column: 'a', code: 'invalid-date', severity: 'error', reason: 'e' });
    collector.addUnlisted('invalid-amount', 'error', 5);
    expect(collector.room).toBe(0);
    const report = collector.report(100, 90);
    expect(report.list.map((p) => p.row)).toEqual([3, 2]);
    expect(report).toMatchObject({ errors: 7, warnings: 1, rowsSkipped: 10, truncated: true });
    expect(report.byCode).toEqual({ 'negative-amount': 1, 'invalid-date': 2, 'invalid-amount': 5 });
  });
});

describe('problemsCsv', () => {
  it('writes row, column, kind and reason with Japanese headers and a BOM', () => {
    const csv = problemsCsv([{ row: 12, column: '金額', code: 'invalid-amount', severity: 'error', reason: '金額として読めません（"abc,"）' }], 'ja');
    expect(csv).toBe('\uFEFF行,列,種類,理由\r\n12,金額,エラー（除外）,"金額として読めません（""abc,""）"\r\n');
  });
});
