import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/preact';
import LeverSimulator from '../../../src/components/calculators/LeverSimulator.tsx';
import { leverWhatIf, type LeverBase, type LeverChanges } from '../../../src/lib/clv/levers.ts';
import { formatYen } from '../../../src/lib/i18n/format.ts';

const type = (label: RegExp | string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });
const byId = (id: string) => screen.getByTestId(id).textContent;
const ja = (value: number) => formatYen('ja', value);
const signed = (value: number) => (value > 0 ? `+${ja(value)}` : ja(value));

function expectShows(base: LeverBase, changes: LeverChanges) {
  const expected = leverWhatIf(base, changes);
  expect(byId('lever-after')).toBe(ja(expected.after));
  expect(byId('lever-summary')).toContain(`今 ${ja(expected.before)} → 変更後 ${ja(expected.after)}（${signed(expected.delta)}`);
  for (const lever of ['price', 'frequency', 'retention', 'recurring'] as const) {
    expect(byId(`lever-${lever}`)).toContain(signed(expected.contributions[lever]));
  }
  return expected;
}

describe('LeverSimulator', () => {
  it('starts with +10% on price, frequency and years: 100,000 -> 133,100 yen (+33.1%)', () => {
    render(<LeverSimulator locale="ja" />);
    const expected = expectShows({ averagePurchase: 5_000, purchasesPerYear: 4, retentionYears: 5 }, { price: 0.1, frequency: 0.1, retention: 0.1 });
    expect(expected.after).toBeCloseTo(133_100, 6);
    expect(byId('lever-summary')).toContain('+33.1%');
    expect(screen.getByRole('button', { name: '三つを10%ずつ' }).getAttribute('aria-pressed')).toBe('true');
  });

  it.each([
    // Case A: re-order rate 40% -> 68% read as +70% years: 6,000,000 -> 10,200,000.
    ['事例A 長野（年数）', { averagePurchase: 10_000_000, purchasesPerYear: 0.2, retentionYears: 3 }, { retention: 0.7 }, 10_200_000, 'お付き合いの年数の変化', '+70%'],
    // Case B: 1.0 -> 1.4 visits a month = +40%: 72,000 -> 100,800.
    ['事例B 大阪（回数）', { averagePurchase: 3_000, purchasesPerYear: 12, retentionYears: 2 }, { frequency: 0.4 }, 100_800, '購入回数の変化', '+40%'],
    // Case C: ticket 8,000 -> 11,500 = +43.75%: 144,000 -> 207,000.
    ['事例C 東京（単価）', { averagePurchase: 8_000, purchasesPerYear: 6, retentionYears: 3 }, { price: 0.4375 }, 207_000, '単価の変化', '+43.75%'],
    // Case D: machine sales stop, 1,200,000 a year of use fee + maintenance: 10,000,000 -> 12,000,000.
    ['事例D 岐阜（収益の形）', { averagePurchase: 5_000_000, purchasesPerYear: 0.2, retentionYears: 10 }, { price: -1, recurringRevenuePerYearAfter: 1_200_000 }, 12_000_000, '単価の変化', '-100%'],
  ])('preset %s reproduces the lesson figures', (name, base, changes, after, slider, sliderText) => {
    render(<LeverSimulator locale="ja" />);
    const button = screen.getByRole('button', { name });
    fireEvent.click(button);
    expect(button.getAttribute('aria-pressed')).toBe('true');
    expect(button.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(button.getAttribute('aria-describedby')!)!.textContent!.length).toBeGreaterThan(20);
    const expected = expectShows(base, changes);
    expect(expected.after).toBeCloseTo(after, 4);
    expect(screen.getByLabelText(slider).getAttribute('aria-valuetext')).toBe(sliderText);
  });

  it('case D puts the machine sales on price and the new fee on recurring revenue', () => {
    render(<LeverSimulator locale="ja" preset="case-d" />);
    expect(byId('lever-price')).toBe(`単価：${ja(-10_000_000)}（減）`);
    expect(byId('lever-recurring')).toBe(`継続収入：+${ja(12_000_000)}（増）`);
  });

  it('moves with the sliders and typed base inputs', () => {
    render(<LeverSimulator locale="ja" />);
    type('平均購入額', '６，０００円');
    type('継続収入（年）', '12,000');
    fireEvent.input(screen.getByLabelText('単価の変化'), { target: { value: '-20' } });
    fireEvent.input(screen.getByLabelText('お付き合いの年数の変化'), { target: { value: '50' } });
    type('変更後の継続収入（年）', '24,000');
    expect(screen.getByLabelText('単価の変化').getAttribute('aria-valuetext')).toBe('-20%');
    expectShows(
      { averagePurchase: 6_000, purchasesPerYear: 4, retentionYears: 5, recurringRevenuePerYear: 12_000 },
      { price: -0.2, frequency: 0.1, retention: 0.5, recurringRevenuePerYearAfter: 24_000 },
    );
    expect(screen.getByRole('button', { name: '三つを10%ずつ' }).getAttribute('aria-pressed')).toBe('false');
  });

  it('explains bad input inline and keeps the last valid result', () => {
    render(<LeverSimulator locale="en" />);
    const before = byId('lever-after');
    type('Purchases per year', 'often');
    expect(screen.getByRole('alert').textContent).toContain('not a number');
    expect(screen.getByLabelText('Purchases per year').getAttribute('aria-invalid')).toBe('true');
    expect(byId('lever-after')).toBe(before);
    expect(screen.getByRole('status').textContent).toContain('last valid input');
  });

  it('describes its waterfall for screen readers', () => {
    render(<LeverSimulator locale="en" preset="case-c" />);
    expect(screen.getByRole('img', { name: 'Change in CLV and what each lever contributed' })).toBeTruthy();
    const rows = screen.getAllByRole('row').map((row) => row.textContent);
    expect(rows).toContain('Price+¥63K');
    expect(rows).toContain('After¥207K');
  });
});

describe('LeverSimulator case D chart', () => {
  it('labels the falling machine sales with the minus first', () => {
    render(<LeverSimulator locale="en" preset="case-d" />);
    const rows = screen.getAllByRole('row').map((row) => row.textContent);
    expect(rows).toContain('Price-¥10M');
    expect(rows).toContain('Recurring+¥12M');
  });
});
