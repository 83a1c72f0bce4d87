import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import ParetoExplorer from '../../../src/components/calculators/ParetoExplorer.tsx';
import { paretoSampleCustomers } from '../../../src/lib/calculators/paretoSample.ts';
import { topShare } from '../../../src/lib/clv/pareto.ts';
import { simpleClv } from '../../../src/lib/clv/simple.ts';
import { formatPercent, formatYen } from '../../../src/lib/i18n/format.ts';

const share = () => screen.getByTestId('pareto-share').textContent;
const summary = () => screen.getByTestId('pareto-summary').textContent;
const bodyRows = () => within(screen.getByTestId('pareto-table')).getAllByRole('row').slice(1);
const cells = (row: HTMLElement) => within(row).getAllByRole(/cell|rowheader/).map((cell) => cell.textContent);
const paste = (label: string, text: string) => fireEvent.input(screen.getByLabelText(label), { target: { value: text } });
const clv = (c: { averagePurchase: number; purchasesPerYear: number; years: number }) =>
  simpleClv({ averagePurchase: c.averagePurchase, purchasesPerYear: c.purchasesPerYear, retentionYears: c.years });
const yearly = (c: { averagePurchase: number; purchasesPerYear: number }) => clv({ ...c, years: 1 });

describe('ParetoExplorer', () => {
  it('preset "parts-trader" reproduces the lesson: 100 accounts, 50 million yen, the top 20 bring 80%', () => {
    render(<ParetoExplorer locale="ja" preset="parts-trader" />);
    const sales = paretoSampleCustomers('ja').map(yearly);
    expect(share()).toBe(formatPercent('ja', topShare(sales, 0.2)));
    expect(share()).toBe('80%');
    expect(summary()).toContain(formatYen('ja', 50_000_000));
    expect(summary()).toContain(formatYen('ja', 40_000_000));
    expect(summary()).toContain('上位20%（20件分）');
    expect(screen.getByRole('button', { name: '部品商社の取引先100社' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: '年間の売上' }).getAttribute('aria-pressed')).toBe('true');
    // The first 50 of the 100 are listed, the rest counted.
    expect(bodyRows()).toHaveLength(50);
    expect(screen.getByText(/ほか50件は表に載せていません/)).toBeTruthy();
  });

  it('re-ranks by CLV: the headline and the table follow the core', () => {
    render(<ParetoExplorer locale="ja" preset="parts-trader" />);
    fireEvent.click(screen.getByRole('button', { name: 'CLV' }));
    const customers = paretoSampleCustomers('ja');
    const values = customers.map(clv);
    expect(share()).toBe(formatPercent('ja', topShare(values, 0.2)));
    const best = customers[values.indexOf(Math.max(...values))]!;
    expect(cells(bodyRows()[0]!).slice(0, 2)).toEqual(['1', best.name]);
    expect(cells(bodyRows()[0]!)[6]).toBe(formatYen('ja', clv(best)));
  });

  it('preset "two-clients" shows the lesson’s 100,000 and 30,000 yen', () => {
    render(<ParetoExplorer locale="ja" preset="two-clients" />);
    expect(bodyRows().map((row) => cells(row).slice(0, 2).concat(cells(row)[6]!))).toEqual([
      ['1', '駅前の和食店', formatYen('ja', 100_000)],
      ['2', '郊外のカフェ', formatYen('ja', 30_000)],
    ]);
    expect(cells(bodyRows()[1]!).slice(7)).toEqual([formatPercent('ja', 30 / 130), '100%']);
  });

  // Pasted text goes through the CSV parser, which the island loads on first use: wait for it.
  it('reads a pasted Excel table and ranks it by CLV computed by the core', async () => {
    render(<ParetoExplorer locale="en" preset="two-clients" />);
    paste('Customer list', 'Customer\tAverage purchase\tPurchases per year\tYears\nA\t¥8,000\t6\t3\nB\t５０００\t4\t5\nC\t12000\t1\t2');
    expect(screen.getByRole('button', { name: 'Paste my own list' }).getAttribute('aria-pressed')).toBe('true');
    const expected = [
      ['A', clv({ averagePurchase: 8000, purchasesPerYear: 6, years: 3 })],
      ['B', clv({ averagePurchase: 5000, purchasesPerYear: 4, years: 5 })],
      ['C', clv({ averagePurchase: 12000, purchasesPerYear: 1, years: 2 })],
    ] as const;
    await waitFor(() => expect(bodyRows()).toHaveLength(3));
    expect(bodyRows().map((row) => [cells(row)[1], cells(row)[6]])).toEqual(expected.map(([name, value]) => [name, formatYen('en', value)]));
    expect(share()).toBe(formatPercent('en', topShare(expected.map(([, value]) => value), 0.2)));
  });

  it('reads transaction records through the core parser and summary', async () => {
    render(<ParetoExplorer locale="ja" preset="transactions" />);
    expect(await screen.findByText(/取引の記録として読みました（2024-04-01〜2025-03-31/)).toBeTruthy();
    // C003 spent 127,000 yen over the year: the top of the list.
    expect(cells(bodyRows()[0]!).slice(1, 2).concat(cells(bodyRows()[0]!)[6]!)).toEqual(['C003', formatYen('ja', 127_000)]);
  });

  it('names bad rows (row, column, message) and still uses the good ones', async () => {
    render(<ParetoExplorer locale="ja" preset="two-clients" />);
    paste('顧客リスト', '顧客,平均購入額,年間の購入回数,継続年数\nA社,5000,4,5\nB社,たくさん,4,5\nC社,3000,2,5');
    // The calculator's own status (empty while the inputs are fine) is a second status region.
    await waitFor(() => expect(screen.getAllByRole('status').map((status) => status.textContent).join('\n')).toContain('1件の問題がある行を除いて計算しました'));
    expect(screen.getByText('3行目「平均購入額」列: 数字として読めません（"たくさん"）')).toBeTruthy();
    expect(bodyRows().map((row) => cells(row)[1])).toEqual(['A社', 'C社']);
  });

  it('keeps the last valid result while nothing can be read, and says so', async () => {
    render(<ParetoExplorer locale="en" preset="two-clients" />);
    const before = share();
    paste('Customer list', 'Customer,Average purchase,Purchases per year,Years\nA,lots,4,5');
    expect(await screen.findByText(/no row can be used yet/)).toBeTruthy();
    expect(screen.getByText(/The greyed-out result is from the last valid input/)).toBeTruthy();
    expect(share()).toBe(before);
    expect(bodyRows()).toHaveLength(2);
  });

  it('changes the top share of customers, and refuses a bad one keeping the last result', () => {
    render(<ParetoExplorer locale="ja" preset="parts-trader" />);
    const sales = paretoSampleCustomers('ja').map(yearly);
    fireEvent.input(screen.getByLabelText('上位の割合'), { target: { value: '１０％' } });
    expect(share()).toBe(formatPercent('ja', topShare(sales, 0.1)));
    const before = share();
    fireEvent.input(screen.getByLabelText('上位の割合'), { target: { value: '150' } });
    expect(screen.getByRole('alert').textContent).toContain('100以下');
    expect(share()).toBe(before);
  });

  it('describes its Pareto curve for screen readers, with a data table by tenths', () => {
    render(<ParetoExplorer locale="en" preset="parts-trader" />);
    const chart = screen.getByRole('img', { name: /Pareto curve/ });
    expect(chart).toBeTruthy();
    const table = screen.getByRole('table', { name: /Pareto curve/ });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(11);
    expect(cells(rows[2]!)).toEqual(['Top 20%', '80%']);
  });

  it('restores a shared view from the URL', async () => {
    history.replaceState(null, '', '/?pareto.list=two-clients&pareto.basis=clv');
    render(<ParetoExplorer locale="ja" />);
    await screen.findByText('駅前の和食店');
    expect(screen.getByRole('button', { name: 'レッスンの2社' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: 'CLV' }).getAttribute('aria-pressed')).toBe('true');
  });
});
