import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/preact';
import Workbench from '../../../src/components/workbench/Workbench.tsx';
import { dayNumberToIso, isoToDayNumber } from '../../../src/lib/clv/dates.ts';
import { $analysis, resetWorkbench, setWorkerFactory } from '../../../src/stores/workbench.ts';
import { inProcessWorker } from './fakeWorker.ts';

beforeEach(() => {
  setWorkerFactory(() => inProcessWorker());
});
afterEach(() => {
  setWorkerFactory(null);
  resetWorkbench();
});

/**
 * 30 customers who buy every 10 days all year and all come back on the last day: nothing in
 * the data hints that anyone ever leaves. The BG/NBD's optimiser stops "converged to rounding
 * precision" with r near 3e8, a finite number that means nothing; the fit reports ok: false.
 */
function steadyBuyersTsv(): string {
  const start = isoToDayNumber('2025-01-01');
  const lines = ['customer_id\tdate\tamount'];
  for (let c = 0; c < 30; c++) {
    const id = `C${String(c).padStart(3, '0')}`;
    for (let day = c % 5; day <= 360; day += 10) lines.push(`${id}\t${dayNumberToIso(start + day)}\t${500 + ((c * 7919 + day * 104729) % 3001)}`);
    lines.push(`${id}\t${dayNumberToIso(start + 365)}\t1200`);
  }
  return lines.join('\n');
}

const TEXT = {
  ja: {
    paste: 'または、Excel やスプレッドシートの表を貼り付ける',
    read: '貼り付けた表を読み込む',
    tab: 'モデル',
    status: 'このデータでは、予測モデルを使えません。',
    note: 'モデルの計算が収束しませんでした。',
  },
  en: {
    paste: 'Or paste a table from Excel or a spreadsheet',
    read: 'Read the pasted table',
    tab: 'Model',
    status: 'The predictive model cannot be used on this data.',
    note: 'The model did not converge.',
  },
} as const;

describe.each(['ja', 'en'] as const)('the model panel when the BG/NBD does not fit (%s)', (locale) => {
  it('says so in plain words, shows no parameters and predicts nothing', async () => {
    const text = TEXT[locale];
    render(<Workbench locale={locale} />);
    fireEvent.input(screen.getByLabelText(text.paste), { target: { value: steadyBuyersTsv() } });
    fireEvent.click(screen.getByRole('button', { name: text.read }));
    fireEvent.click(await screen.findByTestId('analyze'));
    await screen.findByTestId('overview-figures');
    fireEvent.click(screen.getByRole('tab', { name: text.tab }));

    expect(screen.getByTestId('model-status').textContent).toContain(text.status);
    const notes = within(screen.getByTestId('model-notes')).getAllByRole('listitem');
    expect(notes.some((note) => note.textContent!.startsWith(text.note))).toBe(true);
    // No parameter table from a failed fit (before, r ≈ 2.6e8 was shown as if it meant something).
    expect(screen.queryByTestId('bg-params')).toBeNull();
    // And no prediction reaches the customer columns.
    const { customers } = $analysis.get()!;
    expect(customers.ids).toHaveLength(30);
    for (const column of [customers.expectedPurchases90, customers.probabilityAlive, customers.clv12]) {
      expect(Array.from(column).every(Number.isNaN)).toBe(true);
    }
  });
});
