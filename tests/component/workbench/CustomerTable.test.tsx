import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import Workbench from '../../../src/components/workbench/Workbench.tsx';
import { sortedOrder } from '../../../src/lib/workbench/tableQuery.ts';
import { generateSample, SAMPLE_OPTIONS, sampleCsv } from '../../../src/lib/workbench/sampleData.ts';
import { $analysis, resetWorkbench, setWorkerFactory } from '../../../src/stores/workbench.ts';
import { inProcessWorker, type FakeWorker } from './fakeWorker.ts';

let worker: FakeWorker;
beforeEach(() => {
  setWorkerFactory(() => (worker = inProcessWorker()));
});
afterEach(() => {
  setWorkerFactory(null);
  resetWorkbench();
  vi.restoreAllMocks();
});

// 400 customers: eight pages of 50.
const SAMPLE = sampleCsv(generateSample({ ...SAMPLE_OPTIONS, customers: 400 }));

async function analysed() {
  render(<Workbench locale="ja" />);
  fireEvent.input(screen.getByLabelText('または、Excel やスプレッドシートの表を貼り付ける'), { target: { value: SAMPLE } });
  fireEvent.click(screen.getByRole('button', { name: '貼り付けた表を読み込む' }));
  fireEvent.click(await screen.findByTestId('analyze'));
  await screen.findByTestId('overview-figures');
  return $analysis.get()!;
}

const table = () => screen.getByTestId('customer-table');
const firstIds = (count = 3) =>
  within(table())
    .getAllByRole('row')
    .slice(1, count + 1)
    .map((row) => within(row).getByRole('rowheader').textContent);
const header = (name: string) => within(table()).getByRole('columnheader', { name: new RegExp(name) });

describe('the customer table', () => {
  it('opens sorted by predicted CLV and re-sorts from the header buttons (aria-sort follows)', async () => {
    const analysis = await analysed();
    fireEvent.click(screen.getByRole('tab', { name: '顧客一覧' }));
    await screen.findByTestId('customer-table');
    const ids = (order: Int32Array) => Array.from(order.subarray(0, 3), (i) => analysis.customers.ids[i]);
    expect(header('12か月の予測CLV').getAttribute('aria-sort')).toBe('descending');
    expect(header('購入合計').getAttribute('aria-sort')).toBe('none');
    expect(firstIds()).toEqual(ids(sortedOrder(analysis.customers, { column: 'clv12', direction: 'descending' })));

    const button = within(header('購入合計')).getByRole('button');
    fireEvent.click(button);
    await waitFor(() => expect(header('購入合計').getAttribute('aria-sort')).toBe('descending'));
    expect(header('12か月の予測CLV').getAttribute('aria-sort')).toBe('none');
    expect(firstIds()).toEqual(ids(sortedOrder(analysis.customers, { column: 'totalSpend', direction: 'descending' })));
    fireEvent.click(button);
    await waitFor(() => expect(header('購入合計').getAttribute('aria-sort')).toBe('ascending'));
    expect(firstIds()).toEqual(ids(sortedOrder(analysis.customers, { column: 'totalSpend', direction: 'ascending' })));
  });

  it('pages through 400 customers, 50 at a time', async () => {
    await analysed();
    fireEvent.click(screen.getByRole('tab', { name: '顧客一覧' }));
    const pager = await screen.findByTestId('customer-pager');
    expect(pager.textContent).toContain('400件中 1〜50件目（1 / 8ページ）');
    expect(within(table()).getAllByRole('row')).toHaveLength(51);
    expect((within(pager).getByRole('button', { name: '前へ' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(pager).getByRole('button', { name: '次へ' }));
    await waitFor(() => expect(pager.textContent).toContain('51〜100件目（2 / 8ページ）'));
    fireEvent.click(within(pager).getByRole('button', { name: '最後' }));
    await waitFor(() => expect(pager.textContent).toContain('351〜400件目（8 / 8ページ）'));
    expect((within(pager).getByRole('button', { name: '次へ' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('searches customer IDs (full-width input too) and goes back to page 1', async () => {
    const analysis = await analysed();
    fireEvent.click(screen.getByRole('tab', { name: '顧客一覧' }));
    const pager = await screen.findByTestId('customer-pager');
    fireEvent.click(within(pager).getByRole('button', { name: '次へ' }));
    fireEvent.input(screen.getByLabelText('顧客IDで探す'), { target: { value: 'ｔ００１２' } });
    const expected = analysis.customers.ids.filter((id) => id.includes('T0012'));
    await waitFor(() => expect(pager.textContent).toContain(`${expected.length}件中 1〜${expected.length}件目（1 / 1ページ）`));
    expect(within(table()).getAllByRole('rowheader').map((cell) => cell.textContent).sort()).toEqual([...expected].sort());
    fireEvent.input(screen.getByLabelText('顧客IDで探す'), { target: { value: 'nobody' } });
    await waitFor(() => expect(within(table()).getByText('見つかりませんでした。')).toBeTruthy());
  });

  it('exports the table as CSV with a BOM and Japanese headers', async () => {
    await analysed();
    fireEvent.click(screen.getByRole('tab', { name: '顧客一覧' }));
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    fireEvent.click(await screen.findByTestId('export-customers'));
    const text = await blobs[0]!.text();
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1).split('\r\n')[0]!.startsWith('顧客ID,初回購入日,最終購入日,購入回数')).toBe(true);
    expect(text.trim().split('\r\n')).toHaveLength(401);
  });

  it('recomputes the CLV column for a new discount rate in the worker', async () => {
    const analysis = await analysed();
    fireEvent.click(screen.getByRole('tab', { name: '顧客一覧' }));
    const before = analysis.customers.clv12[0]!;
    const input = await screen.findByLabelText('割引率（年）');
    fireEvent.input(input, { target: { value: '30' } });
    fireEvent.change(input, { target: { value: '30' } });
    await waitFor(() => expect($analysis.get()!.discountRatePerYear).toBe(0.3));
    expect(worker.requests.at(-1)).toMatchObject({ type: 'discount', discountRatePerYear: 0.3 });
    expect($analysis.get()!.customers.clv12[0]).toBeLessThan(before);
  });
});

describe('the at-risk list and the tabs', () => {
  it('lists the at-risk customers with the rule in words, and moves between tabs with the arrow keys', async () => {
    const analysis = await analysed();
    const overviewTab = screen.getByRole('tab', { name: '概要' });
    expect(overviewTab.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(overviewTab, { key: 'ArrowRight' });
    await waitFor(() => expect(screen.getByRole('tab', { name: '顧客一覧' }).getAttribute('aria-selected')).toBe('true'));
    fireEvent.keyDown(screen.getByRole('tab', { name: '顧客一覧' }), { key: 'ArrowRight' });
    const list = await screen.findByTestId('at-risk-table');
    expect(screen.getByText(/上位20%に入り、2回以上買っていただいたのに/)).toBeTruthy();
    const shown = within(list).getAllByRole('rowheader').map((cell) => cell.textContent);
    expect(shown).toEqual(Array.from(analysis.atRisk.subarray(0, 20), (i) => analysis.customers.ids[i]));
    expect(within(screen.getByTestId('best-table')).getAllByRole('rowheader')).toHaveLength(20);
  });
});
