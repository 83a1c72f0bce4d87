import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import Workbench from '../../../src/components/workbench/Workbench.tsx';
import { resetWorkbench, setWorkerFactory } from '../../../src/stores/workbench.ts';
import { inProcessWorker, type FakeWorker } from './fakeWorker.ts';

let worker: FakeWorker;
beforeEach(() => {
  setWorkerFactory(() => (worker = inProcessWorker()));
});
afterEach(() => {
  setWorkerFactory(null);
  resetWorkbench();
});

const paste = async (text: string, locale: 'ja' | 'en' = 'ja') => {
  render(<Workbench locale={locale} />);
  const label = locale === 'ja' ? 'または、Excel やスプレッドシートの表を貼り付ける' : 'Or paste a table from Excel or a spreadsheet';
  fireEvent.input(screen.getByLabelText(label), { target: { value: text } });
  fireEvent.click(screen.getByRole('button', { name: locale === 'ja' ? '貼り付けた表を読み込む' : 'Read the pasted table' }));
  await screen.findByTestId('mapping-preview');
};
const select = (name: string) => screen.getByLabelText(name) as HTMLSelectElement;

describe('the mapping step', () => {
  it('shows the first rows and the guessed columns in labelled selects (Japanese header)', async () => {
    await paste('伝票番号\t顧客ID\t購入日\t金額\nR1\tC001\t2025/4/1\t5,000円\nR2\tC002\t2025/4/2\t¥1,200');
    expect(select('顧客IDの列').value).toBe('1');
    expect(select('日付の列').value).toBe('2');
    expect(select('金額の列').value).toBe('3');
    expect(screen.getAllByText('見出しから判断しました。')).toHaveLength(3);
    const preview = screen.getByTestId('mapping-preview');
    expect(within(preview).getAllByRole('row')).toHaveLength(3);
    expect(within(preview).getByText('5,000円')).toBeTruthy();
    // The options name columns as a spreadsheet does.
    expect(within(select('金額の列')).getByRole('option', { name: 'D列: 金額' })).toBeTruthy();
    expect((screen.getByTestId('analyze') as HTMLButtonElement).disabled).toBe(false);
  });

  it('lets the user correct the guess, and refuses one column for two fields', async () => {
    await paste('customer\tdate\tamount\tnote\nC1\t2025-04-01\t100\tx\nC2\t2025-04-02\t200\ty', 'en');
    fireEvent.change(select('Column for the amount'), { target: { value: '0' } });
    expect((await screen.findByTestId('mapping-problems')).textContent).toContain('The customer ID and the amount have the same column.');
    expect((screen.getByTestId('analyze') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(select('Column for the amount'), { target: { value: '' } });
    await waitFor(() => expect(screen.getByTestId('mapping-problems').textContent).toContain('Choose the column for the amount.'));
    fireEvent.change(select('Column for the amount'), { target: { value: '2' } });
    await waitFor(() => expect(screen.queryByTestId('mapping-problems')).toBeNull());
    expect((screen.getByTestId('analyze') as HTMLButtonElement).disabled).toBe(false);
  });

  it('says when a column could not be found (unknown headers) and asks for it', async () => {
    await paste('名前\tメモ\t数量\n山田\tよろしく\tたくさん\n佐藤\tありがとう\t少し');
    expect(select('日付の列').value).toBe('');
    expect(screen.getByTestId('mapping-problems').textContent).toContain('「日付」の列を選んでください。');
    expect(screen.getAllByText('見つかりませんでした。選んでください。').length).toBeGreaterThanOrEqual(2);
  });

  it('reads a table without a header from its contents, and the header box can be changed', async () => {
    await paste('C1\t2025-04-01\t100\nC2\t2025-04-02\t200\nC1\t2025-05-01\t300');
    const box = screen.getByLabelText('1行目は見出し（列の名前）') as HTMLInputElement;
    expect(box.checked).toBe(false);
    expect(select('日付の列').value).toBe('1');
    expect(screen.getAllByText('中身から推測しました。合っているか確かめてください。')).toHaveLength(3);
    expect(within(screen.getByTestId('mapping-preview')).getAllByRole('row')).toHaveLength(4);
    fireEvent.click(box);
    await waitFor(() => expect(within(screen.getByTestId('mapping-preview')).getAllByRole('row')).toHaveLength(3));
  });

  it('analyses with the chosen columns and shows the results', async () => {
    await paste('顧客ID\t日付\t金額\nA\t2025-04-01\t100\nA\t2025-05-01\t300\nB\t2025-04-03\t200\nB\t2099-01-01\t50');
    fireEvent.click(screen.getByTestId('analyze'));
    await screen.findByTestId('overview-figures');
    const request = worker.requests.find((r) => r.type === 'analyze');
    expect(request).toMatchObject({ columns: { customerId: 0, date: 1, amount: 2 }, hasHeader: true, locale: 'ja' });
    // The row dated in the future is left out and reported.
    expect(screen.getByTestId('problems-summary').textContent).toContain('1行を除外しました（4行のうち3行を使いました）');
    expect(screen.getByText(/今日より後の日付（除外）：1件/)).toBeTruthy();
    await screen.findByText(/^今日（\d{4}-\d{2}-\d{2}）より後の日付（2099-01-01）のため除外しました$/);
  });

  it('shows the specific message for a header-only paste and stays on the load step', async () => {
    render(<Workbench locale="ja" />);
    fireEvent.input(screen.getByLabelText('または、Excel やスプレッドシートの表を貼り付ける'), { target: { value: '顧客ID\t日付\t金額\n' } });
    fireEvent.click(screen.getByRole('button', { name: '貼り付けた表を読み込む' }));
    await waitFor(() => expect(screen.getByTestId('load-failure').textContent).toContain('見出しの行しかありません'));
  });
});
