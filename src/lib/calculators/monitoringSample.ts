import { dayNumberToIso, daysFromCivil } from '../clv/dates.ts';
import { createRng, type Rng } from '../clv/random.ts';
import type { TransactionRow } from '../clv/types.ts';

/**
 * Sample transactions for the monitoring board: the main shop of a local electrical-appliance
 * store, shaped like the lesson "monitoring CLV": sales stay about flat, but behind them regular
 * customers are leaving (more of them drop out every month from mid-2024) while flyer campaigns
 * bring more and more new customers, most of whom buy once. The average ticket stays about
 * 10,000 yen throughout. Seeded: every learner sees the same data.
 *
 * The board shows 18 months, January 2024 to June 2025. The records start six months earlier,
 * in July 2023, so that a regular customer's first purchase in the records is not mistaken for
 * a new customer in the months shown (the core counts a customer as new in the period of their
 * first purchase in the data).
 */

export const SAMPLE_START = { year: 2023, month: 7 };
export const SAMPLE_MONTHS = 24;
/** First day shown on the board: the months before only tell new customers from returning ones. */
export const SAMPLE_SHOWN_FROM = '2024-01-01';
const SEED = 2;

/** Regulars at the start, their visits per month (mean), and the monthly chance they leave. */
const REGULARS = 330;
const REGULAR_VISITS_PER_MONTH = 0.6;
const CHURN_EARLY = 0.01;
const CHURN_LATE = 0.04;
/** Month (from the start of the records) from which more regulars leave and flyers bring more new customers. */
const TURN = 12;
/** New customers per month from flyers: a few at first, then growing each month. */
const NEW_EARLY = 14;
const NEW_GROWTH = 4.8;
/** Share of new customers who come back now and then, their visits per month, and their monthly churn. */
const NEW_WHO_RETURN = 0.1;
const NEW_VISITS_PER_MONTH = 0.3;
const NEW_CHURN = 0.06;
const TICKET = 10_000;

interface Customer {
  id: string;
  visitsPerMonth: number;
  churn: number;
  active: boolean;
}

/** The sample rows, in date order. */
export function monitoringSampleTransactions(): TransactionRow[] {
  const rng = createRng(SEED);
  const rows: TransactionRow[] = [];
  const customers: Customer[] = [];
  let nextId = 1;
  const newCustomer = (visitsPerMonth: number, churn: number): Customer => {
    const customer = { id: `K${String(nextId++).padStart(4, '0')}`, visitsPerMonth, churn, active: true };
    customers.push(customer);
    return customer;
  };
  for (let i = 0; i < REGULARS; i++) newCustomer(rng.gamma(4, REGULAR_VISITS_PER_MONTH / 4), CHURN_EARLY);

  for (let m = 0; m < SAMPLE_MONTHS; m++) {
    const first = daysFromCivil(SAMPLE_START.year + Math.floor((SAMPLE_START.month - 1 + m) / 12), ((SAMPLE_START.month - 1 + m) % 12) + 1, 1);
    const next = daysFromCivil(SAMPLE_START.year + Math.floor((SAMPLE_START.month + m) / 12), ((SAMPLE_START.month + m) % 12) + 1, 1);
    const days = next - first;
    const buy = (customer: Customer) => rows.push({ customerId: customer.id, date: dayNumberToIso(first + rng.int(0, days - 1)), amount: ticket(rng) });
    for (const customer of customers) {
      if (!customer.active) continue;
      if (m >= TURN && customer.churn === CHURN_EARLY) customer.churn = CHURN_LATE;
      if (rng.next() < customer.churn) {
        customer.active = false;
        continue;
      }
      const visits = rng.poisson(customer.visitsPerMonth);
      for (let v = 0; v < visits; v++) buy(customer);
    }
    const arrivals = Math.round(NEW_EARLY + Math.max(0, m - TURN + 1) * NEW_GROWTH);
    for (let i = 0; i < arrivals; i++) {
      const returns = rng.next() < NEW_WHO_RETURN;
      // Created after this month's loop over customers, so the flyer purchase is their only one this month.
      buy(newCustomer(returns ? NEW_VISITS_PER_MONTH : 0, returns ? NEW_CHURN : 1));
    }
  }
  return rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** About 10,000 yen, rounded to 10 yen as shop prices are; the same for regulars and newcomers. */
function ticket(rng: Rng): number {
  return Math.round((TICKET * Math.exp(0.3 * rng.normal() - 0.3 ** 2 / 2)) / 10) * 10;
}
