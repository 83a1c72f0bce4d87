import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/preact';
import ClvCalculator from '../../../src/components/calculators/ClvCalculator.tsx';
import { simpleClv } from '../../../src/lib/clv/simple.ts';
import { formatYen } from '../../../src/lib/i18n/format.ts';

const type = (label: RegExp | string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });
const result = () => screen.getByTestId('clv-result').textContent;

describe('ClvCalculator', () => {
  it('starts with the lesson example: 5,000 yen x 4 a year x 5 years', () => {
    render(<ClvCalculator locale="ja" />);
    expect(result()).toBe(formatYen('ja', 100_000));
  });

  it.each([
    { price: '８，０００円', frequency: '6', years: '3', margin: '', discount: '', expected: simpleClv({ averagePurchase: 8000, purchasesPerYear: 6, retentionYears: 3 }) },
    {
      price: '¥5,000',
      frequency: '4回',
      years: '5',
      margin: '40%',
      discount: '5',
      expected: simpleClv({ averagePurchase: 5000, purchasesPerYear: 4, retentionYears: 5, grossMargin: 0.4, discountRatePerYear: 0.05 }),
    },
  ])('shows the core result for $price x $frequency x $years (margin $margin, discount $discount)', (row) => {
    render(<ClvCalculator locale="ja" />);
    type('平均購入額', row.price);
    type('年間の購入回数', row.frequency);
    type('継続年数', row.years);
    type('粗利率（任意）', row.margin);
    type('割引率（任意・年）', row.discount);
    expect(result()).toBe(formatYen('ja', row.expected));
  });

  it('explains bad input inline and keeps the last valid result', () => {
    render(<ClvCalculator locale="en" />);
    type('Average purchase', '6000');
    const before = result();
    type('Years as a customer', 'five');
    expect(screen.getByRole('alert').textContent).toContain('not a number');
    expect(screen.getByLabelText('Years as a customer').getAttribute('aria-invalid')).toBe('true');
    expect(result()).toBe(before);
    expect(before).toBe(formatYen('en', 120_000));
  });

  it.each([
    { locale: 'ja' as const, field: '継続年数', named: '「継続年数」の入力を直すと' },
    { locale: 'en' as const, field: 'Years as a customer', named: 'Fix “Years as a customer” to update the result' },
  ])('($locale) greys the old result out and names the field to fix, until it is fixed', ({ locale, field, named }) => {
    const { container } = render(<ClvCalculator locale={locale} />);
    const calculator = container.querySelector('.calculator')!;
    const status = screen.getByTestId('clv-stale');
    type(field, 'abc');
    expect(calculator.classList.contains('calculator--stale')).toBe(true);
    expect(status.getAttribute('role')).toBe('status');
    expect(status.textContent).toContain(named);
    // The phone's result bar says nothing rather than an old number.
    expect(container.querySelector('.calculator__dock-value')!.textContent).toBe('—');
    type(field, '6');
    expect(calculator.classList.contains('calculator--stale')).toBe(false);
    expect(status.textContent).toBe('');
    expect(container.querySelector('.calculator__dock-value')!.textContent).toBe(result());
  });

  it('describes its chart for screen readers', () => {
    render(<ClvCalculator locale="en" />);
    expect(screen.getByRole('img', { name: 'Cumulative CLV by year' })).toBeTruthy();
    expect(screen.getAllByRole('row')).toHaveLength(6); // header + 5 years
  });
});
