import type { Locale } from '../i18n/locales.ts';

/**
 * What each calculator says about itself, per language: shown at the top of the calculator's
 * card and read aloud when the narration reaches it (lessonScript gets this registry at build
 * time), so what is heard and what is seen are the same words. Each starts with 「この計算機では…」
 * / "This calculator …" because a listener hears it without seeing the card.
 *
 * One constant per calculator, so an island bundles only the text it shows.
 */

export const CLV_CALCULATOR_DESCRIPTION: Readonly<Record<Locale, string>> = {
  ja:
    'この計算機では、平均購入額、年間の購入回数、お付き合いの年数を入れると、顧客生涯価値を計算します。粗利率と割引率を入れると、利益ベースや、将来のお金を今の価値に直した金額も見られます。',
  en:
    'This calculator works out customer lifetime value from the average purchase, purchases per year and years of the relationship. Add a gross margin and a discount rate to see the profit view and the value of future money today.',
};

export const GROUP_CLV_ESTIMATOR_DESCRIPTION: Readonly<Record<Locale, string>> = {
  ja:
    'この計算機では、1年の総売上、総来店回数、お客様のおおよその人数と、お付き合いが続く年数から、平均的なお客様一人のCLVを見積もります。計算の順番も一つずつ表示します。',
  en:
    'This calculator estimates the CLV of an average customer from one year of total sales, total visits, the estimated number of customers and the years the relationship lasts. It shows each step of the calculation.',
};

export const LEVER_SIMULATOR_DESCRIPTION: Readonly<Record<Locale, string>> = {
  ja:
    'この計算機では、単価、購入回数、お付き合いの年数をそれぞれ何%動かすか、月額や保守などの継続収入をいくらにするかを決めると、CLVが変わる前と後、増えた金額、そして四つのレバーそれぞれの寄与を示します。',
  en:
    'This calculator lets you move the unit price, purchases per year and years of the relationship by a percentage, and set recurring revenue such as a monthly fee or maintenance. It shows CLV before and after, the change, and how much each of the four levers contributed.',
};

export const LTV_CAC_CALCULATOR_DESCRIPTION: Readonly<Record<Locale, string>> = {
  ja:
    'この計算機では、広告費と獲得できた人数から、一人あたりの獲得費用（CAC）がどう変わったかを出し、CLVと比べて採算を判定します。追加の予算を、新しいお客様の獲得と今のお客様の引き留めのどちらに使うと価値が大きいかも比べます。',
  en:
    'This calculator shows how the cost of winning one customer (CAC) changed, from advertising spend and customers won, and judges the economics by comparing CLV with CAC. It also compares spending an extra budget on winning new customers with spending it on keeping current ones.',
};

export const PARETO_EXPLORER_DESCRIPTION: Readonly<Record<Locale, string>> = {
  ja:
    'この計算機では、お客様の一覧から一人ずつのCLVを計算して高い順に並べ、上位のお客様が全体の何割を占めるかを曲線で示します。Excelの表や取引の記録を貼り付けると、自分のお客様でも試せます。',
  en:
    'This calculator works out each customer’s CLV from a customer list, ranks the customers and shows on a curve how much of the total the top customers bring. Paste a table from Excel or your transaction records to try it with your own customers.',
};

export const MONITORING_BOARD_DESCRIPTION: Readonly<Record<Locale, string>> = {
  ja:
    'この計算機では、ある電器店の18か月分の取引の記録を月ごとや四半期ごとにまとめ、お客様の数、一人あたりの購入回数、平均単価、リピーターの割合を並べます。二つの期間を選ぶと、売上の変化を客数・回数・単価の三つの効果に分けます。売上が横ばいでもリピーターが減っているときは、注意を表示します。',
  en:
    'This calculator groups 18 months of transactions of an electrical-appliance shop by month or by quarter and lists the number of customers, purchases per customer, the average ticket and the share of repeat customers. Pick two periods to split the change in sales into customer, frequency and price effects. It warns you when sales look flat but repeat customers are falling.',
};

/** The names `<Calculator name="…" />` accepts, with their descriptions. */
export const CALCULATOR_DESCRIPTIONS = {
  ClvCalculator: CLV_CALCULATOR_DESCRIPTION,
  GroupClvEstimator: GROUP_CLV_ESTIMATOR_DESCRIPTION,
  LeverSimulator: LEVER_SIMULATOR_DESCRIPTION,
  LtvCacCalculator: LTV_CAC_CALCULATOR_DESCRIPTION,
  ParetoExplorer: PARETO_EXPLORER_DESCRIPTION,
  MonitoringBoard: MONITORING_BOARD_DESCRIPTION,
} as const satisfies Record<string, Readonly<Record<Locale, string>>>;

export type CalculatorName = keyof typeof CALCULATOR_DESCRIPTIONS;

/** The registry turned around for `lessonScript`: per language, each calculator's description. */
export function calculatorDescriptionsByLocale(): Record<Locale, Record<CalculatorName, string>> {
  const byLocale = (locale: Locale) =>
    Object.fromEntries(Object.entries(CALCULATOR_DESCRIPTIONS).map(([name, text]) => [name, text[locale]])) as Record<CalculatorName, string>;
  return { ja: byLocale('ja'), en: byLocale('en') };
}
