import { describe, expect, it } from 'vitest';
import { readLessons } from './helpers.ts';

/**
 * Every item of the curriculum fact sheet (../shared/curriculum-facts.md) is taught by a lesson.
 * Each entry names the lesson and phrases or figures that must appear in its Japanese and
 * English text; a rewrite that drops a fact fails here.
 */
const COVERAGE: { item: string; lesson: string; ja: string[]; en: string[] }[] = [
  { item: 'M1.1 what LTV is', lesson: 'what-is-ltv', ja: ['顧客生涯価値', 'アップセル', 'クロスセル', 'マーケティング'], en: ['lifetime value', 'upsell', 'cross-sell', 'marketing'] },
  { item: 'M1.2 sell and forget', lesson: 'sell-and-forget', ja: ['売って終わり', '伴走', '競合'], en: ['sell and forget', 'competitor'] },
  { item: 'M1.3 benefits', lesson: 'benefits-of-ltv-selling', ja: ['半年後', '価格競争'], en: ['six months', 'price'] },
  { item: 'M1.4 moving to LTV selling', lesson: 'moving-to-ltv-selling', ja: ['アップセル率', 'カスタマーサクセス'], en: ['upsell rate', 'churn'] },
  { item: 'M1.5 growing companies', lesson: 'growing-companies', ja: ['更新率', 'カスタマーサクセス', 'VOC'], en: ['renewal rate', 'customer success', 'voice of the customer'] },
  { item: 'M1.6 why it is hard', lesson: 'why-ltv-is-hard', ja: ['仕組み', '評価', '教育'], en: ['system, evaluation'] },
  { item: 'M2.1 formula 5,000 x 4 x 5', lesson: 'clv-formula', ja: ['5,000円', '100,000円'], en: ['5,000 yen', '100,000 yen'] },
  { item: 'M2.2 CAC rising, 10 then 3', lesson: 'why-clv-now', ja: ['10人から3人', '3,333'], en: ['3,333', '10 customers'] },
  { item: 'M2.3 uses, Pareto 80/20', lesson: 'uses-of-clv', ja: ['上位20%', '約80%'], en: ['top 20%', '80%'] },
  { item: 'M2.4 group averages, restaurant 30,000', lesson: 'calculate-step-by-step', ja: ['2,000円', '30,000円', '200人'], en: ['2,000 yen', '30,000 yen'] },
  { item: 'M2.5 case A Nagano 40% to 68%', lesson: 'four-levers', ja: ['長野', '40%から68%'], en: ['Nagano', '40% to 68%'] },
  { item: 'M2.5 case B Osaka 1.0 to 1.4, +15%', lesson: 'four-levers', ja: ['大阪', '1.0回から1.4回', '15%'], en: ['Osaka', '1.0 to 1.4', '15%'] },
  { item: 'M2.5 case C Tokyo 8,000 to 11,500', lesson: 'four-levers', ja: ['東京', '8,000円から11,500円'], en: ['Tokyo', '11,500'] },
  { item: 'M2.5 case D Gifu ±25% to ±5%', lesson: 'four-levers', ja: ['岐阜', '±25%から±5%'], en: ['Gifu', '±25% to ±5%'] },
  { item: 'M2.6 monitoring and CLV vs CAC', lesson: 'monitoring-clv', ja: ['四半期', 'CAC', 'LINE'], en: ['quarter', 'CAC', 'LINE'] },
];

const lessons = readLessons();

describe.each(COVERAGE)('$item', ({ lesson: id, ja, en }) => {
  it.each([
    ['ja', ja],
    ['en', en],
  ] as const)('is taught in %s', (locale, phrases) => {
    const lesson = lessons.find((candidate) => candidate.locale === locale && candidate.frontmatter['id'] === id);
    expect(lesson, `${locale}/${id}.mdx`).toBeDefined();
    const text = lesson!.body.toLowerCase();
    for (const phrase of phrases) expect(text, `${locale}/${id}: "${phrase}"`).toContain(phrase.toLowerCase());
  });
});

it('covers every module item of the fact sheet', () => {
  const items = new Set(COVERAGE.map((entry) => entry.item.split(' ')[0]));
  const expected = ['M1.1', 'M1.2', 'M1.3', 'M1.4', 'M1.5', 'M1.6', 'M2.1', 'M2.2', 'M2.3', 'M2.4', 'M2.5', 'M2.6'];
  expect([...items].sort()).toEqual(expected);
});
