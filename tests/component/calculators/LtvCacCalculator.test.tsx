import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/preact';
import LtvCacCalculator from '../../../src/components/calculators/LtvCacCalculator.tsx';
import { acquisitionCostTrend, ltvToCac } from '../../../src/lib/clv/cac.ts';
import { compareSpend } from '../../../src/lib/calculators/budget.ts';
import { formatNumber, formatYen } from '../../../src/lib/i18n/format.ts';

const type = (label: RegExp | string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });
const byId = (id: string) => screen.getByTestId(id).textContent;
const ja = (value: number) => formatYen('ja', value);

describe('LtvCacCalculator (why-clv-now)', () => {
  it('reproduces the lesson: 10,000 yen for 10 then 3 customers, CLV 10,000 -> 10x before, 3x now', () => {
    render(<LtvCacCalculator locale="ja" />);
    const [then, now] = acquisitionCostTrend([
      { adSpend: 10_000, customersAcquired: 10 },
      { adSpend: 10_000, customersAcquired: 3 },
    ]);
    expect(then!.cacPerCustomer).toBe(1_000);
    expect(byId('cac-trend')).toBe(`一人あたりのCAC：以前 ${ja(1_000)} → 今 ${ja(3_333)}（+233%）`);
    expect(byId('ltv-cac-card-1-ratio')).toBe('10倍');
    expect(byId('ltv-cac-card-1-verdict')).toContain('健全');
    expect(byId('ltv-cac-card-2-ratio')).toBe(`${formatNumber('ja', ltvToCac({ clv: 10_000, cac: now!.cacPerCustomer }).ratio, 1)}倍`);
    expect(byId('ltv-cac-card-2-ratio')).toBe('3倍');
    expect(byId('ltv-cac-card-2-verdict')).toContain('健全');
    expect(byId('ltv-cac-card-2-max-cac')).toBe(ja(ltvToCac({ clv: 10_000, cac: now!.cacPerCustomer }).maxAffordableCac));
    expect(byId('ltv-cac-card-2-payback')).toContain('粗利を入れると');
    expect(screen.getByRole('button', { name: '石田さんの店の例' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('follows the customers won down to 2: CAC 5,000 and a thin ratio of 2', () => {
    render(<LtvCacCalculator locale="ja" />);
    type('今獲得できる人数', '２人');
    expect(byId('cac-trend')).toContain(ja(5_000));
    expect(byId('ltv-cac-card-2-ratio')).toBe('2倍');
    expect(byId('ltv-cac-card-2-verdict')).toContain('薄い');
    type('粗利で見たCLV', '4,000');
    expect(byId('ltv-cac-card-2-verdict')).toContain('赤字');
  });

  it('uses an entered CAC and margin through ltvToCac', () => {
    render(<LtvCacCalculator locale="en" />);
    type('CLV in gross profit', '¥15,000');
    type('CAC (optional)', '3,333');
    type('Gross profit per month (optional)', '1,250');
    const expected = ltvToCac({ clv: 15_000, cac: 3_333, marginPerMonth: 1_250 });
    expect(byId('ltv-cac-card-1-ratio')).toBe(`${formatNumber('en', expected.ratio, 1)}×`);
    expect(byId('ltv-cac-card-1-payback')).toBe(`about ${formatNumber('en', expected.paybackMonths!, 1)} months`);
    expect(byId('ltv-cac-card-1-max-cac')).toBe(formatYen('en', expected.maxAffordableCac));
    expect(screen.queryByTestId('ltv-cac-card-2-ratio')).toBeNull();
  });

  it('compares an extra 100,000 yen on acquisition and on retention', () => {
    render(<LtvCacCalculator locale="ja" />);
    const cac = 10_000 / 3;
    const expected = compareSpend(100_000, { costPerCustomer: cac, valuePerCustomer: 10_000 }, { costPerCustomer: 2_000, valuePerCustomer: 10_000 });
    expect(byId('ltv-cac-spend-1')).toBe(ja(expected.first.value));
    expect(byId('ltv-cac-spend-2')).toBe(ja(expected.second.value));
    expect(byId('ltv-cac-spend-verdict')).toBe(`この前提では、「今のお客様の引き留め」に使うほうが${ja(expected.difference)}多くなります。`);
    type('一人を引き留める費用', '5000');
    type('引き留めた一人がもたらす粗利（任意）', '8,000');
    const other = compareSpend(100_000, { costPerCustomer: cac, valuePerCustomer: 10_000 }, { costPerCustomer: 5_000, valuePerCustomer: 8_000 });
    expect(byId('ltv-cac-spend-2')).toBe(ja(other.second.value));
    expect(byId('ltv-cac-spend-verdict')).toContain('「新しいお客様の獲得」');
  });

  it('explains bad input inline and keeps the last valid result', () => {
    render(<LtvCacCalculator locale="en" />);
    type('Customers won now', '4');
    const before = byId('ltv-cac-card-2-ratio');
    expect(before).toBe(`${formatNumber('en', ltvToCac({ clv: 10_000, cac: 2_500 }).ratio, 1)}×`);
    type('Customers won now', '0');
    expect(screen.getByRole('alert').textContent).toBe('Enter 1 or more.');
    expect(byId('ltv-cac-card-2-ratio')).toBe(before);
    expect(screen.getByRole('status').textContent).toContain('last valid input');
  });

  it('describes its charts for screen readers, the band in words', () => {
    render(<LtvCacCalculator locale="en" />);
    expect(screen.getByRole('img', { name: 'CAC per customer, before and now' })).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Now: the LTV to CAC ratio is 3×, in the “Healthy” range' })).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Value expected from spending ¥100,000' })).toBeTruthy();
  });
});

describe('LtvCacCalculator (monitoring-clv, two groups)', () => {
  it('compares referrals 120,000 / 20,000 = 6x with flyers 60,000 / 30,000 = 2x', () => {
    render(<LtvCacCalculator locale="ja" preset="channels" />);
    expect(byId('ltv-cac-card-1-ratio')).toBe('6倍');
    expect(byId('ltv-cac-card-1-verdict')).toContain('健全');
    expect(byId('ltv-cac-card-2-ratio')).toBe('2倍');
    expect(byId('ltv-cac-card-2-verdict')).toContain('薄い');
    const expected = compareSpend(100_000, { costPerCustomer: 20_000, valuePerCustomer: 120_000 }, { costPerCustomer: 30_000, valuePerCustomer: 60_000 });
    expect(byId('ltv-cac-spend-1')).toBe(ja(600_000));
    expect(byId('ltv-cac-spend-2')).toBe(ja(expected.second.value));
    expect(byId('ltv-cac-spend-verdict')).toContain('「紹介で来たお客様」');
    expect(screen.getByRole('group', { name: 'チラシで来たお客様' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '紹介とチラシの例' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('recomputes a group through ltvToCac and keeps the last result on bad input', () => {
    const { container } = render(<LtvCacCalculator locale="en" preset="channels" />);
    const flyerCac = container.querySelector<HTMLInputElement>('#ltv-cac-cacB')!;
    fireEvent.input(flyerCac, { target: { value: '６０，０００' } });
    expect(byId('ltv-cac-card-2-ratio')).toBe('1×');
    fireEvent.input(flyerCac, { target: { value: '70000' } });
    expect(byId('ltv-cac-card-2-ratio')).toBe(`${formatNumber('en', ltvToCac({ clv: 60_000, cac: 70_000 }).ratio, 1)}×`);
    expect(byId('ltv-cac-card-2-verdict')).toContain('Losing');
    fireEvent.input(flyerCac, { target: { value: 'abc' } });
    expect(screen.getByRole('alert').textContent).toContain('not a number');
    expect(byId('ltv-cac-card-2-verdict')).toContain('Losing');
    expect(screen.getByRole('img', { name: 'Flyers: the LTV to CAC ratio is 0.9×, in the “Losing” range' })).toBeTruthy();
  });
});
