import { describe, expect, it } from 'vitest';
import { signedAmount, withSign } from '../../../src/lib/calculators/signed.ts';

describe('withSign', () => {
  it('adds a plus to increases only', () => {
    expect(withSign(63_000, '￥63,000')).toBe('+￥63,000');
    expect(withSign(-10, '-￥10')).toBe('-￥10');
    expect(withSign(0, '￥0')).toBe('￥0');
    expect(withSign(1, '+1')).toBe('+1');
  });
});

describe('signedAmount', () => {
  const compact = (value: number) => `¥${value / 1_000_000}M`;
  it('puts the minus before the currency sign', () => {
    expect(signedAmount(-10_000_000, compact)).toBe('-¥10M');
    expect(signedAmount(12_000_000, compact)).toBe('+¥12M');
    expect(signedAmount(0, compact)).toBe('¥0M');
  });
});
