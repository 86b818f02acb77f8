/**
 * Monthly figures built from an order list (domain.md, "The review from an order list"), as the same
 * MonthlyTable the monthly-sheet reader gives, so that the scorecard, trend, targets, target split and
 * highlights work unchanged:
 *   GMV = sum of amounts (a refund row, negative, counts in the month of its date);
 *   orders = distinct order ids (a row is an order where there are none) among sale rows (amount > 0);
 *   buyers = distinct customers with a sale in the month, and over a period distinct over the whole period;
 *   repeat buyers = buyers with two or more orders in the month (period);
 *   new customers = customers whose first order in the data falls in the month (period);
 *   新客GMV / 老客GMV = GMV of new / returning customers;
 *   refunds = the refund rows' amounts in the month of their date; units = the sale lines' quantities.
 * Counts that do not add up over months (buyers, repeat buyers, orders) carry `periodTotal`, the exact value
 * over any set of months, which the scorecard uses instead of a sum.
 */
import { idCount, monthOfDay, type OrderTable } from "../customers/orderTable";
import { defaultAsOf } from "../customers/rfm";
import type { MonthlyColumn, MonthlyTable } from "../read/monthlyTable";
import type { Month } from "../read/month";
import type { BaseMetricKey } from "../metrics/catalog";

export interface PeriodFigures {
  gmv: number;
  orders: number;
  buyers: number;
  repeatBuyers: number;
  newCustomers: number;
  /** New customers who bought in the months (their first order is there). */
  newBuyers: number;
  newGmv: number;
  refunds: number;
  /** Units sold (sum of sale lines' quantities); NaN where a sale line has no quantity, 0 without a quantity column. */
  units: number;
}

export interface OrdersMonthly {
  table: MonthlyTable;
  /** Every month from the first to the last order before as-of, ascending. */
  months: Month[];
  /** Figures of each month, aligned with `months`. */
  monthly: PeriodFigures[];
  /** Exact figures over a set of months (distinct buyers over the whole set); null where a month has no data. */
  period(months: readonly Month[]): PeriodFigures | null;
  /** Month of the first order in the data: with less than 12 months before a period, new customers are over-counted. */
  firstMonth: Month;
  asOf: number;
}

/** Neumaier's compensated sum, so sums of amounts do not drift with the number of rows. */
class ExactSum {
  private sum = 0;
  private compensation = 0;
  add(x: number): void {
    const t = this.sum + x;
    this.compensation += Math.abs(this.sum) >= Math.abs(x) ? this.sum - t + x : x - t + this.sum;
    this.sum = t;
  }
  get value(): number {
    return this.sum + this.compensation;
  }
}

/** Builds the monthly figures of an order list; rows dated on or after `asOf` (default: the day after the latest) are left out. */
export function monthlyFromOrders(orders: OrderTable, options: { asOf?: number; sheet?: string } = {}): OrdersMonthly | null {
  const quantity = orders.quantity ?? null;
  const asOf = options.asOf ?? defaultAsOf(orders);
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < orders.rows; i++) {
    if (orders.day[i] >= asOf) continue;
    const m = monthOfDay(orders.day[i]);
    if (m < first) first = m;
    if (m > last) last = m;
  }
  if (first === Infinity) return null;
  const span = last - first + 1;

  // Rows bucketed by month (a counting sort), so that any set of months is read without scanning the rest.
  const start = new Int32Array(span + 1);
  const rowMonth = new Int32Array(orders.rows).fill(-1);
  for (let i = 0; i < orders.rows; i++) {
    if (orders.day[i] >= asOf) continue;
    rowMonth[i] = monthOfDay(orders.day[i]) - first;
    start[rowMonth[i] + 1]++;
  }
  for (let m = 0; m < span; m++) start[m + 1] += start[m];
  const rowsByMonth = new Int32Array(start[span]);
  const fill = start.slice(0, span);
  for (let i = 0; i < orders.rows; i++) if (rowMonth[i] >= 0) rowsByMonth[fill[rowMonth[i]]++] = i;

  // Each customer's first month in the data (their first order, whatever its amount).
  const customers = idCount(orders.customer);
  const firstMonth = new Int32Array(customers).fill(span);
  for (let i = 0; i < orders.rows; i++) if (rowMonth[i] >= 0 && rowMonth[i] < firstMonth[orders.customer[i]]) firstMonth[orders.customer[i]] = rowMonth[i];

  const customerStamp = new Int32Array(customers);
  const customerOrders = new Int32Array(customers);
  const orderStamp = orders.order ? new Int32Array(idCount(orders.order)) : null;
  let stamp = 0;

  /** Figures over month offsets `offsets` (0 = first month). */
  const figures = (offsets: readonly number[]): PeriodFigures => {
    stamp++;
    const inSet = new Uint8Array(span);
    for (const k of offsets) inSet[k] = 1;
    const gmv = new ExactSum();
    const newGmv = new ExactSum();
    const refunds = new ExactSum();
    let ordersCount = 0;
    let buyers = 0;
    let repeatBuyers = 0;
    let newBuyers = 0;
    let newCustomers = 0;
    let units = 0;
    for (const k of offsets) {
      for (let j = start[k]; j < start[k + 1]; j++) {
        const i = rowsByMonth[j];
        const c = orders.customer[i];
        const a = orders.amount[i];
        gmv.add(a);
        const isNew = inSet[firstMonth[c]] === 1;
        if (isNew) newGmv.add(a);
        if (a < 0) refunds.add(-a);
        if (!(a > 0)) continue;
        if (quantity) units += quantity[i];
        let newOrder = true;
        if (orderStamp) {
          const o = orders.order![i];
          if (o >= 0) {
            newOrder = orderStamp[o] !== stamp;
            orderStamp[o] = stamp;
          }
        }
        if (customerStamp[c] !== stamp) {
          customerStamp[c] = stamp;
          customerOrders[c] = 0;
          buyers++;
          if (isNew) newBuyers++;
        }
        if (newOrder) {
          ordersCount++;
          if (++customerOrders[c] === 2) repeatBuyers++;
        }
      }
    }
    for (let c = 0; c < customers; c++) if (firstMonth[c] < span && inSet[firstMonth[c]]) newCustomers++;
    return { gmv: gmv.value, orders: ordersCount, buyers, repeatBuyers, newCustomers, newBuyers, newGmv: newGmv.value, refunds: refunds.value, units };
  };

  const months = Array.from({ length: span }, (_, k) => first + k);
  const monthly = months.map((_, k) => figures([k]));
  const cache = new Map<string, PeriodFigures>();
  const period = (set: readonly Month[]): PeriodFigures | null => {
    if (set.length === 0 || set.some((m) => m < first || m > last)) return null;
    const key = set.join(",");
    let found = cache.get(key);
    if (!found) cache.set(key, (found = figures(set.map((m) => m - first))));
    return found;
  };

  const column = (key: BaseMetricKey, header: string, pick: (f: PeriodFigures) => number, exact: boolean): MonthlyColumn => ({
    header,
    headerAddress: "",
    meaning: { kind: "metric", key },
    scale: 1,
    values: monthly.map(pick),
    cells: months.map(() => ""),
    ...(exact ? { periodTotal: (set: readonly Month[]) => { const f = period(set); return f === null ? null : pick(f); } } : {}),
  });
  const table: MonthlyTable = {
    sheet: options.sheet ?? "",
    layout: "long",
    months,
    columns: [
      column("gmv", "GMV", (f) => f.gmv, false),
      column("orders", "订单数", (f) => f.orders, true),
      column("buyers", "支付买家数", (f) => f.buyers, true),
      column("repeatBuyers", "复购买家数", (f) => f.repeatBuyers, true),
      column("newCustomers", "新客数", (f) => f.newCustomers, false),
      // Refunds (and so the refund rate) where the list has refund rows; units (件单价, 连带率) where every sale line has a quantity.
      ...(monthly.some((f) => f.refunds > 0) ? [column("refunds", "退款金额", (f) => f.refunds, false)] : []),
      ...(quantity && monthly.every((f) => Number.isFinite(f.units)) ? [column("units", "件数", (f) => f.units, false)] : []),
    ],
  };
  return { table, months, monthly, period, firstMonth: first, asOf };
}
