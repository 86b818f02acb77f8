/**
 * Categories of a period from an order list (domain.md): GMV this period and last year per category, and
 * GMV by month and category for the mix chart. Shares, YoY, pp and the contribution to the change of GMV
 * (Δᵢ = ACᵢ − PYᵢ, adding up to ΔGMV exactly) are derived from these in the sheet.
 */
import type { Period } from "../kpi/scorecard";
import { periodMonths, previousYear } from "../kpi/scorecard";
import { monthOfDay, type OrderTable } from "../customers/orderTable";
import type { Month } from "../read/month";
import { periodDays } from "./periodDays";

export interface CategoryRow {
  category: string;
  gmv: number;
  previous: number;
}

export interface CategorySection {
  /** By GMV this period, descending (then name). */
  rows: CategoryRow[];
  months: Month[];
  /** GMV by month (rows) and category (columns, as `rows`). */
  monthly: number[][];
}

/** The period's category figures; null without a category column or without sales in the period. */
export function categoryMix(orders: OrderTable, period: Period, asOf: number): CategorySection | null {
  const { category, categoryIds } = orders;
  if (!category || !categoryIds) return null;
  const current = periodDays(period, asOf);
  const before = periodDays(previousYear(period), asOf);
  const months = periodMonths(period);
  const n = categoryIds.length;
  const gmv = new Float64Array(n);
  const previous = new Float64Array(n);
  const sold = new Uint8Array(n);
  const monthly = new Float64Array(months.length * n);
  for (let i = 0; i < orders.rows; i++) {
    const d = orders.day[i];
    const k = category[i];
    if (d >= current.from && d < current.to) {
      gmv[k] += orders.amount[i];
      sold[k] = 1;
      monthly[(monthOfDay(d) - period.from) * n + k] += orders.amount[i];
    } else if (d >= before.from && d < before.to) {
      previous[k] += orders.amount[i];
      sold[k] = 1;
    }
  }
  const order = Array.from(categoryIds.keys())
    .filter((k) => sold[k])
    .sort((x, y) => gmv[y] - gmv[x] || (categoryIds[x] < categoryIds[y] ? -1 : categoryIds[x] > categoryIds[y] ? 1 : 0));
  if (order.length === 0) return null;
  return {
    rows: order.map((k) => ({ category: categoryIds[k], gmv: gmv[k], previous: previous[k] })),
    months,
    monthly: months.map((_, m) => order.map((k) => monthly[m * n + k])),
  };
}
