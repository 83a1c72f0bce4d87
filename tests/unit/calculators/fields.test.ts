import { describe, expect, it } from 'vitest';
import { fieldErrorMessage, parseField, parseFields, type FieldSpec } from '../../../src/lib/calculators/fields.ts';
import { readCalculatorState, writeCalculatorState } from '../../../src/lib/calculators/urlState.ts';

const money: FieldSpec = { kind: 'money', min: 0 };
const count: FieldSpec = { kind: 'number', min: 0, max: 365 };
const percent: FieldSpec = { kind: 'percent', min: 0, max: 100, optional: true };

describe('parseField', () => {
  it.each([
    ['5000', money, 5000],
    ['5,000', money, 5000],
    ['５，０００円', money, 5000],
    ['¥5,000', money, 5000],
    ['5千円', money, 5000],
    ['1.5万', money, 15000],
    ['4回', count, 4],
    ['４', count, 4],
    ['40%', percent, 0.4],
    ['４０％', percent, 0.4],
    ['', percent, undefined],
  ])('%s reads as %s', (text, spec, expected) => {
    expect(parseField(text, spec)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', money, { code: 'required' }],
    ['abc', money, { code: 'not-a-number' }],
    ['-5', money, { code: 'too-small', limit: 0 }],
    ['400', count, { code: 'too-large', limit: 365 }],
    ['2.5', { kind: 'number', integer: true } as FieldSpec, { code: 'not-integer' }],
    ['120%', percent, { code: 'too-large', limit: 100 }],
  ])('%s is refused', (text, spec, error) => {
    expect(parseField(text, spec)).toEqual({ ok: false, error });
  });

  it('explains errors in both languages', () => {
    expect(fieldErrorMessage('ja', { code: 'too-large', limit: 1000 })).toBe('1,000以下の値を入力してください。');
    expect(fieldErrorMessage('en', { code: 'not-a-number' })).toContain('not a number');
  });
});

describe('parseFields', () => {
  it('gives values only when every field is valid', () => {
    const specs = { price: money, count };
    expect(parseFields({ price: '5,000', count: '4' }, specs)).toEqual({ values: { price: 5000, count: 4 }, errors: {} });
    expect(parseFields({ price: 'x', count: '4' }, specs)).toEqual({ values: null, errors: { price: { code: 'not-a-number' } } });
  });
});

describe('calculator state in the URL', () => {
  it('reads only its own namespaced keys', () => {
    expect(readCalculatorState('?clv.price=8000&other.price=1&clv.years=3', 'clv', ['price', 'years', 'count'])).toEqual({
      price: '8000',
      years: '3',
    });
  });

  it('writes changed values, drops defaults and keeps other keys', () => {
    const query = writeCalculatorState('?other.x=1&clv.years=9', 'clv', { price: '8,000', years: '5' }, { price: '5000', years: '5' });
    const params = new URLSearchParams(query);
    expect(params.get('clv.price')).toBe('8,000');
    expect(params.has('clv.years')).toBe(false);
    expect(params.get('other.x')).toBe('1');
    expect(writeCalculatorState('', 'clv', { price: '5000' }, { price: '5000' })).toBe('');
  });
});
