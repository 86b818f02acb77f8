/**
 * New and returning customers over time (domain.md, "The review from an order list"): new vs returning
 * buyers and GMV by month, the cohort retention matrix with its average month-1/3/6 retention, and each
 * cohort's cumulative revenue per customer by months since its first order (the LTV curve).
 */
import { idCount, monthOfDay, type OrderTable } from "../customers/orderTable";
import type { CustomerScores } from "../customers/rfm";
import type { Cohort } from "../customers/segmentation";
import type { Month } from "../read/month";
import type { Period } from "../kpi/scorecard";
import { periodMonths } from "../kpi/scorecard";
import type { OrdersMonthly } from "./monthlyFromOrders";

export interface CustomerMonth {
  month: Month;
  newBuyers: number;
  returningBuyers: number;
  newGmv: number;
  returningGmv: number;
}

export interface CohortRow extends Cohort {
  /** Cumulative revenue per customer of the cohort by months since its first order; ltv[0] is its first month. */
  ltv: number[];
}

export interface CustomersOverTimeSection {
  months: CustomerMonth[];
  /** The whole period, buyers counted once over it (not the sum of the months). */
  period: Omit<CustomerMonth, "month">;
  /** The latest cohorts (at most `maxCohorts`), retention and LTV cut at `maxOffset` months. */
  cohorts: CohortRow[];
  maxOffset: number;
  /** Size-weighted average retention at months 1..maxOffset over the cohorts shown that reached that month. */
  averageRetention: Array<{ offset: number; value: number | null }>;
  /** Months of data before the period: below 12, new customers are over-counted. */
  historyMonths: number;
}

/** The retention months the highlights cite. */
export const RETENTION_OFFSETS = [1, 3, 6];

/** Cumulative revenue per customer by months since the first order, for the cohorts of `cohorts` (by label). */
export function cohortLtv(orders: OrderTable, scores: CustomerScores, cohorts: readonly Cohort[], maxOffset: number): number[][] {
  const index = new Map(cohorts.map((c, i) => [c.cohort, i]));
  const customers = idCount(orders.customer);
  const cohortOfCustomer = new Int32Array(customers).fill(-1);
  const firstMonth = new Int32Array(customers);
  for (let k = 0; k < scores.count; k++) {
    const m = monthOfDay(scores.firstDay[k]);
    const label = `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;
    const i = index.get(label);
    if (i === undefined) continue;
    cohortOfCustomer[scores.source[k]] = i;
    firstMonth[scores.source[k]] = m;
  }
  const revenue = cohorts.map(() => new Float64Array(maxOffset + 1));
  for (let r = 0; r < orders.rows; r++) {
    const d = orders.day[r];
    if (d >= scores.asOf) continue;
    const c = orders.customer[r];
    const i = cohortOfCustomer[c];
    if (i < 0) continue;
    const offset = monthOfDay(d) - firstMonth[c];
    if (offset <= maxOffset) revenue[i][offset] += orders.amount[r];
  }
  return cohorts.map((cohort, i) => {
    const observed = Math.min(maxOffset, cohort.retention.length - 1);
    let sum = 0;
    return Array.from({ length: observed + 1 }, (_, k) => (sum += revenue[i][k]) / cohort.customers);
  });
}

export function customersOverTime(
  monthly: OrdersMonthly,
  period: Period,
  orders: OrderTable,
  scores: CustomerScores,
  cohorts: readonly Cohort[],
  options: { maxCohorts: number; maxOffset: number } = { maxCohorts: 24, maxOffset: 12 },
): CustomersOverTimeSection | null {
  const months = periodMonths(period).flatMap((month): CustomerMonth[] => {
    const k = monthly.months.indexOf(month);
    if (k < 0) return [];
    const f = monthly.monthly[k];
    return [{ month, newBuyers: f.newBuyers, returningBuyers: f.buyers - f.newBuyers, newGmv: f.newGmv, returningGmv: f.gmv - f.newGmv }];
  });
  if (months.length === 0) return null;
  // Cohorts up to the period's last month (the order list may run past the period reviewed).
  const last = `${Math.floor(period.to / 12)}-${String((period.to % 12) + 1).padStart(2, "0")}`;
  const shown = cohorts.filter((c) => c.cohort <= last).slice(-options.maxCohorts).map((c) => ({ ...c, retention: c.retention.slice(0, options.maxOffset + 1) }));
  const ltv = cohortLtv(orders, scores, shown, options.maxOffset);
  const rows = shown.map((c, i) => ({ ...c, ltv: ltv[i] }));
  const averageRetention = Array.from({ length: options.maxOffset }, (_, k) => k + 1).map((offset) => {
    let retained = 0;
    let customers = 0;
    for (const c of rows) {
      if (c.retention.length <= offset) continue;
      retained += c.retention[offset] * c.customers;
      customers += c.customers;
    }
    return { offset, value: customers === 0 ? null : retained / customers };
  });
  const whole = monthly.period(periodMonths(period).filter((m) => monthly.months.includes(m)))!;
  const periodRow = { newBuyers: whole.newBuyers, returningBuyers: whole.buyers - whole.newBuyers, newGmv: whole.newGmv, returningGmv: whole.gmv - whole.newGmv };
  return { months, period: periodRow, cohorts: rows, maxOffset: options.maxOffset, averageRetention, historyMonths: period.from - monthly.firstMonth };
}
