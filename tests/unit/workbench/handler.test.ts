import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorkbenchHandler, type HandlerDeps } from '../../../src/lib/workbench/handler.ts';
import { layoutOf, type AnalyzeRequest, type WorkbenchResponse, type WorkbenchSource } from '../../../src/lib/workbench/protocol.ts';
import { generateSample, SAMPLE_OPTIONS, sampleCsv } from '../../../src/lib/workbench/sampleData.ts';
import type { SourcePreview } from '../../../src/lib/workbench/source.ts';

/** The handler with a recording `post`, driven without a Worker. */
function harness(deps: Partial<HandlerDeps> = {}) {
  const messages: Array<{ message: WorkbenchResponse; transfer: Transferable[] }> = [];
  const { handle } = createWorkbenchHandler((message, transfer = []) => messages.push({ message, transfer }), {
    readSheet: async () => {
      throw new Error('no sheet reader in this test');
    },
    ...deps,
  });
  const of = <T extends WorkbenchResponse['type']>(type: T) =>
    messages.filter((entry) => entry.message.type === type).map((entry) => entry.message as Extract<WorkbenchResponse, { type: T }>);
  return { handle, messages, of };
}

const csvFile = (text: string, name = 'data.csv') => ({ kind: 'file', file: new File([new TextEncoder().encode(text)], name), name }) as const;
const sample = sampleCsv(generateSample({ ...SAMPLE_OPTIONS, customers: 300 }));

function analyzeRequest(job: number, source: WorkbenchSource, preview: SourcePreview, overrides: Partial<AnalyzeRequest> = {}): AnalyzeRequest {
  const { customerId, date, amount } = preview.suggestion.columns;
  return {
    type: 'analyze',
    job,
    source,
    columns: { customerId: customerId!, date: date!, amount: amount! },
    hasHeader: preview.suggestion.hasHeader,
    layout: layoutOf(preview),
    locale: 'ja',
    today: '2026-11-25',
    discountRatePerYear: 0.1,
    ...overrides,
  };
}

describe('the worker protocol', () => {
  it('inspect answers a preview with the guessed columns, under the same job number', async () => {
    const { handle, of } = harness();
    await handle({ type: 'inspect', job: 7, source: csvFile(sample) });
    const [preview] = of('preview');
    expect(preview!.job).toBe(7);
    expect(preview!.preview.suggestion.columns).toEqual({ customerId: 1, date: 2, amount: 5 });
  });

  it('analyze reports progress, then the result (buffers transferred), then monitoring and the fit check', async () => {
    const { handle, messages, of } = harness();
    const source = csvFile(sample);
    await handle({ type: 'inspect', job: 1, source });
    await handle(analyzeRequest(2, source, of('preview')[0]!.preview));
    const types = messages.slice(1).map((entry) => entry.message.type);
    expect(types.slice(-3)).toEqual(['result', 'monitoring', 'fit-check']);
    expect(types.slice(0, -3).every((type) => type === 'progress')).toBe(true);
    const stages = of('progress').map((message) => message.progress.stage);
    expect(stages).toEqual(['reading', 'summarizing', 'fitting', 'predicting']);
    const result = messages.find((entry) => entry.message.type === 'result')!;
    expect(result.message.job).toBe(2);
    // Typed arrays go as transferables, not copies.
    expect(result.transfer.length).toBeGreaterThanOrEqual(11);
    const { result: analysis } = of('result')[0]!;
    expect(analysis.overview.customers).toBe(300);
    expect(analysis.model.spendUsable).toBe(true);
    expect(analysis.problems.byCode['negative-amount'] ?? 0).toBeGreaterThanOrEqual(0);
    expect(of('fit-check')[0]!.check.calibrationEnd).toBe(analysis.calibration.default);
  });

  it('re-discounts and re-checks the last analysis without reading again', async () => {
    const { handle, of } = harness();
    const source = csvFile(sample);
    await handle({ type: 'inspect', job: 1, source });
    await handle(analyzeRequest(2, source, of('preview')[0]!.preview));
    const before = of('result')[0]!.result;
    await handle({ type: 'discount', job: 2, discountRatePerYear: 0.3 });
    const [discounted] = of('discounted');
    expect(discounted!.discountRatePerYear).toBe(0.3);
    expect(discounted!.clv12).toHaveLength(before.overview.customers);
    expect(discounted!.best).toHaveLength(20);
    await handle({ type: 'check', job: 2, calibrationEnd: '2025-06-30' });
    expect(of('fit-check').at(-1)!.check.calibrationEnd).toBe('2025-06-30');
  });

  it('answers no-session when there is no analysis to change', async () => {
    const { handle, of } = harness();
    await handle({ type: 'discount', job: 3, discountRatePerYear: 0.1 });
    await handle({ type: 'check', job: 4, calibrationEnd: '2025-01-01' });
    expect(of('failed').map((message) => [message.job, message.failure])).toEqual([
      [3, 'no-session'],
      [4, 'no-session'],
    ]);
  });

  it.each([
    ['an empty file', '', 'empty-file'],
    ['a header only', '顧客ID,日付,金額\n', 'header-only'],
  ])('inspect refuses %s with its own failure', async (_, text, failure) => {
    const { handle, of } = harness();
    await handle({ type: 'inspect', job: 1, source: csvFile(text) });
    expect(of('failed')[0]).toMatchObject({ job: 1, failure });
  });

  it('analyze of a file where no row is usable fails with the row problems', async () => {
    const { handle, of } = harness();
    const source = csvFile('顧客ID,日付,金額\nA,yesterday,100\nB,2025-04-01,abc\n,2025-04-02,5\n');
    await handle({ type: 'inspect', job: 1, source });
    await handle(analyzeRequest(2, source, of('preview')[0]!.preview));
    const [failed] = of('failed');
    expect(failed).toMatchObject({ job: 2, failure: 'no-rows' });
    expect(failed!.problems!.list.map((problem) => [problem.row, problem.column, problem.code])).toEqual([
      [2, '日付', 'invalid-date'],
      [3, '金額', 'invalid-amount'],
      [4, '顧客ID', 'empty-customer-id'],
    ]);
  });

  // Every row that does not reach a customer is counted as left out, with its reason by kind.
  it.each([
    [
      'a 0-yen purchase is used; a refund without any purchase and a future date are left out',
      '顧客ID,日付,金額\nA,2025-04-01,1000\nB,2025-04-02,0\nC,2025-04-03,-300\nC,2025-04-04,-200\nA,2099-01-01,500\nA,bad,5\n',
      { rowsRead: 6, rowsUsed: 2, rowsSkipped: 4 },
      { 'negative-amount': 2, 'refund-only': 1, 'after-observation-end': 1, 'invalid-date': 1 },
    ],
    [
      'only 0-yen purchases: every row is used',
      '顧客ID,日付,金額\nA,2025-04-01,0\nB,2025-04-02,0\n',
      { rowsRead: 2, rowsUsed: 2, rowsSkipped: 0 },
      {},
    ],
  ])('analyze counts the rows: %s', async (_name, text, counts, byCode) => {
    const { handle, of } = harness();
    const source = csvFile(text);
    await handle({ type: 'inspect', job: 1, source });
    await handle(analyzeRequest(2, source, of('preview')[0]!.preview));
    const [answer] = of('result');
    expect(answer!.result.problems).toMatchObject(counts);
    expect(answer!.result.problems.byCode).toEqual(byCode);
    expect(answer!.result.overview.transactions).toBe(counts.rowsUsed);
  });

  it('analyze of refunds only fails with no-purchases and counts no row as used', async () => {
    const { handle, of } = harness();
    const source = csvFile('顧客ID,日付,金額\nA,2025-04-01,-100\nB,2025-04-02,-5\n');
    await handle({ type: 'inspect', job: 1, source });
    await handle(analyzeRequest(2, source, of('preview')[0]!.preview));
    const [failed] = of('failed');
    expect(failed).toMatchObject({ job: 2, failure: 'no-purchases', problems: { rowsRead: 2, rowsUsed: 0, rowsSkipped: 2 } });
  });

  it('reads an .xlsx through the injected sheet reader, as tab-separated text', async () => {
    const zip = new File([Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0])], 'book.xlsx');
    let reads = 0;
    const rows = [['顧客ID', '日付', '金額'], ...Array.from({ length: 40 }, (_, i) => [`C${i % 25}`, new Date(Date.UTC(2025, i % 12, 1 + (i % 27))), 1000 + i])];
    const { handle, of } = harness({
      readSheet: async () => {
        reads++;
        return rows;
      },
    });
    const source = { kind: 'file', file: zip, name: 'book.xlsx' } as const;
    await handle({ type: 'inspect', job: 1, source });
    const preview = of('preview')[0]!.preview;
    expect(preview).toMatchObject({ format: 'xlsx', encoding: 'xlsx', delimiter: '\t' });
    expect(preview.sampleRows[0]).toEqual(['C0', '2025-01-01', '1000']);
    await handle(analyzeRequest(2, source, preview));
    expect(of('result')[0]!.result).toMatchObject({ format: 'xlsx', overview: { customers: 25, transactions: 40 } });
    expect(reads).toBe(1); // read once, reused for the analysis
  });

  it('an unreadable workbook fails with unreadable-xlsx', async () => {
    const { handle, of } = harness();
    const zip = new File([Uint8Array.from([0x50, 0x4b, 0x03, 0x04])], 'broken.xlsx');
    await handle({ type: 'inspect', job: 1, source: { kind: 'file', file: zip, name: 'broken.xlsx' } });
    expect(of('failed')[0]).toMatchObject({ failure: 'unreadable-xlsx' });
  });

  it('reads pasted text and the Shift_JIS fixture', async () => {
    const { handle, of } = harness();
    await handle({ type: 'inspect', job: 1, source: { kind: 'text', text: '顧客ID\t日付\t金額\nA\t2025/4/1\t1,000', name: 'paste' } });
    expect(of('preview')[0]!.preview).toMatchObject({ format: 'paste', delimiter: '\t' });
    const sjis = readFileSync(path.resolve(import.meta.dirname, '../../fixtures/csv/transactions-sjis.csv'));
    const source = { kind: 'file', file: new File([sjis], 'sjis.csv'), name: 'sjis.csv' } as const;
    await handle({ type: 'inspect', job: 2, source });
    const preview = of('preview')[1]!.preview;
    expect(preview.encoding).toBe('shift_jis');
    await handle(analyzeRequest(3, source, preview));
    // Too few customers for a model, but the history is there.
    expect(of('result')[0]!.result).toMatchObject({ encoding: 'shift_jis', overview: { customers: 2 }, model: { purchasesUsable: false } });
  });
});
