import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import Workbench from '../../../src/components/workbench/Workbench.tsx';
import { resetWorkbench, setWorkerFactory } from '../../../src/stores/workbench.ts';
import { inProcessWorker, type FakeWorker } from './fakeWorker.ts';

afterEach(() => {
  setWorkerFactory(null);
  resetWorkbench();
});

async function toMapping(text: string) {
  render(<Workbench locale="ja" />);
  fireEvent.input(screen.getByLabelText('または、Excel やスプレッドシートの表を貼り付ける'), { target: { value: text } });
  fireEvent.click(screen.getByRole('button', { name: '貼り付けた表を読み込む' }));
  return screen.findByTestId('analyze');
}

describe('progress and cancel', () => {
  it('shows the progress step while the worker reads, and cancel terminates the worker', async () => {
    const workers: FakeWorker[] = [];
    setWorkerFactory(() => {
      const worker = inProcessWorker({ hold: true });
      workers.push(worker);
      return worker;
    });
    fireEvent.click(await toMapping('顧客ID\t日付\t金額\nA\t2025-04-01\t100'));
    const cancel = await screen.findByTestId('cancel');
    expect(screen.getByRole('progressbar')).toBeTruthy();
    expect(screen.getByTestId('progress-stage').textContent).toBe('準備しています');
    fireEvent.click(cancel);
    await screen.findByText('読み込みを中止しました。列を確かめて、もう一度分析できます。');
    expect(workers[0]!.terminated).toBe(true);
    // The next analysis starts a fresh worker.
    fireEvent.click(screen.getByTestId('analyze'));
    await waitFor(() => expect(workers).toHaveLength(2));
  });
});

describe('row problems', () => {
  it('summarises skipped rows, lists row, column and reason, and still uses the good rows', async () => {
    setWorkerFactory(() => inProcessWorker());
    const text = ['顧客ID\t日付\t金額', 'A\t2025-04-01\t100', 'B\t2025-13-01\t200', 'C\t2025-04-03\tabc', '\t2025-04-04\t50', 'A\t2025-05-01\t-30'].join('\n');
    fireEvent.click(await toMapping(text));
    const problems = await screen.findByTestId('problems');
    await screen.findByTestId('overview-figures');
    expect(within(problems).getByTestId('problems-summary').textContent).toBe(
      '3行を除外しました（5行のうち2行を使いました）。 注意が1件あります（取り込んだうえでの注意です）。',
    );
    const rows = within(within(problems).getByTestId('problems-table')).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent))).toEqual([
      ['3', '日付', '日付として読めません（"2025-13-01" は存在しない日付です）'],
      ['4', '金額', '金額として読めません（"abc"）'],
      ['5', '顧客ID', '顧客IDが空です'],
      ['6', '金額', 'マイナスの金額（-30）を返品として取り込みました'],
    ]);
    expect(within(problems).getByRole('button', { name: '一覧をCSVでダウンロード' })).toBeTruthy();
  });

  it('shows the problems when no row at all can be used', async () => {
    setWorkerFactory(() => inProcessWorker());
    fireEvent.click(await toMapping('顧客ID\t日付\t金額\nA\tいつか\t100\nB\t2025-04-01\tたくさん'));
    expect((await screen.findByTestId('analyze-failure')).textContent).toContain('使える行が1行もありませんでした');
    expect(screen.getByTestId('problems-summary').textContent).toBe('2行を読みましたが、使える行がありませんでした。');
  });
});
