import { describe, expect, it } from 'vitest';
import { findTerm, termCandidates } from '../../../src/lib/course/keyTerms.ts';

describe('termCandidates', () => {
  it.each([
    ['LTV（顧客生涯価値）', ['LTV（顧客生涯価値）', '顧客生涯価値', 'LTV']],
    ['LTV (customer lifetime value)', ['LTV (customer lifetime value)', 'customer lifetime value', 'LTV']],
    ['アップセル', ['アップセル']],
    ['CAC（顧客獲得コスト）', ['CAC（顧客獲得コスト）', '顧客獲得コスト', 'CAC']],
  ])('%s -> %j', (term, expected) => {
    expect(termCandidates(term)).toEqual(expected);
  });
});

describe('findTerm', () => {
  it.each([
    // "LTV" starts at 3 in "これがLTVです", and no longer candidate starts there.
    ['これがLTVです', 'LTV（顧客生涯価値）', { index: 3, length: 3 }],
    // The whole term is preferred to its part at the same position.
    ['LTV（顧客生涯価値）とは', 'LTV（顧客生涯価値）', { index: 0, length: 11 }],
    ['Our upsell rate', 'Upsell', { index: 4, length: 6 }],
    ['CACHE and CAC', 'CAC (customer acquisition cost)', { index: 10, length: 3 }],
    ['関係のない文です', 'LTV（顧客生涯価値）', null],
  ])('finds the term in %s', (text, term, expected) => {
    expect(findTerm(text, termCandidates(term))).toEqual(expected);
  });
});
