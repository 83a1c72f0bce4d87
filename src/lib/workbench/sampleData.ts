import { createRng, type Rng } from '../clv/random.ts';
import { civilFromDays, dayNumberToIso, isoToDayNumber } from '../clv/dates.ts';

/**
 * The bundled sample: two fiscal years of a fictional Japanese tea shop (a main store, a
 * station store and an online shop) with a few thousand members, drawn from the same story the
 * models tell, so the fit is meaningful: each customer buys at their own Poisson rate
 * (λ ~ Gamma) while active and may drop out after each purchase (p ~ Beta), as the BG/NBD
 * assumes; spend per visit is Gamma with a customer-specific scale (the Gamma-Gamma model).
 * On top, what real shop data has and the models ignore: gift seasons (お中元 in July, お歳暮
 * in December) and a quiet January-February, receipts split into two lines (tea and sweets),
 * and a few refunds. Deterministic for a seed: `scripts/generate-sample.ts` writes
 * `public/samples/tea-shop-transactions.csv` with SAMPLE_OPTIONS.
 */

export interface SampleOptions {
  seed: number;
  customers: number;
  /** First and last day of the data, inclusive. */
  start: string;
  end: string;
  /** Other population parameters (the benchmark draws busier customers). */
  model?: Partial<typeof SAMPLE_MODEL>;
}

/** The bundled sample's settings: the seed is the shop's fiscal-year start. */
export const SAMPLE_OPTIONS: SampleOptions = { seed: 20240401, customers: 3000, start: '2024-04-01', end: '2026-03-31' };

/** Where the page fetches the sample from. */
export const SAMPLE_PATH = '/samples/tea-shop-transactions.csv';

/** Population parameters per day (BG/NBD) and per visit in yen (Gamma-Gamma). */
export const SAMPLE_MODEL = {
  /** λ ~ Gamma(shape 0.9, scale 1/75): on average one visit every ~80 days. */
  purchaseShape: 0.9,
  purchaseScaleDays: 75,
  /** Drop-out after a purchase ~ Beta(0.7, 4): about one in seven per visit. */
  dropoutA: 0.7,
  dropoutB: 4,
  /** Spend per visit ~ Gamma(shape p = 4, rate ν), ν ~ Gamma(shape q = 5, rate v = 4,000): mean p·v/(q−1) = 4,000 yen. */
  spendShape: 4,
  spendQ: 5,
  spendV: 4000,
};

/** One line of the sample: one receipt line. */
export interface SampleLine {
  receipt: string;
  customerId: string;
  date: string;
  store: string;
  category: string;
  amount: number;
}

/** The columns of the sample file, in Japanese as a Japanese POS export would have them. */
export const SAMPLE_HEADER = ['伝票番号', '顧客ID', '購入日', '店舗', '商品区分', '金額'];

const STORES = ['本店', '駅前店', 'オンライン'];
const CATEGORIES = ['茶葉', '和菓子', '茶器', '贈答品'];
/** Visit-rate multiplier by month (January = 0): gift seasons up, after New Year down. */
const SEASON = [0.75, 0.8, 1, 1, 1, 1, 1.35, 1, 1, 1, 1.1, 1.6];
const MAX_SEASON = Math.max(...SEASON);

/** The sample's receipt lines in date order. */
export function generateSample(options: SampleOptions = SAMPLE_OPTIONS): SampleLine[] {
  const rng = createRng(options.seed);
  const model = { ...SAMPLE_MODEL, ...options.model };
  const first = isoToDayNumber(options.start);
  const last = isoToDayNumber(options.end);
  const visits: Array<{ day: number; customer: number; amount: number; store: number }> = [];
  for (let c = 0; c < options.customers; c++) {
    // A third were already members when the data starts; the rest join at an even pace.
    const joined = rng.next() < 1 / 3 ? first + rng.int(0, 59) : first + rng.int(0, last - first);
    const lambda = rng.gamma(model.purchaseShape, 1 / model.purchaseScaleDays);
    const dropout = rng.beta(model.dropoutA, model.dropoutB);
    const spendRate = rng.gamma(model.spendQ, 1 / model.spendV);
    const store = rng.int(0, STORES.length - 1);
    let day = joined;
    for (let visit = 0; ; visit++) {
      visits.push({ day, customer: c, amount: roundYen(rng.gamma(model.spendShape, 1 / spendRate)), store });
      // BG/NBD: the chance to drop out comes after each repeat purchase (not the first).
      if (visit > 0 && rng.next() < dropout) break;
      const next = nextVisit(rng, day, lambda * MAX_SEASON);
      if (next > last) break;
      day = next;
    }
  }
  visits.sort((a, b) => a.day - b.day || a.customer - b.customer);
  const lines: SampleLine[] = [];
  let receipt = 0;
  for (const visit of visits) {
    const customerId = `T${String(visit.customer + 1).padStart(5, '0')}`;
    const date = dayNumberToIso(visit.day);
    const store = STORES[rng.next() < 0.85 ? visit.store : rng.int(0, STORES.length - 1)]!;
    const number = `R${String(++receipt).padStart(6, '0')}`;
    const giftSeason = [6, 11].includes(civilFromDays(visit.day).month - 1);
    const category = CATEGORIES[giftSeason && rng.next() < 0.5 ? 3 : rng.int(0, 2)]!;
    if (visit.amount >= 2000 && rng.next() < 0.2) {
      // Tea and sweets on one receipt: two lines of one visit.
      const sweets = roundYen(visit.amount * (0.2 + 0.2 * rng.next()));
      lines.push({ receipt: number, customerId, date, store, category, amount: visit.amount - sweets });
      lines.push({ receipt: number, customerId, date, store, category: '和菓子', amount: sweets });
    } else lines.push({ receipt: number, customerId, date, store, category, amount: visit.amount });
    if (rng.next() < 0.004 && visit.day + 3 <= last) {
      // A returned item a few days later.
      const refundDay = dayNumberToIso(visit.day + rng.int(1, 3));
      lines.push({ receipt: `R${String(++receipt).padStart(6, '0')}`, customerId, date: refundDay, store, category, amount: -roundYen(visit.amount * 0.3) });
    }
  }
  return lines.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The lines as CSV text (UTF-8, CRLF, no BOM: the script adds it so Excel opens the file cleanly). */
export function sampleCsv(lines: readonly SampleLine[]): string {
  const body = lines.map((line) => [line.receipt, line.customerId, line.date, line.store, line.category, line.amount].join(','));
  return [SAMPLE_HEADER.join(','), ...body].join('\r\n') + '\r\n';
}

/** The next visit of a Poisson process with a seasonal rate, by thinning (Lewis & Shedler 1979). */
function nextVisit(rng: Rng, day: number, maxRate: number): number {
  let at = day;
  for (;;) {
    at += rng.exponential(maxRate);
    const candidate = Math.ceil(at);
    if (rng.next() * MAX_SEASON < SEASON[civilFromDays(candidate).month - 1]!) return Math.max(candidate, day + 1);
  }
}

function roundYen(amount: number): number {
  return Math.max(100, Math.round(amount / 10) * 10);
}
