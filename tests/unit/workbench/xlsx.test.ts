import { describe, expect, it } from 'vitest';
import { sheetToTsv } from '../../../src/lib/workbench/xlsx.ts';

describe('sheetToTsv', () => {
  it('writes dates as calendar days, numbers plainly, and quotes cells with tabs or quotes', () => {
    const tsv = sheetToTsv([
      ['顧客ID', '日付', '金額', 'メモ'],
      ['C001', new Date(Date.UTC(2025, 3, 1)), 5000, null],
      ['C002', new Date(Date.UTC(2025, 3, 2, 23, 30)), 1200.5, 'a\tb "c"'],
      [true, undefined, Number.NaN, ''],
    ]);
    expect(tsv).toBe('顧客ID\t日付\t金額\tメモ\nC001\t2025-04-01\t5000\t\nC002\t2025-04-02\t1200.5\t"a\tb ""c"""\nTRUE\t\t\t');
  });
});
