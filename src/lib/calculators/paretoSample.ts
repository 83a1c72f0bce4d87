import { createRng, type Rng } from '../clv/random.ts';
import type { Locale } from '../i18n/locales.ts';

/**
 * The sample customer list of the Pareto explorer: a parts trader with 100 business customers
 * (small factories and manufacturers), as in the lesson "uses of CLV". Seeded, so every learner
 * sees the same list. Built to reproduce the lesson's figures exactly: yearly sales of
 * 50,000,000 yen in total, of which the top 20 accounts bring 40,000,000 (80%) and the other 80
 * bring 10,000,000 (125,000 yen each on average).
 *
 * Each account has an average order (whole yen), orders per year and expected years of business,
 * so yearly sales = average order x orders per year. A few top accounts are one-off large orders
 * from new customers: large this year, short relationship, so ranking by CLV moves them down.
 */

export interface SampleCustomer {
  name: string;
  averagePurchase: number;
  purchasesPerYear: number;
  years: number;
}

export const SAMPLE_TOTAL_SALES = 50_000_000;
export const SAMPLE_TOP_SALES = 40_000_000;
export const SAMPLE_SIZE = 100;
export const SAMPLE_TOP_COUNT = 20;
const SEED = 20_240_401;

// Orders per year. Their lcm is 12, so a yearly figure that is a multiple of 1,200 yen always
// divides into a whole-yen average order; the one account that absorbs the rounding orders 1, 2
// or 4 times a year, which divides any multiple of 400 (both segment totals are).
const TOP_ORDERS = [12, 12, 12, 6, 6, 4, 3] as const;
const SMALL_ORDERS = [1, 2, 2, 3, 4, 4, 6, 12] as const;
const STEP = 1_200;

interface Segment {
  count: number;
  total: number;
  min: number;
  max: number;
  sigma: number;
}

const TOP: Segment = { count: SAMPLE_TOP_COUNT, total: SAMPLE_TOP_SALES, min: 700_000, max: 6_000_000, sigma: 0.6 };
const REST: Segment = {
  count: SAMPLE_SIZE - SAMPLE_TOP_COUNT,
  total: SAMPLE_TOTAL_SALES - SAMPLE_TOP_SALES,
  min: 12_000,
  max: 480_000,
  sigma: 0.8,
};

/** The 100 sample accounts, largest yearly sales first. Deterministic. */
export function paretoSampleCustomers(locale: Locale): SampleCustomer[] {
  const rng = createRng(SEED);
  const names = accountNames(rng, locale, SAMPLE_SIZE);
  const top = yearlySales(rng, TOP);
  const rest = yearlySales(rng, REST);
  const customers: SampleCustomer[] = [];
  top.forEach((sales, i) => {
    // Three of the top accounts are new customers with one large order this year.
    const oneOff = i === 2 || i === 7 || i === 13;
    const orders = oneOff ? 1 : pick(rng, TOP_ORDERS);
    const years = oneOff ? 1 : rng.int(4, 20);
    customers.push(account(names[customers.length]!, sales, orders, years));
  });
  rest.forEach((sales) => {
    customers.push(account(names[customers.length]!, sales, pick(rng, SMALL_ORDERS), rng.int(1, 12)));
  });
  absorbRounding(customers, 0, SAMPLE_TOP_COUNT, SAMPLE_TOP_SALES);
  absorbRounding(customers, SAMPLE_TOP_COUNT, SAMPLE_SIZE, SAMPLE_TOTAL_SALES - SAMPLE_TOP_SALES);
  const sales = (c: SampleCustomer) => c.averagePurchase * c.purchasesPerYear;
  return customers.sort((a, b) => sales(b) - sales(a));
}

function account(name: string, sales: number, orders: number, years: number): SampleCustomer {
  return { name, averagePurchase: sales / orders, purchasesPerYear: orders, years };
}

/** Log-normal yearly sales within [min, max], scaled to the segment total, multiples of STEP, largest first. */
function yearlySales(rng: Rng, segment: Segment): number[] {
  let values = Array.from({ length: segment.count }, () => Math.exp(segment.sigma * rng.normal()));
  // Scale to the total, clamp, and rescale the unclamped ones until the clamps settle.
  for (let pass = 0; pass < 20; pass++) {
    const sum = values.reduce((a, b) => a + b, 0);
    values = values.map((value) => Math.min(segment.max, Math.max(segment.min, (value * segment.total) / sum)));
  }
  return values.map((value) => Math.round(value / STEP) * STEP).sort((a, b) => b - a);
}

/**
 * Makes customers[from..to) sum exactly to `total` by moving the rounding difference to the
 * largest account that orders 1, 2 or 4 times a year (so its average order stays whole yen).
 */
function absorbRounding(customers: SampleCustomer[], from: number, to: number, total: number): void {
  const segment = customers.slice(from, to);
  const sum = segment.reduce((acc, c) => acc + c.averagePurchase * c.purchasesPerYear, 0);
  let absorber = segment.find((c) => c.purchasesPerYear === 1 || c.purchasesPerYear === 2 || c.purchasesPerYear === 4);
  if (!absorber) {
    absorber = segment[0]!;
    absorber.averagePurchase = (absorber.averagePurchase * absorber.purchasesPerYear) / 4;
    absorber.purchasesPerYear = 4;
  }
  absorber.averagePurchase += (total - sum) / absorber.purchasesPerYear;
}

function pick<T>(rng: Rng, options: readonly T[]): T {
  return options[rng.int(0, options.length - 1)]!;
}

// Company names as a parts trader's customer list shows them: a name part and a trade.
const NAME_PARTS: ReadonlyArray<readonly [string, string]> = [
  ['東和', 'Towa'], ['大成', 'Taisei'], ['三協', 'Sankyo'], ['北斗', 'Hokuto'], ['丸山', 'Maruyama'],
  ['中央', 'Chuo'], ['昭和', 'Showa'], ['富士', 'Fuji'], ['旭', 'Asahi'], ['新栄', 'Shin-ei'],
  ['共栄', 'Kyoei'], ['日進', 'Nisshin'], ['光洋', 'Koyo'], ['太陽', 'Taiyo'], ['山田', 'Yamada'],
  ['大和', 'Yamato'], ['協和', 'Kyowa'], ['朝日', 'Asahi-do'], ['松本', 'Matsumoto'], ['青木', 'Aoki'],
  ['高田', 'Takada'], ['千代田', 'Chiyoda'], ['城南', 'Jonan'], ['若葉', 'Wakaba'], ['石川', 'Ishikawa'],
];
const TRADES: ReadonlyArray<readonly [string, string]> = [
  ['精機', 'Precision'], ['製作所', 'Works'], ['工業', 'Industries'], ['金属', 'Metals'],
  ['電機', 'Electric'], ['機械', 'Machinery'], ['技研', 'Engineering'], ['産業', 'Sangyo'],
];

/** `count` distinct names, shuffled with the generator. */
function accountNames(rng: Rng, locale: Locale, count: number): string[] {
  const all: string[] = [];
  for (const [partJa, partEn] of NAME_PARTS) {
    for (const [tradeJa, tradeEn] of TRADES) all.push(locale === 'ja' ? `${partJa}${tradeJa}` : `${partEn} ${tradeEn}`);
  }
  for (let i = all.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return all.slice(0, count);
}

/** The two accounts of the lesson "calculate step by step": 100,000 yen and 30,000 yen. */
export function twoClientCustomers(locale: Locale): SampleCustomer[] {
  return [
    { name: locale === 'ja' ? '駅前の和食店' : 'Restaurant by the station', averagePurchase: 5_000, purchasesPerYear: 4, years: 5 },
    { name: locale === 'ja' ? '郊外のカフェ' : 'Café in the suburbs', averagePurchase: 3_000, purchasesPerYear: 2, years: 5 },
  ];
}

/**
 * A year of invoices of a tableware and packaging wholesaler (April to March), as the
 * transaction layout the core reads: customer, date, amount, with the learner's headers.
 */
export function sampleTransactionsText(locale: Locale): string {
  const rows: Array<[string, string, number]> = [
    ['C001', '2024-04-01', 4_800], ['C001', '2024-07-03', 5_200], ['C001', '2024-10-02', 5_000], ['C001', '2025-01-15', 5_000],
    ['C002', '2024-05-10', 2_800], ['C002', '2024-11-20', 3_200],
    ['C003', '2024-04-12', 18_000], ['C003', '2024-06-14', 22_000], ['C003', '2024-08-09', 19_500],
    ['C003', '2024-10-11', 21_000], ['C003', '2024-12-13', 26_000], ['C003', '2025-02-14', 20_500],
    ['C004', '2024-09-02', 64_000],
    ['C005', '2024-04-22', 7_500], ['C005', '2024-06-20', 8_200], ['C005', '2024-09-19', 7_900], ['C005', '2024-12-18', 9_100],
    ['C005', '2025-03-18', 8_300],
    ['C006', '2025-02-03', 12_000], ['C006', '2025-03-31', 11_000],
  ];
  const header = locale === 'ja' ? '顧客ID,日付,金額' : 'customer_id,date,amount';
  return [header, ...rows.map((row) => row.join(','))].join('\n');
}
