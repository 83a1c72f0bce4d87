import { describe, expect, it } from 'vitest';
import { toSpoken } from '../../../src/lib/narration/lexicon.ts';

describe('the Japanese lexicon', () => {
  it.each([
    ['LTVとCLVとCAC', 'エルティーブイとシーエルブイとシーエーシー'],
    ['KPIとCS満足度とVOC', 'ケーピーアイとシーエス満足度とブイオーシー'],
    ['B2Bの顧客ID', 'ビートゥービーの顧客アイディー'],
    ['LINEで送り、POSレジで数え、SaaSで売る', 'ラインで送り、ポスレジで数え、サースで売る'],
    ['LTV型の営業', 'エルティーブイ型の営業'],
    ['CLVXやLTVsは知らない語', 'CLVXやLTVsは知らない語'],
    ['1.1×1.1', '1.1かける1.1'],
    ['CLV ＝ 平均購入単価 × 年間購入回数', 'シーエルブイは平均購入単価かける年間購入回数'],
    ['3,500÷8,000', '3,500わる8,000'],
    ['±25%から±5％に', 'プラスマイナス25パーセントからプラスマイナス5パーセントに'],
    ['¥5,000と￥1.2万', '5,000円と1.2万円'],
    ['3〜5年', '3から5年'],
    ['CLVの基本式 ― 単価・回数・年数', 'シーエルブイの基本式、単価・回数・年数'],
  ])('%s → %s', (display, spoken) => {
    expect(toSpoken(display, 'ja')).toBe(spoken);
  });
});

describe('the English lexicon', () => {
  it.each([
    ['LTV, CLV and CAC', 'L T V, C L V and C A C'],
    ['set one KPI, then more KPIs', "set one K P I, then more K P I's"],
    ["the CLV's growth", "the C L V's growth"],
    ['LTVX and CLVs', "LTVX and C L V's"],
    ['B2B sales by customer ID', 'B to B sales by customer I D'],
    ['LINE messages', 'Line messages'],
    ['1.1 × 1.1', '1.1 times 1.1'],
    ['CLV = price × visits', 'C L V equals price times visits'],
    ['¥5,000 and ¥10 million', '5,000 yen and 10 million yen'],
    ['from ±25% to ±5%', 'from plus or minus 25% to plus or minus 5%'],
    ['3–5 years', '3 to 5 years'],
    ['Case A: longer — in Nagano', 'Case A: longer, in Nagano'],
    ['Nothing to change here.', 'Nothing to change here.'],
  ])('%s → %s', (display, spoken) => {
    expect(toSpoken(display, 'en')).toBe(spoken);
  });
});
