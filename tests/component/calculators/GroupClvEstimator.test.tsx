import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/preact';
import GroupClvEstimator from '../../../src/components/calculators/GroupClvEstimator.tsx';
import { groupClv } from '../../../src/lib/clv/simple.ts';
import { formatYen } from '../../../src/lib/i18n/format.ts';

const type = (label: RegExp | string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });
const result = () => screen.getByTestId('group-clv-result').textContent;
const step = (n: number) => screen.getByTestId(`group-clv-step-${n}`).textContent;

describe('GroupClvEstimator', () => {
  it('starts with the lesson restaurant: 1,000 visits / 200 customers = 5, x 2,000 yen x 3 years = 30,000 yen', () => {
    render(<GroupClvEstimator locale="ja" />);
    expect(result()).toBe(formatYen('ja', 30_000));
    expect(step(1)).toContain('= 年5回');
    expect(step(2)).toContain(`= ${formatYen('ja', 2_000)}`);
    expect(step(3)).toContain(`= ${formatYen('ja', 10_000)}`);
    expect(step(4)).toBe(`CLV：${formatYen('ja', 10_000)} × 3年 = ${formatYen('ja', 30_000)}`);
    expect(screen.getByRole('button', { name: '定食屋の例' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('shows the core results for typed totals (full-width digits, commas, yen)', () => {
    render(<GroupClvEstimator locale="ja" />);
    type('1年の総売上', '３，６００，０００円');
    type('1年の総来店回数', '1,200回');
    type('お客様のおおよその人数', '150人');
    type('お付き合いの年数（仮定）', '2.5');
    const expected = groupClv({ totalSales: 3_600_000, totalVisits: 1_200, estimatedCustomers: 150, retentionYears: 2.5 });
    expect(result()).toBe(formatYen('ja', expected.clv));
    expect(step(1)).toContain(`年${expected.visitsPerCustomerPerYear}回`);
    expect(step(2)).toContain(formatYen('ja', expected.averageSpendPerVisit));
    expect(step(3)).toContain(formatYen('ja', expected.salesPerCustomerPerYear));
    expect(screen.getByRole('button', { name: '定食屋の例' }).getAttribute('aria-pressed')).toBe('false');
  });

  it('the preset button brings the lesson example back', () => {
    render(<GroupClvEstimator locale="en" />);
    type('Estimated number of customers', '250');
    expect(result()).not.toBe(formatYen('en', 30_000));
    fireEvent.click(screen.getByRole('button', { name: 'Set-meal restaurant' }));
    expect(result()).toBe(formatYen('en', 30_000));
    expect(screen.getByRole('button', { name: 'Set-meal restaurant' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('explains bad input inline and keeps the last valid result', () => {
    render(<GroupClvEstimator locale="en" />);
    type('Years the relationship lasts (assumed)', '4');
    const before = result();
    expect(before).toBe(formatYen('en', groupClv({ totalSales: 2_000_000, totalVisits: 1_000, estimatedCustomers: 200, retentionYears: 4 }).clv));
    type('Estimated number of customers', '0');
    expect(screen.getByRole('alert').textContent).toBe('Enter 1 or more.');
    expect(screen.getByLabelText('Estimated number of customers').getAttribute('aria-invalid')).toBe('true');
    expect(result()).toBe(before);
    type('Estimated number of customers', 'many');
    expect(screen.getByRole('alert').textContent).toContain('not a number');
    expect(result()).toBe(before);
  });
});
