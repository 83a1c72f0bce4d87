import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/preact';
import MonitoringBoard from '../../../src/components/calculators/MonitoringBoard.tsx';
import { checkHiddenDecline, defaultComparison } from '../../../src/lib/calculators/monitoring.ts';
import { monitoringSampleTransactions, SAMPLE_SHOWN_FROM } from '../../../src/lib/calculators/monitoringSample.ts';
import { withSign } from '../../../src/lib/calculators/signed.ts';
import { decomposeChange, periodMetrics, type PeriodKind } from '../../../src/lib/clv/periods.ts';
import { formatNumber, formatPercent, formatYen } from '../../../src/lib/i18n/format.ts';
import type { Locale } from '../../../src/lib/i18n/locales.ts';

const rows = monitoringSampleTransactions();
const change = () => screen.getByTestId('monitoring-change').textContent;
const breakdown = () => screen.getByTestId('monitoring-breakdown').textContent;
const signal = () => screen.getByTestId('monitoring-signal');
const yen = (locale: Locale, value: number) => withSign(Math.round(value), formatYen(locale, Math.round(value)));

function expected(kind: PeriodKind, pick?: { from: number; to: number }) {
  const periods = periodMetrics(rows, kind).filter((p) => p.start >= SAMPLE_SHOWN_FROM);
  const { from, to } = pick ?? defaultComparison(periods.length, kind);
  const a = periods[from]!;
  const b = periods[to]!;
  return { a, b, change: decomposeChange(a, b), check: checkHiddenDecline(a, b), periods };
}

describe('MonitoringBoard', () => {
  it('compares the latest month with the same month a year earlier, as the core decomposes it', () => {
    render(<MonitoringBoard locale="ja" />);
    const { change: d, a, b } = expected('month');
    expect(change()).toContain(yen('ja', d.totalChange));
    expect(breakdown()).toBe(
      `内訳：客数の効果 ${yen('ja', d.customerEffect)}、回数の効果 ${yen('ja', d.frequencyEffect)}、単価の効果 ${yen('ja', d.priceEffect)}`,
    );
    expect((screen.getByLabelText('前の期間') as HTMLSelectElement).value).toBe(a.period);
    expect((screen.getByLabelText('後の期間') as HTMLSelectElement).value).toBe(b.period);
    expect(screen.getByRole('button', { name: '月ごと' }).getAttribute('aria-pressed')).toBe('true');
    // Every period has a row; the compared ones are marked in words, not colour alone.
    const table = screen.getByTestId('monitoring-periods');
    expect(within(table).getAllByRole('row')).toHaveLength(19);
    expect(within(table).getByText('2024年6月（前）')).toBeTruthy();
    expect(within(table).getByText('2025年6月（後）')).toBeTruthy();
  });

  it('warns in words (role=status) that sales are flat while repeat customers fall', () => {
    render(<MonitoringBoard locale="ja" />);
    const { a, b, check } = expected('month');
    expect(check.signal).toBe('hidden-decline');
    expect(signal().getAttribute('role')).toBe('status');
    expect(signal().textContent).toContain('注意：売上は横ばいでも、リピーターが減っています');
    expect(signal().textContent).toContain(`リピーターは${formatNumber('ja', a.returningCustomers)}人から${formatNumber('ja', b.returningCustomers)}人に減りました（${formatPercent('ja', check.repeatChange!)}）`);
  });

  it('switches to quarters: year-on-year quarter, figures from the core', () => {
    render(<MonitoringBoard locale="en" />);
    fireEvent.click(screen.getByRole('button', { name: 'Quarter' }));
    const { change: d, a, b, periods } = expected('quarter');
    expect(screen.getByRole('button', { name: 'Quarter' }).getAttribute('aria-pressed')).toBe('true');
    expect(within(screen.getByTestId('monitoring-periods')).getAllByRole('row')).toHaveLength(periods.length + 1);
    expect(screen.getByText(`Change in sales (Q${a.period.slice(-1)} 2024 → Q${b.period.slice(-1)} 2025)`)).toBeTruthy();
    expect(change()).toContain(yen('en', d.totalChange));
    expect(signal().textContent).toContain('Warning: sales look flat, but repeat customers are falling');
  });

  it('compares any two periods the learner picks, and explains when sales moved', () => {
    render(<MonitoringBoard locale="en" />);
    const { periods } = expected('month');
    fireEvent.change(screen.getByLabelText('Earlier period'), { target: { value: periods[0]!.period } });
    fireEvent.change(screen.getByLabelText('Later period'), { target: { value: periods[16]!.period } });
    const { change: d, check } = expected('month', { from: 0, to: 16 });
    expect(change()).toContain(yen('en', d.totalChange));
    expect(breakdown()).toBe(`Customers ${yen('en', d.customerEffect)}, frequency ${yen('en', d.frequencyEffect)}, price ${yen('en', d.priceEffect)}`);
    const text = signal().textContent!;
    if (check.signal === 'sales-moved') expect(text).toContain('Sales moved by');
    else if (check.signal === 'steady') expect(text).toContain('are not falling');
    else expect(text).toContain('Warning');
  });

  it('shows the comparison table of the three components for the two periods', () => {
    render(<MonitoringBoard locale="ja" />);
    const { a, b } = expected('month');
    const table = screen.getByTestId('monitoring-compare');
    const row = within(table).getByRole('row', { name: /リピーター率/ });
    expect(within(row).getAllByRole('cell').map((cell) => cell.textContent)).toEqual([
      formatPercent('ja', a.repeatRate),
      `${formatPercent('ja', b.repeatRate)}${formatNumber('ja', (b.repeatRate - a.repeatRate) * 100, 1)}ポイント`,
    ]);
  });

  it('opens a shared link, and ignores periods that do not exist', async () => {
    history.replaceState(null, '', '/?monitoring.unit=quarter&monitoring.from=2024-Q3&monitoring.to=1999-01');
    render(<MonitoringBoard locale="ja" />);
    await screen.findByRole('button', { name: '四半期ごと', pressed: true });
    const { periods } = expected('quarter');
    expect((screen.getByLabelText('前の期間') as HTMLSelectElement).value).toBe('2024-Q3');
    expect((screen.getByLabelText('後の期間') as HTMLSelectElement).value).toBe(periods.at(-1)!.period);
  });

  it('describes its charts for screen readers', () => {
    render(<MonitoringBoard locale="en" />);
    expect(screen.getByRole('img', { name: 'Sales by period' })).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Repeat customers by period' })).toBeTruthy();
    expect(screen.getByRole('img', { name: /What moved sales/ })).toBeTruthy();
  });
});
